// The reference syntax: one way to point at any page or anchor of the site,
// in Markdown links and in YAML fields alike. It is the page's address with
// "@/" in front and without "index.html":
//
//   @/committees/cyp-scrutiny                   a committee
//   @/meetings/2019-09-16-cyp-scrutiny#item-7   an agenda item ("#item-1-2" for 1(2))
//   @/meetings/<id>/<document>#rec-a            a recommendation of a report
//   @/meetings/<id>/<document>#para-12          a numbered paragraph
//   @/meetings/<id>/minutes#minute-609          a minute
//   @/meetings/<id>/minutes#resolution-609-1    its first resolution
//   @/people/carole-gandy   @/glossary#term-camhs   @/work-programmes/<id>#row-3
//   @/decisions   @/topics/<id>
//   @/assets/map.pdf   @/meetings/<id>/chart.png   a file (a picture of a paper)
//
// Ids come from paths, so they are stable and readable (as Zola's @/path.md).
// Links are checked once every page is rendered: a missing page or anchor is
// an error at the link's file:line:col (as Zola checks anchors).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/site_link.h"

namespace clerk {

struct SiteLinkTarget {
  std::string page;    // output path of the standard page: "meetings/x/index.html"
  std::string anchor;  // "item-7", or empty
  // "@/assets/map.png", "@/meetings/<id>/chart.png": a file (its name has a
  // dot), the same for every rendition; `page` is its path.
  bool file = false;
};

// Nullopt if `target` does not start with "@/".
std::optional<SiteLinkTarget> ParseSiteLink(const std::string& target);

// Checks every link: the page must exist and carry the anchor. `page_ids`
// returns the ids of a standard page by output path (HtmlIds), or null if
// there is no such page.
// `lists`: the links in lists, as the content keeps them (one per body).
// `all_pages` gives every page's output path, for suggestions: called only
// for a link that points nowhere (a large site has 200,000 pages).
void CheckSiteLinks(
    const std::vector<const std::vector<SiteLink>*>& lists,
    const std::function<const std::vector<std::string>*(const std::string&)>& page_ids,
    const std::function<std::vector<std::string>()>& all_pages, Diagnostics& diag);
inline void CheckSiteLinks(
    const std::vector<SiteLink>& links,
    const std::function<const std::vector<std::string>*(const std::string&)>& page_ids,
    const std::vector<std::string>& all_pages, Diagnostics& diag) {
  CheckSiteLinks(
      std::vector<const std::vector<SiteLink>*>{&links}, page_ids,
      [&all_pages] { return all_pages; }, diag);
}

// The ids (id="...") of an HTML page, in order.
std::vector<std::string> HtmlIds(const std::string& html);

}  // namespace clerk
