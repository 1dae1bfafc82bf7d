// The fields every kind of content record may hold, as data: key, type,
// whether it is required, its choices and a line for an editor's tooltip.
// The loaders read through YamlRecord, which refuses a key that is not in its
// table and reports unknown keys from it; the JSON Schemas for editors are
// written from the same tables (schema/json_schema.h), so the two cannot
// drift apart.
#pragma once

#include <string>
#include <vector>

namespace clerk::schema {

struct RecordTable;
// Tables refer to each other (an agenda item holds agenda items), so a
// nested record is named by the function that returns its table.
using TableRef = const RecordTable& (*)();

enum class FieldType {
  kText,    // any scalar, read as text
  kDate,    // YYYY-MM-DD
  kTime,    // a time of day: 10:00, 10.00
  kBool,    // true or false (yes and no too)
  kInt,     // a whole number
  kId,      // the id of a record, or @/<kind>/<id>
  kChoice,  // one of `choices`
  kRecord,  // a nested mapping: `record`
  kList,    // a list of `item`s
  kMap,     // a mapping of names the writer chooses to `item`s
};

struct Field {
  std::string key;
  FieldType type = FieldType::kText;
  bool required = false;
  std::string description;
  std::vector<std::string> choices;  // kChoice, or a kList/kMap of kChoice
  // kList and kMap: what each entry is. With `record` also set and `item`
  // not kRecord, an entry is either that scalar or that record (an attendee
  // is a person id or a mapping with `person`).
  FieldType item = FieldType::kText;
  TableRef record = nullptr;  // kRecord, and records in a kList or kMap
  // kList: one value written without a list is read as a one-item list.
  bool single_ok = false;
  // kId, or a list of them: the kind of record named ("people"), for the
  // description; "" when any.
  std::string refers_to;
};

struct RecordTable {
  std::string name;  // "agenda-item": the schema's definition name
  std::string what;  // "agenda item": how messages name the record
  std::string description;
  std::vector<Field> fields;
  // A mapping whose other keys are names the writer chooses (venues under
  // their ids, glossary terms): each holds a record of this table.
  TableRef other_keys = nullptr;
  bool other_keys_are_ids = false;  // the names are ids (lower case, hyphens)

  const Field* Find(const std::string& key) const;
  std::vector<std::string> Keys() const;
};

// One kind of content file, and where such files live in a site.
struct FileKind {
  std::string name;                // "committee": <name>.schema.json
  std::vector<std::string> globs;  // relative to the site: content/committees/*.yaml
  TableRef table;
  bool front_matter = false;  // YAML between '---' lines atop a Markdown file
};

// Every kind of content file Clerk reads, in a fixed order.
const std::vector<FileKind>& FileKinds();

}  // namespace clerk::schema
