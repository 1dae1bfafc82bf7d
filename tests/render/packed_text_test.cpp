#include "render/packed_text.h"

#include <catch2/catch.hpp>
#include <stdexcept>

using namespace clerk;

TEST_CASE("a packed text unpacks to the same bytes, and smaller", "[render][packed]") {
  std::string html;
  for (int i = 0; i < 500; ++i)
    html += "<tr><td>Row " + std::to_string(i) + "</td><td>£" + std::to_string(i * 7) +
            "</td></tr>\n";
  html += std::string("\0binary\xff", 8);
  PackedText packed = Pack(html);
  CHECK(packed.size == html.size());
  CHECK(packed.bytes.size() * 4 < html.size());
  CHECK(Unpack(packed) == html);
  CHECK(Unpack(Pack("")) == "");
}

TEST_CASE("a damaged packed text is an error, not other text", "[render][packed]") {
  PackedText packed = Pack("<p>The committee noted the report.</p>");
  PackedText short_one = packed;
  short_one.bytes.resize(short_one.bytes.size() / 2);
  CHECK_THROWS_AS(Unpack(short_one), std::runtime_error);
  PackedText wrong_size = packed;
  wrong_size.size += 1;
  CHECK_THROWS_AS(Unpack(wrong_size), std::runtime_error);
}
