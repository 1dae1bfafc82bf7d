#include "schema/json_schema.h"

#include <map>
#include <nlohmann/json.hpp>
#include <system_error>

#include "files/atomic_write.h"

namespace clerk::schema {
namespace {

using Json = nlohmann::ordered_json;

// What the loader accepts, as yaml-language-server reads YAML 1.2: text may
// be written as a number or true/false (`number: 7`), a date is a string, a
// yes or no is text, not a boolean.
Json ScalarSchema(FieldType type, const std::vector<std::string>& choices) {
  switch (type) {
    case FieldType::kDate:
      return {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
    case FieldType::kTime:
      return {{"type", Json::array({"string", "number"})}};
    case FieldType::kBool:
      return {
          {"anyOf",
           Json::array(
               {{{"type", "boolean"}},
                {{"type", "string"},
                 {"pattern",
                  "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo])$"}}})}};
    case FieldType::kInt:
      return {{"anyOf",
               Json::array({{{"type", "integer"}},
                            {{"type", "string"}, {"pattern", "^[+-]?[0-9]{1,9}$"}}})}};
    case FieldType::kId:
      return {{"type", Json::array({"string", "integer"})}};
    case FieldType::kChoice:
      return {{"enum", choices}};
    default:
      return {{"type", Json::array({"string", "number", "boolean"})}};
  }
}

Json RefTo(TableRef table) {
  return {{"$ref", "#/definitions/" + table().name}};
}

// One entry of a list or map: a scalar, a record, or either.
Json EntrySchema(const Field& f) {
  if (f.item == FieldType::kRecord) return RefTo(f.record);
  Json scalar = ScalarSchema(f.item, f.choices);
  if (!f.record) return scalar;
  return {{"anyOf", Json::array({scalar, RefTo(f.record)})}};
}

Json ValueSchema(const Field& f) {
  switch (f.type) {
    case FieldType::kRecord:
      return RefTo(f.record);
    case FieldType::kList: {
      Json list = {{"type", "array"}, {"items", EntrySchema(f)}};
      if (!f.single_ok) return list;
      return {{"anyOf", Json::array({EntrySchema(f), list})}};
    }
    case FieldType::kMap:
      return {{"type", "object"}, {"additionalProperties", EntrySchema(f)}};
    default:
      return ScalarSchema(f.type, f.choices);
  }
}

// `schema`, also allowing nothing: an optional key left empty (`remit:`) is
// read as absent. Null joins the type where there is one, so a wrong value
// is reported at itself ("not of type 'string', 'null'"), not as a mismatch
// of the whole field.
Json OrNull(Json schema) {
  if (schema.contains("type")) {
    Json& type = schema["type"];
    if (!type.is_array()) type = Json::array({type});
    type.push_back("null");
  } else if (schema.contains("enum")) {
    schema["enum"].push_back(nullptr);
  } else if (schema.contains("anyOf")) {
    schema["anyOf"].push_back({{"type", "null"}});
  } else {
    schema = {{"anyOf", Json::array({schema, {{"type", "null"}}})}};
  }
  return schema;
}

Json FieldSchema(const Field& f) {
  Json value = ValueSchema(f);
  if (!f.required) value = OrNull(std::move(value));
  Json out = {{"description", f.description}};
  out.update(value);
  return out;
}

constexpr const char* kIdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

Json RecordSchema(const RecordTable& table) {
  Json record = {{"type", "object"}, {"description", table.description}};
  Json properties = Json::object();
  Json required = Json::array();
  for (const Field& f : table.fields) {
    properties[f.key] = FieldSchema(f);
    if (f.required) required.push_back(f.key);
  }
  record["properties"] = properties;
  if (!required.empty()) record["required"] = required;
  if (table.other_keys) {
    record["additionalProperties"] = RefTo(table.other_keys);
    if (table.other_keys_are_ids) record["propertyNames"] = {{"pattern", kIdPattern}};
  } else {
    record["additionalProperties"] = false;
  }
  return record;
}

// Every table `table` reaches, by name, each once.
void Reachable(const RecordTable& table, std::map<std::string, const RecordTable*>& out) {
  if (!out.emplace(table.name, &table).second) return;
  for (const Field& f : table.fields)
    if (f.record) Reachable(f.record(), out);
  if (table.other_keys) Reachable(table.other_keys(), out);
}

}  // namespace

std::string SchemaFileName(const FileKind& kind) {
  return kind.name + ".schema.json";
}

std::string JsonSchemaOf(const FileKind& kind) {
  const RecordTable& root = kind.table();
  std::map<std::string, const RecordTable*> tables;
  Reachable(root, tables);
  Json schema = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                 {"title", "Clerk " + root.what}};
  // The root inline: a "$ref" beside other keywords is ignored in draft-07.
  schema.update(RecordSchema(root));
  // Definitions of the nested records; the root's too when a record holds
  // records of its own kind (an agenda item's items).
  Json definitions = Json::object();
  bool root_nested = false;
  for (const auto& [name, table] : tables) {
    for (const Field& f : table->fields)
      if (f.record && &f.record() == &root) root_nested = true;
    if (table != &root) definitions[name] = RecordSchema(*table);
  }
  if (root_nested) definitions[root.name] = RecordSchema(root);
  if (!definitions.empty()) schema["definitions"] = definitions;
  return schema.dump(2) + "\n";
}

bool WriteSchemas(const std::filesystem::path& dir, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *error = "cannot make the folder " + dir.string() + ": " + ec.message();
    return false;
  }
  for (const FileKind& kind : FileKinds()) {
    std::filesystem::path file = dir / SchemaFileName(kind);
    if (!WriteFileAtomically(file.string(), JsonSchemaOf(kind))) {
      *error = "cannot write " + file.string() + ": check the folder can be written to";
      return false;
    }
  }
  return true;
}

}  // namespace clerk::schema
