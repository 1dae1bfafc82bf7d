// The site's public address (site.yaml `base_url`, `clerk build --base-url`).
// It is written into every calendar event, feed, sitemap and absolute link,
// so it is checked before anything uses it: a CR LF in it would add lines to
// every calendar event, a `javascript:` address would turn every absolute
// link into a script.
//
// Accepted: an absolute http:// or https:// URL with a host (letters,
// digits, hyphens and dots, or [IPv6]), an optional port and path; no user
// name or password, no query (`?`) or fragment (`#`), no `.` or `..`
// segments, nothing but printable ASCII (write other characters as %XX and
// a host in its xn-- form), and none of whitespace, quotes, `<`, `>`, `\`,
// `&`, `{`, `}`, `|`, `^` or `` ` ``. The scheme and host are written in
// lower case, and a missing final `/` is added ("https://x.example/papers"
// -> "https://x.example/papers/"), since pages are addressed below it.
#pragma once

#include <optional>
#include <string>

namespace clerk {

// The base URL as Clerk uses it, or nullopt with the reason in *error
// ("'javascript:alert(1)' is not a web address: it must start with
// https:// or http://").
std::optional<std::string> CheckBaseUrl(const std::string& url, std::string* error);

}  // namespace clerk
