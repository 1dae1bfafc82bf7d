// clerk serve: reading an HTTP/1.1 request and turning its target into a
// safe path inside the served folder. No I/O here, so it is unit tested
// directly.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace clerk::serve {

struct HttpRequest {
  std::string method;   // "GET"
  std::string target;   // as sent: "/meetings/x/?a=1"
  std::string path;     // the target without query and fragment, still encoded
  std::string query;    // after '?', without it
  std::string version;  // "HTTP/1.1"
  std::map<std::string, std::string> headers;  // names in lower case
};

enum class ParseStatus {
  kIncomplete,  // the head (request line and headers) has not all arrived
  kOk,
  kBad,       // malformed: answer 400
  kTooLarge,  // head over kMaxHeadBytes: answer 431
};

inline constexpr std::size_t kMaxHeadBytes = 16 * 1024;

// Parses the head of a request at the start of `data`. On kOk, `*head_size`
// is the number of bytes of the head (including the blank line).
ParseStatus ParseRequest(std::string_view data, HttpRequest& request,
                         std::size_t* head_size = nullptr);

// "%2e%2E" -> "..". Returns nothing for a malformed escape or an encoded NUL.
std::optional<std::string> PercentDecode(std::string_view text);

// A URL path as a path relative to the served folder.
struct SafePath {
  std::string relative;         // "meetings/x" ("" for the root); '/'-separated
  bool trailing_slash = false;  // the URL ended in '/' (a folder URL)
};

// The URL path (encoded, starting with '/') as a relative path that cannot
// leave the served folder: no "." or ".." segments (also when encoded), no
// hidden files ("/.clerk-site"), no NUL, no backslash, nothing absolute.
// Returns nothing when the path is unsafe or malformed.
std::optional<SafePath> ToSafePath(std::string_view url_path);

// The URL path of the folder `relative` (as ToSafePath gives it): "/" for
// the root, else "/meetings/x/", each segment percent-encoded again. It
// starts with exactly one '/', so a browser can never read it as another
// host ("//evil.example/" is protocol-relative, and browsers read "/\evil"
// the same way), and it holds no '?', '#', backslash or control character.
std::string FolderUrlPath(std::string_view relative);

}  // namespace clerk::serve
