// Fuzz target: what clerk serve does itself with a request once cpp-httplib
// has read it (serve/url_path.h, serve/host_check.h): the target turned
// into a file path inside the served folder, the folder URL a redirect
// sends back, and the Host header check. The input is a Host value and a
// target, separated by the first newline.
// Invariants: no crash, no sanitizer report, no uncaught exception; a safe
// path never leaves the served folder (no empty, ".", ".." or hidden
// segment, no backslash or NUL, not absolute); a folder URL starts with
// exactly one '/', holds no '?', '#', backslash or control character, and
// reads back as the same folder; a decoded text is never longer than the
// encoded one; only the three loopback names with our port pass the Host
// check, and two Host headers never do.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "serve/host_check.h"
#include "serve/url_path.h"

namespace {

using namespace clerk::serve;

constexpr int kPort = 8000;

void CheckSafePath(const SafePath& safe) {
  const std::string& rel = safe.relative;
  FUZZ_CHECK_MSG(rel.find('\0') == std::string::npos, rel);
  FUZZ_CHECK_MSG(rel.find('\\') == std::string::npos, rel);
  if (rel.empty()) return;
  FUZZ_CHECK_MSG(rel.front() != '/', rel);
  size_t start = 0;
  while (true) {
    size_t slash = rel.find('/', start);
    std::string_view segment = std::string_view(rel).substr(start, slash - start);
    FUZZ_CHECK_MSG(!segment.empty() && segment.front() != '.', rel);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
}

void CheckFolderUrl(const SafePath& safe) {
  std::string url = FolderUrlPath(safe.relative);
  FUZZ_CHECK_MSG(url.front() == '/', url);
  FUZZ_CHECK_MSG(url.size() == 1 || (url[1] != '/' && url[1] != '\\'), url);
  for (unsigned char c : url)
    FUZZ_CHECK_MSG(c > 0x20 && c < 0x7f && c != '?' && c != '#' && c != '\\', url);
  // The redirect leads to the same folder.
  std::optional<SafePath> again = ToSafePath(url);
  FUZZ_CHECK_MSG(again && again->relative == safe.relative && again->trailing_slash, url);
}

void CheckHostValue(std::string_view host) {
  bool ours = host == "127.0.0.1:8000" || host == "[::1]:8000" ||
              (host.size() == 14 && host.substr(9) == ":8000" &&
               std::equal(host.begin(), host.begin() + 9, "localhost", [](char a, char b) {
                 return (a | 0x20) == b;
               }));
  FUZZ_CHECK_MSG(IsLoopbackHost(host, kPort) == ours, std::string(host));
  HttpRequest request;
  request.version = "HTTP/1.1";
  request.hosts = {std::string(host)};
  FUZZ_CHECK(CheckHost(request, kPort) == (ours ? HostVerdict::kOk : HostVerdict::kForeign));
  request.hosts.push_back("127.0.0.1:8000");
  FUZZ_CHECK(CheckHost(request, kPort) == HostVerdict::kAmbiguous);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view host = input.substr(0, newline);
  std::string_view target =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  CheckHostValue(host);

  Target parts = SplitTarget(target);
  FUZZ_CHECK(parts.path.size() + parts.query.size() <= target.size());
  FUZZ_CHECK(parts.path.find('?') == std::string::npos);
  FUZZ_CHECK(parts.path.find('#') == std::string::npos);
  if (std::optional<std::string> decoded = PercentDecode(parts.path)) {
    FUZZ_CHECK(decoded->size() <= parts.path.size());
    // An encoded NUL is refused, so none comes out that was not sent.
    if (parts.path.find('\0') == std::string::npos)
      FUZZ_CHECK(decoded->find('\0') == std::string::npos);
  }
  if (std::optional<SafePath> safe = ToSafePath(parts.path)) {
    CheckSafePath(*safe);
    CheckFolderUrl(*safe);
  }
  return 0;
}
