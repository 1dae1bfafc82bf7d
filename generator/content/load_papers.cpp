// Papers (reports, appendices, briefing notes, plans) and minutes: Markdown
// files with YAML front matter.
#include <optional>
#include <set>

#include "content/glossary_loader.h"
#include "content/list_fields.h"
#include "content/minutes_records.h"
#include "content/record_loaders.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "schema/tables.h"

namespace clerk {
namespace {

struct MarkdownFile {
  FrontMatter fm;
  std::optional<YAML::Node> yaml;
};

std::optional<MarkdownFile> ReadMarkdownFile(Disk& disk, const std::string& path,
                                             const std::string& display, const char* what,
                                             Diagnostics& diag) {
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return std::nullopt;
  MarkdownFile file;
  file.fm = SplitFrontMatter(text, display, diag);
  if (!file.fm.present) {
    if (text.rfind("---\n", 0) != 0)
      diag.Error({display, 1, 1},
                 std::string("a ") + what +
                     " starts with front matter: a line '---', its fields "
                     "(kind, title ...), and another '---'");
    return std::nullopt;
  }
  file.yaml = ParseYaml(file.fm.yaml, display, file.fm.yaml_line, diag);
  if (!file.yaml) return std::nullopt;
  return file;
}

void ReadRecommendations(YamlRecord& r, Document& d) {
  YAML::Node list = r.Node("recommendations");
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    r.diag().Error(r.PosOf(list), "expected a list for 'recommendations', found " +
                                      DescribeNodeType(list));
    return;
  }
  std::set<std::string> ids;
  for (const YAML::Node& node : list) {
    YamlRecord rec(node, r.path(), r.line_offset(), schema::RecommendationTable(),
                   r.diag());
    if (!rec.ok()) continue;
    Recommendation out;
    out.pos = rec.pos();
    out.id = rec.String("id", true);
    out.text = rec.String("text", true);
    // Numbered as printed: "a", "3", "2.1", "3.4.2" (dots between parts).
    std::string plain = out.id;
    for (char& c : plain)
      if (c == '.') c = '-';
    if (!out.id.empty() && !IsValidId(plain))
      r.diag().Error(rec.PosOfKey("id"), "recommendation id '" + out.id +
                                             "' must be lower case letters, digits, "
                                             "hyphens and dots, as printed ('a', '2.1'): "
                                             "it is used in links");
    if (!out.id.empty() && !ids.insert(out.id).second)
      r.diag().Error(rec.PosOfKey("id"), "duplicate recommendation id '" + out.id + "'");
    d.recommendations.push_back(std::move(out));
  }
}

// `authors:` / `contacts:`: a list of person ids, or of maps with `person`
// (or `name`, as printed, when there is no person record) and `role`.
std::vector<PaperPerson> ReadPaperPeople(YamlRecord& r, const char* key) {
  std::vector<PaperPerson> out;
  YAML::Node list = r.Node(key);
  if (!list.IsDefined() || list.IsNull()) return out;
  if (list.IsScalar() || list.IsMap()) {
    YAML::Node one;
    one.push_back(list);
    list = one;
  }
  if (!list.IsSequence()) return out;
  for (const YAML::Node& node : list) {
    PaperPerson p;
    p.pos = r.PosOf(node);
    if (node.IsScalar()) {
      p.person = RefAt(node, r, "person");
    } else {
      YamlRecord m(node, r.path(), r.line_offset(), schema::PaperPersonTable(), r.diag(),
                   std::string(key).substr(0, std::string(key).size() - 1));
      if (!m.ok()) continue;
      p.person = m.RefField("person");
      p.name = m.String("name");
      p.role = m.String("role");
      if (p.person.empty() && p.name.empty())
        r.diag().Error(p.pos, std::string("each of '") + key +
                                  "' needs 'person' (an id) or 'name' (as printed)");
      if (!p.person.empty() && !p.name.empty())
        r.diag().Error(m.PosOfKey("name"),
                       "give 'person' or 'name', not both: the name comes from the "
                       "person's record");
    }
    out.push_back(std::move(p));
  }
  return out;
}

// `appendices:` holds ids of papers in the same folder and, for appendices
// published elsewhere, maps of `title` and `url`.
void ReadAppendices(YamlRecord& r, Document& d) {
  YAML::Node list = r.Node("appendices");
  if (!list.IsDefined() || list.IsNull()) return;
  if (list.IsScalar()) {
    r.diag().Error(r.PosOf(list), NotAListMessage("appendices", list.Scalar()));
    d.appendices.push_back(RefAt(list, r, "appendices"));
    return;
  }
  if (!list.IsSequence()) {
    r.diag().Error(r.PosOf(list),
                   "expected a list for 'appendices', found " + DescribeNodeType(list));
    return;
  }
  for (const YAML::Node& node : list) {
    if (node.IsScalar()) {
      d.appendices.push_back(RefAt(node, r, "appendices"));
      continue;
    }
    YamlRecord a(node, r.path(), r.line_offset(), schema::ExternalAppendixTable(),
                 r.diag());
    if (!a.ok()) continue;
    ExternalAppendix e;
    e.pos = a.pos();
    e.title = a.String("title", true);
    e.url = a.String("url", true);
    if (!e.url.empty() && e.url.rfind("https://", 0) != 0 &&
        e.url.rfind("http://", 0) != 0)
      r.diag().Error(a.PosOfKey("url"), "appendix url '" + e.url +
                                            "' must be a web address starting with "
                                            "https://");
    d.external_appendices.push_back(std::move(e));
  }
}

// "## 609 West Mercia Youth Justice Service" -> 609, "West Mercia ...".
bool ParseMinuteHeading(const std::string& line, int* number, std::string* title) {
  if (line.rfind("## ", 0) != 0) return false;
  size_t i = 3;
  while (i < line.size() && line[i] == ' ') ++i;
  size_t digits_start = i;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == digits_start || i - digits_start > 6) return false;
  *number = std::stoi(line.substr(digits_start, i - digits_start));
  while (i < line.size() && (line[i] == ' ' || line[i] == '.')) ++i;
  *title = line.substr(i);
  return true;
}

// The minutes' kind and status, and the meeting that approved them.
void ReadMinutesStatus(YamlRecord& r, Minutes& m) {
  if (auto kind = r.Choice("kind", {"minutes", "action-notes"}))
    m.kind = *kind == 0 ? MinutesKind::kMinutes : MinutesKind::kActionNotes;
  std::optional<size_t> status = r.Choice("status", {"draft", "approved"}, true);
  if (status) m.status = *status == 0 ? MinutesStatus::kDraft : MinutesStatus::kApproved;
  m.status_pos = r.PosOfKey("status");
  m.approved_at = r.RefField("approved_at");
  // Only a status that says "draft": a missing or mistyped one is already an
  // error at its key, and the default would blame approved_at for it.
  if (status && m.status == MinutesStatus::kDraft && !m.approved_at.empty())
    r.diag().Error(r.PosOfKey("approved_at"),
                   "draft minutes have not been approved: set 'status: approved' or "
                   "remove 'approved_at'");
}

// `sections:` of the front matter: each minute's number and agenda item.
void ReadMinuteSections(YamlRecord& r, std::vector<MinuteSection>& out) {
  YAML::Node sections = r.Node("sections");
  if (sections.IsDefined() && !sections.IsNull() && !sections.IsSequence()) {
    r.diag().Error(r.PosOf(sections),
                   "expected a list for 'sections', found " + DescribeNodeType(sections));
    return;
  }
  if (!sections.IsSequence()) return;
  std::set<int> numbers;
  for (const YAML::Node& node : sections) {
    YamlRecord s(node, r.path(), r.line_offset(), schema::MinuteSectionTable(), r.diag());
    if (!s.ok()) continue;
    MinuteSection section;
    section.pos = s.pos();
    std::optional<int> number = s.Int("minute", true);
    // 0 and below are no minute numbers; 0 also means "not given" here.
    if (number && *number <= 0)
      r.diag().Error(s.PosOfKey("minute"), "minute number " + std::to_string(*number) +
                                               " is not a minute number: minutes are "
                                               "numbered from 1");
    section.number = number && *number > 0 ? *number : 0;
    section.item = s.String("item", true);
    section.item_pos = s.PosOfKey("item");
    if (section.number > 0 && !numbers.insert(section.number).second)
      r.diag().Error(s.PosOfKey("minute"),
                     "duplicate minute number " + std::to_string(section.number));
    out.push_back(std::move(section));
  }
}

// Gives the heading "## <number> <title>" on `line` to the sections of that
// number; false if there is none.
bool HeadMinute(std::vector<MinuteSection>& sections, int number,
                const std::string& title, const std::string& display, int line,
                Diagnostics& diag) {
  bool found = false;
  for (MinuteSection& section : sections) {
    if (section.number != number) continue;
    if (section.heading_line != 0) {
      diag.Error({display, line, 1}, "minute " + std::to_string(number) +
                                         " has a second heading (first on line " +
                                         std::to_string(section.heading_line) + ")");
    }
    section.heading_line = line;
    section.title = title;
    found = true;
  }
  return found;
}

// The minute headings of `body` (outside code fences), each tied to its
// section; returns the numbers of those found.
std::set<int> FindMinuteHeadings(const std::string& body, int body_line,
                                 const std::string& display,
                                 std::vector<MinuteSection>& sections,
                                 Diagnostics& diag) {
  std::set<int> headed;
  size_t start = 0;
  int line = body_line;
  bool in_fence = false;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    std::string text =
        body.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (text.rfind("```", 0) == 0 || text.rfind("~~~", 0) == 0) in_fence = !in_fence;
    int number = 0;
    std::string title;
    if (!in_fence && ParseMinuteHeading(text, &number, &title)) {
      if (!HeadMinute(sections, number, title, display, line, diag))
        diag.Error({display, line, 4},
                   "minute " + std::to_string(number) +
                       " is not listed under 'sections' in the front "
                       "matter: add it with the agenda item it minutes");
      headed.insert(number);
    }
    if (end == std::string::npos) break;
    start = end + 1;
    ++line;
  }
  return headed;
}

void ReportMinutesWithoutHeading(const std::vector<MinuteSection>& sections,
                                 const std::set<int>& headed, Diagnostics& diag) {
  for (const MinuteSection& section : sections) {
    if (section.number > 0 && !headed.count(section.number))
      diag.Error(section.pos, "minute " + std::to_string(section.number) +
                                  " has no heading in the text: add '## " +
                                  std::to_string(section.number) + " <title>'");
  }
}

}  // namespace

void LoadDocument(const std::string& meeting_id, const std::string& id,
                  const std::string& path, const std::string& display, Site& site,
                  Diagnostics& diag, Disk& disk) {
  Document& d = site.documents[meeting_id + "/" + id];
  d.id = id;
  d.meeting_id = meeting_id;
  const SourcePath at(display);  // one copy for all the paper's positions
  d.pos = {at, 1, 1};
  d.path = display;
  d.incomplete = true;
  std::optional<MarkdownFile> file = ReadMarkdownFile(disk, path, display, "paper", diag);
  if (!file) return;
  YamlRecord r(*file->yaml, at, file->fm.yaml_line, schema::PaperTable(), diag);
  if (!r.ok()) return;
  d.incomplete = false;
  if (auto kind =
          r.Choice("kind", {"report", "appendix", "briefing", "plan", "other"}, true))
    d.kind = static_cast<DocumentKind>(*kind);
  d.title = r.String("title", true);
  d.item = r.String("item", d.kind == DocumentKind::kReport);
  d.item_pos = r.PosOfKey("item");
  // One author (`author`, `author_role`) or several (`authors`).
  Ref author = r.RefField("author");
  std::string author_role = r.String("author_role");
  d.authors = ReadPaperPeople(r, "authors");
  if (!author.empty() || !author_role.empty()) {
    if (!d.authors.empty())
      diag.Error(r.PosOfKey("authors"),
                 "give 'author' or 'authors', not both: move the author into the list");
    d.authors.insert(d.authors.begin(),
                     PaperPerson{author.empty() ? r.PosOfKey("author_role") : author.pos,
                                 author, "", author_role});
  }
  d.contacts = ReadPaperPeople(r, "contacts");
  d.organisation = r.String("organisation");
  if (auto status = r.Choice("status", {"draft", "final"}))
    d.status = *status == 0 ? DocumentStatus::kDraft : DocumentStatus::kFinal;
  if (auto classification = r.Choice("classification", {"open", "exempt"}))
    d.exempt = *classification == 1;
  d.key_decision = r.Bool("key_decision");
  d.published = r.DateField("published");
  RequireList(r, "wards");
  d.wards = r.StringList("wards");
  d.pages = r.String("pages");
  d.summary = r.String("summary");
  d.glossary = ReadGlossaryChoices(r);
  ReadRecommendations(r, d);
  ReadAppendices(r, d);
  // An exempt paper is published as its title and "not for publication":
  // its summary and recommendations are as private as its text, so they
  // are checked above and then kept out of every page, feed and data file.
  if (d.exempt) {
    d.summary.clear();
    d.recommendations.clear();
  }
  d.body = file->fm.body;
  d.body_line = file->fm.body_line;
  d.body_fingerprint = FingerprintOf(d.body);
}

void LoadMinutes(const std::string& meeting_id, const std::string& path,
                 const std::string& display, Site& site, Diagnostics& diag, Disk& disk) {
  std::optional<MarkdownFile> file =
      ReadMarkdownFile(disk, path, display, "minutes file", diag);
  if (!file) return;
  const SourcePath at(display);  // one copy for all the minutes' positions
  YamlRecord r(*file->yaml, at, file->fm.yaml_line, schema::MinutesTable(), diag);
  if (!r.ok()) return;
  Minutes m;
  m.meeting_id = meeting_id;
  m.pos = {at, 1, 1};
  m.path = display;
  ReadMinutesStatus(r, m);
  ReadMinuteSections(r, m.sections);
  // Tie each "## <number> <title>" heading of the body to its section.
  const std::set<int> headed =
      FindMinuteHeadings(file->fm.body, file->fm.body_line, display, m.sections, diag);
  ReportMinutesWithoutHeading(m.sections, headed, diag);
  m.body = file->fm.body;
  m.body_line = file->fm.body_line;
  m.body_fingerprint = FingerprintOf(m.body);
  ParseMinutesRecords(m, diag);
  site.minutes[meeting_id] = std::move(m);
}

}  // namespace clerk
