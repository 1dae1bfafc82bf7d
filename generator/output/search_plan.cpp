#include "output/search_plan.h"

#include <algorithm>
#include <set>

namespace clerk::output {
namespace {

// The pages of `part` whose bytes differ from when it was indexed, or that
// it did not hold then.
std::vector<std::string> ChangedPages(const SearchPart& part, const IndexedPart& indexed,
                                      const PageContents& content) {
  std::vector<std::string> changed;
  for (const std::string& page : part.pages) {
    auto it = indexed.pages.find(page);
    if (it == indexed.pages.end() || it->second.content != content.at(page))
      changed.push_back(page);
  }
  return changed;
}

// How many pages the part held when indexed that the site no longer has.
size_t GonePages(const IndexedPart& indexed, const PageContents& content) {
  size_t gone = 0;
  for (const auto& [path, page] : indexed.pages) gone += content.count(path) == 0;
  return gone;
}

// Whether the record's part of recent changes holds exactly `pages`, with
// the bytes they have now.
bool SameRecent(const IndexedPart& recorded, const std::vector<std::string>& pages,
                const PageContents& content) {
  if (recorded.pages.size() != pages.size()) return false;
  for (const std::string& page : pages) {
    auto it = recorded.pages.find(page);
    if (it == recorded.pages.end() || it->second.content != content.at(page))
      return false;
  }
  return true;
}

// `pages` as the record holds them, with the ids of `ids` ("/" + path).
IndexedPart Indexed(const Fingerprint& stamp, const std::vector<std::string>& pages,
                    const PageContents& content,
                    const std::map<std::string, std::string>& ids) {
  IndexedPart part{stamp, {}};
  for (const std::string& page : pages) {
    auto id = ids.find("/" + page);
    part.pages[page] = {content.at(page), id == ids.end() ? "" : id->second};
  }
  return part;
}

}  // namespace

SearchPlan PlanSearch(const SearchInputs& in, const SearchPartsState& before,
                      const std::function<bool(const std::string& dir)>& has_bundle,
                      size_t recent_limit) {
  SearchPlan plan;
  std::vector<size_t> changed_parts;
  size_t hidden = 0;  // results of the parts out of date
  for (size_t i = 0; i < in.parts.size(); ++i) {
    const std::string dir = in.parts[i].dir();
    auto it = before.find(dir);
    if (it == before.end() || it->second.stamp != in.stamps[i] || !has_bundle(dir)) {
      plan.whole.push_back(i);
      continue;
    }
    std::vector<std::string> changed = ChangedPages(in.parts[i], it->second, in.content);
    const size_t gone = GonePages(it->second, in.content);
    if (changed.empty() && gone == 0) continue;
    changed_parts.push_back(i);
    plan.recent.insert(plan.recent.end(), changed.begin(), changed.end());
    hidden += changed.size() + gone;
  }
  // Past the limit the part of recent changes, or the list of results to
  // hide (pages gone count too: every reader's browser loads that list),
  // has grown: the parts are indexed whole again instead.
  if (hidden > recent_limit) {
    plan.whole.insert(plan.whole.end(), changed_parts.begin(), changed_parts.end());
    std::sort(plan.whole.begin(), plan.whole.end());
    plan.recent.clear();
  }
  std::sort(plan.recent.begin(), plan.recent.end());
  auto recorded = before.find(in.recent_dir);
  plan.recent_kept = !plan.recent.empty() && recorded != before.end() &&
                     recorded->second.stamp == in.recent_stamp &&
                     SameRecent(recorded->second, plan.recent, in.content) &&
                     has_bundle(in.recent_dir);
  return plan;
}

SearchPartsState NextSearchState(const SearchInputs& in, const SearchPlan& plan,
                                 SearchPartsState before, const SearchRunsDone& done) {
  SearchPartsState next;
  std::vector<bool> whole(in.parts.size(), false);
  for (size_t w = 0; w < plan.whole.size(); ++w) {
    const size_t i = plan.whole[w];
    whole[i] = true;
    const std::string dir = in.parts[i].dir();
    if (done.whole_ok[w])
      next[dir] = Indexed(in.stamps[i], in.parts[i].pages, in.content, done.ids(dir));
  }
  for (size_t i = 0; i < in.parts.size(); ++i) {
    auto it = before.find(in.parts[i].dir());
    if (!whole[i] && it != before.end()) next[it->first] = std::move(it->second);
  }
  if (plan.recent.empty() || !done.recent_ok) return next;
  auto recorded = before.find(in.recent_dir);
  next[in.recent_dir] =
      plan.recent_kept && recorded != before.end()
          ? std::move(recorded->second)
          : Indexed(in.recent_stamp, plan.recent, in.content, done.ids(in.recent_dir));
  return next;
}

std::vector<std::string> HiddenIds(const SearchInputs& in,
                                   const SearchPartsState& state) {
  auto recent = state.find(in.recent_dir);
  const bool has_recent = recent != state.end();
  std::set<std::string> hidden;
  for (const auto& [dir, part] : state) {
    if (dir == in.recent_dir) continue;
    for (const auto& [path, page] : part.pages) {
      if (page.id.empty()) continue;
      auto now = in.content.find(path);
      if (now == in.content.end() || (has_recent && now->second != page.content))
        hidden.insert(page.id);
    }
  }
  if (has_recent) {
    for (const auto& [path, page] : recent->second.pages) hidden.erase(page.id);
  }
  return {hidden.begin(), hidden.end()};
}

}  // namespace clerk::output
