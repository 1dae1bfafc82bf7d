// The field tables are what the loader reads by: a key missing from a
// record's table, or read as another type, is a bug the tests catch; unknown
// keys are reported with suggestions from the table.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "content/yaml_reader.h"
#include "schema/field_builders.h"
#include "schema/field_table.h"
#include "schema/tables.h"

using namespace clerk;
using namespace clerk::schema::build;

namespace {

const schema::RecordTable kVenueOnly{
    "test", "test record", "", {Text("venue", ""), Choice("kind", {"a", "b"}, "")}};

YAML::Node Parse(const std::string& text, Diagnostics& diag) {
  std::optional<YAML::Node> doc = ParseYaml(text, "f.yaml", 1, diag);
  REQUIRE(doc);
  return *doc;
}

}  // namespace

TEST_CASE("the loader throws on a key its table does not have", "[schema]") {
  Diagnostics diag;
  YamlRecord r(Parse("venue: hall\nstart: 2024-01-01\n", diag), "f.yaml", 1, kVenueOnly,
               diag);
  CHECK(r.String("venue") == "hall");
  CHECK_THROWS_AS(r.String("start"), std::logic_error);
  CHECK_THROWS_AS(r.Node("start"), std::logic_error);
  CHECK_THROWS_AS(r.Missing("start"), std::logic_error);
  // Absent from the file too: the table is checked on every read path.
  CHECK_THROWS_AS(r.DateField("end"), std::logic_error);
}

TEST_CASE("the loader throws on a key read as another type than its table's",
          "[schema]") {
  Diagnostics diag;
  YamlRecord r(Parse("venue: hall\n", diag), "f.yaml", 1, kVenueOnly, diag);
  CHECK_THROWS_AS(r.Bool("venue"), std::logic_error);
  CHECK_THROWS_AS(r.DateField("venue"), std::logic_error);
  CHECK_THROWS_AS(r.RefList("venue"), std::logic_error);
  // A choice read with other words than the table's.
  CHECK_THROWS_AS(r.Choice("kind", {"a", "c"}), std::logic_error);
  CHECK(!r.Choice("kind", {"a", "b"}));
}

TEST_CASE("unknown keys are suggested from the table, read or not", "[schema]") {
  Diagnostics diag;
  {
    // Nothing is read: 'venue' is still suggested, from the table.
    YamlRecord r(Parse("venu: hall\n", diag), "f.yaml", 1, kVenueOnly, diag);
  }
  REQUIRE(diag.Sorted().size() == 1);
  CHECK(FormatDiagnostic(diag.Sorted()[0]) ==
        "f.yaml:1:1: error: unknown key 'venu' in the test record; did you mean "
        "'venue'?");
}

TEST_CASE("every table is named once and every field described", "[schema]") {
  std::set<std::string> names;
  std::vector<const schema::RecordTable*> todo;
  for (const schema::FileKind& kind : schema::FileKinds()) todo.push_back(&kind.table());
  std::set<const schema::RecordTable*> seen;
  while (!todo.empty()) {
    const schema::RecordTable* t = todo.back();
    todo.pop_back();
    if (!seen.insert(t).second) continue;
    INFO(t->name);
    CHECK(names.insert(t->name).second);
    CHECK(!t->what.empty());
    CHECK(!t->description.empty());
    std::set<std::string> keys;
    for (const schema::Field& f : t->fields) {
      INFO(f.key);
      CHECK(keys.insert(f.key).second);
      CHECK(!f.description.empty());
      bool nested = f.type == schema::FieldType::kRecord || f.item == schema::FieldType::kRecord;
      CHECK((!nested || f.record));
      CHECK((f.type != schema::FieldType::kChoice || !f.choices.empty()));
      if (f.record) todo.push_back(&f.record());
    }
    if (t->other_keys) todo.push_back(&t->other_keys());
  }
  // Every table of tables.h is reached from a kind of file.
  CHECK(seen.size() == 33);
}
