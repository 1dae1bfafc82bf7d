// clerk serve: a request's target as a safe path inside the served folder.
// cpp-httplib reads the request; the target it hands over is still
// percent-encoded and is checked here, by our own rules, before any file
// is touched. No I/O here, so it is unit tested (and fuzzed) directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clerk::serve {

// A request target ("/meetings/x/?a=1") in its parts.
struct Target {
  std::string path;   // before '?' (and '#'), still encoded
  std::string query;  // after '?', without it
};

// Splits `target` at its first '?'; a '#' (which no browser sends) ends it.
Target SplitTarget(std::string_view target);

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
