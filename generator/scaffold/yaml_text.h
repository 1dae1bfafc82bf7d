// Text the scaffold writes into YAML: values a clerk typed on the command
// line (a title with a colon, a name like "No") must read back as typed, and
// ids made from names must follow the id rule.
#pragma once

#include <string>
#include <string_view>

namespace clerk::scaffold {

// `text` as a YAML scalar that reads back as exactly `text`: plain when that
// is safe, else in double quotes with escapes.
std::string YamlString(std::string_view text);
// `text` always in double quotes: agenda numbers ("1", "(2)") are text.
std::string YamlQuoted(std::string_view text);

// An id from a name or title: "Councillor Jo O'Neill" -> "jo-oneill",
// "Youth justice plan 2024/25" -> "youth-justice-plan-2024-25". Honorifics
// at the start are left out (ids name the person, not the title). "" when
// nothing usable is left.
std::string IdFromName(std::string_view name);

}  // namespace clerk::scaffold
