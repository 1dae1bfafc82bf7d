#include "output/resident_files.h"

#include "files/program_identity.h"
#include "model/dates.h"
#include "model/parallel.h"
#include "output/atom_feed.h"
#include "output/calendar.h"
#include "output/open_data.h"
#include "output/plan_files.h"
#include "output/sitemap.h"
#include "render/site_index.h"

namespace clerk::output {

std::vector<OutputFile> ResidentFiles(const Site& site, const ResidentOptions& options,
                                      const std::vector<std::string>& paths) {
  SiteIndex index(site);
  // Five independent kinds of file, each on any free core; joined in a
  // fixed order.
  std::vector<OutputFile> kinds[5];
  ParallelFor(5, options.jobs, [&](size_t i, int) {
    switch (i) {
      case 0:
        kinds[i] = CalendarFiles(index, {options.base_url});
        break;
      case 1:
        kinds[i] = AtomFeeds(index, {options.base_url});
        break;
      case 2:
        kinds[i] = OpenDataFiles(index, {options.base_url, options.jobs});
        break;
      case 3:
        kinds[i] = PlanFiles(index, {options.base_url});
        break;
      default:
        kinds[i] = SitemapFiles(paths, {options.base_url, options.noindex});
    }
  });
  std::vector<OutputFile> extra;
  for (std::vector<OutputFile>& kind : kinds) {
    for (OutputFile& f : kind) extra.push_back(std::move(f));
  }
  return extra;
}

bool PutResidentFiles(const Site& site, const ResidentOptions& options,
                      const Fingerprint& records, const std::vector<std::string>& paths,
                      OutputSink& sink, std::vector<std::string>& resident) {
  Fingerprint deps;
  if (sink.KeepsDeps() && !(records == Fingerprint{})) {
    Hasher h;
    h.Add("resident files").Add(ProgramIdentity()).Add(records);
    // The build's date decides which meetings are upcoming and which fall
    // in the calendars' window of the last twelve months.
    h.Add(IsoDate(site.today));
    h.Add(options.base_url).Add(options.noindex ? "noindex" : "index");
    for (const std::string& path : paths) h.Add(path);
    deps = h.Finish();
    std::vector<std::string> kept = sink.KeepAllWithDeps(deps);
    if (!kept.empty()) {
      resident = std::move(kept);
      return false;
    }
  }
  std::vector<OutputFile> files = ResidentFiles(site, options, paths);
  for (OutputFile& f : files) {
    Fingerprint inputs = FingerprintOf(f.content);
    if (!sink.UpToDate(f.path, inputs)) sink.Put(f.path, inputs, std::move(f.content));
    if (!(deps == Fingerprint{})) sink.RecordDeps(f.path, {deps, {}});
    resident.push_back(f.path);
  }
  return true;
}

}  // namespace clerk::output
