// Decisions pages that stay small at scale (issue 20): a year's or a
// committee's register over 100 meetings with minutes is paged, every page
// linked from a <nav aria-label> with the current one marked, and every
// meeting's decisions on exactly one page.
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <string>

#include "render/site_renderer.h"
#include "small_site.h"

using namespace clerk;

namespace {

// The small site with its held meeting (and minutes) copied to 250 days of
// 2020: three pages of the 2020 register.
Site BusyYear() {
  Site site = render_testing::SmallSite();
  const Meeting held = site.meetings.at("2019-09-16-cyp");
  const Minutes minutes = site.minutes.at(held.id);
  int made = 0;
  for (int mo = 1; mo <= 12 && made < 250; ++mo)
    for (int day = 1; day <= 28 && made < 250; ++day, ++made) {
      char id[32];
      std::snprintf(id, sizeof id, "2020-%02d-%02d-cyp", mo, day);
      Meeting m = held;
      m.id = id;
      m.start.date = {2020, mo, day};
      site.meetings[m.id] = m;
      Minutes mins = minutes;
      mins.meeting_id = m.id;
      site.minutes[m.id] = mins;
    }
  return site;
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("decisions of a busy year and committee are paged", "[render][decisions]") {
  RenderOptions options;
  options.theme_dir = CLERK_SOURCE_DIR "/themes/default";
  Diagnostics diag;
  std::map<std::string, std::string> files;
  for (OutputFile& f : RenderSite(BusyYear(), options, diag))
    files[f.path] = std::move(f.content);
  REQUIRE(diag.ErrorCount() == 0);

  for (std::string prefix : {"", "large-print/"}) {
    for (std::string folder : {"decisions/year-2020/", "decisions/cyp/"}) {
      INFO(prefix + folder);
      // 2020: 250 meetings with minutes; cyp: those and 2019's one.
      REQUIRE(files.count(prefix + folder + "index.html"));
      REQUIRE(files.count(prefix + folder + "page-2/index.html"));
      REQUIRE(files.count(prefix + folder + "page-3/index.html"));
      CHECK_FALSE(files.count(prefix + folder + "page-4/index.html"));
      std::map<std::string, int> seen;
      for (int page = 1; page <= 3; ++page) {
        std::string path = prefix + folder +
                           (page > 1 ? "page-" + std::to_string(page) + "/" : "") +
                           "index.html";
        const std::string& html = files.at(path);
        INFO(path);
        CHECK(html.find("<nav class=\"filter\" aria-label=\"Pages of the decisions") !=
              std::string::npos);
        CHECK(html.find("aria-current=\"page\">Page " + std::to_string(page) + "<") !=
              std::string::npos);
        CHECK(Count(html, ">Page ") == 3);
        CHECK(html.find("(page " + std::to_string(page) + " of 3)") != std::string::npos);
        for (size_t at =
                 html.find("<section class=\"decision-meeting\" aria-labelledby=\"");
             at != std::string::npos;
             at = html.find("<section class=\"decision-meeting\" aria-labelledby=\"",
                            at + 1))
          ++seen[html.substr(at + 51, 22)];
      }
      CHECK(seen.size() == (folder == "decisions/cyp/" ? 251u : 250u));
      for (const auto& [id, n] : seen) CHECK(n == 1);
    }
  }
  // A year of one page has no page links.
  CHECK(files.at("decisions/year-2019/index.html").find(">Page 1<") == std::string::npos);
}
