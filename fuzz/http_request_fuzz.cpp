// Fuzz target: the head of an HTTP request as `clerk serve` reads it from a
// socket (serve/http_request.h), and the URL path it turns into a file path.
// The input is fed whole, and also as it might arrive in pieces (every
// prefix must give kIncomplete or the same answer as the whole).
// Invariants: no crash, no sanitizer report, no uncaught exception; a parsed
// head is no longer than the input or kMaxHeadBytes, with a token method and
// HTTP/1.0 or 1.1; a safe path never leaves the served folder (no empty,
// ".", ".." or hidden segment, no backslash or NUL, not absolute).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "serve/http_request.h"

namespace {

using namespace clerk::serve;

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 2 * kMaxHeadBytes) return -1;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  HttpRequest request;
  size_t head = 0;
  ParseStatus status = ParseRequest(input, request, &head);
  if (status == ParseStatus::kOk) {
    FUZZ_CHECK(head > 0 && head <= input.size() && head <= kMaxHeadBytes);
    FUZZ_CHECK(!request.method.empty());
    FUZZ_CHECK(request.version == "HTTP/1.1" || request.version == "HTTP/1.0");
    FUZZ_CHECK(!request.target.empty());
    FUZZ_CHECK(request.path.size() <= request.target.size());
    for (const auto& [name, value] : request.headers) {
      FUZZ_CHECK_MSG(!name.empty(), name);
      for (char c : name) FUZZ_CHECK_MSG(!(c >= 'A' && c <= 'Z'), name);  // lower case
      FUZZ_CHECK_MSG(value.find('\n') == std::string::npos, value);
    }
    // The bytes after the head (a pipelined request) do not change it.
    HttpRequest again;
    size_t again_head = 0;
    FUZZ_CHECK(ParseRequest(input.substr(0, head), again, &again_head) ==
               ParseStatus::kOk);
    FUZZ_CHECK(again_head == head && again.target == request.target &&
               again.headers == request.headers);
    if (std::optional<SafePath> safe = ToSafePath(request.path)) CheckSafePath(*safe);
  }
  // A shorter read of the same bytes is incomplete, or already decided.
  if (size > 0) {
    HttpRequest part;
    ParseStatus partial = ParseRequest(input.substr(0, size / 2), part, nullptr);
    if (partial == ParseStatus::kOk) FUZZ_CHECK(status == ParseStatus::kOk);
  }
  // The URL path on its own, as ParseRequest lets it through (no controls
  // or spaces): an encoded NUL is refused, so none comes out.
  bool plain = std::none_of(input.begin(), input.end(),
                            [](unsigned char c) { return c <= 0x20 || c == 0x7f; });
  if (std::optional<std::string> decoded = PercentDecode(input)) {
    FUZZ_CHECK(decoded->size() <= input.size());
    if (plain) FUZZ_CHECK(decoded->find('\0') == std::string::npos);
  }
  if (plain)
    if (std::optional<SafePath> safe = ToSafePath(input)) CheckSafePath(*safe);
  return 0;
}
