#include "links/check_meeting_facts.h"

#include <map>
#include <string>
#include <vector>

#include "model/ascii.h"

namespace clerk {
namespace {

std::string Line(const SourcePos& pos) {
  return "line " + std::to_string(pos.line);
}

// The status as written in meeting.yaml ("postponed").
std::string StatusWord(MeetingStatus status) {
  return ascii::Lower(ToString(status));
}

bool TookPlace(MeetingStatus status) {
  return status != MeetingStatus::kCancelled && status != MeetingStatus::kPostponed;
}

// Papers: once per item is the rule (an error); one paper under two items
// may be a joint report, so that is a warning.
void Papers(const std::vector<AgendaItem>& items,
            std::map<std::string, const AgendaItem*>& by_item, Diagnostics& diag) {
  for (const AgendaItem& item : items) {
    std::map<std::string, SourcePos> here;
    for (const Ref& doc : item.documents) {
      if (doc.empty()) continue;
      auto [it, fresh] = here.try_emplace(doc.id, doc.pos);
      if (!fresh) {
        diag.Error(doc.pos, "paper '" + doc.id + "' is named twice in item " +
                                item.full_number + " (first on " + Line(it->second) +
                                "): name each paper once");
        continue;
      }
      auto [other, first] = by_item.try_emplace(doc.id, &item);
      if (!first)
        diag.Warning(doc.pos, "paper '" + doc.id + "' is also a paper of item " +
                                  other->second->full_number + " (" +
                                  Line(other->second->pos) +
                                  "): it will be listed under both; if it belongs to "
                                  "one, name it only there");
    }
    std::map<std::string, SourcePos> invited;
    for (const Attendee& a : item.invited) {
      if (a.person.empty()) continue;
      auto [it, fresh] = invited.try_emplace(a.person.id, a.pos);
      if (!fresh)
        diag.Error(a.pos, "'" + a.person.id + "' is invited to item " + item.full_number +
                              " twice (first on " + Line(it->second) +
                              "): list each person once");
    }
    Papers(item.sub_items, by_item, diag);
  }
}

const Attendee* FirstAttendee(const Attendance& a) {
  for (const std::vector<Attendee>* list :
       {&a.present, &a.apologies, &a.substitutes, &a.also_attending, &a.remote})
    if (!list->empty()) return &list->front();
  return nullptr;
}

void CheckAttendance(const Meeting& meeting, Diagnostics& diag) {
  for (const Attendee& a : meeting.attendance.substitutes)
    if (!a.person.empty() && a.person.id == a.substitute_for.id)
      diag.Error(a.substitute_for.pos, "'" + a.person.id +
                                           "' cannot be a substitute for themselves: "
                                           "'for' names the member they replaced");
  const Attendee* first = FirstAttendee(meeting.attendance);
  if (!first) return;
  std::string status = StatusWord(meeting.status);
  if (!TookPlace(meeting.status))
    diag.Error(first->pos, "attendance for a meeting that is " + status +
                               ": nobody attended it; remove the attendance, or set "
                               "'status: held' if it took place");
  else if (meeting.status != MeetingStatus::kHeld)
    diag.Warning(first->pos, "attendance for a meeting whose status is '" + status +
                                 "': set 'status: held' once it has met");
}

void HeldInFuture(const Meeting& meeting, const Date& today, Diagnostics& diag) {
  if (today.year == 0 || meeting.status != MeetingStatus::kHeld) return;
  if (!(today < meeting.start.date)) return;
  diag.Warning(meeting.start_pos.line > 0 ? meeting.start_pos : meeting.pos,
               "the meeting is 'held', but its date is after today (" + IsoDate(today) +
                   "): check the date, or set 'status: scheduled' until it has met");
}

void ApprovedAt(const Site& site, const Minutes& minutes, const Meeting& recorded,
                Diagnostics& diag) {
  auto it = site.meetings.find(minutes.approved_at.id);
  if (it == site.meetings.end() || it->second.incomplete || recorded.incomplete ||
      it->first == recorded.id)
    return;  // unknown or the same meeting: errors of CheckReferences
  const Meeting& at = it->second;
  // Cancelled: it never met. (A postponed meeting's business moves on with
  // it, so naming it is left to the moved-meeting checks.)
  if (at.status == MeetingStatus::kCancelled)
    diag.Error(minutes.approved_at.pos,
               "meeting '" + at.id + "' is " + StatusWord(at.status) +
                   ": minutes are approved at a meeting that takes place; name "
                   "the meeting that approved them");
  else if (at.start.date.year != 0 && recorded.start.date.year != 0 &&
           at.start.date < recorded.start.date)
    diag.Error(minutes.approved_at.pos,
               "meeting '" + at.id + "' was before the meeting these minutes record (" +
                   IsoDate(recorded.start.date) +
                   "): minutes are approved at a later meeting");
}

}  // namespace

void CheckMeetingFacts(const Site& site, Diagnostics& diag) {
  for (const auto& [id, meeting] : site.meetings) {
    if (meeting.incomplete) continue;
    std::map<std::string, const AgendaItem*> by_item;
    Papers(meeting.agenda, by_item, diag);
    CheckAttendance(meeting, diag);
    HeldInFuture(meeting, site.today, diag);
  }
  for (const auto& [id, minutes] : site.minutes) {
    auto meeting = site.meetings.find(id);
    if (meeting != site.meetings.end() && !minutes.approved_at.empty())
      ApprovedAt(site, minutes, meeting->second, diag);
  }
}

}  // namespace clerk
