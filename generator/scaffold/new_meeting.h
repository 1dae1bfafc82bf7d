// `clerk new meeting`: writes a starting meeting.yaml for a committee, so a
// clerk adding a meeting copies nothing by hand.
#pragma once

#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// Creates content/meetings/<date>-<committee>/meeting.yaml from the
// committee's last meeting (venue and start time) or sensible defaults.
// Never overwrites an existing folder. Returns the folder path, or "" after
// reporting why not.
std::string NewMeeting(const Site& site, const std::string& committee_id,
                       const std::string& date, Diagnostics& diag);

}  // namespace clerk
