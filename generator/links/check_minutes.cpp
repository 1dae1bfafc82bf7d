#include "links/check_minutes.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace clerk {
namespace {

std::string Number(int n) {
  return std::to_string(n);
}

// Minutes that cannot be right as they stand: a meeting that has not been
// held has no minutes yet, and approved minutes say where they were approved.
void CheckMinutesState(const Site& site, Diagnostics& diag) {
  for (const auto& [meeting_id, minutes] : site.minutes) {
    std::string what =
        minutes.kind == MinutesKind::kActionNotes ? "action notes" : "minutes";
    auto meeting = site.meetings.find(meeting_id);
    if (meeting != site.meetings.end() && !meeting->second.incomplete &&
        meeting->second.status != MeetingStatus::kHeld) {
      std::string status = ToString(meeting->second.status);
      for (char& c : status)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      diag.Warning(minutes.pos, what + " of a meeting whose status is '" + status +
                                    "': set 'status: held' in meeting.yaml once it has "
                                    "met, or remove this file");
    }
    if (minutes.status == MinutesStatus::kApproved && minutes.approved_at.empty())
      diag.Warning(minutes.status_pos.line > 0 ? minutes.status_pos : minutes.pos,
                   "approved " + what +
                       " do not say which meeting approved them: add 'approved_at: "
                       "<meeting id>'");
  }
}

}  // namespace

void CheckMinuteNumbering(const Site& site, Diagnostics& diag) {
  CheckMinutesState(site, diag);

  // Within one set of minutes: each number follows the one before.
  for (const auto& [meeting_id, minutes] : site.minutes) {
    const std::vector<MinuteSection>& sections = minutes.sections;
    for (size_t i = 1; i < sections.size(); ++i) {
      int before = sections[i - 1].number, now = sections[i].number;
      if (before <= 0 || now <= 0 || now == before)
        continue;  // duplicates: an error elsewhere
      if (now < before) {
        diag.Warning(sections[i].pos, "minute " + Number(now) + " comes after minute " +
                                          Number(before) +
                                          ": minutes are numbered in order");
      } else if (now != before + 1) {
        diag.Warning(sections[i].pos, "minute numbers jump from " + Number(before) +
                                          " to " + Number(now) +
                                          " (is a minute missing?)");
      }
    }
  }

  // Across meetings, per committee, in date order.
  for (const auto& [committee_id, committee] : site.committees) {
    std::vector<const Meeting*> held;
    for (const auto& [id, meeting] : site.meetings) {
      if (meeting.committee.id == committee_id && meeting.status == MeetingStatus::kHeld)
        held.push_back(&meeting);
    }
    std::sort(held.begin(), held.end(),
              [](const Meeting* a, const Meeting* b) { return a->start < b->start; });
    const Minutes* previous = nullptr;
    for (const Meeting* meeting : held) {
      auto it = site.minutes.find(meeting->id);
      const Minutes* minutes = it == site.minutes.end() ? nullptr : &it->second;
      if (!minutes || minutes->sections.empty() ||
          minutes->sections.front().number <= 0) {
        previous = nullptr;  // the chain is broken: nothing to compare with
        continue;
      }
      const MinuteSection& first = minutes->sections.front();
      if (committee.minute_numbering == MinuteNumbering::kPerMeeting) {
        if (first.number != 1)
          diag.Warning(first.pos,
                       committee.name +
                           " numbers minutes from 1 at each meeting "
                           "(minute_numbering: per-meeting), but these start at " +
                           Number(first.number));
      } else if (previous) {
        int last = previous->sections.back().number;
        if (last > 0 && first.number != last + 1)
          diag.Warning(first.pos,
                       "minutes of " + committee.name +
                           " are numbered continuously: the previous meeting's "
                           "minutes end at " +
                           Number(last) +
                           ", so these should "
                           "start at " +
                           Number(last + 1) + ", not " + Number(first.number));
      }
      previous = minutes;
    }
  }
}

}  // namespace clerk
