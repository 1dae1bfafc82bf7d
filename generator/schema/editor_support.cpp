#include "schema/editor_support.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "files/atomic_write.h"
#include "schema/field_table.h"
#include "schema/json_schema.h"

namespace clerk::schema {
namespace {

using Json = nlohmann::ordered_json;

// "yaml.schemas": each schema (relative to the site, which is the editor's
// workspace) with the files it describes. Front matter is left out: the
// YAML language server does not read YAML inside Markdown.
Json SchemaMapping() {
  Json mapping = Json::object();
  for (const FileKind& kind : FileKinds()) {
    if (kind.front_matter) continue;
    mapping["./" + std::string(kSiteSchemaDir) + "/" + SchemaFileName(kind)] = kind.globs;
  }
  return mapping;
}

// Reads an existing settings file into *settings; false with *error when it
// cannot be read or is not a JSON object clerk can safely rewrite.
bool ReadSettings(const std::filesystem::path& file, Json* settings, std::string* error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *error = "cannot read " + file.string();
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  *settings = Json::parse(text.str(), nullptr, false);
  if (!settings->is_discarded() && settings->is_object()) return true;
  *error = file.string() +
           " is not plain JSON (it may hold comments), so clerk leaves it as it is: "
           "add this to it by hand: \"yaml.schemas\": " +
           SchemaMapping().dump();
  return false;
}

bool WriteSettings(const std::filesystem::path& site, std::string* error) {
  const std::filesystem::path dir = site / ".vscode";
  const std::filesystem::path file = dir / "settings.json";
  std::error_code ec;
  Json settings = Json::object();
  if (std::filesystem::exists(file, ec) && !ReadSettings(file, &settings, error))
    return false;
  // Clerk's own entries are replaced; anyone else's schemas are kept.
  Json& schemas = settings["yaml.schemas"];
  if (schemas.is_null()) schemas = Json::object();
  if (!schemas.is_object()) {
    *error = file.string() +
             ": \"yaml.schemas\" is not a mapping of schemas to files, "
             "so clerk leaves the file as it is: fix or remove that setting";
    return false;
  }
  const Json mapping = SchemaMapping();
  for (const auto& [schema, globs] : mapping.items()) schemas[schema] = globs;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *error = "cannot make the folder " + dir.string() + ": " + ec.message();
    return false;
  }
  if (!WriteFileAtomically(file.string(), settings.dump(2) + "\n")) {
    *error = "cannot write " + file.string() + ": check the folder can be written to";
    return false;
  }
  return true;
}

}  // namespace

bool WriteEditorSupport(const std::filesystem::path& site, std::string* error) {
  return WriteSchemas(site / kSiteSchemaDir, error) && WriteSettings(site, error);
}

}  // namespace clerk::schema
