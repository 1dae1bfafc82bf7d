#include "links/moved_meetings.h"

#include <map>
#include <string>
#include <vector>

#include "model/ascii.h"

namespace clerk {
namespace {

// The meeting `m` is moved to, if it exists and is another meeting.
const Meeting* Next(const Site& site, const Meeting& m) {
  if (m.moved_to.empty() || m.moved_to.id == m.id) return nullptr;
  auto it = site.meetings.find(m.moved_to.id);
  return it == site.meetings.end() ? nullptr : &it->second;
}

// Reports every meeting on a circle of moves, once, at its own moved_to.
// Each meeting has at most one move, so following them from any meeting
// either ends or enters one circle; colours mark meetings being followed
// (1) and done (2), so the whole check is linear in the number of meetings.
void ReportCircles(const Site& site, Diagnostics& diag) {
  std::map<std::string, int> colour;
  for (const auto& [id, start] : site.meetings) {
    if (colour[id] != 0) continue;
    std::vector<const Meeting*> path;
    const Meeting* m = &start;
    while (m && colour[m->id] == 0) {
      colour[m->id] = 1;
      path.push_back(m);
      m = Next(site, *m);
    }
    if (m && colour[m->id] == 1) {
      // `m` is on the path: from it to the path's end is a circle.
      size_t first = 0;
      while (path[first] != m) ++first;
      std::vector<const Meeting*> circle(path.begin() + static_cast<long>(first),
                                         path.end());
      for (size_t i = 0; i < circle.size(); ++i) {
        std::string route;
        for (size_t k = 0; k <= circle.size(); ++k)
          route += (k ? " -> " : "") + circle[(i + k) % circle.size()]->id;
        diag.Error(circle[i]->moved_to.pos,
                   "moved_to goes round in a circle (" + route +
                       "): the meeting that takes place must not be moved; remove "
                       "moved_to from it");
      }
    }
    for (const Meeting* done : path) colour[done->id] = 2;
  }
}

}  // namespace

void CheckMovedMeetings(const Site& site, Diagnostics& diag) {
  for (const auto& [id, m] : site.meetings) {
    if (m.moved_to.empty() || m.incomplete) continue;
    if (m.status != MeetingStatus::kPostponed && m.status != MeetingStatus::kCancelled)
      diag.Error(m.moved_to.pos,
                 "moved_to is for a postponed or cancelled meeting, but "
                 "this one is '" +
                     ascii::Lower(ToString(m.status)) +
                     "': set 'status: postponed' or remove moved_to");
    const Meeting* to = Next(site, m);
    if (to && !to->incomplete && !m.committee.empty() && !to->committee.empty() &&
        to->committee.id != m.committee.id)
      diag.Error(m.moved_to.pos,
                 "moved_to names a meeting of committee '" + to->committee.id +
                     "', but this meeting is of '" + m.committee.id +
                     "': a meeting moves to another meeting of its own committee");
  }
  ReportCircles(site, diag);
}

}  // namespace clerk
