// The links stage, first part: every id one record gives for another must
// name a record that exists. Reported where the reference was written, with
// a "did you mean" when an existing id is close.
#pragma once

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

void CheckReferences(const Site& site, Diagnostics& diag);

// The agenda item of `meeting` with this full number ("7", "1(2)"), or null.
const AgendaItem* FindAgendaItem(const Meeting& meeting, const std::string& full_number);

}  // namespace clerk
