// The search page (search/index.html of each rendition). The index is
// built by Pagefind after the site is written (generator/output/search_index.h);
// theme/js/search.js runs it. Without JavaScript, or where the index cannot
// load (a page opened from disk), the page says so and links to the lists.
#include <set>

#include "render/page_context.h"
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
  // The list of this rendition's index parts (output/search_index.h).
  d["search_index"] = urls::Relative(page.path, "pagefind/" + rendition_.id + ".json");
  d["script_src"] = urls::Relative(page.path, urls::ThemeAsset("js/search.js"));
  d["rendition_label"] = rendition_.label;
  return page;
}

}  // namespace clerk
