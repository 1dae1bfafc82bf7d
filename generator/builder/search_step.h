// The build's last step before the new site is swapped in: the Pagefind
// search index of every rendition (output/search_index.h).
#pragma once

#include <ostream>
#include <string>

#include "builder/builder.h"
#include "incremental/build_log.h"
#include "model/diagnostics.h"
#include "output/search_index.h"

namespace clerk::builder {

// Indexes the site in `site_dir` (the new site, before it is swapped in)
// for search, on `jobs` threads, with a progress line on a terminal.
output::SearchIndexReport BuildSearch(const std::string& site_dir,
                                      const BuildOptions& options, int jobs,
                                      const BuildLog& site_log, std::ostream& log);

// A site whose search page cannot work must not pass silently: a warning
// (so --strict fails) when there is no Pagefind to build the index.
void WarnIfNoSearch(const BuildOptions& options, Diagnostics& diag);

}  // namespace clerk::builder
