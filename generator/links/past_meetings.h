// Meetings the build's date has passed whose status still says they are to
// come (`clerk check`): "should this be `held`?". A warning, never an error:
// a clerk may build the site before the minutes are written.
#pragma once

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// One warning for each scheduled or confirmed meeting dated before `today`,
// at its `start` line. Nothing when `today` is not set (year 0).
void CheckPastMeetings(const Site& site, const Date& today, Diagnostics& diag);

}  // namespace clerk
