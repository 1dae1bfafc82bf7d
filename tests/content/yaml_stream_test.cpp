// A YAML stream that yaml-cpp's parser cannot move through (a lone ',') used
// to hang clerk: YAML::LoadAll looped for ever (found by fuzz/yaml_record).
// Now it is an error where the parser stuck, and a second document is still
// an error where it starts.
#include <catch2/catch.hpp>

#include "content/yaml_reader.h"
#include "model/diagnostics.h"
#include "model/utf8.h"

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
