#include "scaffold/new_minutes.h"

#include <filesystem>

#include "content/yaml_reader.h"
#include "model/did_you_mean.h"
#include "scaffold/new_file.h"
#include "scaffold/yaml_text.h"

namespace clerk::scaffold {

namespace {

namespace fs = std::filesystem;

std::string MinutesText(const Site& site, const Meeting& meeting, int first) {
  auto committee = site.committees.find(meeting.committee.id);
  std::string name =
      committee == site.committees.end() ? meeting.committee.id : committee->second.name;
  std::string out = "---\n";
  out += "# Draft minutes of " + name + ", " + LongDate(meeting.start.date) + ".\n";
  out +=
      "# Write each minute under its heading: a decision starts with **Resolved:**,\n"
      "# an action with **Action:**. Once approved, set status: approved and\n"
      "# approved_at: <the meeting that approved them>. Fields:\n"
      "# docs/content-format.md, \"Minutes\".\n";
  // An informal meeting's record is action notes (docs/content-format.md).
  if (meeting.kind == MeetingKind::kInformal) out += "kind: action-notes\n";
  out += "status: draft\n";
  out += "sections:\n";
  int number = first;
  for (const AgendaItem& item : meeting.agenda)
    out += "  - minute: " + std::to_string(number++) +
           "\n    item: " + YamlQuoted(item.number) + "\n";
  out += "---\n";
  number = first;
  for (const AgendaItem& item : meeting.agenda)
    out += "\n## " + std::to_string(number++) + " " + item.title + "\n";
  return out;
}

}  // namespace

int FirstMinuteNumber(const Site& site, const Meeting& meeting, std::string* follows) {
  follows->clear();
  auto committee = site.committees.find(meeting.committee.id);
  if (committee == site.committees.end() ||
      committee->second.minute_numbering != MinuteNumbering::kContinuous)
    return 1;
  // The committee's latest minutes before this meeting that have numbers.
  const Meeting* before = nullptr;
  int last = 0;
  for (const auto& [id, other] : site.meetings) {
    auto minutes = site.minutes.find(id);
    if (other.committee.id != meeting.committee.id || !(other.start < meeting.start) ||
        minutes == site.minutes.end() || minutes->second.sections.empty())
      continue;
    if (before && !(before->start < other.start)) continue;
    int end = minutes->second.sections.back().number;
    if (end <= 0) continue;
    before = &other;
    last = end;
  }
  if (!before) return 1;
  *follows = before->id;
  return last + 1;
}

NewMinutesResult NewMinutes(const Site& site, const std::string& meeting_id,
                            Diagnostics& diag) {
  NewMinutesResult result;
  auto meeting = site.meetings.find(meeting_id);
  if (meeting == site.meetings.end()) {
    std::vector<std::string> ids;
    for (const auto& kv : site.meetings) ids.push_back(kv.first);
    diag.Error({"--meeting", 0, 0},
               "unknown meeting '" + meeting_id + "'" + DidYouMean(meeting_id, ids));
    return result;
  }
  const Meeting& m = meeting->second;
  fs::path file = fs::path(site.root) / "content" / "meetings" / m.id / "minutes.md";
  if (site.minutes.count(m.id)) {
    diag.Error({ShownPath(file), 0, 0},
               "this meeting has minutes already: edit " + ShownPath(file));
    return result;
  }
  if (m.agenda.empty()) {
    diag.Error(
        {ShownPath(fs::path(site.root) / "content" / "meetings" / m.id / "meeting.yaml"),
         0, 0},
        "the meeting has no agenda items to minute: write its agenda first");
    return result;
  }
  result.first = FirstMinuteNumber(site, m, &result.follows);
  result.last = result.first + static_cast<int>(m.agenda.size()) - 1;
  std::string error;
  if (!WriteNewFile(file, MinutesText(site, m, result.first), &error)) {
    diag.Error({ShownPath(file), 0, 0}, error);
    return result;
  }
  result.path = file.string();
  return result;
}

}  // namespace clerk::scaffold
