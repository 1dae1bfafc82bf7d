#include "scaffold/new_meeting.h"

#include <filesystem>
#include <fstream>

#include "content/yaml_reader.h"

namespace clerk {

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
  // Start from the committee's latest meeting: same venue, same start time.
  const Meeting* last = nullptr;
  for (const auto& [id, meeting] : site.meetings) {
    if (meeting.committee.id == committee_id && (!last || last->start < meeting.start))
      last = &meeting;
  }
  std::string id = date + "-" + committee_id;
  std::filesystem::path dir =
      std::filesystem::path(site.root) / "content" / "meetings" / id;
  // The non-throwing calls: a folder Clerk may not read or write is an
  // error at it, never an uncaught exception.
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(dir, ec))) {
    diag.Error({dir.string(), 0, 0},
               "this meeting already exists; edit its meeting.yaml");
    return "";
  }
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    diag.Error({dir.string(), 0, 0}, "cannot make the meeting folder: " + ec.message());
    return "";
  }
  std::ofstream out(dir / "meeting.yaml");
  out << "# New meeting of " << committee->second.name << ".\n"
      << "# Fields are described in docs/content-format.md. Run `clerk check` after "
         "editing.\n"
      << "committee: " << committee_id << "\n"
      << "status: scheduled\n"
      // Never a guessed time or place: they would be published as facts.
      << "start: " << date << " tbc   # the time as HH:MM once it is known"
      << (last && last->start.time
              ? " (the last meeting began at " + IsoTime(*last->start.time) + ")"
              : std::string())
      << "\n";
  out << "venue: tbc   # a venue id from content/venues.yaml once it is known";
  if (last && !last->venue.empty())
    out << " (the last meeting was at " << last->venue.id << ")";
  out << "\n";
  out << "agenda:\n"
      << "  - number: \"1\"\n    title: Apologies for absence\n"
      << "    purpose: To receive apologies for absence.\n"
      << "  - number: \"2\"\n    title: Declarations of interest\n"
      << "    purpose: To receive declarations of interest in items on the agenda.\n"
      << "  - number: \"3\"\n    title: Minutes\n"
      << "    purpose: To approve the minutes of the previous meeting.\n";
  out.close();
  if (!out) {
    diag.Error({(dir / "meeting.yaml").string(), 0, 0}, "cannot write the file");
    return "";
  }
  return dir.string();
}

}  // namespace clerk
