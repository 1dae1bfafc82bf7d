// The deploy plan: what to upload and delete, in an order that never leaves a
// page linking to a file that is not there yet:
//   phase 0  new files, and changed assets (CSS, images, PDFs)
//   phase 1  changed pages
//   phase 2  home pages and feeds (what residents and feed readers enter by)
//   phase 3  deletions (pages first, then the files they linked to)
// Each phase is cut into batches; the remote manifest is rewritten after each
// batch, so an interrupted deploy resumes where it stopped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "publish/manifest.h"

namespace clerk::publish {

enum class Phase { kNewAndAssets = 0, kChangedPages = 1, kHomeAndFeeds = 2, kDeletions = 3 };
const char* PhaseName(Phase phase);

struct PlanItem {
  bool is_delete = false;
  std::string path;
  FileEntry entry;  // the local file (uploads); the remote record (deletions)
  bool is_new = false;
  Phase phase = Phase::kNewAndAssets;
  // A deletion of an old search index file the new build replaced
  // (replaced_output.h): done without asking.
  bool replaced = false;
};

struct Plan {
  std::vector<PlanItem> items;  // in execution order
  size_t uploads = 0;
  size_t deletions = 0;
  size_t replaced_deletions = 0;  // of `deletions`, those that need no one's agreement
  int64_t upload_bytes = 0;
  size_t unchanged = 0;
  // Remote files not in the site that were left alone (no manifest: they are
  // never deleted on a guess).
  size_t left_alone = 0;

  // The deletions a person must agree to (--yes, or "y" at the prompt), and
  // that --max-deletes limits.
  size_t DeletionsToConfirm() const { return deletions - replaced_deletions; }
};

// True for the entry points: index.html at the top and at the top of each
// rendition (large-print/, easy-read/), and feeds (.xml, .rss, .atom, .ics).
bool IsHomeOrFeed(const std::string& path);
bool IsPage(const std::string& path);

// `remote` is what the host holds. With `allow_deletions` false (the manifest
// was lost and `remote` was pieced together by comparing files), files
// missing from the site are counted in left_alone instead of deleted.
Plan MakePlan(const Manifest& local, const Manifest& remote, bool allow_deletions);

// "upload 12 (3.4 MB), delete 2, unchanged 48,210"; with old search index
// files among the deletions, "delete 10 (8 of them old search index files)".
std::string DescribePlan(const Plan& plan);

// Consecutive items of one phase, at most `max_size` each.
struct Batch {
  Phase phase;
  size_t begin, end;  // indexes into Plan::items
};
std::vector<Batch> MakeBatches(const Plan& plan, size_t max_size);

// Number formatting for messages: "48,210", "3.4 MB".
std::string Thousands(uint64_t n);
// "10 (8 of them old search index files)", or "2" when none are.
std::string DeletionCount(size_t deletions, size_t replaced);
std::string HumanBytes(int64_t bytes);

}  // namespace clerk::publish
