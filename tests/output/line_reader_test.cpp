#include "files/line_reader.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace clerk;

namespace {
std::vector<std::string> Lines(std::string_view text) {
  LineReader reader(text);
  std::vector<std::string> out;
  std::string_view line;
  while (reader.Next(line)) out.emplace_back(line);
  return out;
}
}  // namespace

TEST_CASE("a line reader splits at line breaks and keeps a last unbroken line",
          "[output]") {
  CHECK(Lines("").empty());
  CHECK(Lines("a\nb\n") == std::vector<std::string>{"a", "b"});
  CHECK(Lines("a\n\nb") == std::vector<std::string>{"a", "", "b"});
  CHECK(Lines("\n") == std::vector<std::string>{""});
  LineReader reader("one\ntwo\n");
  std::string_view line;
  REQUIRE(reader.Next(line));
  CHECK(reader.rest() == "two\n");
}
