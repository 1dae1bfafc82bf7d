// What clerk serve's build worker keeps from one build to the next, so an
// edit build reads only what changed instead of everything a build from cold
// reads from disk:
//   - the site as loaded: a meeting folder (or the work programmes) that
//     loaded without a problem and that the file watcher has not seen
//     change is taken as it is, without reading or even stat'ing its files
//     (incremental/record_cache.h, LoadedBefore);
//   - the output's bookkeeping as the last build left it: the build log, the
//     papers' bodies and the pages' ids (output/site_writer.h, WriterMemory);
//   - the files the acronym check found clean, and what the checks found:
//     an edit that changed only papers' bodies has the findings on records
//     replayed and only its folders scanned for acronyms (stages.h,
//     CheckMemo); and the site index, which such an edit leaves as it was,
//     with what the render stage knew of the pages, so such an edit builds
//     only the pages that read the bodies that changed (RenderMemory).
// A session trusts its output folder (the issue-20 decision for serve): after
// its first build, what the build log says of a file is taken as true without
// a stat, and the spare folder is caught up by the last build's changes
// (output/site_writer.h, TrustOutput). Files put in the output folder by hand
// while it runs are not looked for. After a failed build nothing is kept:
// the next build reads and checks everything from disk.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "builder/builder.h"
#include "builder/stages.h"
#include "incremental/record_cache.h"
#include "links/check_acronyms.h"
#include "output/site_writer.h"
#include "render/render_memory.h"
#include "render/site_index.h"

namespace clerk::builder {

struct KeptState {
  std::optional<LoadedBefore> loaded;  // its `reusable`: the folders loaded clean
  WriterMemory writer;
  std::optional<AcronymScans> clean_acronyms;
  std::optional<CheckFindings> findings;  // what the checks found
  // The site index, kept for an edit that changes only papers' bodies:
  // render/site_renderer.h, RenderOptions::kept_index.
  std::unique_ptr<SiteIndex> index;
  // What the render stage knew: with the index, an edit to papers' bodies
  // looks at only the pages that read them (RenderOptions::memory).
  RenderMemory render;
};

// The meeting folders (and kWorkProgrammesEntry, kPeopleEntry,
// kCommitteesEntry) that `changed` (paths
// relative to the source, as the watcher gives them) may have touched;
// nullopt if it cannot tell (a change above the meeting folders, or the
// watcher's "(many files)").
std::optional<std::set<std::string>> ChangedFolders(
    const std::vector<std::string>& changed);

// True if every path of `changed` is in a meeting folder or the work
// programmes: nothing the other records are read from (site.yaml, people,
// committees, the glossary, forward plans) changed.
bool OnlyFoldersChanged(const std::vector<std::string>& changed);

class Session {
 public:
  // One build after `changed` (see serve/build_worker.h; empty: the first
  // build, or nothing known, so every folder is read). Like Build().
  // What the next build takes from this one is handed over, and this one's
  // memory freed, by Settle: clerk serve's worker calls it once it has
  // answered, so the page reloads meanwhile. The next Build settles first
  // if it was not.
  int Build(const BuildOptions& options, const std::vector<std::string>& changed,
            std::ostream& log, std::string* messages = nullptr);
  void Settle();

  // What the last build could take from the one before, beyond the folders
  // it did not read: for tests, and to say so under CLERK_TIMINGS.
  struct Reused {
    bool checks = false;  // findings on records, acronyms of other folders
    bool index = false;   // the site index
    bool pages = false;   // every page that reads no changed body, unlooked at
  };
  const Reused& reused() const { return reused_; }

 private:
  KeptState kept_;
  Reused reused_;
  // The last build's options (it refers to them until settled), and what
  // Settle does: that build's hand-over, then freeing it.
  BuildOptions options_;
  std::function<void()> unsettled_;
};

}  // namespace clerk::builder
