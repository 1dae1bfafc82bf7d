#include "model/ascii.h"

#include <catch2/catch.hpp>
#include <cctype>

using namespace clerk;

TEST_CASE("ASCII classes answer as <cctype> does in the C locale, for every byte",
          "[model]") {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const unsigned char u = static_cast<unsigned char>(b);
    INFO("byte " << b);
    CHECK(ascii::IsAlnum(c) == (std::isalnum(u) != 0));
    CHECK(ascii::IsAlpha(c) == (std::isalpha(u) != 0));
    CHECK(ascii::IsUpper(c) == (std::isupper(u) != 0));
    CHECK(ascii::IsLower(c) == (std::islower(u) != 0));
    CHECK(ascii::IsDigit(c) == (std::isdigit(u) != 0));
    CHECK(ascii::ToLower(c) == static_cast<char>(std::tolower(u)));
    CHECK(ascii::ToUpper(c) == static_cast<char>(std::toupper(u)));
  }
  // UTF-8 is left as it is.
  CHECK(ascii::Lower("ÉCOLE Ümlaut SEND") == "École Ümlaut send");
}
