// The JSON Schemas written from the tables, and the editor settings that
// point yaml-language-server at them.
#include "schema/json_schema.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "schema/editor_support.h"
#include "schema/field_table.h"
#include "test_support.h"

using namespace clerk;
using namespace clerk::testing;
using Json = nlohmann::json;

namespace {

Json SchemaOf(const std::string& name) {
  for (const schema::FileKind& kind : schema::FileKinds())
    if (kind.name == name) return Json::parse(schema::JsonSchemaOf(kind));
  FAIL("no kind " << name);
  return {};
}

}  // namespace

TEST_CASE("a schema holds the table's keys, types, choices and required keys",
          "[schema]") {
  Json meeting = SchemaOf("meeting");
  CHECK(meeting["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(meeting["additionalProperties"] == false);
  CHECK(meeting["required"] == Json::array({"committee", "status", "start"}));
  const Json& props = meeting["properties"];
  CHECK(props["status"]["enum"] ==
        Json::array({"scheduled", "confirmed", "held", "cancelled", "postponed"}));
  // Optional: may be left empty, which the loader reads as absent.
  CHECK(props["kind"]["enum"].back().is_null());
  CHECK(props["agenda"]["type"] == Json::array({"array", "null"}));
  CHECK(props["agenda"]["items"]["$ref"] == "#/definitions/agenda-item");
  CHECK(!props["venue"]["description"].get<std::string>().empty());
  // Agenda items hold agenda items: one definition, referring to itself.
  const Json& item = meeting["definitions"]["agenda-item"];
  CHECK(item["additionalProperties"] == false);
  CHECK(item["properties"]["items"]["items"]["$ref"] == "#/definitions/agenda-item");
  CHECK(item["properties"]["exempt"]["anyOf"][0]["$ref"] == "#/definitions/exemption");
  // A date is a string of its shape; a list there is no date.
  CHECK(meeting["definitions"]["attendee"]["properties"]["remote"].contains("anyOf"));
  Json committee = SchemaOf("committee");
  const Json& from = committee["definitions"]["member"]["properties"]["from"];
  CHECK(from["type"] == Json::array({"string", "null"}));
  CHECK(from["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
}

TEST_CASE("files of records under names take any name, with id names checked",
          "[schema]") {
  Json venues = SchemaOf("venues");
  CHECK(venues["additionalProperties"]["$ref"] == "#/definitions/venue");
  CHECK(venues["propertyNames"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$");
  Json glossary = SchemaOf("glossary");
  CHECK(glossary["additionalProperties"]["$ref"] == "#/definitions/glossary-term");
  CHECK(!glossary.contains("propertyNames"));
  CHECK(glossary["properties"].contains("not_acronyms"));
}

TEST_CASE("clerk schema writes one schema per kind of file", "[schema]") {
  TempDir dir;
  CommandResult run = RunClerk("schema --out " + (dir.path() / "s").string(), dir.path());
  REQUIRE(run.exit_code == 0);
  for (const schema::FileKind& kind : schema::FileKinds()) {
    std::filesystem::path file = dir.path() / "s" / schema::SchemaFileName(kind);
    REQUIRE(std::filesystem::exists(file));
    CHECK(ReadFile(file) == schema::JsonSchemaOf(kind));
  }
}

TEST_CASE("editor support keeps the settings a site already has", "[schema]") {
  TempDir site;
  WriteFile(site.path() / ".vscode" / "settings.json",
            "{\"editor.tabSize\": 2, \"yaml.schemas\": {\"mine.json\": [\"x.yaml\"]}}");
  std::string error;
  REQUIRE(schema::WriteEditorSupport(site.path(), &error));
  Json settings = Json::parse(ReadFile(site.path() / ".vscode" / "settings.json"));
  CHECK(settings["editor.tabSize"] == 2);
  const Json& schemas = settings["yaml.schemas"];
  CHECK(schemas["mine.json"] == Json::array({"x.yaml"}));
  CHECK(schemas["./.clerk/schemas/committee.schema.json"] ==
        Json::array({"/content/committees/*.yaml"}));
  CHECK(schemas["./.clerk/schemas/meeting.schema.json"] ==
        Json::array({"/content/meetings/*/meeting.yaml"}));
  // Front matter is no YAML file: the language server would not read it.
  CHECK(!schemas.contains("./.clerk/schemas/paper.schema.json"));
  CHECK(std::filesystem::exists(site.path() / ".clerk/schemas/paper.schema.json"));
  // Written again, nothing changes.
  std::string first = ReadFile(site.path() / ".vscode" / "settings.json");
  REQUIRE(schema::WriteEditorSupport(site.path(), &error));
  CHECK(ReadFile(site.path() / ".vscode" / "settings.json") == first);
}

TEST_CASE("editor support leaves a settings file with comments as it is", "[schema]") {
  TempDir site;
  const std::string text = "{\n  // mine\n  \"editor.tabSize\": 2\n}\n";
  WriteFile(site.path() / ".vscode" / "settings.json", text);
  std::string error;
  CHECK(!schema::WriteEditorSupport(site.path(), &error));
  CHECK(error.find("not plain JSON") != std::string::npos);
  CHECK(error.find("yaml.schemas") != std::string::npos);
  CHECK(ReadFile(site.path() / ".vscode" / "settings.json") == text);
}
