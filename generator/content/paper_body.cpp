#include "content/paper_body.h"

#include "files/source_files.h"
#include "incremental/state_files.h"

namespace clerk {

namespace {

// The body after the front matter of the file at `path`, if it is still the
// one loaded (starting on `body_line`, with `fingerprint`); else an error at
// `pos`.
std::optional<std::string> BodyFromFile(const std::string& path, const SourcePos& pos,
                                        int body_line, const Fingerprint& fingerprint,
                                        const char* what, Diagnostics& diag) {
  // The loader read the file the same way (content/load_papers.cpp); its
  // problems, if any, were reported then, so a second report is not wanted.
  Diagnostics ignored;
  std::string text;
  if (ReadTextFile(path, path, &text, ignored)) {
    FrontMatter fm = SplitFrontMatter(text, path, ignored);
    if (fm.present && fm.body_line == body_line && FingerprintOf(fm.body) == fingerprint)
      return std::move(fm.body);
  }
  // Either a race with an editor, or an edit that kept the file's size and
  // time (the record cache could not see it): say how to get out of both.
  diag.Error(pos, std::string("the ") + what +
                      " changed or disappeared while clerk was building: build again "
                      "(if this repeats, delete the " +
                      std::string(kCacheDir) + " folder in the output folder)");
  return std::nullopt;
}

}  // namespace

std::optional<std::string> PaperBody(const Document& doc, Diagnostics& diag) {
  if (!doc.body_in_file_only) return doc.body;
  return BodyFromFile(doc.path, doc.pos, doc.body_line, doc.body_fingerprint, "paper",
                      diag);
}

std::optional<std::string> MinutesBody(const Minutes& minutes, Diagnostics& diag) {
  if (!minutes.body_in_file_only) return minutes.body;
  return BodyFromFile(minutes.path, minutes.pos, minutes.body_line,
                      minutes.body_fingerprint, "minutes file", diag);
}

namespace {

// A paper or minutes.
template <typename Record>
void LeaveInFile(Record& record) {
  if (record.body_in_file_only) return;
  std::string().swap(record.body);  // its memory too, not just its length
  record.body_in_file_only = true;
}

}  // namespace

void LeaveBodiesInFiles(Site& site, const std::set<std::string>* only_meetings) {
  if (!only_meetings) {
    for (auto& [key, doc] : site.documents) LeaveInFile(doc);
    for (auto& [meeting, minutes] : site.minutes) LeaveInFile(minutes);
    return;
  }
  for (const std::string& meeting : *only_meetings) {
    for (auto& [key, doc] : OfMeeting(site.documents, meeting)) LeaveInFile(doc);
    if (auto it = site.minutes.find(meeting); it != site.minutes.end())
      LeaveInFile(it->second);
  }
}

}  // namespace clerk
