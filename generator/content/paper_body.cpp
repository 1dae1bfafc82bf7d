#include "content/paper_body.h"

#include "files/source_files.h"
#include "incremental/state_files.h"

namespace clerk {

std::optional<std::string> PaperBody(const Document& doc, Diagnostics& diag) {
  if (!doc.body_in_file_only) return doc.body;
  // The loader read the file the same way (content/load_papers.cpp); its
  // problems, if any, were reported then, so a second report is not wanted.
  Diagnostics ignored;
  std::string text;
  if (ReadTextFile(doc.path, doc.path, &text, ignored)) {
    FrontMatter fm = SplitFrontMatter(text, doc.path, ignored);
    if (fm.present && fm.body_line == doc.body_line &&
        FingerprintOf(fm.body) == doc.body_fingerprint)
      return std::move(fm.body);
  }
  // Either a race with an editor, or an edit that kept the file's size and
  // time (the record cache could not see it): say how to get out of both.
  diag.Error(doc.pos,
             "the paper changed or disappeared while clerk was building: build again "
             "(if this repeats, delete the " +
                 std::string(kCacheDir) + " folder in the output folder)");
  return std::nullopt;
}

void LeaveBodiesInFiles(Site& site) {
  for (auto& [key, doc] : site.documents) {
    if (doc.body_in_file_only) continue;
    std::string().swap(doc.body);  // its memory too, not just its length
    doc.body_in_file_only = true;
  }
}

}  // namespace clerk
