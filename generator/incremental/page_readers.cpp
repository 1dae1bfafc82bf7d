#include "incremental/page_readers.h"

#include <algorithm>

#include "model/parallel.h"

namespace clerk {

PageReaders PageReaders::Make(const BuildLog& log, const std::vector<std::string>& pages,
                              uint64_t list, int jobs) {
  PageReaders readers;
  readers.list_ = list;
  readers.slots_.resize(pages.size());
  ParallelFor(pages.size(), jobs,
              [&](size_t i, int) { readers.slots_[i] = log.IndexOf(pages[i]); });
  for (size_t i = 0; i < pages.size(); ++i) {
    const size_t slot = readers.slots_[i];
    readers.Add(static_cast<uint32_t>(i),
                slot == BuildLog::npos ? nullptr : log.At(slot));
  }
  return readers;
}

bool PageReaders::Fits(const BuildLog& log, const std::vector<std::string>& pages,
                       uint64_t list) const {
  if (list != list_ || pages.size() != slots_.size()) return false;
  auto holds = [&](size_t i) {
    const size_t slot = slots_[i];
    if (slot == BuildLog::npos) return log.IndexOf(pages[i]) == BuildLog::npos;
    return slot < log.slots() && log.At(slot) && log.PathAt(slot) == pages[i];
  };
  const size_t step = std::max<size_t>(1, pages.size() / 16);
  for (size_t i = 0; i < pages.size(); i += step)
    if (!holds(i)) return false;
  return pages.empty() || holds(pages.size() - 1);
}

std::vector<size_t> PageReaders::Reading(const std::set<std::string>& bodies) const {
  std::vector<size_t> pages(unknown_.begin(), unknown_.end());
  for (const std::string& body : bodies) {
    auto it = by_body_.find(body);
    if (it != by_body_.end())
      pages.insert(pages.end(), it->second.begin(), it->second.end());
  }
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}

void PageReaders::Rebuilding(const BuildLog& log, const std::vector<size_t>& again,
                             const std::vector<std::string>& pages) {
  pending_.clear();
  for (size_t i : again) {
    const BuildLogEntry* entry =
        slots_[i] == BuildLog::npos ? nullptr : log.At(slots_[i]);
    const bool unknown = !entry || entry->deps == Fingerprint{};
    pending_.push_back({static_cast<uint32_t>(i), pages[i],
                        unknown ? std::vector<std::string>() : entry->bodies, unknown});
  }
}

void PageReaders::Update(const BuildLog& log) {
  for (Pending& page : pending_) {
    Drop(page.page, page.bodies, page.unknown);
    const size_t slot = log.IndexOf(page.path);
    slots_[page.page] = slot;
    Add(page.page, slot == BuildLog::npos ? nullptr : log.At(slot));
  }
  pending_.clear();
}

void PageReaders::Add(uint32_t page, const BuildLogEntry* entry) {
  if (!entry || entry->deps == Fingerprint{}) {
    unknown_.push_back(page);
    return;
  }
  for (const std::string& body : entry->bodies) by_body_[body].push_back(page);
}

void PageReaders::Drop(uint32_t page, const std::vector<std::string>& bodies,
                       bool unknown) {
  auto drop_from = [page](std::vector<uint32_t>& list) {
    list.erase(std::remove(list.begin(), list.end(), page), list.end());
  };
  if (unknown) drop_from(unknown_);
  for (const std::string& body : bodies) {
    auto it = by_body_.find(body);
    if (it == by_body_.end()) continue;
    drop_from(it->second);
    if (it->second.empty()) by_body_.erase(it);
  }
}

}  // namespace clerk
