#include "builder/search_step.h"

#include <iostream>

#include "cli/progress_line.h"
#include "output/pagefind_program.h"
#include "render/renditions.h"

namespace clerk::builder {

output::SearchIndexReport BuildSearch(const std::string& site_dir,
                                      const BuildOptions& options, int jobs,
                                      const BuildLog& site_log, std::ostream& log) {
  ProgressLine progress(log, &log == &std::cerr && ProgressLine::Interactive(2));
  output::SearchIndexOptions search;
  for (const Rendition& r : DefaultRenditions())
    search.renditions.push_back({r.id, r.prefix});
  search.jobs = jobs;
  search.progress = [&](size_t done, size_t total) {
    progress.Update("indexing for search", done, total);
  };
  output::SearchIndexReport report =
      output::BuildSearchIndex(site_dir, options.source, site_log, search, log);
  progress.Done();
  return report;
}

void WarnIfNoSearch(const BuildOptions& options, Diagnostics& diag) {
  if (options.no_search) return;
  std::string missing =
      output::MissingPagefindMessage(output::CurrentPagefindPlaces(options.source));
  if (!missing.empty()) diag.Warning({"clerk build", 0, 0}, missing);
}

}  // namespace clerk::builder
