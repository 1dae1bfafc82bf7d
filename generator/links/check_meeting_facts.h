// Facts of one meeting that contradict each other or the build's date:
// a paper named twice, a person invited twice to one item, a substitute
// standing in for themselves, attendance at a meeting that did not take
// place, a meeting held after today, and minutes approved at a meeting
// before the one they record or at one that did not take place. Errors
// where the record cannot be right; warnings where a status has only not
// been brought up to date.
#pragma once

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

void CheckMeetingFacts(const Site& site, Diagnostics& diag);

}  // namespace clerk
