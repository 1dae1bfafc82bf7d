#include "serve/static_files.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "serve/url_path.h"

namespace clerk::serve {

namespace fs = std::filesystem;

namespace {

// `file` (which exists) is inside `root` once symbolic links are followed.
bool StaysInside(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return false;
  fs::path real_file = fs::canonical(file, ec);
  if (ec) return false;
  auto [root_end, ignored] = std::mismatch(real_root.begin(), real_root.end(),
                                           real_file.begin(), real_file.end());
  return root_end == real_root.end();
}

}  // namespace

FileAnswer ResolveFile(const fs::path& root, std::string_view url_path,
                       std::string_view query) {
  FileAnswer answer;
  std::optional<SafePath> safe = ToSafePath(url_path);
  if (!safe) {
    answer.kind = FileAnswer::Kind::kBadRequest;
    return answer;
  }
  fs::path full = safe->relative.empty() ? root : root / safe->relative;
  std::error_code ec;
  if (fs::is_directory(full, ec)) {
    if (!safe->trailing_slash) {
      answer.kind = FileAnswer::Kind::kRedirect;
      // Built from the checked path, not the request's: "//meetings" must
      // not become "//meetings/", which a browser reads as a host.
      answer.location = FolderUrlPath(safe->relative);
      if (!query.empty()) answer.location += "?" + std::string(query);
      return answer;
    }
    full /= "index.html";
  } else if (safe->trailing_slash) {
    return answer;  // "/file.css/" is not a folder
  }
  if (!fs::is_regular_file(full, ec) || !StaysInside(root, full)) return answer;
  answer.kind = FileAnswer::Kind::kFile;
  answer.file = full;
  return answer;
}

std::string ContentType(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".ics", "text/calendar; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".pdf", "application/pdf"},
      {".wasm", "application/wasm"},
  };
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool IsHtml(const fs::path& file) {
  return ContentType(file).rfind("text/html", 0) == 0;
}

}  // namespace clerk::serve
