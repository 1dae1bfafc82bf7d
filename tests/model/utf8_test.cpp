#include "model/utf8.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace clerk;

TEST_CASE("utf8 accepts every well-formed character, the edges included", "[utf8]") {
  for (const char* text : {
           "", "plain ASCII", "caf\xC3\xA9",  // é
           "\xC2\x80",                        // U+0080, the first two-byte
           "\xDF\xBF",                        // U+07FF
           "\xE0\xA0\x80",                    // U+0800, the first three-byte
           "\xE2\x82\xAC",                    // €
           "\xED\x9F\xBF",                    // U+D7FF, just below the surrogates
           "\xEE\x80\x80",                    // U+E000, just above them
           "\xEF\xBF\xBD",                    // U+FFFD
           "\xF0\x90\x80\x80",                // U+10000, the first four-byte
           "\xF0\x9F\x98\x80",                // an emoji
           "\xF4\x8F\xBF\xBF",                // U+10FFFF, the last
       }) {
    INFO(text);
    CHECK(utf8::IsValid(text));
  }
}

TEST_CASE("utf8 refuses overlong forms, surrogates, big and cut-off sequences",
          "[utf8]") {
  struct Case {
    std::string text;
    size_t first_bad;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"ab\xC0\xAF", 2},        // overlong '/': the bytes of issue 18
           {"\xC1\xBF", 0},          // overlong U+007F
           {"\xE0\x80\xAF", 0},      // overlong three-byte
           {"\xE0\x9F\xBF", 0},      // overlong U+07FF
           {"\xF0\x80\x80\xAF", 0},  // overlong four-byte
           {"\xF0\x8F\xBF\xBF", 0},  // overlong U+FFFF
           {"x\xED\xA0\x80", 1},     // U+D800, a surrogate
           {"\xED\xBF\xBF", 0},      // U+DFFF
           {"\xF4\x90\x80\x80", 0},  // U+110000
           {"\xF5\x80\x80\x80", 0},  // lead byte past the last plane
           {"\xFF", 0},              // never in UTF-8
           {"\x80", 0},              // a continuation alone
           {"caf\xE9", 3},           // Latin-1
           {"caf\xE9.yaml", 3},      // Latin-1, more after it
           {"\xE2\x82", 0},          // cut off at the end
           {"\xE2\x28\xA1", 0},      // cut off by ASCII
           {"ok \xF0\x9F\x98", 3},   // four-byte cut off
       }) {
    INFO(utf8::Escaped(c.text));
    CHECK_FALSE(utf8::IsValid(c.text));
    CHECK(utf8::FirstInvalid(c.text) == c.first_bad);
  }
}

TEST_CASE("utf8 escapes bad bytes and control characters for messages", "[utf8]") {
  CHECK(utf8::Escaped("caf\xE9.yaml") == "caf\\xE9.yaml");
  CHECK(utf8::Escaped("caf\xC3\xA9.yaml") == "caf\xC3\xA9.yaml");
  CHECK(utf8::Escaped(std::string("a\nb\0c\x7F", 6)) == "a\\x0Ab\\x00c\\x7F");
  CHECK(utf8::Escaped("\xC0\xAF") == "\\xC0\\xAF");
  CHECK(utf8::Escaped("tab\there") == "tab\\x09here");
}

namespace {

// The checks byte by byte, as they were before they read eight bytes at a
// time: what the fast versions must always agree with.
size_t FirstInvalidByteByByte(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = utf8::CharLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

size_t FirstForbiddenByteByByte(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i)
    if (utf8::IsForbiddenControl(static_cast<unsigned char>(text[i]))) return i;
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("utf8's checks find the same first byte as a byte-by-byte look, wherever it is",
          "[utf8]") {
  // Mostly ASCII text with line feeds and tabs, with one odd byte or
  // character put at every offset of texts of every length up to 40, so that
  // it falls at each place of an eight-byte word and in the tail after the
  // last whole word.
  const std::vector<std::string> odd = {std::string(1, '\0'),
                                        "\x01",
                                        "\x1F",
                                        "\x7F",
                                        "\r",
                                        "\x80",
                                        "\xC3",
                                        "\xC3\xA9",
                                        "\xE2\x80\x93",
                                        "\xF0\x9F\x98\x80",
                                        "\xED\xA0\x80",
                                        "\xFF",
                                        "\x7E",
                                        "\x20",
                                        "\x9F"};
  const std::string base = "Item 4.\tThe Council noted\nthe report ~ of 2024.\n";
  int checked = 0;
  for (size_t length = 0; length <= 40; ++length) {
    const std::string plain = base.substr(0, length);
    CHECK(utf8::FirstInvalid(plain) == FirstInvalidByteByByte(plain));
    CHECK(utf8::FirstForbiddenControl(plain) == FirstForbiddenByteByByte(plain));
    for (size_t at = 0; at <= length; ++at) {
      for (const std::string& o : odd) {
        const std::string text = plain.substr(0, at) + o + plain.substr(at);
        INFO("length " << length << ", at " << at << ": " << utf8::Escaped(text));
        CHECK(utf8::FirstInvalid(text) == FirstInvalidByteByByte(text));
        CHECK(utf8::FirstForbiddenControl(text) == FirstForbiddenByteByByte(text));
        ++checked;
      }
    }
  }
  CHECK(checked > 10000);
  // Bytes next to the edges of the control range, in every place of a word.
  for (int b = 0; b < 256; ++b) {
    for (size_t at = 0; at < 9; ++at) {
      std::string text(9, 'a');
      text[at] = static_cast<char>(b);
      CHECK(utf8::FirstForbiddenControl(text) == FirstForbiddenByteByByte(text));
      CHECK(utf8::FirstInvalid(text) == FirstInvalidByteByByte(text));
    }
  }
}
