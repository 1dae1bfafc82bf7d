// `clerk new minutes`: draft minutes for a meeting, one section per agenda
// item in the agenda's order, numbered by the committee's rule
// (`minute_numbering`): from 1 at each meeting, or carrying on from the
// committee's last minutes.
#pragma once

#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk::scaffold {

struct NewMinutesResult {
  std::string path;  // the new minutes.md; "" when nothing was made
  int first = 0;     // the first minute number
  int last = 0;
  // Continuous numbering: the meeting whose minutes these carry on from
  // ("" when numbering per meeting, or when there are none before).
  std::string follows;
};

// The number of the first minute of `meeting`: 1 per meeting; for
// continuous numbering one after the last minute of the committee's latest
// earlier minutes (1 when there are none). `*follows` gets that meeting.
int FirstMinuteNumber(const Site& site, const Meeting& meeting, std::string* follows);

// Writes content/meetings/<meeting>/minutes.md. Never overwrites.
NewMinutesResult NewMinutes(const Site& site, const std::string& meeting_id,
                            Diagnostics& diag);

}  // namespace clerk::scaffold
