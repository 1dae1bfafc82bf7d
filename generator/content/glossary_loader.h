// Parts of the glossary's loading that other loaders and checks share
// (the loader itself is LoadGlossary in record_loaders.h).
#pragma once

#include <string>
#include <vector>

#include "content/yaml_reader.h"
#include "model/model.h"

namespace clerk {

// Why `pattern` is not a valid ECMAScript regular expression, in words; ""
// when it is.
std::string RegexProblem(const std::string& pattern);

// A paper's `glossary:` front matter: the meaning it uses of terms that have
// several (`glossary: {WCC: Worcestershire County Council}`).
std::vector<GlossaryChoice> ReadGlossaryChoices(YamlRecord& r);

}  // namespace clerk
