// Postponed meetings and the meetings that replace them (`moved_to`). The
// reference itself (an existing meeting, not the meeting itself) is checked
// with the others (check_references); this checks what a move means:
//   - only a postponed or cancelled meeting is moved (a held one was not);
//   - it moves to a meeting of its own committee (its pages, calendar and
//     easy read say "moved to another day", not "taken by someone else");
//   - following moves ends at a meeting that is not moved again: A -> B -> A
//     would send readers and calendars round in a circle.
// Each problem is an error at the `moved_to` line of the meeting concerned.
#pragma once

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

void CheckMovedMeetings(const Site& site, Diagnostics& diag);

}  // namespace clerk
