// Ids that must be unique on a page (headings, numbered paragraphs, notes).
// The first "x" is "x", the next "x-2", then "x-3"..., skipping any id
// already taken, whoever wrote it: the same ids as trying each suffix in
// turn, but each base remembers the suffix to try next, so a paper with
// 20,000 headings of one text costs 20,000 steps, not 200 million.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace clerk {

class UniqueIds {
 public:
  // Marks `id` as used as it is (an id the page or the minutes fixed).
  void Reserve(const std::string& id) { used_.insert(id); }

  // `base` if free, else the first free "base-N" from N = 2; marks it used.
  std::string Take(const std::string& base) {
    if (used_.insert(base).second) return base;
    // Every suffix below next_[base] was found taken, and ids are never
    // given back, so the search goes on from there.
    int& next = next_.try_emplace(base, 2).first->second;
    for (;; ++next) {
      std::string id = base + "-" + std::to_string(next);
      if (used_.insert(id).second) {
        ++next;
        return id;
      }
    }
  }

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> next_;  // base -> next suffix to try
};

}  // namespace clerk
