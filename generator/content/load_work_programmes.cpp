// Work programmes: what a committee plans to look at, and when.
#include <optional>

#include "content/record_loaders.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "schema/tables.h"

namespace clerk {
namespace {

std::vector<PersonOrText> PeopleOrText(YamlRecord& r, const char* key) {
  std::vector<PersonOrText> out;
  YAML::Node value = r.Node(key);
  if (!value.IsDefined() || value.IsNull()) return out;
  auto one = [&](const YAML::Node& node) {
    if (!node.IsScalar()) {
      r.diag().Error(r.PosOf(node), std::string("expected a person id or a name in '") +
                                        key + "', found " + DescribeNodeType(node));
      return;
    }
    PersonOrText p;
    p.pos = r.PosOf(node);
    std::string text = node.Scalar();
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    if (text.empty()) return;
    // An id (lower case, hyphens) or "@/people/<id>" names a person record;
    // anything else is the words as printed.
    if (text.rfind("@/", 0) == 0 || IsValidId(text)) {
      p.person = RefAt(node, r, "witnesses");
    } else {
      p.text = text;
    }
    out.push_back(std::move(p));
  };
  if (value.IsSequence()) {
    for (const YAML::Node& item : value) one(item);
  } else {
    one(value);
  }
  return out;
}

// `meetings:` of a work programme: each meeting with its deadlines.
void ReadProgrammeMeetings(YamlRecord& r, WorkProgramme& wp, Diagnostics& diag) {
  YAML::Node list = r.Node("meetings");
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    diag.Error(r.PosOf(list),
               "expected a list for 'meetings', found " + DescribeNodeType(list));
    return;
  }
  for (const YAML::Node& node : list) {
    YamlRecord m(node, r.path(), r.line_offset(), schema::ProgrammeMeetingTable(), diag);
    if (!m.ok()) continue;
    ProgrammeMeeting out;
    out.pos = m.pos();
    out.meeting = m.RefField("meeting", true);
    out.report_deadline = m.DateField("report_deadline");
    out.publication = m.DateField("publication");
    if (out.report_deadline && out.publication && *out.publication < *out.report_deadline)
      diag.Error(m.PosOfKey("publication"),
                 "'publication' is before 'report_deadline': papers are published "
                 "after the reports are due");
    // A meeting's id starts with its date (2024-05-06-planning): deadlines
    // after it cannot be met, and are a slip in the date typed.
    DateParse held = ParseDate(out.meeting.id.substr(0, 10));
    if (held.date) {
      for (const char* key : {"report_deadline", "publication"}) {
        const std::optional<Date>& day =
            key[0] == 'r' ? out.report_deadline : out.publication;
        if (day && *held.date < *day)
          diag.Error(m.PosOfKey(key), "'" + std::string(key) + "' (" + IsoDate(*day) +
                                          ") is after the meeting (" +
                                          IsoDate(*held.date) +
                                          "): it must fall before the meeting it serves");
      }
    }
    for (const ProgrammeMeeting& earlier : wp.meetings) {
      if (!out.meeting.empty() && earlier.meeting.id == out.meeting.id)
        diag.Error(out.meeting.pos,
                   "meeting '" + out.meeting.id + "' is listed twice in 'meetings'");
    }
    wp.meetings.push_back(std::move(out));
  }
}

// `when:` of a row not yet given a meeting: tbc, standing or a month.
void ReadRowWhen(YamlRecord& row, WorkProgrammeRow& out, Diagnostics& diag) {
  std::string when = row.String("when");
  if (when == "tbc") {
    out.when = WhenKind::kTbc;
    return;
  }
  if (when == "standing") {
    out.when = WhenKind::kStanding;
    return;
  }
  DateParse month = ParseDate(when + "-01");
  if (when.size() == 7 && month.date) {
    out.when = WhenKind::kMonth;
    out.year = month.date->year;
    out.month = month.date->month;
    return;
  }
  diag.Error(row.PosOfKey("when"),
             "'when' must be tbc, standing or a month "
             "written YYYY-MM, not '" +
                 when + "'");
}

// When a row comes up: at a meeting (and item), or `when`.
void ReadRowTiming(YamlRecord& row, WorkProgrammeRow& out, Diagnostics& diag) {
  bool has_meeting = row.Has("meeting");
  bool has_when = row.Has("when");
  if (has_meeting && has_when) {
    diag.Error(row.PosOfKey("when"),
               "a row has either 'meeting' or 'when', not both: remove 'when' once the "
               "meeting is known");
  }
  if (has_meeting) {
    out.when = WhenKind::kMeeting;
    out.meeting = row.RefField("meeting");
    out.item = row.String("item");
    out.item_pos = row.PosOfKey("item");
  } else if (has_when) {
    if (row.Has("item"))
      diag.Error(row.PosOfKey("item"), "'item' needs the 'meeting' it belongs to");
    ReadRowWhen(row, out, diag);
  } else {
    diag.Error(row.pos(),
               "the row needs 'meeting' (a meeting id) or 'when' (tbc, "
               "standing or YYYY-MM)");
  }
}

WorkProgrammeRow ReadProgrammeRow(YamlRecord& row, Diagnostics& diag) {
  WorkProgrammeRow out;
  out.pos = row.pos();
  out.topic = row.String("topic", true);
  out.description = row.String("description");
  out.author = row.String("author");
  out.scrutiny = row.String("scrutiny");
  out.cadence = row.String("cadence");
  out.last_report = row.DateField("last_report");
  out.witnesses = PeopleOrText(row, "witnesses");
  // Like witnesses, one visit may be written as text: the words as printed.
  out.visits = row.StringList("visits");
  out.notes = row.String("notes");
  ReadRowTiming(row, out, diag);
  return out;
}

// `rows:` of a work programme: its topics, each with when it comes up.
void ReadProgrammeRows(YamlRecord& r, WorkProgramme& wp, Diagnostics& diag) {
  YAML::Node rows = r.Node("rows");
  if (!rows.IsDefined() || rows.IsNull()) {
    // Deferred: a misspelt 'row:' gives only its did-you-mean.
    r.Missing("rows");
    return;
  }
  if (!rows.IsSequence()) {
    diag.Error(r.PosOf(rows),
               "expected a list for 'rows', found " + DescribeNodeType(rows));
    return;
  }
  for (const YAML::Node& node : rows) {
    YamlRecord row(node, r.path(), r.line_offset(), schema::WorkProgrammeRowTable(),
                   diag);
    if (!row.ok()) continue;
    wp.rows.push_back(ReadProgrammeRow(row, diag));
  }
}

}  // namespace

void LoadWorkProgramme(const std::string& id, const std::string& path,
                       const std::string& display, Site& site, Diagnostics& diag,
                       Disk& disk) {
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return;
  std::optional<YAML::Node> doc = ParseYaml(text, display, 1, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, schema::WorkProgrammeTable(), diag);
  if (!r.ok()) return;
  WorkProgramme wp;
  wp.id = id;
  wp.pos = r.pos();
  wp.committee = r.RefField("committee", true);
  wp.title = r.String("title", true);
  wp.period = r.String("period");
  ReadProgrammeMeetings(r, wp, diag);
  ReadProgrammeRows(r, wp, diag);
  site.work_programmes[id] = std::move(wp);
}

}  // namespace clerk
