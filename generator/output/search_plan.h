// Which parts of the search index a build indexes again, and which old
// results the search page must hide (output/search_index.h). Pure decisions
// on the site's parts, the record of what each was indexed from
// (incremental/search_parts_file.h) and the bytes of the pages now, so they
// are tested without Pagefind.
//
// Pagefind has no incremental mode: a part is indexed whole, about 2 ms a
// page, so an edit that re-indexed its part (thousands of pages) took
// seconds. Instead, the pages that changed since their part was indexed go
// in a small part of their own, the part of recent changes, indexed whole
// on every build that changes it (a few pages: tens of milliseconds). Their
// results in the older part are out of date: the search page hides them by
// id (pagefind/<rendition>.json "hidden"). When the recent changes pass a
// limit, their parts are indexed whole again and the part of recent changes
// is emptied.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "incremental/search_parts_file.h"
#include "model/fingerprint.h"
#include "output/search_index.h"

namespace clerk::output {

// Path in the site -> the bytes it was written with (the build log's).
using PageContents = std::unordered_map<std::string_view, Fingerprint>;

// What a build indexes: `whole` parts (indexes into the site's parts, in
// order), and the pages of the part of recent changes (sorted; none: the
// part goes). `recent_kept`: its bundle holds exactly these pages already.
struct SearchPlan {
  std::vector<size_t> whole;
  std::vector<std::string> recent;
  bool recent_kept = false;
};

// What a plan is made from.
struct SearchInputs {
  const std::vector<SearchPart>& parts;  // the site's, as SearchParts made them
  std::vector<Fingerprint> stamps;       // how each part is made (Pagefind, glob)
  std::string recent_dir;                // "standard/recent"
  Fingerprint recent_stamp;              // how the part of recent changes is made
  const PageContents& content;
};

// A part is indexed whole when it is new, made another way, has no bundle
// (`has_bundle(dir)` false) or, with the others whose pages changed, when
// more than `recent_limit` pages changed or went since their parts were
// indexed.
SearchPlan PlanSearch(const SearchInputs& in, const SearchPartsState& before,
                      const std::function<bool(const std::string& dir)>& has_bundle,
                      size_t recent_limit);

// How the runs went: whole_ok[i] for plan.whole[i]; recent_ok for the part
// of recent changes (true when kept or when there is none). `ids(dir)`: the
// page address ("/a/index.html") -> id map of a bundle just made.
struct SearchRunsDone {
  std::vector<bool> whole_ok;
  bool recent_ok = true;
  std::function<std::map<std::string, std::string>(const std::string& dir)> ids;
};

// The record after the runs: parts indexed now as they were made, the
// others as they were, and parts whose run failed left out (so they are
// indexed whole next time).
SearchPartsState NextSearchState(const SearchInputs& in, const SearchPlan& plan,
                                 SearchPartsState before, const SearchRunsDone& done);

// The ids the search page hides: results of pages gone from the site, and,
// when the part of recent changes is in `state`, of pages changed since
// their part was indexed. Never an id the part of recent changes holds.
// Sorted.
std::vector<std::string> HiddenIds(const SearchInputs& in, const SearchPartsState& state);

}  // namespace clerk::output
