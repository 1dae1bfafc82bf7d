#include "serve/url_path.h"

#include <algorithm>
#include <cctype>

#include "model/ascii.h"

namespace clerk::serve {

Target SplitTarget(std::string_view target) {
  if (std::size_t hash = target.find('#'); hash != std::string_view::npos)
    target = target.substr(0, hash);
  Target parts;
  std::size_t question = target.find('?');
  parts.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos)
    parts.query = std::string(target.substr(question + 1));
  return parts;
}

std::optional<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = ascii::HexValue(text[i + 1]);
    int low = ascii::HexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    char c = static_cast<char>(high * 16 + low);
    if (c == '\0') return std::nullopt;
    out += c;
    i += 2;
  }
  return out;
}

std::optional<SafePath> ToSafePath(std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;  // absolute-form
  std::optional<std::string> decoded = PercentDecode(url_path);
  // A NUL as it is, too (the library refuses a request line holding one,
  // but a path must never carry one to the file system).
  if (!decoded || decoded->find('\0') != std::string::npos) return std::nullopt;
  SafePath safe;
  safe.trailing_slash = decoded->back() == '/';
  std::string_view rest = *decoded;
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    rest.remove_prefix(slash == std::string_view::npos ? rest.size() : slash + 1);
    if (segment.empty()) continue;  // "//": the same folder
    // ".", "..", hidden files and anything a backslash could turn into them.
    if (segment.front() == '.' || segment.find('\\') != std::string_view::npos)
      return std::nullopt;
    if (!safe.relative.empty()) safe.relative += '/';
    safe.relative += segment;
  }
  return safe;
}

std::string FolderUrlPath(std::string_view relative) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "/";
  for (unsigned char c : relative) {
    // Unreserved characters and the sub-delimiters a path may hold as they
    // are (RFC 3986 3.3); the '/' between segments; everything else, bytes
    // of UTF-8 included, escaped.
    if (std::isalnum(c) ||
        std::string_view("-._~!$&'()*+,;=:@/").find(static_cast<char>(c)) !=
            std::string_view::npos) {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  if (url.size() > 1) url += '/';
  return url;
}

}  // namespace clerk::serve
