#include "output/resident_files.h"

#include "output/atom_feed.h"
#include "output/calendar.h"
#include "output/open_data.h"
#include "output/sitemap.h"
#include "render/site_index.h"

namespace clerk::output {

std::vector<OutputFile> ResidentFiles(const Site& site, const ResidentOptions& options,
                                      const std::vector<std::string>& paths) {
  SiteIndex index(site);
  std::vector<OutputFile> extra = CalendarFiles(index, {options.base_url});
  for (OutputFile& f : AtomFeeds(index, {options.base_url}))
    extra.push_back(std::move(f));
  for (OutputFile& f : OpenDataFiles(index, {options.base_url}))
    extra.push_back(std::move(f));
  for (OutputFile& f : SitemapFiles(paths, {options.base_url, options.noindex}))
    extra.push_back(std::move(f));
  return extra;
}

}  // namespace clerk::output
