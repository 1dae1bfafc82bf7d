#include "serve/http_request.h"

#include <algorithm>
#include <cctype>

namespace clerk::serve {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ParseStatus ParseRequest(std::string_view data, HttpRequest& request,
                         std::size_t* head_size) {
  // The head ends at the first blank line; accept bare "\n" line ends too.
  std::size_t end = data.find("\r\n\r\n");
  std::size_t end_size = 4;
  std::size_t bare = data.find("\n\n");
  if (bare != std::string_view::npos && (end == std::string_view::npos || bare < end)) {
    end = bare;
    end_size = 2;
  }
  if (end == std::string_view::npos)
    return data.size() > kMaxHeadBytes ? ParseStatus::kTooLarge
                                       : ParseStatus::kIncomplete;
  if (end + end_size > kMaxHeadBytes) return ParseStatus::kTooLarge;

  // The request line and the header lines, each ending in '\n' (the blank
  // line's own line end is left out). With no header lines at all
  // ("GET / HTTP/1.0\r\n\r\n") the headers are empty.
  std::string_view head = data.substr(0, end + (end_size == 4 ? 2 : 1));
  std::size_t line_end = head.find('\n');
  std::string_view line = Trim(head.substr(0, line_end));
  head.remove_prefix(line_end == std::string_view::npos ? head.size() : line_end + 1);

  // Request line: METHOD SP target SP HTTP/1.x, single spaces.
  std::size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos) return ParseStatus::kBad;
  std::size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
    return ParseStatus::kBad;
  HttpRequest parsed;
  parsed.method = std::string(line.substr(0, sp1));
  parsed.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  parsed.version = std::string(line.substr(sp2 + 1));
  if (!IsToken(parsed.method)) return ParseStatus::kBad;
  if (parsed.version != "HTTP/1.1" && parsed.version != "HTTP/1.0")
    return ParseStatus::kBad;
  if (parsed.target.empty() ||
      std::any_of(parsed.target.begin(), parsed.target.end(),
                  [](unsigned char c) { return c <= 0x20 || c == 0x7f; }))
    return ParseStatus::kBad;

  std::string_view target = parsed.target;
  if (std::size_t hash = target.find('#'); hash != std::string_view::npos)
    target = target.substr(0, hash);
  std::size_t question = target.find('?');
  parsed.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos)
    parsed.query = std::string(target.substr(question + 1));

  while (!head.empty()) {
    line_end = head.find('\n');
    std::string_view header = head.substr(0, line_end);
    head.remove_prefix(line_end == std::string_view::npos ? head.size() : line_end + 1);
    if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
    if (header.empty()) continue;
    std::size_t colon = header.find(':');
    if (colon == std::string_view::npos || !IsToken(header.substr(0, colon)))
      return ParseStatus::kBad;  // also obsolete line folding
    std::string name = Lower(header.substr(0, colon));
    // Two Host headers could name two hosts; which one counts is how
    // request smuggling starts (RFC 9112 3.2: answer 400).
    if (name == "host" && parsed.headers.count(name)) return ParseStatus::kBad;
    parsed.headers[name] = std::string(Trim(header.substr(colon + 1)));
  }
  request = std::move(parsed);
  if (head_size) *head_size = end + end_size;
  return ParseStatus::kOk;
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
    int high = HexValue(text[i + 1]);
    int low = HexValue(text[i + 2]);
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
  if (!decoded) return std::nullopt;
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
