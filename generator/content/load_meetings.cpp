// A meeting folder: meeting.yaml (the meeting, attendance and agenda) plus the
// papers and minutes beside it.
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "content/list_fields.h"
#include "content/pictogram_names.h"
#include "content/record_loaders.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "model/ascii.h"
#include "schema/tables.h"

namespace clerk {
namespace {

// An error for a UK local time that does not exist: `time` on `day` falls
// in the hour the clocks skip in spring (model/dates.h). True if reported.
bool ReportSpringGap(YamlRecord& r, const char* key, const std::optional<Date>& day,
                     const TimeOfDay& time, const std::string& what) {
  if (!day || LondonClockAt({*day, time}) != LondonClock::kGap) return false;
  r.diag().Error(r.PosOfKey(key),
                 what + " " + IsoTime(time) +
                     " is not a time in the UK that day: " + SpringGapExplanation(*day));
  return true;
}

// "10.05 to 11.00" (or "10:05 - 11:00"). `day`: the meeting's date, if known.
void ReadTiming(YamlRecord& r, AgendaItem& item, const std::optional<Date>& day) {
  std::string text = r.String("timing");
  if (text.empty()) return;
  size_t sep = text.find(" to ");
  size_t sep_len = 4;
  if (sep == std::string::npos) {
    sep = text.find(" - ");
    sep_len = 3;
  }
  if (sep == std::string::npos) {
    r.diag().Error(r.PosOfKey("timing"),
                   "timing '" + text + "' should be written like '10.05 to 11.00'");
    return;
  }
  TimeParse from = ParseTime(text.substr(0, sep));
  TimeParse to = ParseTime(text.substr(sep + sep_len));
  if (!from.time || !to.time) {
    r.diag().Error(r.PosOfKey("timing"),
                   "timing: " + (from.time ? to.error : from.error));
    return;
  }
  if (*to.time < *from.time) {
    r.diag().Error(r.PosOfKey("timing"), "timing '" + text + "' ends before it starts");
    return;
  }
  if (ReportSpringGap(r, "timing", day, *from.time, "timing: the start") ||
      ReportSpringGap(r, "timing", day, *to.time, "timing: the end"))
    return;
  item.time_from = from.time;
  item.time_to = to.time;
}

std::optional<Exemption> ReadExemption(YamlRecord& parent) {
  YAML::Node node = parent.Node("exempt");
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  YamlRecord r(node, parent.path(), parent.line_offset(), schema::ExemptionTable(),
               parent.diag());
  if (!r.ok()) return std::nullopt;
  Exemption e;
  e.pos = r.pos();
  std::optional<int> paragraph = r.Int("paragraph", true);
  if (paragraph && (*paragraph < 1 || *paragraph > 7)) {
    r.diag().Error(r.PosOfKey("paragraph"),
                   "exempt paragraph must be 1 to 7 (Schedule 12A, Local Government Act "
                   "1972), not " +
                       std::to_string(*paragraph));
  }
  e.paragraph = paragraph.value_or(0);
  e.reason = r.String("reason", true);
  return e;
}

void ReadAttendees(YamlRecord& parent, const char* key, bool substitutes,
                   std::vector<Attendee>& out);

void ReadAgendaItems(const YAML::Node& list, YamlRecord& parent,
                     const std::string& prefix, const std::optional<Date>& day,
                     std::vector<AgendaItem>& out) {
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    parent.diag().Error(parent.PosOf(list), "expected a list of agenda items, found " +
                                                DescribeNodeType(list));
    return;
  }
  std::set<std::string> numbers;
  // Exactly: a large site holds 100,000 items, and a vector grown by
  // doubling would hold a third more.
  out.reserve(out.size() + list.size());
  for (const YAML::Node& node : list) {
    YamlRecord r(node, parent.path(), parent.line_offset(), schema::AgendaItemTable(),
                 parent.diag());
    if (!r.ok()) continue;
    AgendaItem item;
    item.pos = r.pos();
    item.number = r.String("number", true);
    item.full_number = prefix + item.number;
    if (!item.number.empty() && !numbers.insert(item.number).second)
      r.diag().Error(r.PosOfKey("number"),
                     "duplicate agenda item number '" + item.number + "'");
    item.title = r.String("title", true);
    item.purpose = r.String("purpose");
    ReadTiming(r, item, day);
    item.pages = r.String("pages");
    RequireList(r, "documents");
    item.documents = r.RefList("documents");
    item.exempt = ReadExemption(r);
    item.easy_read = r.String("easy_read");
    item.easy_read_pos = r.PosOfKey("easy_read");
    item.topic = r.RefField("topic");
    item.picture = r.String("picture");
    // A name the theme has no picture for is an error, and is never used
    // (it would otherwise become part of a file path).
    if (!item.picture.empty() && !IsPictogram(item.picture)) {
      r.diag().Error(r.PosOfKey("picture"), UnknownPictogramMessage(item.picture));
      item.picture.clear();
    }
    ReadAttendees(r, "invited", false, item.invited);
    ReadAgendaItems(r.Node("items"), r, item.full_number, day, item.sub_items);
    out.push_back(std::move(item));
  }
}

void ReadAttendees(YamlRecord& parent, const char* key, bool substitutes,
                   std::vector<Attendee>& out) {
  YAML::Node list = parent.Node(key);
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    parent.diag().Error(parent.PosOf(list), "expected a list of people for '" +
                                                std::string(key) + "', found " +
                                                DescribeNodeType(list));
    return;
  }
  out.reserve(out.size() + list.size());  // exactly, as agenda items
  for (const YAML::Node& node : list) {
    Attendee a;
    a.pos = parent.PosOf(node);
    if (node.IsScalar()) {
      a.person = RefAt(node, parent, "person");
      if (substitutes)
        parent.diag().Error(a.pos,
                            "a substitute needs 'person' and 'for' (the member "
                            "they replace)");
    } else {
      YamlRecord r(node, parent.path(), parent.line_offset(),
                   substitutes ? schema::SubstituteTable() : schema::AttendeeTable(),
                   parent.diag());
      if (!r.ok()) continue;
      a.person = r.RefField("person", true);
      a.capacity = r.String("capacity");
      a.remote = r.Bool("remote").value_or(false);
      if (substitutes) {
        a.substitute_for = r.RefField("for", true);
      }
    }
    out.push_back(std::move(a));
  }
}

void ReadAttendance(YamlRecord& meeting, Attendance& attendance) {
  YAML::Node node = meeting.Node("attendance");
  if (!node.IsDefined() || node.IsNull()) return;
  YamlRecord r(node, meeting.path(), meeting.line_offset(), schema::AttendanceTable(),
               meeting.diag());
  if (!r.ok()) return;
  ReadAttendees(r, "present", false, attendance.present);
  ReadAttendees(r, "apologies", false, attendance.apologies);
  ReadAttendees(r, "substitutes", true, attendance.substitutes);
  ReadAttendees(r, "also_attending", false, attendance.also_attending);
  std::vector<Attendee> remote;
  ReadAttendees(r, "remote", false, remote);
  // A person under `remote:` who is in another list took part online in that
  // capacity: flag that entry rather than count them twice.
  std::vector<Attendee>* lists[] = {&attendance.present, &attendance.substitutes,
                                    &attendance.also_attending};
  for (Attendee& a : remote) {
    Attendee* same = nullptr;
    for (std::vector<Attendee>* list : lists)
      for (Attendee& other : *list)
        if (!same && other.person.id == a.person.id) same = &other;
    if (same) {
      same->remote = true;
      continue;
    }
    a.remote = true;
    attendance.remote.push_back(std::move(a));
  }
  // Nobody is in two lists: present and sent apologies is a slip.
  std::map<std::string, std::pair<const char*, SourcePos>> seen;
  auto check = [&](const std::vector<Attendee>& list, const char* name) {
    for (const Attendee& a : list) {
      if (a.person.empty()) continue;
      auto [it, fresh] = seen.try_emplace(a.person.id, name, a.pos);
      if (!fresh)
        r.diag().Error(a.pos,
                       "'" + a.person.id + "' is listed twice in the attendance (" +
                           it->second.first + " at line " +
                           std::to_string(it->second.second.line) + ", and " + name +
                           "): list each person once; mark online attendance "
                           "with 'remote: true'");
    }
  };
  check(attendance.present, "present");
  check(attendance.apologies, "apologies");
  check(attendance.substitutes, "substitutes");
  check(attendance.also_attending, "also_attending");
  check(attendance.remote, "remote");
}

// "tbc", "TBC", "to be confirmed": a fact the papers do not give yet.
bool IsTbc(const std::string& text) {
  const std::string lower = ascii::Lower(text);
  return lower == "tbc" || lower == "tba" || lower == "to be confirmed" ||
         lower == "to be arranged" || lower == "not known";
}

bool IsHttpUrl(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// A link the meeting page shows: a web address.
std::string ReadWebAddress(YamlRecord& r, const char* key) {
  std::string url = r.String(key);
  if (!url.empty() && !IsHttpUrl(url))
    r.diag().Error(r.PosOfKey(key),
                   std::string(key) + " must be a web address starting with https://");
  return url;
}

// What the meeting is: its committee, title, kind and status.
void ReadMeetingHeader(YamlRecord& r, Meeting& m) {
  m.committee = r.RefField("committee", true);
  m.title = r.String("title");
  if (auto kind = r.Choice("kind", {"formal", "informal", "referenced"}))
    m.kind = static_cast<MeetingKind>(*kind);
  m.open_to_public = r.Bool("open_to_public");
  m.papers_url = ReadWebAddress(r, "papers_url");
  if (auto status = r.Choice(
          "status", {"scheduled", "confirmed", "held", "cancelled", "postponed"}, true))
    m.status = static_cast<MeetingStatus>(*status);
}

// "2022-05-12 10:00", or a date alone / "2022-05-12 tbc" when the papers
// give no time: the time stays unknown, never a default. Nullopt, with
// `error`, when it is neither.
std::optional<MeetingStart> ParseMeetingStart(const std::string& start,
                                              std::string* error) {
  std::string date_part = start.substr(0, start.find_first_of(" T"));
  std::string rest =
      date_part.size() < start.size() ? start.substr(date_part.size() + 1) : "";
  while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  if (rest.empty() || IsTbc(rest)) {
    DateParse d = ParseDate(date_part);
    if (d.date) return MeetingStart{*d.date, std::nullopt};
    *error = d.error;
    return std::nullopt;
  }
  DateTimeParse parsed = ParseDateTime(start);
  if (parsed.value) return MeetingStart{parsed.value->date, parsed.value->time};
  *error = parsed.error;
  return std::nullopt;
}

// The folder name starts with the date; a mismatch is a copy-paste slip.
void CheckFolderDate(YamlRecord& r, const Meeting& m) {
  DateParse folder_date = ParseDate(m.id.substr(0, 10));
  if (folder_date.date && *folder_date.date != m.start.date)
    r.diag().Error(r.PosOfKey("start"), "start date " + IsoDate(m.start.date) +
                                            " does not match the folder name '" + m.id +
                                            "': rename the folder or fix the date");
}

// `start`; returns its date when it gives a real one (the agenda's timings
// and the end are checked against that day's clocks).
std::optional<Date> ReadMeetingStart(YamlRecord& r, Meeting& m) {
  std::string start = r.String("start", true);
  m.start_pos = r.PosOfKey("start");
  if (start.empty()) return std::nullopt;
  std::string error;
  std::optional<MeetingStart> value = ParseMeetingStart(start, &error);
  if (!value) {
    r.diag().Error(r.PosOfKey("start"), "start: " + error);
    return std::nullopt;
  }
  m.start = *value;
  // The date holds; a time the clocks skip does not.
  if (m.start.time && ReportSpringGap(r, "start", value->date, *m.start.time, "start"))
    m.start.time.reset();
  CheckFolderDate(r, m);
  return value->date;
}

void ReadMeetingEnd(YamlRecord& r, Meeting& m, const std::optional<Date>& start_date) {
  std::string end = r.String("end");
  if (end.empty()) return;
  TimeParse parsed = ParseTime(end);
  if (!parsed.time) {
    r.diag().Error(r.PosOfKey("end"), "end: " + parsed.error);
    return;
  }
  // Reported: the meeting cannot end at a time that does not happen.
  if (ReportSpringGap(r, "end", start_date, *parsed.time, "end")) return;
  if (m.start.time && *parsed.time < *m.start.time) {
    r.diag().Error(r.PosOfKey("end"), "the meeting ends (" + IsoTime(*parsed.time) +
                                          ") before it starts (" +
                                          IsoTime(*m.start.time) + ")");
    return;
  }
  m.end = parsed.time;
}

void ReadMeetingVenue(YamlRecord& r, Meeting& m) {
  m.venue_pos = r.PosOfKey("venue");
  if (IsTbc(r.String("venue"))) {
    m.venue_tbc = true;
  } else {
    m.venue = r.RefField("venue");
  }
  // A place must be given or said to be unknown (`tbc`), so a forgotten
  // venue is caught; cancelled meetings and other bodies' need neither.
  if (m.venue.empty() && !m.venue_tbc && m.status != MeetingStatus::kCancelled &&
      m.status != MeetingStatus::kPostponed && m.kind != MeetingKind::kReferenced) {
    r.Missing("venue",
              "give a venue id from content/venues.yaml, or 'venue: tbc' if the papers "
              "do not say where yet");
  }
}

// The webcast, contact, notice, easy-read text and what replaces the meeting.
void ReadMeetingExtras(YamlRecord& r, Meeting& m) {
  m.webcast = ReadWebAddress(r, "webcast");
  m.contact = r.RefField("contact");
  m.notice = r.String("notice");
  m.easy_read = r.String("easy_read");
  m.easy_read_pos = r.PosOfKey("easy_read");
  m.moved_to = r.RefField("moved_to");
  if (std::optional<int> seq = r.Int("sequence")) {
    if (*seq < 0)
      r.diag().Error(r.PosOfKey("sequence"), "sequence must be 0 or more");
    else
      m.sequence = *seq;
  }
}

// `display` is m.pos's path, shared by every position read from the file.
void LoadMeetingYaml(Disk& disk, Meeting& m, const std::string& path,
                     const SourcePath& display, Diagnostics& diag) {
  m.incomplete = true;
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return;
  std::optional<YAML::Node> doc = ParseYaml(text, display, 1, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, schema::MeetingTable(), diag);
  if (!r.ok()) return;
  m.incomplete = false;
  ReadMeetingHeader(r, m);
  const std::optional<Date> start_date = ReadMeetingStart(r, m);
  ReadMeetingEnd(r, m, start_date);
  ReadMeetingVenue(r, m);
  ReadMeetingExtras(r, m);
  ReadAttendance(r, m.attendance);
  ReadAgendaItems(r.Node("agenda"), r, "", start_date, m.agenda);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A picture a paper can show; the types every browser displays.
bool IsPicture(const std::string& name) {
  std::string lower = ascii::Lower(name);
  for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
    if (EndsWith(lower, ext) && lower.size() > std::strlen(ext)) return true;
  return false;
}

}  // namespace

void LoadMeetingFolder(const std::string& id, const std::string& dir,
                       const std::string& display_dir, Site& site, Diagnostics& diag,
                       Disk& disk) {
  Meeting m;
  m.id = id;
  m.dir = display_dir;
  m.pos = {display_dir + "/meeting.yaml", 1, 1};
  std::string meeting_yaml = (std::filesystem::path(dir) / "meeting.yaml").string();
  // A folder we may not look into is an error at it, never an exception out
  // of the loader (Stat never throws).
  const FileStat yaml_stat = disk.Stat(meeting_yaml);
  if (CannotLook(yaml_stat)) {
    diag.Error({m.pos.path, 0, 0}, std::string("cannot read meeting.yaml: ") +
                                       std::strerror(yaml_stat.error));
    return;
  }
  if (yaml_stat.kind == FileKind::kMissing) {
    diag.Error({display_dir, 0, 0},
               "meeting folder has no meeting.yaml: every meeting needs one (see "
               "docs/content-format.md)");
    return;
  }
  LoadMeetingYaml(disk, m, meeting_yaml, m.pos.path, diag);

  std::vector<std::string> images;
  for (const std::string& name : ListFiles(disk, dir)) {
    std::string path = (std::filesystem::path(dir) / name).string();
    std::string display = display_dir + "/" + name;
    if (name == "meeting.yaml") continue;
    if (IsPicture(name)) {
      images.push_back(name);
      continue;
    }
    if (name == "minutes.md") {
      m.has_minutes = true;
      LoadMinutes(id, path, display, site, diag, disk);
    } else if (EndsWith(name, ".easy.md")) {
      LoadEasyReadVersion(id, name.substr(0, name.size() - 8), dir, display_dir, site,
                          diag, disk);
    } else if (EndsWith(name, ".md")) {
      std::string doc_id = name.substr(0, name.size() - 3);
      if (!IsValidId(doc_id)) {
        diag.Error({display, 1, 1}, "document file name '" + name + "' must be " +
                                        kIdRule + " (it becomes the page's address)");
        continue;
      }
      if (doc_id == "minutes") continue;  // handled above; never a paper
      m.documents.push_back(doc_id);
      LoadDocument(id, doc_id, path, display, site, diag, disk);
    } else if (EndsWith(name, ".yaml") || EndsWith(name, ".yml")) {
      diag.Warning({display, 1, 1},
                   "ignored: a meeting folder holds only meeting.yaml, "
                   "papers (.md) and minutes.md");
    } else {
      diag.Warning({display, 1, 1},
                   "ignored: a meeting folder holds papers (.md), minutes.md and the "
                   "pictures they show (.png, .jpg, .gif, .svg, .webp); put other files "
                   "to publish as they are (PDFs) in assets/");
    }
  }
  // Nothing under a sub-folder is read (not even pictures: papers show
  // only their own folder's), so say so rather than drop it silently.
  for (const std::string& name : ListDirectories(disk, dir))
    diag.Warning({display_dir + "/" + name, 0, 0},
                 "a meeting folder holds files, not folders: " + name +
                     "/ and everything in it is ignored");
  // Every paper may show any picture of its folder; the renderer refuses
  // a picture that is not among them, at its position in the paper.
  for (const std::string& doc_id : m.documents) {
    auto it = site.documents.find(id + "/" + doc_id);
    if (it != site.documents.end()) it->second.images = images;
  }
  site.meetings[id] = std::move(m);
}

}  // namespace clerk
