// The ids that "@/" links point at in each page they point into, as the last
// build found them, with the fingerprint of each page's bytes. Kept in
// <out>/.clerk-page-ids so that an edit build checks links into pages it
// keeps without reading those pages again.
//
// Text: the line "clerk page ids v1", then one line a page,
//   <content, 32 hex> <path>\t<id> <id> ...
// and last "# end <number of pages>". Missing, damaged or foreign: nothing
// is known, and the pages are read.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/fingerprint.h"

namespace clerk {

inline constexpr const char* kKnownPageIdsName = ".clerk-page-ids";

struct PageIds {
  Fingerprint content;  // of the page's bytes when its ids were read
  std::vector<std::string> ids;
};

std::map<std::string, PageIds> LoadKnownPageIds(const std::string& out_dir);

// Through a temporary file and a rename. A page whose path holds a tab or a
// line break, or whose ids hold white space, is left out (read next time).
bool SaveKnownPageIds(const std::map<std::string, PageIds>& pages,
                      const std::string& path);

}  // namespace clerk
