// Agenda items written out as the `agenda:` of a meeting.yaml, in the form
// docs/content-format.md shows (number, title, purpose, items).
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace clerk::scaffold {

// "agenda:\n  - number: \"1\"\n    title: ...". An empty list is "agenda: []".
std::string AgendaYaml(const std::vector<AgendaItem>& items);

}  // namespace clerk::scaffold
