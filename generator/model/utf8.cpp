#include "model/utf8.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace clerk::utf8 {

namespace {

// Eight bytes at a time: every source file is checked whole on each read,
// and nearly all its bytes are plain ASCII.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

std::uint64_t Load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

constexpr std::uint64_t kLowBits = ~kHighBits;

// The high bit of each byte of `v` that is below `n` (at most 0x80), and no
// other bit: no carry crosses from one byte to the next.
std::uint64_t BytesBelow(std::uint64_t v, unsigned n) {
  return ~(((v & kLowBits) + kOnes * (0x80 - n)) | v) & kHighBits;
}

// The high bit of each byte of `v` equal to `c`, and no other bit.
std::uint64_t BytesEqual(std::uint64_t v, unsigned char c) {
  return BytesBelow(v ^ (kOnes * c), 1);
}

}  // namespace

size_t CharLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  // The lead byte gives the length and, for E0, ED, F0 and F4, a narrower
  // range for the second byte: that is what rules out overlong forms,
  // surrogates and code points above U+10FFFF (RFC 3629, section 4).
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;  // a continuation byte, C0, C1 or F5 to FF
  }
  if (text.size() - i < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t k = 2; k < length; ++k)
    if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
  return length;
}

size_t FirstInvalid(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    // ASCII runs are most of every file: no call per byte for them.
    if (i + 8 <= text.size() && (Load8(text.data() + i) & kHighBits) == 0) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t length = CharLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

size_t FirstForbiddenControl(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t v = Load8(text.data() + i);
    const std::uint64_t bad = (BytesBelow(v, 0x20) & ~BytesEqual(v, '\t') &
                               ~BytesEqual(v, '\n') & ~BytesEqual(v, '\r')) |
                              BytesEqual(v, 0x7F);
    // The lowest byte of the word is the first in the text (x86 and ARM
    // are little-endian; a big-endian machine takes the loop below).
    if (bad != 0 && std::endian::native == std::endian::little)
      return i + static_cast<size_t>(std::countr_zero(bad)) / 8;
    if (bad != 0) break;
  }
  for (; i < text.size(); ++i)
    if (IsForbiddenControl(static_cast<unsigned char>(text[i]))) return i;
  return std::string_view::npos;
}

std::string Escaped(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = CharLength(text, i);
    if (length == 0 || c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace clerk::utf8
