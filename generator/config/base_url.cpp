#include "config/base_url.h"

#include <cctype>
#include <cstdlib>

#include "model/ascii.h"

namespace clerk {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// A character allowed in the path: RFC 3986 unreserved, '%' (checked as
// %XX apart) and the delimiters that cannot end an attribute, a text line or
// an XML value ('&' and the quote are left out: an address that needs them
// is no site's root).
bool IsPathChar(char c) {
  if (ascii::IsAlnum(c)) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '/':
    case '%':
    case '!':
    case '$':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
      return true;
    default:
      return false;
  }
}

// How to name a character that may not be in the address, for the message.
std::string Describe(unsigned char c) {
  if (c == ' ') return "a space";
  if (c == '\t') return "a tab";
  if (c == '\r' || c == '\n') return "a line break";
  if (c < 0x20 || c == 0x7F) return "a control character";
  if (c >= 0x80) return "a character outside ASCII (write it as %XX, a host as xn--...)";
  return std::string("'") + static_cast<char>(c) + "'";
}

// The address as the message shows it: a line break or control character
// in it must not start a line of its own in clerk's output, so such bytes
// (and those outside ASCII) are written as escapes ("\r\n", "\x01").
std::string Shown(const std::string& url) {
  std::string out;
  for (unsigned char c : url) {
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c >= 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool Fail(std::string* error, const std::string& url, const std::string& why) {
  if (error) *error = "'" + Shown(url) + "' is not a usable base URL: " + why;
  return false;
}

// Checks the host (and port) between "://" and the path; lower-cases it.
bool CheckAuthority(std::string& authority, const std::string& url, std::string* error) {
  if (authority.empty()) return Fail(error, url, "it has no host name after '://'");
  if (authority.find('@') != std::string::npos)
    return Fail(error, url,
                "it holds a user name or password ('@'): give the site's public address");
  std::string host = authority, port;
  if (host.front() == '[') {
    size_t close = host.find(']');
    if (close == std::string::npos)
      return Fail(error, url, "its [IPv6] host is not closed");
    for (size_t i = 1; i < close; ++i)
      if (!std::isxdigit(static_cast<unsigned char>(host[i])) && host[i] != ':' &&
          host[i] != '.')
        return Fail(error, url, "its [IPv6] host holds " + Describe(host[i]));
    if (close == 1) return Fail(error, url, "its [IPv6] host is empty");
    port = host.substr(close + 1);
    host.resize(close + 1);
    if (!port.empty() && port.front() != ':')
      return Fail(error, url, "something follows its [IPv6] host");
  } else {
    size_t colon = host.find(':');
    if (colon != std::string::npos) {
      port = host.substr(colon);
      host.resize(colon);
    }
    if (host.empty()) return Fail(error, url, "it has no host name after '://'");
    for (char c : host)
      if (!ascii::IsAlnum(c) && c != '-' && c != '.')
        return Fail(error, url,
                    "its host name holds " + Describe(static_cast<unsigned char>(c)));
    if (host.front() == '.' || host.front() == '-' ||
        host.find("..") != std::string::npos)
      return Fail(error, url, "its host name '" + host + "' is not a host name");
  }
  if (!port.empty()) {
    std::string digits = port.substr(1);
    bool ok = !digits.empty() && digits.size() <= 5;
    for (char c : digits) ok = ok && IsDigit(c);
    if (!ok || std::atoi(digits.c_str()) < 1 || std::atoi(digits.c_str()) > 65535)
      return Fail(error, url,
                  "its port '" + digits + "' is not a number from 1 to 65535");
  }
  authority = ascii::Lower(host) + port;
  return true;
}

}  // namespace

std::optional<std::string> CheckBaseUrl(const std::string& url, std::string* error) {
  // Characters no address may hold, wherever they are: named first, as the
  // likeliest slip (a space, a line break pasted with the address).
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' ||
        c == '\\' || c == '`' || c == '{' || c == '}' || c == '|' || c == '^') {
      Fail(error, url, "it holds " + Describe(c));
      return std::nullopt;
    }
  }
  const std::string lower = ascii::Lower(url);
  size_t scheme_end = 0;
  if (lower.rfind("https://", 0) == 0)
    scheme_end = 8;
  else if (lower.rfind("http://", 0) == 0)
    scheme_end = 7;
  else {
    Fail(error, url,
         "it must start with https:// (or http://), the address readers visit");
    return std::nullopt;
  }
  if (url.find_first_of("?#") != std::string::npos) {
    Fail(error, url,
         "it holds a query ('?') or fragment ('#'): pages are addressed below it");
    return std::nullopt;
  }
  size_t path_at = url.find('/', scheme_end);
  if (path_at == std::string::npos) path_at = url.size();
  std::string authority = url.substr(scheme_end, path_at - scheme_end);
  if (!CheckAuthority(authority, url, error)) return std::nullopt;
  std::string path = url.substr(path_at);
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (!IsPathChar(c)) {
      Fail(error, url, "its path holds " + Describe(static_cast<unsigned char>(c)));
      return std::nullopt;
    }
    if (c == '%' &&
        !(i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) &&
          std::isxdigit(static_cast<unsigned char>(path[i + 2])))) {
      Fail(error, url, "'%' in its path must start a %XX escape");
      return std::nullopt;
    }
  }
  if (path.empty() || path.back() != '/') path += '/';
  // "." and ".." segments would be resolved away by browsers but not by
  // calendars and feed readers: the same page under two addresses.
  for (size_t at = 0; at < path.size();) {
    size_t next = path.find('/', at + 1);
    std::string segment = path.substr(at + 1, next - at - 1);
    if (segment == "." || segment == "..") {
      Fail(error, url, "its path holds a '" + segment + "' segment");
      return std::nullopt;
    }
    if (next == std::string::npos) break;
    at = next;
  }
  return lower.substr(0, scheme_end) + authority + path;
}

}  // namespace clerk
