#include "output/calendar.h"

#include <catch2/catch.hpp>
#include <string>

#include "render/public_urls.h"
#include "render/site_index.h"
#include "render/small_site.h"

using namespace clerk;
using clerk::render_testing::SmallSite;

namespace {

const OutputFile* Find(const std::vector<OutputFile>& files, const std::string& path) {
  for (const OutputFile& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

// The unfolded text of a calendar (RFC 5545 3.1), LF line ends.
std::string Unfold(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    if (text.compare(i, 2, "\r\n") == 0) {
      out += '\n';
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

TEST_CASE("calendar: one file for the site, each committee and each meeting",
          "[calendar]") {
  Site site = SmallSite();
  SiteIndex index(site);
  auto files = output::CalendarFiles(index, {"https://papers.example.gov.uk"});
  REQUIRE(files.size() == 1 + 1 + 2 + 3);  // site, committee, 2019 and 2020, meetings
  REQUIRE(Find(files, "calendars/2019.ics"));
  REQUIRE(Find(files, "meetings.ics"));
  REQUIRE(Find(files, "committees/cyp/meetings.ics"));
  REQUIRE(Find(files, "meetings/2019-09-16-cyp/meeting.ics"));
  std::string all = Unfold(Find(files, "meetings.ics")->content);
  size_t events = 0;
  for (size_t p = all.find("BEGIN:VEVENT"); p != std::string::npos;
       p = all.find("BEGIN:VEVENT", p + 1))
    ++events;
  CHECK(events == 3);
  CHECK(all.find("BEGIN:VTIMEZONE\nTZID:Europe/London") != std::string::npos);
  CHECK(all.find("UID:clerk-meeting-2019-09-16-cyp@example-council\n") !=
        std::string::npos);
  CHECK(all.find("DTSTART;TZID=Europe/London:20190916T101500\n") != std::string::npos);
  CHECK(all.find("DTEND;TZID=Europe/London:20190916T130500\n") != std::string::npos);
  // No recorded end: two hours, and the description says so.
  CHECK(all.find("DTEND;TZID=Europe/London:20200127T120000\n") != std::string::npos);
  CHECK(all.find("URL:https://papers.example.gov.uk/meetings/2019-09-16-cyp/\n") !=
        std::string::npos);
  CHECK(all.find("LOCATION:Shire Hall\\, St Peter's Square\\, HR1 2HX") !=
        std::string::npos);
}

TEST_CASE("calendar: lines end with CRLF and are folded at 75 octets", "[calendar]") {
  Site site = SmallSite();
  site.meetings["2019-09-16-cyp"].agenda[0].title =
      "A very long agenda item title – with a dash – that goes on and on and on for "
      "well over seventy-five octets, written by a clerk in a hurry";
  SiteIndex index(site);
  std::string text = output::CalendarText(index, index.meetings_by_date, "All", {});
  REQUIRE(!text.empty());
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    std::string line = text.substr(start, end - start);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.size() <= 75);
    start = end + 2;
  }
}

TEST_CASE("calendar: cancelled meetings are cancelled with a higher SEQUENCE",
          "[calendar]") {
  Site site = SmallSite();
  site.meetings["2020-01-27-cyp"].sequence = 2;
  SiteIndex index(site);
  const Meeting& cancelled = site.meetings.at("2019-11-25-cyp");
  CHECK(output::CalendarSequence(cancelled) == 1);
  CHECK(output::CalendarSequence(site.meetings.at("2020-01-27-cyp")) == 2);
  std::string text = Unfold(output::CalendarText(index, {&cancelled}, "One", {}));
  CHECK(text.find("STATUS:CANCELLED\n") != std::string::npos);
  CHECK(text.find("SEQUENCE:1\n") != std::string::npos);
  CHECK(text.find("SUMMARY:Cancelled: ") != std::string::npos);
  // No base URL: no URL property, as a relative one would be invalid.
  CHECK(text.find("\nURL:") == std::string::npos);
}

TEST_CASE("calendar: DTSTAMP is the start in UTC, output is deterministic",
          "[calendar]") {
  using output::LondonToUtc;
  // GMT in winter, BST in summer, and the changeover days of 2019
  // (31 March and 27 October).
  CHECK(LondonToUtc({{2019, 1, 10}, {10, 0}}) == DateTime{{2019, 1, 10}, {10, 0}});
  CHECK(LondonToUtc({{2019, 7, 15}, {0, 30}}) == DateTime{{2019, 7, 14}, {23, 30}});
  CHECK(LondonToUtc({{2019, 3, 31}, {10, 0}}) == DateTime{{2019, 3, 31}, {9, 0}});
  CHECK(LondonToUtc({{2019, 3, 30}, {10, 0}}) == DateTime{{2019, 3, 30}, {10, 0}});
  CHECK(LondonToUtc({{2019, 10, 26}, {10, 0}}) == DateTime{{2019, 10, 26}, {9, 0}});
  CHECK(LondonToUtc({{2019, 10, 27}, {10, 0}}) == DateTime{{2019, 10, 27}, {10, 0}});

  Site site = SmallSite();
  SiteIndex index(site);
  auto a = output::CalendarFiles(index, {});
  auto b = output::CalendarFiles(index, {});
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].content == b[i].content);
  CHECK(Unfold(a[0].content).find("DTSTAMP:20190916T091500Z\n") != std::string::npos);
}

TEST_CASE("public urls: absolute addresses drop index.html", "[calendar]") {
  CHECK(output::AbsoluteUrl("", "meetings/x/index.html").empty());
  CHECK(output::AbsoluteUrl("https://a.example", "index.html") == "https://a.example/");
  CHECK(output::AbsoluteUrl("https://a.example/p/", "meetings/x/index.html") ==
        "https://a.example/p/meetings/x/");
  CHECK(output::AbsoluteUrl("https://a.example/", "feed.xml") ==
        "https://a.example/feed.xml");
}

TEST_CASE("calendar: subscribed calendars hold the last 12 months, years the rest",
          "[calendar]") {
  Site site = SmallSite();  // meetings of 2019-09-16, 2019-11-25 and 2020-01-27
  site.today = {2020, 10, 1};
  SiteIndex index(site);
  auto files = output::CalendarFiles(index, {"https://papers.example.gov.uk"});
  auto has = [&](const char* path, const char* id) {
    return Find(files, path)->content.find("clerk-meeting-" + std::string(id)) !=
           std::string::npos;
  };
  // From 1 October 2019 on: not the meeting of September 2019.
  CHECK(output::SubscribedFrom(site.today) == Date{2019, 10, 1});
  for (const char* path : {"meetings.ics", "committees/cyp/meetings.ics"}) {
    INFO(path);
    CHECK_FALSE(has(path, "2019-09-16-cyp"));
    CHECK(has(path, "2019-11-25-cyp"));
    CHECK(has(path, "2020-01-27-cyp"));
    CHECK(
        Unfold(Find(files, path)->content)
            .find("X-WR-CALDESC:Meetings from 2019-10-01 on: those to come and those of "
                  "the last 12 months. Every meeting year by year: "
                  "https://papers.example.gov.uk/calendars/<year>.ics\n") !=
        std::string::npos);
  }
  // The archive: each meeting in its year's calendar, and only there.
  CHECK(has("calendars/2019.ics", "2019-09-16-cyp"));
  CHECK(has("calendars/2019.ics", "2019-11-25-cyp"));
  CHECK_FALSE(has("calendars/2019.ics", "2020-01-27-cyp"));
  CHECK(has("calendars/2020.ics", "2020-01-27-cyp"));
  CHECK_FALSE(has("calendars/2020.ics", "2019-11-25-cyp"));
  // A leap day's year before is the 28th.
  CHECK(output::SubscribedFrom({2024, 2, 29}) == Date{2023, 2, 28});
}

TEST_CASE("calendar: a calendar's name is TEXT, escaped once", "[calendar]") {
  // RFC 5545 3.3.11: a comma or semicolon in a TEXT value is escaped, or a
  // reader takes the name for a list. libical writes X- values with only
  // backslashes and line breaks escaped, so Clerk escapes these itself.
  Site site = SmallSite();
  site.committees.at("cyp").name = "Children, Young People; and C\\Y";
  site.today = {2019, 1, 1};  // so the calendar has a description
  SiteIndex index(site);
  auto files = output::CalendarFiles(index, {"https://papers.example.gov.uk"});
  std::string cal = Unfold(Find(files, "committees/cyp/meetings.ics")->content);
  CHECK(cal.find("\nX-WR-CALNAME:Children\\, Young People\\; and C\\\\Y: meetings\n") !=
        std::string::npos);
  CHECK(cal.find("\\\\\\\\") == std::string::npos);  // never escaped twice
  // In the same place as before, with the description and time zone.
  CHECK(cal.find("METHOD:PUBLISH\nX-WR-CALNAME:") != std::string::npos);
  CHECK(cal.find(": meetings\nX-WR-CALDESC:Meetings from ") != std::string::npos);
  CHECK(cal.find("\nX-WR-TIMEZONE:Europe/London\nBEGIN:VTIMEZONE\n") !=
        std::string::npos);
}
