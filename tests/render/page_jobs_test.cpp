// The page list names each page's record by its key in the site, so a list
// made for one site builds the same pages from another with the same keys
// (clerk serve keeps it across builds whose records are new objects).
#include "render/page_jobs.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>

#include "render/content_html.h"
#include "render/easy_read.h"
#include "render/page_context.h"
#include "small_site.h"

using namespace clerk;
using clerk::render_testing::SmallSite;

namespace {

// What the standard rendition's pages of `site` are built from.
struct StandardPages {
  explicit StandardPages(const Site& site)
      : index(site), content(RenderContent(site, diag)) {}
  SiteIndex index;
  Diagnostics diag;
  RenderedContent content;
  const std::vector<Rendition> renditions = {{"standard", "Standard", ""}};
  RenderOptions options;
  PageContext context{index, content, renditions[0], renditions, options};
  EasyReadPages easy{index};
};

}  // namespace

TEST_CASE("page jobs name their records by key, not by reference", "[render][jobs]") {
  const Site first = SmallSite();
  const std::vector<PageJob> jobs = PageJobs(first);
  std::set<std::string> keys;
  for (const PageJob& job : jobs) CHECK(keys.insert(job.key).second);  // one job a page

  // Every record and every register page has a job, named by its map's key.
  auto has = [&](PageKind kind, const std::string& record) {
    for (const PageJob& job : jobs)
      if (job.kind == kind && job.record == record) return true;
    return false;
  };
  for (const auto& [id, m] : first.meetings) CHECK(has(PageKind::kMeeting, id));
  for (const auto& [key, d] : first.documents) CHECK(has(PageKind::kDocument, key));
  for (const auto& [id, m] : first.minutes) CHECK(has(PageKind::kMinutes, id));
  for (const auto& [id, p] : first.people) CHECK(has(PageKind::kPerson, id));
  for (const auto& [id, c] : first.committees) {
    CHECK(has(PageKind::kCommittee, id));
    CHECK(has(PageKind::kCommitteeDecisions, id));
  }

  // The same records as new objects: the first site's jobs build the second
  // site's pages, as its own jobs do.
  const Site second = SmallSite();
  REQUIRE(&second.meetings.begin()->second != &first.meetings.begin()->second);
  StandardPages pages(second);
  const std::vector<PageJob> own = PageJobs(second);
  REQUIRE(own.size() == jobs.size());
  size_t easy_pages = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    PageData page = pages.context.Build(jobs[i]);
    CHECK(page.key == jobs[i].key);
    CHECK(page.data == pages.context.Build(own[i]).data);
    if (pages.easy.Find(jobs[i])) ++easy_pages;
  }
  CHECK(easy_pages > second.meetings.size() + second.documents.size());
}

TEST_CASE("a page job whose record is gone is an internal error, not a crash",
          "[render][jobs]") {
  Site site = SmallSite();
  std::vector<PageJob> jobs = PageJobs(site);
  const std::string meeting = site.meetings.begin()->first;
  site.meetings.erase(meeting);
  StandardPages pages(site);
  auto gone = std::find_if(jobs.begin(), jobs.end(), [&](const PageJob& job) {
    return job.kind == PageKind::kMeeting && job.record == meeting;
  });
  REQUIRE(gone != jobs.end());
  CHECK_THROWS_WITH(pages.context.Build(*gone),
                    Catch::Contains(meeting) && Catch::Contains("internal error"));
  CHECK_THROWS_AS(pages.easy.Find(*gone), std::logic_error);
}

TEST_CASE("listing pages are built first, every page once", "[render][jobs]") {
  const Site site = SmallSite();
  const std::vector<PageJob> jobs = PageJobs(site);
  const size_t renditions = 3;
  const std::vector<size_t> order = BuildOrder(jobs, renditions);
  REQUIRE(order.size() == jobs.size() * renditions);
  std::vector<size_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) REQUIRE(sorted[i] == i);
  // The meetings index of the last rendition comes before the first
  // rendition's first meeting page; the rest keep their order.
  auto at = [&](PageKind kind, size_t rendition) {
    for (size_t i = 0; i < jobs.size(); ++i)
      if (jobs[i].kind == kind)
        return std::find(order.begin(), order.end(), rendition * jobs.size() + i) -
               order.begin();
    FAIL("no page of that kind");
    return std::ptrdiff_t{0};
  };
  CHECK(at(PageKind::kMeetingIndex, 2) < at(PageKind::kMeeting, 0));
  CHECK(at(PageKind::kDocument, 0) < at(PageKind::kDocument, 1));
  CHECK(at(PageKind::kMeeting, 0) < at(PageKind::kDocument, 0));
  // A page's renditions come one after another (the data they share is made once).
  for (size_t k = 0; k < order.size(); k += renditions)
    for (size_t r = 0; r < renditions; ++r)
      CHECK(order[k + r] == r * jobs.size() + order[k] % jobs.size());
}
