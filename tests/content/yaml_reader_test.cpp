#include "content/yaml_reader.h"

#include <catch2/catch.hpp>

#include "model/did_you_mean.h"
#include "schema/field_builders.h"
#include "schema/tables.h"

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
    using namespace schema::build;
    const schema::RecordTable person{
        "person",
        "person",
        "",
        {Text("name", ""), List("wards", schema::FieldType::kText, "")}};
    YamlRecord r(*doc, "f.yaml", 1, person, diag);
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
  CHECK(diag.All()[0].pos.line == 2);
  CHECK(diag.All()[0].pos.column == 4);
  CHECK(diag.All()[0].message ==
        "the '[' that starts this list is not closed: end it with ']'");
}

TEST_CASE("a second YAML document is an error where it starts",
          "[yaml][yaml-documents]") {
  // It was dropped without a word: a clerk who pasted a second meeting
  // below a '---' lost it.
  {
    Diagnostics diag;
    std::optional<YAML::Node> doc =
        ParseYaml("title: A\nstatus: held\n---\ntitle: B\n", "m.yaml", 1, diag);
    REQUIRE(doc);
    CHECK((*doc)["title"].as<std::string>() == "A");  // the first is still read
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.All()[0].pos == SourcePos{"m.yaml", 3, 1});
    CHECK(diag.All()[0].message ==
          "a second YAML document starts here, and a file holds one YAML document: "
          "remove this '---' (or move what follows it to a file of its own)");
  }
  {
    Diagnostics diag;
    ParseYaml("---\ntitle: A\n...\n# a comment\ntitle: B\n", "m.yaml", 1, diag);
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.All()[0].pos == SourcePos{"m.yaml", 5, 1});
    CHECK(diag.All()[0].message.find("after the '...'") != std::string::npos);
  }
  {
    // Front matter: positions are shifted by where the YAML starts.
    Diagnostics diag;
    ParseYaml("kind: report\n--- # more\ntitle: B\n", "p.md", 2, diag);
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.All()[0].pos == SourcePos{"p.md", 3, 1});
  }
}

TEST_CASE("one YAML document, with its markers or a comment after it, is fine",
          "[yaml][yaml-documents]") {
  for (const char* text :
       {"a: 1\n", "---\na: 1\n", "---\na: 1\n...\n", "a: 1\n...\n# trailing comment\n",
        "", "# only a comment\n", "a: |\n  text with --- inside\n"}) {
    INFO(text);
    Diagnostics diag;
    CHECK(ParseYaml(text, "f.yaml", 1, diag));
    CHECK(diag.ErrorCount() == 0);
  }
}

TEST_CASE("a record finds each key's value as yaml-cpp's own lookup does", "[yaml]") {
  // Keys of every kind: plain, quoted, a number, a null key, a list and a
  // mapping as keys, a key given twice, and keys that differ only in case
  // or a trailing space.
  const std::string text =
      "name: A\n"
      "\"quoted\": B\n"
      "1: C\n"
      "~: D\n"
      "? [list]\n"
      ": E\n"
      "? {map: 1}\n"
      ": F\n"
      "name: G\n"
      "Name: H\n"
      "'spaced ': I\n"
      "empty:\n";
  Diagnostics diag;
  std::optional<YAML::Node> doc = ParseYaml(text, "f.yaml", 1, diag);
  REQUIRE(doc);
  using namespace schema::build;
  const std::vector<const char*> keys = {"name",    "quoted", "1",     "~",    "null",
                                         "list",    "[list]", "map",   "Name", "spaced",
                                         "spaced ", "empty",  "absent"};
  std::vector<schema::Field> fields;
  for (const char* key : keys) fields.push_back(Text(key, ""));
  const schema::RecordTable table{"thing", "thing", "", fields};
  YamlRecord r(*doc, "f.yaml", 1, table, diag);
  const YAML::Node& as_yaml_cpp = *doc;
  for (const char* key : keys) {
    INFO("key '" << key << "'");
    const YAML::Node ours = r.Node(key);
    const YAML::Node theirs = as_yaml_cpp[key];
    REQUIRE(ours.IsDefined() == theirs.IsDefined());
    if (!theirs.IsDefined()) continue;
    CHECK(ours.Type() == theirs.Type());
    if (theirs.IsScalar()) CHECK(ours.Scalar() == theirs.Scalar());
  }
  CHECK(r.String("name") == "A");  // the first of a key given twice
  CHECK(r.String("1") == "C");
  CHECK(r.String("absent").empty());
  CHECK(!r.Has("empty"));
}
