// Which deletions are Clerk's own output being replaced, and so need no one's
// agreement. The search index (Pagefind, in pagefind/<rendition>/<part>/)
// names its files after their content: every rebuild of a part gives its
// fragments, index chunks and metadata new names, and the deploy then deletes
// the old ones. Asking a person about those is noise that teaches them to
// answer "y" without reading, or to pass --yes always, which would hide the
// deletions that matter (a meeting's pages gone). So a deletion goes ahead
// without asking only when all of these hold:
//   - the host's manifest lists the file: Clerk uploaded it (every planned
//     deletion comes from the manifest; without one nothing is deleted);
//   - it lies in pagefind/<rendition>/, the folder a build owns whole (the
//     build removes anything there it did not make, so no file a person put
//     in public/ can be there);
//   - the new build has that rendition's search index (pagefind/<rendition>.json),
//     or the standard one that every rendition's search reads since the
//     index is built once (pagefind/standard.json), so the file is
//     replaced, not the search taken away. With it, an older clerk's
//     pagefind/large-print.json and easy-read.json go without asking too.
// Everything else (a page, a PDF, a file of a site built without its search
// index) is a real deletion and needs --yes or a "y" at the prompt.
#pragma once

#include <string>

#include "publish/manifest.h"

namespace clerk::publish {

// The folder of the built site that holds the search index.
inline constexpr const char* kSearchIndexDir = "pagefind/";

// True when `path`, listed in the host's manifest and absent from the new
// build `local`, is an old search index file the new build replaced.
bool IsReplacedSearchFile(const std::string& path, const Manifest& local);

}  // namespace clerk::publish
