// The Atom feeds hold the newest kFeedEntries papers and minutes each, newest
// first (output/atom_feed.h).
#include "output/atom_feed.h"

#include <catch2/catch.hpp>

#include "../render/small_site.h"
#include "model/dates.h"

using namespace clerk;

namespace {

Date NextDay(Date d) {
  if (++d.day > DaysInMonth(d.year, d.month)) {
    d.day = 1;
    if (++d.month > 12) d.month = 1, ++d.year;
  }
  return d;
}

// SmallSite plus `n` meetings of committee "cyp", one a day from 1 January
// 2090 (newer than any of SmallSite's), each with one report.
Site ManyPapers(int n) {
  Site site = render_testing::SmallSite();
  Date day{2090, 1, 1};
  for (int i = 0; i < n; ++i, day = NextDay(day)) {
    char id[64];
    std::snprintf(id, sizeof id, "%04d-%02d-%02d-cyp", day.year, day.month, day.day);
    Meeting m;
    m.id = id;
    m.committee = {"cyp", {}};
    m.status = MeetingStatus::kHeld;
    m.start = {day, TimeOfDay{10, 0}};
    m.documents.push_back("report");
    site.meetings[m.id] = m;
    Document doc;
    doc.id = "report";
    doc.meeting_id = m.id;
    doc.title = std::string("Report of ") + id;
    doc.kind = DocumentKind::kReport;
    site.documents[m.id + "/report"] = doc;
  }
  return site;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("a feed holds its newest entries only", "[output][feed]") {
  Site site = ManyPapers(static_cast<int>(output::kFeedEntries) + 50);
  SiteIndex index(site);
  std::vector<OutputFile> feeds = output::AtomFeeds(index, {});
  REQUIRE_FALSE(feeds.empty());
  const std::string& feed = feeds.front().content;
  CHECK(feeds.front().path == "feed.xml");
  CHECK(Count(feed, "<entry>") == output::kFeedEntries);
  // The newest paper is first; the oldest of the new ones are left out.
  CHECK(feed.find("Report of 2090-09-07-cyp") != std::string::npos);  // day 250
  CHECK(feed.find("Report of 2090-09-07-cyp") < feed.find("Report of 2090-09-06-cyp"));
  CHECK(feed.find("Report of 2090-01-01-cyp") == std::string::npos);
  CHECK(feed.find("Report of 2090-02-19-cyp") == std::string::npos);  // day 50
  CHECK(feed.find("Report of 2090-02-20-cyp") != std::string::npos);  // day 51
  for (const OutputFile& f : feeds) {
    INFO(f.path);
    CHECK(Count(f.content, "<entry>") <= output::kFeedEntries);
  }
}

TEST_CASE("a feed of fewer papers than the limit holds them all", "[output][feed]") {
  Site site = ManyPapers(10);
  SiteIndex index(site);
  const std::string feed = output::AtomFeeds(index, {}).front().content;
  for (int day = 1; day <= 10; ++day) {
    char title[64];
    std::snprintf(title, sizeof title, "Report of 2090-01-%02d-cyp", day);
    CHECK(feed.find(title) != std::string::npos);
  }
}
