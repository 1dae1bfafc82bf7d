// What each part of the search index was indexed from (kSearchPartsFile,
// written by output/search_index.cpp): a stamp of how the part was made
// (Pagefind and the pages it was pointed at), and each page it holds, with
// the bytes the page had then and the id Pagefind gave it (its fragment's
// name, which a search result carries). A later build compares the pages
// with the site: a page whose bytes changed since its part was indexed is
// indexed again in the part of recent changes, and its old result in the
// part is hidden by id (output/search_index.h).
//
// Text, one line each:
//   # clerk search parts v2
//   part <stamp: 32 hex digits> <dir under pagefind/>
//   page <content: 32 hex digits> <id, or - if Pagefind made none> <path>
// A file that is missing, of an older version or damaged reads as empty:
// every part is then indexed again.
#pragma once

#include <map>
#include <string>

#include "model/fingerprint.h"

namespace clerk {

struct IndexedPage {
  Fingerprint content;  // the page's bytes when its part was indexed
  std::string id;       // Pagefind's id for it; "" if it made none (no body)
};

struct IndexedPart {
  Fingerprint stamp;                         // Pagefind, and what it indexed
  std::map<std::string, IndexedPage> pages;  // path in the site -> page
};

// dir under pagefind/ ("standard/site", "standard/recent") -> part.
using SearchPartsState = std::map<std::string, IndexedPart>;

SearchPartsState ReadSearchPartsFile(const std::string& path);

// The file's text for `state`, parts and pages in order.
std::string FormatSearchPartsFile(const SearchPartsState& state);

}  // namespace clerk
