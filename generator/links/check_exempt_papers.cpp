#include "links/check_exempt_papers.h"

#include <set>
#include <string>
#include <vector>

namespace clerk {
namespace {

std::string Why(const AgendaItem& item) {
  return "agenda item " + item.full_number + " is exempt (paragraph " +
         std::to_string(item.exempt->paragraph) + " of Schedule 12A)";
}

const char kFix[] =
    ": mark it 'classification: exempt', or if the report is public and only an "
    "appendix is exempt, take 'exempt' off the item and mark the appendix";

class ExemptPapers {
 public:
  ExemptPapers(const Site& site, const Meeting& meeting, Diagnostics& diag)
      : site_(site), meeting_(meeting), diag_(diag) {}

  void Items(const std::vector<AgendaItem>& items) {
    for (const AgendaItem& item : items) {
      // A paragraph outside 1 to 7 is already an error at the item, and
      // fails the build; its papers are judged once it is put right.
      if (item.exempt && item.exempt->paragraph >= 1 && item.exempt->paragraph <= 7)
        Item(item);
      Items(item.sub_items);
    }
  }

 private:
  const Document* Find(const std::string& id) const {
    auto it = site_.documents.find(meeting_.id + "/" + id);
    return it == site_.documents.end() || it->second.incomplete ? nullptr : &it->second;
  }

  // `at`: where the paper is named (the item's documents entry, an appendix
  // entry, or the paper's own `item:`), so the error points where the link
  // between the two is made.
  void Paper(const AgendaItem& item, const Document& doc, const SourcePos& at,
             const std::string& how) {
    if (!seen_.insert(doc.id).second) return;
    if (!doc.exempt)
      diag_.Error(at, Why(item) + ", but " + how + " '" + doc.id +
                          "' is not marked exempt and would be published in full" + kFix);
    // Appendices go with their paper: an exempt report's appendix is as
    // private as the report.
    for (const Ref& appendix : doc.appendices)
      if (const Document* a = Find(appendix.id))
        Paper(item, *a, appendix.pos, "its paper's appendix");
  }

  void Item(const AgendaItem& item) {
    for (const Ref& ref : item.documents)
      if (const Document* doc = Find(ref.id)) Paper(item, *doc, ref.pos, "its paper");
    for (const std::string& id : meeting_.documents) {
      const Document* doc = Find(id);
      if (doc && doc->item == item.full_number)
        Paper(item, *doc, doc->item_pos, "the paper");
    }
  }

  const Site& site_;
  const Meeting& meeting_;
  Diagnostics& diag_;
  std::set<std::string> seen_;  // each paper once, even if named twice
};

}  // namespace

void CheckExemptPapers(const Site& site, Diagnostics& diag) {
  // A person-written easy-read version says what its paper says: it would
  // publish an exempt paper's content in plain words.
  for (const auto& [key, version] : site.easy_read_versions) {
    auto doc = site.documents.find(key);
    if (doc != site.documents.end() && doc->second.exempt)
      diag.Error(version.pos, "'" + version.document_id +
                                  "' is exempt (classification: exempt), so its "
                                  "easy-read version would publish what it says: "
                                  "remove this file while the paper is exempt");
  }
  for (const auto& [id, meeting] : site.meetings) {
    if (meeting.incomplete) continue;
    ExemptPapers(site, meeting, diag).Items(meeting.agenda);
  }
}

}  // namespace clerk
