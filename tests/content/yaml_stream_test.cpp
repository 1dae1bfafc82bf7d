// A YAML stream that yaml-cpp's parser cannot move through (a lone ',') used
// to hang clerk: YAML::LoadAll looped for ever (found by fuzz/yaml_record).
// Now it is an error where the parser stuck, and a second document is still
// an error where it starts.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "content/yaml_reader.h"
#include "model/diagnostics.h"
#include "model/utf8.h"
#include "test_support.h"

using namespace clerk;

namespace {

std::string Errors(const std::string& text) {
  Diagnostics diag;
  ParseYaml(text, "f.yaml", 1, diag);
  std::string out;
  for (const Diagnostic& d : diag.All()) out += FormatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("yaml stream: text the parser cannot read is an error, not a hang",
          "[yaml-stream]") {
  CHECK(Errors(",").find("f.yaml:1:1: error: YAML cannot read what starts here (',')") ==
        0);
  CHECK(Errors("- a\n- b\n,\n")
            .find("f.yaml:3:1: error: YAML cannot read what starts here") == 0);
}

TEST_CASE("yaml stream: one document is fine, a second is named where it starts",
          "[yaml-stream]") {
  CHECK(Errors("a: 1\n").empty());
  CHECK(Errors("---\na: 1\n...\n").empty());
  CHECK(Errors("").empty());
  CHECK(Errors("a: 1\n---\nb: 2\n").find("f.yaml:2:1: error: a second YAML document") ==
        0);
}

TEST_CASE("yaml stream: a message about a bad escape never cuts a character in half",
          "[yaml-stream]") {
  // yaml-cpp quotes one byte after the backslash: here the first of two.
  std::string errors = Errors(
      "title: \"C:\\\xC3\x9C"
      "ber\"\n");
  REQUIRE(!errors.empty());
  CHECK(utf8::IsValid(errors));
}

namespace {

// How many documents ParseYaml's first parse (DocumentStarts) finds in
// `text`, up to 3, or -1 if it throws.
int Documents(const std::string& text) {
  try {
    return static_cast<int>(DocumentStarts(text).size());
  } catch (const YAML::Exception&) {
    return -1;
  }
}

}  // namespace

TEST_CASE("yaml stream: a record read in one parse never hides a second document",
          "[yaml-stream]") {
  CHECK(SurelyOneDocument("title: Budget\nminutes:\n  - a\n"));
  CHECK(SurelyOneDocument("# A comment\n\ndate: 2024-01-01\n"));
  CHECK_FALSE(SurelyOneDocument(""));
  CHECK_FALSE(SurelyOneDocument("# only a comment\n"));
  CHECK_FALSE(SurelyOneDocument("title: a\n---\ntitle: b\n"));
  CHECK_FALSE(SurelyOneDocument("title: a\n...\n"));
  CHECK_FALSE(SurelyOneDocument("- a\n,\n"));          // a list: yaml-cpp stops at ','
  CHECK_FALSE(SurelyOneDocument("'title': a\n"));      // a quoted key
  CHECK_FALSE(SurelyOneDocument("notes about it\n"));  // a scalar root
  CHECK_FALSE(SurelyOneDocument("  title: a\n"));      // not at column 0
  CHECK_FALSE(SurelyOneDocument("name:& Alex\n"));     // a plain scalar, not a key
  // Text of the shape real records have, broken at random: whenever the
  // shortcut says "one document", the parser finds at most one.
  std::vector<std::string> seeds;
  for (const auto& file : std::filesystem::directory_iterator(
           testing::SourceDir() / "fuzz/corpus/yaml_record")) {
    std::ifstream in(file.path(), std::ios::binary);
    seeds.emplace_back(std::istreambuf_iterator<char>(in),
                       std::istreambuf_iterator<char>());
  }
  REQUIRE(seeds.size() > 10);
  std::mt19937 random(20261206);
  const std::string marks = ",:-[]{}'\"#?!&*|>.%\n\n\n \tab";
  int one = 0;
  for (int i = 0; i < 60000; ++i) {
    std::string text = seeds[random() % seeds.size()];
    for (int m = random() % 4; m > 0 && !text.empty(); --m) {
      const size_t at = random() % text.size();
      if (random() % 2)
        text.insert(at, 1, marks[random() % marks.size()]);
      else
        text.erase(at, 1);
    }
    if (!SurelyOneDocument(text)) continue;
    ++one;
    INFO(text);
    REQUIRE(Documents(text) <= 1);
  }
  CHECK(one > 5000);  // the shortcut is taken, not just never wrong
}
