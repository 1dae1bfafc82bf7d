#include "files/source_files.h"

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

TEST_CASE("CheckUtf8 refuses overlong forms and surrogates at the bad byte",
          "[content][utf8]") {
  // C0 AF is '/' written long: it passed, and crashed the JSON writers.
  struct Case {
    std::string text;
    int line, column;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"title: ok\n  - title: Bad \xC0\xAF here\n", 2, 16},
           {"a: \xC3\xA9\xC3\xA9 \xED\xA0\x80\n", 1, 7},  // a surrogate after two é
           {"a: \xF4\x90\x80\x80\n", 1, 4},               // above U+10FFFF
           {"one\ntwo\nx\xE2\x82", 3, 2},                 // cut off at the end
       }) {
    Diagnostics diag;
    CHECK_FALSE(CheckUtf8(c.text, "f.yaml", diag));
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.All()[0].pos == SourcePos{"f.yaml", c.line, c.column});
  }
  Diagnostics diag;
  CHECK(CheckUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n", "f.yaml", diag));
  CHECK(diag.ErrorCount() == 0);
}

TEST_CASE("CheckControlCharacters refuses NUL and other control characters",
          "[content][control-characters]") {
  {
    Diagnostics diag;
    CHECK_FALSE(
        CheckControlCharacters(std::string("a: 1\nb: x\0y\n", 12), "m.yaml", diag));
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.All()[0].pos == SourcePos{"m.yaml", 2, 5});
    CHECK(diag.All()[0].message ==
          "the file holds a NUL byte (U+0000), which is not text: delete it (such "
          "characters come from text pasted from a PDF or a damaged copy)");
  }
  {
    Diagnostics diag;
    CHECK_FALSE(CheckControlCharacters("t: \xC3\xA9\x01\x1B[0m\x7F\n", "p.md", diag));
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.All()[0].pos == SourcePos{"p.md", 1, 5});
    CHECK(diag.All()[0].message ==
          "the file holds an invisible control character (U+0001), which pages, feeds "
          "and calendars cannot carry: delete it, and the 2 more after it (such "
          "characters come from text pasted from a PDF or a damaged copy)");
  }
  Diagnostics diag;
  CHECK(CheckControlCharacters("tab\there\nline\r\n", "ok.md", diag));
  CHECK(diag.ErrorCount() == 0);
}

TEST_CASE("ReadTextFile refuses NUL bytes in a file", "[content][control-characters]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "a.yaml", std::string("name: A\0B\n", 10));
  Diagnostics diag;
  std::string text;
  CHECK_FALSE(ReadTextFile((dir.path() / "a.yaml").string(), "a.yaml", &text, diag));
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos == SourcePos{"a.yaml", 1, 8});
}
