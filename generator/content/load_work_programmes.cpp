// Work programmes: what a committee plans to look at, and when.
#include <optional>

#include "content/record_loaders.h"
#include "content/source_files.h"
#include "content/yaml_reader.h"

namespace clerk {

void LoadWorkProgramme(const std::string& id, const std::string& path,
                       const std::string& display, Site& site, Diagnostics& diag) {
  std::string text;
  if (!ReadTextFile(path, display, &text, diag)) return;
  std::optional<YAML::Node> doc = ParseYaml(text, display, 1, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, "work programme", diag);
  if (!r.ok()) return;
  WorkProgramme wp;
  wp.id = id;
  wp.pos = r.pos();
  wp.committee = r.RefField("committee", true);
  wp.title = r.String("title", true);
  wp.period = r.String("period");
  YAML::Node rows = r.Node("rows");
  if (!rows.IsDefined() || rows.IsNull()) {
    diag.Error(r.pos(), "missing required field 'rows' in the work programme");
  } else if (!rows.IsSequence()) {
    diag.Error(r.PosOf(rows),
               "expected a list for 'rows', found " + DescribeNodeType(rows));
  } else {
    for (const YAML::Node& node : rows) {
      YamlRecord row(node, display, 1, "work programme row", diag);
      if (!row.ok()) continue;
      WorkProgrammeRow out;
      out.pos = row.pos();
      out.topic = row.String("topic", true);
      out.description = row.String("description");
      out.author = row.String("author");
      out.scrutiny = row.String("scrutiny");
      bool has_meeting = row.Has("meeting");
      bool has_when = row.Has("when");
      if (has_meeting && has_when) {
        diag.Error(
            row.PosOfKey("when"),
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
        std::string when = row.String("when");
        if (when == "tbc") {
          out.when = WhenKind::kTbc;
        } else if (when == "standing") {
          out.when = WhenKind::kStanding;
        } else {
          DateParse month = ParseDate(when + "-01");
          if (when.size() == 7 && month.date) {
            out.when = WhenKind::kMonth;
            out.year = month.date->year;
            out.month = month.date->month;
          } else {
            diag.Error(row.PosOfKey("when"),
                       "'when' must be tbc, standing or a month "
                       "written YYYY-MM, not '" +
                           when + "'");
          }
        }
      } else {
        diag.Error(row.pos(),
                   "the row needs 'meeting' (a meeting id) or 'when' (tbc, "
                   "standing or YYYY-MM)");
      }
      wp.rows.push_back(std::move(out));
    }
  }
  site.work_programmes[id] = std::move(wp);
}

}  // namespace clerk
