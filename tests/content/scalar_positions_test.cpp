// Positions inside YAML scalars map back to their file's line and column
// (content/yaml_reader.h: ScalarPositions, FindKeyValue, YamlTextPositions).
#include <catch2/catch.hpp>

#include "content/yaml_reader.h"
#include "render/markdown.h"
#include "schema/field_builders.h"
#include "schema/tables.h"
#include "test_support.h"

using namespace clerk;
using namespace clerk::testing;

namespace {

const std::string kMeeting =
    "committee: planning\n"                             // 1
    "status: scheduled\n"                               // 2
    "notice: |\n"                                       // 3
    "  This meeting has moved.\n"                       // 4
    "\n"                                                // 5
    "  It will be held in the\n"                        // 6
    "  [Council Chamber](@/venues/chamber) instead.\n"  // 7
    "folded: >\n"                                       // 8
    "    First line\n"                                  // 9
    "    goes on here;\n"                               // 10
    "\n"                                                // 11
    "    see [the plan](@/x).\n"                        // 12
    "plain: one line\n"                                 // 13
    "   and [two](@/y)\n"                               // 14
    "quoted: \"a \\\"quoted\\\"\n"                      // 15
    "   [link](@/z)\"\n"                                // 16
    "agenda:\n"                                         // 17
    "  - number: \"1\"\n"                               // 18
    "    title: Apologies\n"                            // 19
    "  - number: \"2\"\n"                               // 20
    "    title: Minutes\n"                              // 21
    "    purpose: >-\n"                                 // 22
    "      To approve the\n"                            // 23
    "      [minutes](@/meetings/a/minutes).\n";         // 24

// The scalars of kMeeting these tests read, each in its own style.
const schema::RecordTable kScalars{
    "meeting",
    "meeting",
    "",
    {schema::build::Text("notice", ""), schema::build::Text("folded", ""),
     schema::build::Text("plain", ""), schema::build::Text("quoted", "")}};

// The scalar at `key`, as the loader reads it (trimmed), with its positions.
ScalarPositions Positions(const std::string& key, std::string* text) {
  Diagnostics diag;
  YAML::Node root = *ParseYaml(kMeeting, "meeting.yaml", 1, diag);
  YamlRecord r(root, "meeting.yaml", 1, kScalars, diag);
  *text = r.String(key.c_str());
  return ScalarPositions(kMeeting, r.PosOfKey(key.c_str()), *text);
}

}  // namespace

TEST_CASE("a literal block scalar maps each line to its own file line",
          "[yaml-positions]") {
  std::string text;
  ScalarPositions p = Positions("notice", &text);
  // Line 1 of the text is line 4 of the file, indented 2.
  CHECK(p.At(1, 1).line == 4);
  CHECK(p.At(1, 1).column == 3);
  CHECK(p.At(1, 1).path == "meeting.yaml");
  // "[Council Chamber]" starts line 4 of the text: line 7 of the file.
  CHECK(p.At(4, 1).line == 7);
  CHECK(p.At(4, 1).column == 3);
  CHECK(p.At(4, 19).line == 7);
  CHECK(p.At(4, 19).column == 21);  // the "@" of the link target
}

TEST_CASE("a folded block scalar maps across its joined lines", "[yaml-positions]") {
  std::string text;
  ScalarPositions p = Positions("folded", &text);
  REQUIRE(text == "First line goes on here;\nsee [the plan](@/x).");
  CHECK(p.At(1, 1).line == 9);
  CHECK(p.At(1, 1).column == 5);
  // "goes" is on the text's first line but the file's tenth.
  CHECK(p.At(1, 12).line == 10);
  CHECK(p.At(1, 12).column == 5);
  // The text's second line (after the blank line) is the file's twelfth.
  CHECK(p.At(2, 5).line == 12);
  CHECK(p.At(2, 5).column == 9);
}

TEST_CASE("plain and quoted multi-line scalars map to their lines", "[yaml-positions]") {
  std::string text;
  ScalarPositions plain = Positions("plain", &text);
  REQUIRE(text == "one line and [two](@/y)");
  CHECK(plain.At(1, 1).line == 13);
  CHECK(plain.At(1, 1).column == 8);
  CHECK(plain.At(1, 14).line == 14);
  CHECK(plain.At(1, 14).column == 8);

  ScalarPositions quoted = Positions("quoted", &text);
  REQUIRE(text == "a \"quoted\" [link](@/z)");
  CHECK(quoted.At(1, 1).line == 15);
  CHECK(quoted.At(1, 1).column == 10);
  CHECK(quoted.At(1, 12).line == 16);
  CHECK(quoted.At(1, 12).column == 4);
}

TEST_CASE("FindKeyValue finds a key of a record, not of another", "[yaml-positions]") {
  auto notice = FindKeyValue(kMeeting, {"meeting.yaml", 1, 1}, "notice");
  REQUIRE(notice);
  CHECK(notice->line == 3);
  CHECK(notice->column == 9);
  // The second agenda item's mapping starts at its "number" key.
  auto purpose = FindKeyValue(kMeeting, {"meeting.yaml", 20, 5}, "purpose");
  REQUIRE(purpose);
  CHECK(purpose->line == 22);
  CHECK(purpose->column == 14);
  // The first item has no purpose: the search stops at the next item.
  CHECK_FALSE(FindKeyValue(kMeeting, {"meeting.yaml", 18, 5}, "purpose"));
  // A key inside a block scalar is text, not a key.
  CHECK_FALSE(FindKeyValue("a: |\n  b: c\n", {"f", 1, 1}, "b"));
  // A nested mapping: the value is its first key.
  auto nested = FindKeyValue("x: 1\naccessibility:\n  reviewed: 2024-01-01\n",
                             {"f", 1, 1}, "accessibility");
  REQUIRE(nested);
  CHECK(nested->line == 3);
  CHECK(nested->column == 3);
}

TEST_CASE("a link in an agenda item's purpose is placed in its file",
          "[yaml-positions]") {
  TempDir dir;
  std::string path = (dir.path() / "meeting.yaml").string();
  WriteFile(path, kMeeting);
  Diagnostics diag;
  YAML::Node root = *ParseYaml(kMeeting, path, 1, diag);
  YamlRecord r(root, path, 1, schema::MeetingTable(), diag);
  YamlRecord item(root["agenda"][1], path, 1, schema::AgendaItemTable(), diag);
  std::string purpose = item.String("purpose");
  r.Finish();
  item.Finish();
  YamlTextPositions positions(item.pos(), {"purpose"}, purpose);
  MarkdownOptions options;
  options.map_position = [&](int l, int c) { return positions.At(l, c); };
  MarkdownResult md = RenderMarkdown(purpose, item.pos(), options, diag);
  REQUIRE(md.site_links.size() == 1);
  CHECK(md.site_links[0].pos.path == path);
  CHECK(md.site_links[0].pos.line == 24);
  CHECK(md.site_links[0].pos.column == 7);
}

TEST_CASE("a text whose file cannot be read keeps the old count from its record",
          "[yaml-positions]") {
  YamlTextPositions positions({"no/such/file.yaml", 5, 3}, {"notice"}, "a\nb");
  CHECK(positions.At(2, 4).line == 6);
  CHECK(positions.At(2, 4).column == 6);
}
