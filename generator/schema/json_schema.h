// JSON Schemas (draft-07, what yaml-language-server supports) written from
// the field tables: one per kind of content file, so an editor completes,
// explains and checks a file as it is typed.
#pragma once

#include <filesystem>
#include <string>

#include "schema/field_table.h"

namespace clerk::schema {

// The schema of one kind of file, as JSON text (deterministic: the tables'
// order, two-space indents, a final newline).
std::string JsonSchemaOf(const FileKind& kind);

// "<kind>.schema.json".
std::string SchemaFileName(const FileKind& kind);

// Writes <dir>/<kind>.schema.json for every kind of file, making `dir` if
// needed. False, with *error in plain words, if a file cannot be written.
bool WriteSchemas(const std::filesystem::path& dir, std::string* error);

}  // namespace clerk::schema
