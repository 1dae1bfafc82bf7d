// `clerk schema --out DIR`: writes the JSON Schema of every kind of content
// file, for editors and other tools.
#pragma once

#include <ostream>
#include <string>

namespace clerk::schema {

// Writes <out>/<kind>.schema.json for every kind. Returns the exit code: 0,
// or 1 with a message on `err` when a file cannot be written.
int RunSchema(const std::string& out, std::ostream& info, std::ostream& err);

}  // namespace clerk::schema
