#include "content/source_files.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk;

TEST_CASE("ReadWholeFile reads a file exactly, whatever its size", "[content]") {
  testing::TempDir dir;
  for (size_t size : {size_t{0}, size_t{1}, size_t{4095}, size_t{4096}, size_t{100000}}) {
    std::string text;
    for (size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 26);
    const auto path = dir.path() / ("f" + std::to_string(size));
    testing::WriteFile(path, text);
    std::string bytes = "left over";
    REQUIRE(ReadWholeFile(path.string(), &bytes));
    CHECK(bytes == text);
  }
  std::string bytes;
  std::string error;
  CHECK(!ReadWholeFile((dir.path() / "missing").string(), &bytes, &error));
  CHECK(!error.empty());
  CHECK(!ReadWholeFile(dir.path().string(), &bytes));  // a folder
}

TEST_CASE("ReadWholeFile reads past the size the file had when opened", "[content]") {
  // Files under /proc say they are empty and are not: the same as a file
  // that grew after fstat. /proc/self/maps runs to more than one 4 KB read.
  std::string status, maps;
  REQUIRE(ReadWholeFile("/proc/self/status", &status));
  CHECK(status.find("Name:") != std::string::npos);
  CHECK(status.back() == '\n');
  REQUIRE(ReadWholeFile("/proc/self/maps", &maps));
  CHECK(maps.size() > 4096);
  CHECK(maps.back() == '\n');
}
