// `clerk new meeting`: writes a starting meeting.yaml for a committee, so a
// clerk adding a meeting copies nothing by hand.
#pragma once

#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// Creates content/meetings/<date>-<committee>/meeting.yaml with the
// committee's usual agenda shape (the standing items of its last meeting
// before `date`, scaffold/standing_items.h) and that meeting's contact; the
// time and venue stay `tbc`, with the last meeting's in a comment, since a
// guess would be published as a fact. Never overwrites. Returns the path of
// the new meeting.yaml, or "" after reporting why not.
std::string NewMeeting(const Site& site, const std::string& committee_id,
                       const std::string& date, Diagnostics& diag);

}  // namespace clerk
