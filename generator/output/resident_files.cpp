#include "output/resident_files.h"

#include <algorithm>

#include "output/atom_feed.h"
#include "output/calendar.h"
#include "output/open_data.h"
#include "output/sitemap.h"
#include "render/site_index.h"

namespace clerk::output {

void AddResidentFiles(const Site& site, const ResidentOptions& options,
                      std::vector<OutputFile>& files) {
  SiteIndex index(site);
  std::vector<OutputFile> extra = CalendarFiles(index, {options.base_url});
  for (OutputFile& f : AtomFeeds(index, {options.base_url})) extra.push_back(std::move(f));
  for (OutputFile& f : OpenDataFiles(index, {options.base_url})) extra.push_back(std::move(f));
  for (OutputFile& f : SitemapFiles(files, {options.base_url, options.noindex}))
    extra.push_back(std::move(f));
  for (OutputFile& f : extra) files.push_back(std::move(f));
  std::stable_sort(files.begin(), files.end(),
                   [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
}

}  // namespace clerk::output
