// A fingerprint of everything a site's records were loaded from, except the
// bodies of its papers. Incremental builds use it: a page depends on the
// records (any of them: listings, links and navigation reach across the
// site) and on the paper bodies it shows, which page building reports
// (render/page_context.h, RecordBodyReads). If this fingerprint and the
// bodies a page read are unchanged, the page is unchanged, and it need not
// even be built to find that out.
#pragma once

#include "model/fingerprint.h"
#include "model/model.h"

namespace clerk {

// Reads site.yaml and every file under content/ again (in `jobs` threads)
// and hashes each one's path and bytes; a paper (a document's .md) counts
// only up to the end of its front matter. The loader's one use of a paper's
// body outside its own page, telling whether a person-written easy-read
// version is out of date, is added from the records. Anything that changes
// a record changes the result; editing a paper's body alone does not.
// Meeting folders, and content/work-programmes/, with an entry in
// site.folder_records (made by the loader when it parses them, kept with
// them in the record cache) are not read again: their fingerprint is used.
Fingerprint RecordsFingerprint(const Site& site, int jobs);

// The same for one meeting folder, whose records are in `part`: its files'
// names and bytes, papers up to the end of their front matter.
Fingerprint FolderRecordsFingerprint(const std::string& dir,
                                     const std::string& display_dir, const Site& part);

}  // namespace clerk
