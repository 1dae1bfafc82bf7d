#include "output/safe_text.h"

#include "render/html_text.h"

namespace clerk::output {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes the UTF-8 character at text[i]: its code point and length, or
// length 0 when the bytes there are not UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
struct Decoded {
  char32_t code = 0;
  size_t length = 0;
};

Decoded Decode(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  size_t length = 0;
  char32_t code = 0, min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2, code = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3, code = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4, code = b0 & 0x07, min = 0x10000;
  } else {
    return {};
  }
  if (i + length > text.size()) return {};
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {};
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {code, length};
}

// Walks `text`, calling keep(code) for each character: true copies it,
// false drops it. Bytes that are not UTF-8 become U+FFFD, one per byte.
template <typename Keep>
std::string Filter(std::string_view text, Keep keep) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    Decoded d = Decode(text, i);
    if (d.length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (d.code != 0xFFFE && d.code != 0xFFFF && keep(d.code))
      out.append(text, i, d.length);
    i += d.length;
  }
  return out;
}

}  // namespace

std::string XmlChars(std::string_view text) {
  return Filter(
      text, [](char32_t c) { return c >= 0x20 || c == '\t' || c == '\n' || c == '\r'; });
}

std::string XmlText(std::string_view text) {
  return EscapeXml(XmlChars(text));
}

std::string IcalChars(std::string_view text, bool multiline) {
  // Line breaks first, so CR LF is one break and a lone CR is one too.
  std::string lines;
  lines.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines += multiline ? '\n' : ' ';
    } else if (text[i] == '\n') {
      lines += multiline ? '\n' : ' ';
    } else {
      lines += text[i];
    }
  }
  return Filter(lines, [](char32_t c) {
    return (c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n';
  });
}

}  // namespace clerk::output
