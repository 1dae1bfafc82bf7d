// The ids that "@/" links point at in each page they point into, as the last
// build found them, with the fingerprint of each page's bytes. Kept in
// <out>/.clerk-page-ids so that an edit build checks links into pages it
// keeps without reading those pages again.
//
// Text in batches (incremental/batch_file.h), one page a record:
//   P <content, 32 hex> <path>\t<id> <id> ...
// or "R <path>" for a page no longer kept; each batch ends "# end <records>".
// An edit build appends the records that changed. Missing, damaged or
// foreign: nothing is known, and the pages are read.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "incremental/batch_file.h"
#include "incremental/shared_list.h"
#include "incremental/state_files.h"
#include "model/fingerprint.h"

namespace clerk {

// The ids kept of one page (see SharedList).
class IdList : public SharedList<std::string> {
 public:
  IdList() = default;
  IdList(std::vector<std::string> ids)  // NOLINT: a list is its ids
      : SharedList(std::move(ids)) {
    for (const std::string& id : get())
      plain_ = plain_ && !id.empty() && batch_file::HoldsNone(id, " \t\r\n\f");
  }
  IdList(std::initializer_list<std::string> ids)
      : IdList(std::vector<std::string>(ids)) {}
  bool operator==(const IdList& other) const { return SameItems(other); }
  bool operator==(const std::vector<std::string>& other) const { return get() == other; }
  // Whether every id can be written in a record (SaveKnownPageIds): found
  // once, so a build does not read every id of every page again to know.
  bool plain() const { return plain_; }

 private:
  bool plain_ = true;
};

struct PageIds {
  Fingerprint content;  // of the page's bytes when its ids were read
  IdList ids;
  bool operator==(const PageIds&) const = default;
};

// What the file held when read, and where its complete batches end (for
// SaveKnownPageIds to append after).
struct KnownPageIds {
  std::map<std::string, PageIds> pages;
  batch_file::Extent read;  // where the complete batches end, and their records
};

std::optional<KnownPageIds> LoadKnownPageIds(const std::string& out_dir);

// Saves `pages`, this build's, in the file at `path`. With `before` (what
// that file held when read) it appends only the records that changed;
// without, or once replaced records would outnumber live ones by the rule
// of batch_file::TimeToRewrite, it writes the whole file through a
// temporary file and a rename. A page whose path holds a tab or a line
// break, or whose ids hold white space, is left out (read next time).
bool SaveKnownPageIds(const std::map<std::string, PageIds>& pages,
                      const std::string& path, const KnownPageIds* before = nullptr,
                      batch_file::Extent* after = nullptr);

// What LoadKnownPageIds reads back from a file SaveKnownPageIds wrote from
// `pages` (ending at `after`): the pages it kept (see KnownBodiesAsSaved).
KnownPageIds KnownPageIdsAsSaved(std::map<std::string, PageIds> pages,
                                 batch_file::Extent after);

}  // namespace clerk
