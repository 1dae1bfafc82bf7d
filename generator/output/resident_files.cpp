#include "output/resident_files.h"

#include <algorithm>
#include <mutex>

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

void ResidentFiles(const Site& site, const ResidentOptions& options,
                   const std::vector<std::string>& paths, const OutputFileSink& emit) {
  SiteIndex index(site);
  // Five independent kinds of file, each on any free core. Open data (400
  // MB at 10,000 meetings) goes out as it is made; the others are small.
  std::vector<OutputFile> kinds[5];
  std::mutex emit_mutex;
  ParallelFor(5, options.jobs, [&](size_t i, int) {
    switch (i) {
      case 0:
        kinds[i] = CalendarFiles(index, {options.base_url});
        break;
      case 1:
        kinds[i] = AtomFeeds(index, {options.base_url});
        break;
      case 2:
        OpenDataFiles(index, {options.base_url, options.jobs}, [&](OutputFile f) {
          std::lock_guard<std::mutex> lock(emit_mutex);
          emit(std::move(f));
        });
        break;
      case 3:
        kinds[i] = PlanFiles(index, {options.base_url});
        break;
      default:
        kinds[i] = SitemapFiles(paths, {options.base_url, options.noindex});
    }
  });
  for (std::vector<OutputFile>& kind : kinds) {
    for (OutputFile& f : kind) emit(std::move(f));
  }
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
  ResidentFiles(site, options, paths, [&](OutputFile f) {
    Fingerprint inputs = FingerprintOf(f.content);
    if (!sink.UpToDate(f.path, inputs)) sink.Put(f.path, inputs, std::move(f.content));
    if (!(deps == Fingerprint{})) sink.RecordDeps(f.path, {deps, {}});
    resident.push_back(std::move(f.path));
  });
  // In one order whatever the threads did.
  std::sort(resident.begin(), resident.end());
  return true;
}

}  // namespace clerk::output
