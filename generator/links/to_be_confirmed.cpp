#include "links/to_be_confirmed.h"

#include <algorithm>
#include <tuple>

namespace clerk {

std::vector<ToConfirm> ToBeConfirmed(const Site& site, const Date& today) {
  std::vector<const Meeting*> upcoming;
  for (const auto& [id, m] : site.meetings) {
    if (m.incomplete || m.start.date < today) continue;
    if (m.status != MeetingStatus::kScheduled && m.status != MeetingStatus::kConfirmed)
      continue;
    upcoming.push_back(&m);
  }
  std::sort(upcoming.begin(), upcoming.end(), [](const Meeting* a, const Meeting* b) {
    return std::tie(a->start, a->id) < std::tie(b->start, b->id);
  });
  std::vector<ToConfirm> out;
  for (const Meeting* m : upcoming) {
    const std::string when = " (" + LongDate(m->start.date) + ")";
    if (!m->start.time)
      out.push_back({m->start_pos, "start time to be confirmed" + when});
    if (m->venue_tbc) out.push_back({m->venue_pos, "venue to be confirmed" + when});
    if (m->agenda.empty() && m->kind != MeetingKind::kReferenced)
      out.push_back({m->pos, "no agenda items yet" + when});
  }
  return out;
}

}  // namespace clerk
