#include "links/past_meetings.h"

#include "model/ascii.h"

namespace clerk {

void CheckPastMeetings(const Site& site, const Date& today, Diagnostics& diag) {
  if (today.year == 0) return;
  for (const auto& [id, m] : site.meetings) {
    // A start that did not parse is an error already, not a passed meeting.
    if (m.incomplete || m.start.date.year == 0 || m.start.date >= today) continue;
    if (m.status != MeetingStatus::kScheduled && m.status != MeetingStatus::kConfirmed)
      continue;
    const SourcePos& pos = m.start_pos.line > 0 ? m.start_pos : m.pos;
    diag.Warning(pos,
                 "the meeting of " + LongDate(m.start.date) +
                     " has passed, but its status is still '" +
                     ascii::Lower(ToString(m.status)) +
                     "': should this be `held`? (or `cancelled`, `postponed`.) Built "
                     "on " +
                     LongDate(today) + ", the pages no longer list it as upcoming");
  }
}

}  // namespace clerk
