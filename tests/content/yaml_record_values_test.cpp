// YamlRecord on values that are empty, of the wrong type, signed, or
// references of the wrong form (issue 18 follow-ups from the bad-input
// corpus).
#include <catch2/catch.hpp>

#include "content/yaml_reader.h"
#include "schema/field_builders.h"
#include "schema/tables.h"

using namespace clerk;

namespace {

std::vector<std::string> Lines(const Diagnostics& diag) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diag.Sorted()) lines.push_back(FormatDiagnostic(d));
  return lines;
}

}  // namespace

TEST_CASE("an empty value is placed at its key, not at the next key or past the end",
          "[yaml-values]") {
  // venues.yaml: `civic-centre:` with nothing under it, last in the file or
  // followed by blank lines and a comment.
  for (const char* text :
       {"town-hall:\n  name: A\ncivic-centre:\n",
        "civic-centre:   # to be added\n\n\ntown-hall:\n  name: A\n"}) {
    Diagnostics diag;
    std::optional<YAML::Node> doc = ParseYaml(text, "venues.yaml", 1, diag);
    REQUIRE(doc);
    for (const auto& kv : *doc) {
      YamlRecord r(kv.second, "venues.yaml", 1, schema::VenueTable(), diag);
      if (r.ok()) r.String("name");
    }
    std::vector<std::string> lines = Lines(diag);
    REQUIRE(lines.size() == 1);
    int line = std::string(text).rfind("civic", 0) == 0 ? 1 : 3;
    CHECK(lines[0] ==
          "venues.yaml:" + std::to_string(line) +
              ":1: error: expected a mapping (key: value pairs) for the venue, "
              "found nothing");
  }
}

TEST_CASE("an empty value in front matter is placed at its key", "[yaml-values]") {
  Diagnostics diag;
  std::optional<YAML::Node> doc = ParseYaml("kind: report\nitem:\n", "p.md", 2, diag);
  REQUIRE(doc);
  {
    YamlRecord r(*doc, "p.md", 2, schema::PaperTable(), diag);
    r.String("kind");
    CHECK(r.PosOf(r.Node("item")).line == 3);
    CHECK(r.PosOf(r.Node("item")).column == 1);
  }
}

TEST_CASE("a required key left empty is 'empty' at the key, not missing",
          "[yaml-values]") {
  Diagnostics diag;
  std::optional<YAML::Node> doc =
      ParseYaml("minute: 12\nitem:\nreason: \"\"\n", "m.md", 2, diag);
  REQUIRE(doc);
  {
    using namespace schema::build;
    const schema::RecordTable section{
        "minute-section",
        "minute section",
        "",
        {Int("minute", ""), Text("item", ""), Text("reason", ""), Text("title", "")}};
    YamlRecord r(*doc, "m.md", 2, section, diag);
    r.Int("minute", true);
    r.String("item", true);
    r.String("reason", true);
    r.String("title", true);
  }
  std::vector<std::string> lines = Lines(diag);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "m.md:2:1: error: missing required field 'title' in the minute section");
  CHECK(lines[1] == "m.md:3:1: error: 'item' is empty in the minute section");
  CHECK(lines[2] == "m.md:4:9: error: 'reason' must not be empty");
}

TEST_CASE("a required field of the wrong type gives the type error only",
          "[yaml-values]") {
  Diagnostics diag;
  std::optional<YAML::Node> doc = ParseYaml("venue: [town-hall]\n", "m.yaml", 1, diag);
  REQUIRE(doc);
  {
    YamlRecord r(*doc, "m.yaml", 1, schema::MeetingTable(), diag);
    Ref venue = r.RefField("venue");
    if (venue.empty()) r.Missing("venue", "give a venue id");
  }
  std::vector<std::string> lines = Lines(diag);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] ==
        "m.yaml:1:8: error: expected text for 'venue' in the meeting, found a list");
}

TEST_CASE("whole numbers may be negative, so callers' range checks speak",
          "[yaml-values]") {
  Diagnostics diag;
  std::optional<YAML::Node> doc =
      ParseYaml("a: -1\nb: +7\nc: '-'\nd: 1-2\ne: -1234567890\n", "f.yaml", 1, diag);
  REQUIRE(doc);
  {
    using namespace schema::build;
    const schema::RecordTable numbers{
        "meeting",
        "meeting",
        "",
        {Int("a", ""), Int("b", ""), Int("c", ""), Int("d", ""), Int("e", "")}};
    YamlRecord r(*doc, "f.yaml", 1, numbers, diag);
    CHECK(r.Int("a") == -1);
    CHECK(r.Int("b") == 7);
    CHECK(!r.Int("c"));
    CHECK(!r.Int("d"));
    CHECK(!r.Int("e"));
  }
  std::vector<std::string> lines = Lines(diag);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "f.yaml:3:4: error: 'c' must be a whole number, not '-'");
  CHECK(lines[1] == "f.yaml:4:4: error: 'd' must be a whole number, not '1-2'");
  CHECK(lines[2] == "f.yaml:5:4: error: 'e' must be a whole number, not '-1234567890'");
}

TEST_CASE("a reference in an id field must name a record of the field's kind",
          "[yaml-values][refs]") {
  Diagnostics diag;
  std::optional<YAML::Node> doc = ParseYaml(
      "a: sam-clerk\n"
      "b: \"@/people/sam-clerk\"\n"
      "c: \"@/committees/sam-clerk\"\n"
      "d: \"@/sam-clerk\"\n"
      "e: \"@/people/sam-clerk#contact\"\n"
      "f: \"@/people/\"\n"
      "g: [\"@/meetings/2024-03-04-planning/local-plan\", \"@/people/x\"]\n"
      "h: \"@/meetings/2024-03-04-planning\"\n",
      "f.yaml", 1, diag);
  REQUIRE(doc);
  // The fields under the names a record reads them by.
  YAML::Node renamed;
  const std::map<std::string, std::string> keys = {
      {"a", "contact"}, {"b", "contact"}, {"c", "contact"},   {"d", "contact"},
      {"e", "person"},  {"f", "contact"}, {"g", "documents"}, {"h", "moved_to"}};
  std::vector<Ref> refs;
  for (const auto& [letter, key] : keys) {
    YAML::Node one;
    one[key] = (*doc)[letter];
    using namespace schema::build;
    const schema::RecordTable refs_table{
        "committee",
        "committee",
        "",
        {Id("contact", "people", ""), Id("person", "people", ""),
         IdList("documents", "papers", ""), Id("moved_to", "meetings", "")}};
    YamlRecord r(one, "f.yaml", 1, refs_table, diag);
    if (key == "documents") {
      for (Ref& ref : r.RefList("documents")) refs.push_back(ref);
    } else {
      refs.push_back(r.RefField(key.c_str()));
    }
  }
  REQUIRE(refs.size() == 9);
  CHECK(refs[0].id == "sam-clerk");
  CHECK(refs[1].id == "sam-clerk");
  CHECK(refs[2].id.empty());
  CHECK(refs[3].id.empty());
  CHECK(refs[4].id.empty());
  CHECK(refs[5].id.empty());
  CHECK(refs[6].id == "local-plan");
  CHECK(refs[7].id.empty());
  CHECK(refs[8].id == "2024-03-04-planning");
  std::vector<std::string> messages;
  for (const Diagnostic& d : diag.Sorted()) messages.push_back(d.message);
  REQUIRE(messages.size() == 5);
  CHECK(messages[0] ==
        "'@/committees/sam-clerk' is not a person: 'contact' names a person: write "
        "'sam-clerk' or '@/people/sam-clerk'");
  CHECK(messages[1] ==
        "'@/sam-clerk' is not a reference to one record: 'contact' names a person: "
        "write 'sam-clerk' or '@/people/sam-clerk'");
  CHECK(messages[2] ==
        "'@/people/sam-clerk#contact' points to a place on a page ('#contact'): "
        "'person' names a person: write 'sam-clerk' or '@/people/sam-clerk'");
  CHECK(messages[3] ==
        "'@/people/' is not a reference to one record: 'contact' names a person: "
        "write '<id>' or '@/people/<id>'");
  CHECK(messages[4] ==
        "'@/people/x' is not a paper: 'documents' names a paper: write 'x' or "
        "'@/meetings/<meeting id>/x'");
  CHECK(RefId("@/people/sam-clerk") == "sam-clerk");
  CHECK(RefId("@/people/") == "@/people/");
}
