// Where each page lives in the output, and relative links between pages.
// Paths are '/'-separated, relative to the output root, and always name the
// file ("meetings/x/index.html"), so the site works from file:// as well as
// under any base URL. A rendition's pages sit under its prefix
// ("large-print/meetings/x/index.html"); theme and site assets are shared.
#pragma once

#include <string>
#include <vector>

#include "render/site_renderer.h"

namespace clerk::urls {

// Rendition-independent page paths ("keys"); Page() adds the prefix.
std::string Home();                            // index.html
std::string Committees();                      // committees/index.html
std::string Committee(const std::string& id);  // committees/<id>/index.html
std::string Meetings();                        // meetings/index.html
std::string Meeting(const std::string& id);    // meetings/<id>/index.html
std::string Document(const std::string& meeting_id, const std::string& document_id);
std::string MeetingFile(
    const std::string& meeting_id,
    const std::string& name);  // meetings/<id>/<name>: a picture of a paper
std::string Minutes(const std::string& meeting_id);  // meetings/<id>/minutes/index.html
std::string People();                                // people/index.html
std::string Person(const std::string& id);           // people/<id>/index.html
std::string WorkProgramme(const std::string& id);    // work-programmes/<id>/index.html
std::string ForwardPlans();                          // forward-plans/index.html
std::string ForwardPlan(const std::string& id);      // forward-plans/<id>/index.html
std::string Glossary();                              // glossary/index.html
std::string Decisions();                             // decisions/index.html
// decisions/year-<year>/index.html; page 2 on: .../year-<year>/page-<n>/index.html
std::string YearDecisions(int year, int page = 1);
std::string Topics();                      // topics/index.html
std::string Topic(const std::string& id);  // topics/<id>/index.html
// decisions/<id>/index.html; page 2 on: decisions/<id>/page-<n>/index.html
std::string CommitteeDecisions(const std::string& committee_id, int page = 1);
std::string Accessibility();  // accessibility/index.html
std::string NotFound();       // 404.html
std::string Search();         // search/index.html

std::string Page(const Rendition& rendition, const std::string& key);

// Theme files are copied to theme/<path inside the theme> ("theme/css/standard.css");
// the site's own assets to assets/<path>.
std::string ThemeAsset(const std::string& path_in_theme);
std::string SiteAsset(const std::string& path_in_assets);
// The theme's favicon.ico, copied to the site's root, where browsers look
// for it unasked.
std::string RootFavicon();

// "a/b/c" -> {"a", "b", "c"}.
std::vector<std::string> SplitPath(const std::string& path);

// The link from page `from` to `to` (both output paths): "../../committees/x/index.html".
// `to` may carry a fragment ("meetings/x/index.html#item-7").
std::string Relative(const std::string& from, const std::string& to);

// Turns every href="@/..." (the reference syntax, links/site_links.h) in a
// page's HTML into a relative link from `page_path` to the target page of the
// same rendition.
std::string ResolveSiteLinks(std::string html, const std::string& page_path,
                             const Rendition& rendition);

// "item-1-2" for agenda item "1(2)".
std::string ItemAnchor(const std::string& full_number);
// "minute-609".
std::string MinuteAnchor(int number);
// "decision-<entry id>": a forward plan entry's anchor on its plan's page.
std::string ForwardPlanEntryAnchor(const std::string& entry_id);

}  // namespace clerk::urls
