// Which pages of a site read which papers' bodies, by the build log's
// PageDeps, kept by clerk serve from one build to the next, so that an edit
// of bodies finds the few pages to build again without looking up each of
// the 200,000 pages of a large site in the log.
//
// It describes one page list (the render stage's, in its order) against
// one BuildLog, whose slots stay the same while the log lives. After the
// pages an edit builds again are committed to the log, Update moves them to
// the bodies they read now.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "incremental/build_log.h"

namespace clerk {

class PageReaders {
 public:
  // Looks up each of `pages` in `log` once (the slow way, on `jobs`
  // threads). `list`: the id the caller gave this page list (the same list,
  // the same id; another list, another id).
  static PageReaders Make(const BuildLog& log, const std::vector<std::string>& pages,
                          uint64_t list, int jobs);

  // True if this describes `pages`, the list with id `list`, in `log`: the
  // same id and number of pages, and a few pages (the first, the last and
  // some between) in the slots it has for them. Not a page-by-page check:
  // that would cost what this saves.
  bool Fits(const BuildLog& log, const std::vector<std::string>& pages,
            uint64_t list) const;

  // The pages (indexes into the page list, sorted, without repeats) that
  // read one of `bodies`, or that have no PageDeps in the log: those cannot
  // be kept unbuilt.
  std::vector<size_t> Reading(const std::set<std::string>& bodies) const;

  // Each page's slot in the log; BuildLog::npos if it has none.
  const std::vector<size_t>& slots() const { return slots_; }

  // Notes that `again` (from Reading) are being built again: Update then
  // looks them up in the log as the commit left it. Call before the log is
  // updated.
  void Rebuilding(const BuildLog& log, const std::vector<size_t>& again,
                  const std::vector<std::string>& pages);
  // After the commit: the pages noted by Rebuilding, by what they read now.
  void Update(const BuildLog& log);

 private:
  void Add(uint32_t page, const BuildLogEntry* entry);
  void Drop(uint32_t page, const std::vector<std::string>& bodies, bool unknown);

  uint64_t list_ = 0;
  std::vector<size_t> slots_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_body_;
  std::vector<uint32_t> unknown_;  // pages without PageDeps in the log
  struct Pending {
    uint32_t page;
    std::string path;
    std::vector<std::string> bodies;  // what it read before
    bool unknown;
  };
  std::vector<Pending> pending_;
};

}  // namespace clerk
