#include "scaffold/new_command.h"

#include <filesystem>

#include "content/loader.h"
#include "scaffold/new_file.h"
#include "scaffold/new_meeting.h"
#include "scaffold/new_minutes.h"
#include "scaffold/site_root.h"

namespace clerk::scaffold {

namespace {

namespace fs = std::filesystem;

int ReportMeeting(const Site& site, const NewOptions& o, std::ostream& out,
                  Diagnostics& diag) {
  std::string file = NewMeeting(site, o.committee, o.date, diag);
  if (file.empty()) return 1;
  out << "Created " << ShownPath(file) << "\n"
      << "Next: set the time and venue once they are known, add the reports to the "
         "agenda (clerk new paper --meeting "
      << o.date << "-" << o.committee
      << " --item N --title ...), then run clerk check.\n";
  if (*ParseDate(o.date).date < o.today)
    out << "Note: " << o.date << " has passed; once you have the facts, set "
        << "'status: held' and the time and venue.\n";
  return 0;
}

int ReportPaper(const Site& site, const NewOptions& o, std::ostream& out,
                Diagnostics& diag) {
  NewPaperResult made = NewPaper(site, o.paper, diag);
  if (made.path.empty()) return 1;
  const std::string meeting_yaml = ShownPath(
      fs::path(site.root) / "content" / "meetings" / o.paper.meeting / "meeting.yaml");
  out << "Created " << ShownPath(made.path) << " (a draft " << o.paper.kind
      << (o.paper.item.empty() ? std::string() : " for item " + o.paper.item) << ")\n";
  if (made.named_by_item)
    out << "Item " << o.paper.item << " in " << meeting_yaml << " names it already.\n";
  else if (!o.paper.item.empty())
    out << "Next: name it under item " << o.paper.item << " in " << meeting_yaml
        << " (documents: [" << made.id << "]); until then clerk check warns that no "
        << "page links to it.\n";
  else
    out << "Next: name it in " << meeting_yaml << ", under an item's documents or a "
        << "report's appendices ([" << made.id << "]).\n";
  out << "Write the paper, set 'status: final' when it is published, and run clerk "
         "check.\n";
  return 0;
}

int ReportMinutes(const Site& site, const NewOptions& o, std::ostream& out,
                  Diagnostics& diag) {
  NewMinutesResult made = NewMinutes(site, o.paper.meeting, diag);
  if (made.path.empty()) return 1;
  out << "Created " << ShownPath(made.path) << ": minutes " << made.first << " to "
      << made.last << ", one for each agenda item";
  if (!made.follows.empty())
    out << " (numbered on from the minutes of " << made.follows << ")";
  else if (made.first == 1)
    out << " (numbered from 1)";
  out << "\n";
  const Meeting& meeting = site.meetings.at(o.paper.meeting);
  if (meeting.status != MeetingStatus::kHeld)
    out << "Next: set 'status: held' in the meeting's meeting.yaml once it has met; "
           "until then clerk check warns about these minutes.\n";
  out << "Write each minute under its heading, and run clerk check.\n";
  return 0;
}

int ReportPerson(const Site& site, const NewOptions& o, std::ostream& out,
                 Diagnostics& diag) {
  std::string file = NewPerson(site, o.person, diag);
  if (file.empty()) return 1;
  std::string id = fs::path(file).stem().string();
  out << "Created " << ShownPath(file) << "\n"
      << "Name them by their id, " << id << ", in committees (person: " << id
      << ") and meetings; then run clerk check.\n";
  return 0;
}

int ReportCommittee(const Site& site, const NewOptions& o, std::ostream& out,
                    Diagnostics& diag) {
  std::string file = NewCommittee(site, o.committee_record, diag);
  if (file.empty()) return 1;
  std::string id = fs::path(file).stem().string();
  out << "Created " << ShownPath(file) << "\n"
      << "Next: add its remit and members, then its first meeting: clerk new meeting "
         "--committee "
      << id << " --date YYYY-MM-DD\n";
  return 0;
}

}  // namespace

int RunNew(const std::string& what, const NewOptions& options, std::ostream& out,
           std::ostream& err) {
  std::string error;
  std::optional<fs::path> root =
      FindSiteRoot(fs::current_path(), options.source, !options.source.empty(), &error);
  if (!root) {
    err << "clerk new " << what << ": error: " << error << "\n";
    return 2;
  }
  // The site as it is; its own problems are clerk check's to report.
  Diagnostics load_diag;
  std::error_code ec;
  const std::string where =
      fs::equivalent(*root, fs::current_path(), ec) ? "." : root->string();
  Site site;
  try {
    site = LoadSite(where, load_diag);
  } catch (const std::exception& e) {
    err << "clerk new " << what << ": error: cannot read the site: " << e.what() << "\n";
    return 1;
  }
  Diagnostics diag;
  int code = 2;
  if (what == "meeting") code = ReportMeeting(site, options, out, diag);
  if (what == "paper") code = ReportPaper(site, options, out, diag);
  if (what == "minutes") code = ReportMinutes(site, options, out, diag);
  if (what == "person") code = ReportPerson(site, options, out, diag);
  if (what == "committee") code = ReportCommittee(site, options, out, diag);
  for (const Diagnostic& d : diag.Sorted()) err << FormatDiagnostic(d) << "\n";
  return code;
}

}  // namespace clerk::scaffold
