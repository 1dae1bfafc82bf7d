// Fields that hold a list are written as one, even with one entry. YAML
// reads `documents: local-plan` as text, and taking it as a list of one hid
// slips such as `documents: local-plan, local-plan-eia` (one id with a
// comma in it, reported as an unknown paper far from the cause). So text
// where a list belongs is an error at the value that says how to write it.
#pragma once

#include <string>

#include "content/yaml_reader.h"

namespace clerk {

// The message for `key` written as the text `value`:
// "'documents' is a list, even of one: write 'documents: [local-plan]' or
// '- local-plan' on the line below".
std::string NotAListMessage(const std::string& key, const std::string& value);

// Reports `key` of `r` written as text, at the value; declares the key.
// The value is then still read (RefList, StringList take text as a list of
// one), so the slip gives one error, not a cascade of "not named" ones.
void RequireList(YamlRecord& r, const char* key);

}  // namespace clerk
