// Minute numbering, per committee: continuous across meetings (605 to 612,
// then 613 ...) or restarting at 1 each meeting. Gaps and out-of-order
// numbers are warnings: real minutes sometimes skip a number, but a clerk
// should look.
#pragma once

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

void CheckMinuteNumbering(const Site& site, Diagnostics& diag);

}  // namespace clerk
