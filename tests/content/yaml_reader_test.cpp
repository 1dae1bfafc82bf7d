#include "content/yaml_reader.h"

#include <catch2/catch.hpp>

using namespace clerk;

TEST_CASE("did you mean suggests close keys only", "[yaml]") {
  std::vector<std::string> keys = {"venue", "start", "end", "status", "committee"};
  CHECK(ClosestMatch("venu", keys) == "venue");
  CHECK(ClosestMatch("comittee", keys) == "committee");
  CHECK(ClosestMatch("Status", keys) == "status");
  CHECK(ClosestMatch("banana", keys).empty());
  CHECK(DidYouMean("strat", keys) == "; did you mean 'start'?");
}

TEST_CASE("ids are lower case, digits and single hyphens", "[yaml]") {
  CHECK(IsValidId("carole-gandy"));
  CHECK(IsValidId("2019-09-16-cyp"));
  CHECK(!IsValidId("Carole-Gandy"));
  CHECK(!IsValidId("carole gandy"));
  CHECK(!IsValidId("-x"));
  CHECK(!IsValidId("a--b"));
  CHECK(!IsValidId(""));
}

TEST_CASE("a record reports unknown, duplicate and mistyped keys with positions",
          "[yaml]") {
  Diagnostics diag;
  std::optional<YAML::Node> doc =
      ParseYaml("name: A\nnmae: B\nname: C\nwards:\n  x: 1\n", "f.yaml", 1, diag);
  REQUIRE(doc);
  {
    YamlRecord r(*doc, "f.yaml", 1, "person", diag);
    CHECK(r.String("name", true) == "A");
    r.StringList("wards");
  }
  std::vector<std::string> lines;
  for (const Diagnostic& d : diag.Sorted()) lines.push_back(FormatDiagnostic(d));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "f.yaml:2:1: error: unknown key 'nmae' in the person; did you mean 'name'?");
  CHECK(lines[1] == "f.yaml:3:1: error: duplicate key 'name' (first given on line 1)");
  CHECK(lines[2] ==
        "f.yaml:5:3: error: expected a list for 'wards', found a mapping (key: value "
        "pairs)");
}

TEST_CASE("YAML syntax errors carry yaml-cpp's position, shifted for front matter",
          "[yaml]") {
  Diagnostics diag;
  CHECK(!ParseYaml("a: [1, 2\n", "f.md", 2, diag));
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.line >= 2);
  CHECK(diag.All()[0].message.rfind("YAML syntax error", 0) == 0);
}
