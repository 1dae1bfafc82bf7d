// The page model takes a rendition everywhere: a second rendition's pages get
// its prefix, its own stylesheet, and links to their twins.
#include <catch2/catch.hpp>

#include "render/content_html.h"
#include "render/page_context.h"
#include "render/site_index.h"
#include "small_site.h"

using namespace clerk;
using clerk::render_testing::SmallSite;

TEST_CASE("pages of another rendition live under its prefix and link to their twins",
          "[render][renditions]") {
  Site site = SmallSite();
  SiteIndex index(site);
  Diagnostics diag;
  RenderedContent content = RenderContent(site, diag);
  std::vector<Rendition> renditions = {{"standard", "Standard", ""},
                                       {"large-print", "Large print", "large-print/"}};
  RenderOptions options;
  PageContext standard(index, content, renditions[0], renditions, options);
  PageContext large(index, content, renditions[1], renditions, options);

  const Meeting& meeting = site.meetings.at("2019-09-16-cyp");
  PageData s = standard.MeetingPage(meeting);
  PageData l = large.MeetingPage(meeting);
  CHECK(s.path == "meetings/2019-09-16-cyp/index.html");
  CHECK(l.path == "large-print/meetings/2019-09-16-cyp/index.html");
  CHECK(s.key == l.key);

  // Twins link to each other.
  REQUIRE(s.data["other_renditions"].size() == 1);
  CHECK(s.data["other_renditions"][0]["href"] == "../../large-print/meetings/2019-09-16-cyp/index.html");
  REQUIRE(l.data["other_renditions"].size() == 1);
  CHECK(l.data["other_renditions"][0]["href"] == "../../../meetings/2019-09-16-cyp/index.html");

  // Links inside a rendition stay inside it; assets are shared.
  CHECK(l.data["home_href"] == "../../index.html");
  CHECK(l.data["stylesheets"][0]["href"] == "../../../theme/css/standard.css");
  CHECK(l.data["stylesheets"][1]["href"] ==
        "../../../theme/large-print/css/large-print.css");
  CHECK(s.data["stylesheets"].size() == 1);
  CHECK(diag.ErrorCount() == 0);
}
