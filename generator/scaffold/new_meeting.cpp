#include "scaffold/new_meeting.h"

#include <algorithm>
#include <filesystem>

#include "content/yaml_reader.h"
#include "model/did_you_mean.h"
#include "scaffold/agenda_yaml.h"
#include "scaffold/new_file.h"
#include "scaffold/standing_items.h"

namespace clerk {

namespace {

// The committee's meeting whose agenda shape a new one on `date` copies:
// its latest meeting before that date whose agenda has standing items, else
// its latest after it; nullptr when no meeting has any.
const Meeting* ShapeMeeting(const Site& site, const std::string& committee_id,
                            const Date& date) {
  std::vector<const Meeting*> candidates;
  for (const auto& [id, meeting] : site.meetings)
    if (meeting.committee.id == committee_id &&
        !scaffold::StandingItems(meeting.agenda, "").empty())
      candidates.push_back(&meeting);
  // Before the date, latest first; then after it, latest first.
  std::sort(candidates.begin(), candidates.end(),
            [&](const Meeting* a, const Meeting* b) {
              bool a_before = a->start.date < date, b_before = b->start.date < date;
              if (a_before != b_before) return a_before;
              return b->start < a->start;
            });
  return candidates.empty() ? nullptr : candidates.front();
}

// The committee's latest meeting before `date`, else its latest: where the
// hints for time and venue, and the contact, come from.
const Meeting* LastMeeting(const Site& site, const std::string& committee_id,
                           const Date& date) {
  const Meeting *before = nullptr, *any = nullptr;
  for (const auto& [id, meeting] : site.meetings) {
    if (meeting.committee.id != committee_id) continue;
    if (!any || any->start < meeting.start) any = &meeting;
    if (meeting.start.date < date && (!before || before->start < meeting.start))
      before = &meeting;
  }
  return before ? before : any;
}

// The date of the committee's last held meeting before `date`, in words, for
// the minutes item ("Monday 15 July 2019"); "" when there is none.
std::string PreviousHeld(const Site& site, const std::string& committee_id,
                         const Date& date) {
  const Meeting* last = nullptr;
  for (const auto& [id, meeting] : site.meetings) {
    if (meeting.committee.id == committee_id && meeting.status == MeetingStatus::kHeld &&
        meeting.start.date < date && (!last || last->start < meeting.start))
      last = &meeting;
  }
  return last ? LongDate(last->start.date) : "";
}

std::string MeetingYaml(const Site& site, const Committee& committee,
                        const std::string& date, const Meeting* last,
                        const Meeting* shape) {
  std::string out = "# New meeting of " + committee.name +
                    ". Fields: docs/content-format.md, \"Meetings\".\n"
                    "# Add the reports to the agenda (renumber the items after "
                    "them), then run clerk check.\n";
  out += "committee: " + committee.id + "\n";
  out += "status: scheduled\n";
  // Never a guessed time or place: they would be published as facts.
  out += "start: " + date + " tbc   # the time as HH:MM once it is known";
  if (last && last->start.time)
    out += " (the last meeting began at " + IsoTime(*last->start.time) + ")";
  out += "\nvenue: tbc   # a venue id from content/venues.yaml once it is known";
  if (last && !last->venue.empty())
    out += " (the last meeting was at " + last->venue.id + ")";
  out += "\n";
  if (last && !last->contact.empty())
    out += "contact: " + last->contact.id + "   # as at the meeting of " +
           IsoDate(last->start.date) + "\n";
  else if (!committee.contact.empty())
    out += "# contact: the committee's contact, " + committee.contact.id +
           ", unless you name another person here\n";
  std::string previous = PreviousHeld(site, committee.id, *ParseDate(date).date);
  std::vector<AgendaItem> items = shape ? scaffold::StandingItems(shape->agenda, previous)
                                        : scaffold::DefaultStandingItems();
  if (shape)
    out += "# The standing items of the meeting of " + IsoDate(shape->start.date) + ":\n";
  return out + scaffold::AgendaYaml(items);
}

}  // namespace

std::string NewMeeting(const Site& site, const std::string& committee_id,
                       const std::string& date, Diagnostics& diag) {
  DateParse parsed = ParseDate(date);
  if (!parsed.date) {
    diag.Error({"--date", 0, 0}, parsed.error);
    return "";
  }
  auto committee = site.committees.find(committee_id);
  if (committee == site.committees.end()) {
    std::vector<std::string> ids;
    for (const auto& kv : site.committees) ids.push_back(kv.first);
    diag.Error({"--committee", 0, 0}, "unknown committee '" + committee_id + "'" +
                                          DidYouMean(committee_id, ids));
    return "";
  }
  std::string id = date + "-" + committee_id;
  std::filesystem::path dir =
      std::filesystem::path(site.root) / "content" / "meetings" / id;
  std::error_code ec;
  if (site.meetings.count(id) ||
      std::filesystem::exists(std::filesystem::symlink_status(dir, ec))) {
    diag.Error({scaffold::ShownPath(dir), 0, 0},
               "this meeting already exists; edit its meeting.yaml");
    return "";
  }
  const Meeting* last = LastMeeting(site, committee_id, *parsed.date);
  const Meeting* shape = ShapeMeeting(site, committee_id, *parsed.date);
  std::string error;
  std::filesystem::path file = dir / "meeting.yaml";
  if (!scaffold::WriteNewFile(
          file, MeetingYaml(site, committee->second, date, last, shape), &error)) {
    diag.Error({scaffold::ShownPath(file), 0, 0}, error);
    return "";
  }
  return file.string();
}

}  // namespace clerk
