// The search page (search/index.html of each rendition). The index is
// built by Pagefind after the site is written (generator/output/search_index.h);
// theme/js/search.js runs it. Without JavaScript, or where the index cannot
// load (a page opened from disk), the page says so and links to the lists.
#include <set>

#include "render/page_context.h"
#include "render/site_renderer.h"
#include "render/urls.h"

namespace clerk {

using nlohmann::json;

PageData PageContext::SearchPage() {
  PageData page =
      Begin(urls::Search(), "search", "Search", "search", {{"Home", urls::Home()}});
  json& d = page.data;
  json committees = json::array();
  for (const auto& [id, c] : site_.committees) committees.push_back({{"name", c.name}});
  d["committees"] = committees;
  std::set<int> years;
  for (const auto& [id, m] : site_.meetings) years.insert(m.start.date.year);
  json year_list = json::array();
  for (auto it = years.rbegin(); it != years.rend(); ++it)
    year_list.push_back(std::to_string(*it));
  d["years"] = year_list;
  d["kinds"] = json::array({"Meeting", "Report", "Appendix", "Briefing", "Plan",
                            "Minutes", "Committee", "Person"});
  d["committees_href"] = Link(urls::Committees());
  d["meetings_href"] = Link(urls::Meetings());
  d["decisions_href"] = Link(urls::Decisions());
  // The list of the index parts (output/search_index.h). Only the standard
  // rendition is indexed: every rendition's search page reads its index, and
  // the script sends each result to this rendition's page (its folder's
  // address relative to this page: "" for standard).
  d["search_index"] = urls::Relative(
      page.path, std::string("pagefind/") + DefaultRenditions().front().id + ".json");
  d["rendition_root"] = urls::Relative(page.path, rendition_.prefix);
  d["script_src"] = urls::Relative(page.path, urls::ThemeAsset("js/search.js"));
  return page;
}

}  // namespace clerk
