// Agenda item numbers that give two items one address: every item's page
// anchor is `item-` and its full number reduced to letters and digits
// ("1(2)" -> item-1-2), so a top-level item "1(2)" beside sub-item (2) of
// item 1, or "1.2" beside it, would give the page a duplicate id and send
// every link to the first. Each is an error at the later item.
#pragma once

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

void CheckAgendaNumbers(const Site& site, Diagnostics& diag);

}  // namespace clerk
