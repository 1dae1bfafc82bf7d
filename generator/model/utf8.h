// UTF-8 as the web, XML and JSON need it (RFC 3629): no overlong forms, no
// surrogates (U+D800 to U+DFFF), nothing above U+10FFFF, no cut-off
// sequences. Content that passes here can be written into any page, feed or
// JSON file without a writer having to guess what a byte meant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace clerk::utf8 {

// The length (1 to 4) of the well-formed character that starts at
// text[i], or 0 if the bytes there are not one.
size_t CharLength(std::string_view text, size_t i);

// The offset of the first byte that does not start a well-formed
// character, or std::string_view::npos if the whole text is UTF-8.
size_t FirstInvalid(std::string_view text);

inline bool IsValid(std::string_view text) {
  return FirstInvalid(text) == std::string_view::npos;
}

// C0 control characters other than tab, line feed and carriage return, and
// DEL: XML 1.0 and iCalendar forbid them, and no editor shows them.
inline bool IsForbiddenControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

// The offset of the first byte IsForbiddenControl refuses, or
// std::string_view::npos if there is none.
size_t FirstForbiddenControl(std::string_view text);

// The text with every byte that is not part of well-formed UTF-8, and every
// C0 control character (tab and line feed too) and DEL, written as \xHH: to show a name
// that is not text
// ("caf\xE9.yaml") in a message without breaking the message itself.
std::string Escaped(std::string_view text);

}  // namespace clerk::utf8
