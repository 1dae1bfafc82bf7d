// Character classes for ASCII, inline. The <cctype> functions are calls
// through the C locale's tables, and the page renderers ask them of every
// character of every page (a tenth of the render stage's own time at
// N = 1,000). Clerk never sets a locale, so these answer exactly as those
// do: bytes of 0x80 and above (UTF-8) are no letter or digit.
#pragma once

#include <string>

namespace clerk::ascii {

inline bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
inline bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
inline bool IsLower(char c) {
  return c >= 'a' && c <= 'z';
}
inline bool IsAlpha(char c) {
  return IsUpper(c) || IsLower(c);
}
inline bool IsAlnum(char c) {
  return IsAlpha(c) || IsDigit(c);
}
inline char ToLower(char c) {
  return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
inline char ToUpper(char c) {
  return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}
// The value of a hex digit (0-9, a-f, A-F), or -1: for %XX escapes.
inline int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `s` with its ASCII capitals made small; other bytes as they are.
inline std::string Lower(std::string s) {
  for (char& c : s) c = ToLower(c);
  return s;
}

}  // namespace clerk::ascii
