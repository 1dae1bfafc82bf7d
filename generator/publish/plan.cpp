#include "publish/plan.h"

#include <algorithm>
#include <cstdio>

#include "publish/replaced_output.h"

namespace clerk::publish {

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kNewAndAssets: return "new files and assets";
    case Phase::kChangedPages: return "changed pages";
    case Phase::kHomeAndFeeds: return "home pages and feeds";
    case Phase::kDeletions: return "deletions";
  }
  return "";
}

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool IsPage(const std::string& path) { return EndsWith(path, ".html") || EndsWith(path, ".htm"); }

bool IsHomeOrFeed(const std::string& path) {
  if (path == "index.html" || path == "large-print/index.html" || path == "easy-read/index.html")
    return true;
  for (const char* ext : {".xml", ".rss", ".atom", ".ics"})
    if (EndsWith(path, ext)) return true;
  return false;
}

Plan MakePlan(const Manifest& local, const Manifest& remote, bool allow_deletions) {
  Plan plan;
  std::vector<PlanItem> uploads, deletions;
  for (const auto& [path, entry] : local) {
    auto it = remote.find(path);
    if (it != remote.end() && it->second == entry && !entry.sha256.empty()) {
      ++plan.unchanged;
      continue;
    }
    PlanItem item;
    item.path = path;
    item.entry = entry;
    item.is_new = it == remote.end();
    if (IsHomeOrFeed(path))
      item.phase = Phase::kHomeAndFeeds;
    else if (!item.is_new && IsPage(path))
      item.phase = Phase::kChangedPages;
    else
      item.phase = Phase::kNewAndAssets;
    plan.upload_bytes += entry.size;
    uploads.push_back(item);
  }
  for (const auto& [path, entry] : remote) {
    if (local.count(path)) continue;
    if (!allow_deletions) {
      ++plan.left_alone;
      continue;
    }
    bool replaced = IsReplacedSearchFile(path, local);
    deletions.push_back({true, path, entry, false, Phase::kDeletions, replaced});
    if (replaced) ++plan.replaced_deletions;
  }
  // Stable: paths stay sorted inside each phase.
  std::stable_sort(uploads.begin(), uploads.end(), [](const PlanItem& a, const PlanItem& b) {
    return a.phase < b.phase;
  });
  std::stable_sort(deletions.begin(), deletions.end(), [](const PlanItem& a, const PlanItem& b) {
    return IsPage(a.path) && !IsPage(b.path);
  });
  plan.uploads = uploads.size();
  plan.deletions = deletions.size();
  plan.items = std::move(uploads);
  plan.items.insert(plan.items.end(), deletions.begin(), deletions.end());
  return plan;
}

std::string Thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string DeletionCount(size_t deletions, size_t replaced) {
  std::string out = Thousands(deletions);
  if (replaced > 0)
    out += " (" + Thousands(replaced) + " of them old search index files)";
  return out;
}

std::string HumanBytes(int64_t bytes) {
  char buf[32];
  if (bytes < 1000) {
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  } else if (bytes < 1000 * 1000) {
    std::snprintf(buf, sizeof buf, "%.1f kB", bytes / 1e3);
  } else if (bytes < 1000LL * 1000 * 1000) {
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f GB", bytes / 1e9);
  }
  return buf;
}

std::string DescribePlan(const Plan& plan) {
  std::string out = "upload " + Thousands(plan.uploads) + " (" +
                    HumanBytes(plan.upload_bytes) + "), delete " +
                    DeletionCount(plan.deletions, plan.replaced_deletions) +
                    ", unchanged " + Thousands(plan.unchanged);
  if (plan.left_alone > 0)
    out += ", left alone " + Thousands(plan.left_alone) + " (no manifest: never deleted on a guess)";
  return out;
}

std::vector<Batch> MakeBatches(const Plan& plan, size_t max_size) {
  std::vector<Batch> batches;
  max_size = std::max<size_t>(1, max_size);
  for (size_t i = 0; i < plan.items.size();) {
    Phase phase = plan.items[i].phase;
    size_t end = i;
    while (end < plan.items.size() && end - i < max_size && plan.items[end].phase == phase) ++end;
    batches.push_back({phase, i, end});
    i = end;
  }
  return batches;
}

}  // namespace clerk::publish
