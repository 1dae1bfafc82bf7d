#include "output/resident_files.h"

#include "model/parallel.h"
#include "output/atom_feed.h"
#include "output/calendar.h"
#include "output/open_data.h"
#include "output/sitemap.h"
#include "render/site_index.h"

namespace clerk::output {

std::vector<OutputFile> ResidentFiles(const Site& site, const ResidentOptions& options,
                                      const std::vector<std::string>& paths) {
  SiteIndex index(site);
  // Four independent kinds of file, each on any free core; joined in a
  // fixed order.
  std::vector<OutputFile> kinds[4];
  ParallelFor(4, options.jobs, [&](size_t i, int) {
    switch (i) {
      case 0: kinds[i] = CalendarFiles(index, {options.base_url}); break;
      case 1: kinds[i] = AtomFeeds(index, {options.base_url}); break;
      case 2: kinds[i] = OpenDataFiles(index, {options.base_url, options.jobs}); break;
      default: kinds[i] = SitemapFiles(paths, {options.base_url, options.noindex});
    }
  });
  std::vector<OutputFile> extra;
  for (std::vector<OutputFile>& kind : kinds) {
    for (OutputFile& f : kind) extra.push_back(std::move(f));
  }
  return extra;
}

}  // namespace clerk::output
