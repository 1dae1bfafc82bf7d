// UK clock changes (model/dates.h): the spring gap does not exist, the autumn
// fold is its first occurrence (BST), and every writer of UTC times or
// offsets (calendar, feeds, open data) follows that one rule.
#include <catch2/catch.hpp>

#include "model/dates.h"
#include "output/atom_feed.h"
#include "output/calendar.h"
#include "output/open_data.h"
#include "render/site_index.h"
#include "render/small_site.h"
#include "test_support.h"

using namespace clerk;

TEST_CASE("London clock: the last Sundays of March and October", "[dates][dst]") {
  CHECK(LastSunday(2024, 3) == 31);
  CHECK(LastSunday(2024, 10) == 27);
  CHECK(LastSunday(2025, 3) == 30);
  CHECK(LastSunday(2025, 10) == 26);
}

TEST_CASE("London clock: the hour skipped in spring is a gap", "[dates][dst]") {
  CHECK(LondonClockAt({{2024, 3, 31}, {1, 0}}) == LondonClock::kGap);
  CHECK(LondonClockAt({{2024, 3, 31}, {1, 30}}) == LondonClock::kGap);
  CHECK(LondonClockAt({{2024, 3, 31}, {1, 59}}) == LondonClock::kGap);
  CHECK(LondonClockAt({{2024, 3, 31}, {0, 59}}) == LondonClock::kOrdinary);
  CHECK(LondonClockAt({{2024, 3, 31}, {2, 0}}) == LondonClock::kOrdinary);
  // The same time a week earlier, or on a Sunday that is not the last: fine.
  CHECK(LondonClockAt({{2024, 3, 24}, {1, 30}}) == LondonClock::kOrdinary);
  CHECK(LondonClockAt({{2025, 3, 30}, {1, 30}}) == LondonClock::kGap);
  CHECK(SpringGapExplanation({2024, 3, 31}) ==
        "the clocks go forward at 1am on Sunday 31 March 2024 (UK time): 01:00 to 01:59 "
        "does not happen that day");
}

TEST_CASE("London clock: the hour repeated in autumn is a fold, read as BST",
          "[dates][dst]") {
  CHECK(LondonClockAt({{2024, 10, 27}, {1, 30}}) == LondonClock::kFold);
  CHECK(LondonClockAt({{2024, 10, 27}, {2, 0}}) == LondonClock::kOrdinary);
  CHECK(LondonClockAt({{2024, 10, 27}, {0, 30}}) == LondonClock::kOrdinary);
  CHECK(IsBritishSummerTime({{2024, 10, 27}, {1, 59}}));  // first occurrence
  CHECK_FALSE(IsBritishSummerTime({{2024, 10, 27}, {2, 0}}));
  CHECK_FALSE(IsBritishSummerTime({{2024, 3, 31}, {1, 30}}));  // gap: GMT, as RFC 5545
  CHECK(IsBritishSummerTime({{2024, 3, 31}, {2, 0}}));
  CHECK(IsBritishSummerTime({{2024, 7, 1}, {10, 0}}));
  CHECK_FALSE(IsBritishSummerTime({{2024, 12, 1}, {10, 0}}));
}

TEST_CASE("London clock: calendar, feed and open data agree on both transitions",
          "[dates][dst][calendar]") {
  // Autumn fold: 01:30 is the first 01:30, BST, 00:30 UTC, everywhere.
  const DateTime fold{{2024, 10, 27}, {1, 30}};
  CHECK(output::LondonToUtc(fold) == DateTime{{2024, 10, 27}, {0, 30}});
  CHECK(output::AtomDate(fold) == "2024-10-27T00:30:00Z");
  CHECK(output::OffsetDateTime(fold) == "2024-10-27T01:30:00+01:00");
  // Just after the fold: GMT.
  const DateTime after_fold{{2024, 10, 27}, {2, 15}};
  CHECK(output::AtomDate(after_fold) == "2024-10-27T02:15:00Z");
  CHECK(output::OffsetDateTime(after_fold) == "2024-10-27T02:15:00+00:00");
  // Spring: 00:30 is GMT, 02:30 is BST; a meeting across the change ends
  // after it starts in UTC too.
  const DateTime before_gap{{2024, 3, 31}, {0, 30}};
  const DateTime after_gap{{2024, 3, 31}, {2, 30}};
  CHECK(output::AtomDate(before_gap) == "2024-03-31T00:30:00Z");
  CHECK(output::AtomDate(after_gap) == "2024-03-31T01:30:00Z");
  CHECK(output::OffsetDateTime(before_gap) == "2024-03-31T00:30:00+00:00");
  CHECK(output::OffsetDateTime(after_gap) == "2024-03-31T02:30:00+01:00");
  CHECK(output::LondonToUtc(before_gap) < output::LondonToUtc(after_gap));
  // UTC is never earlier for a later local time on either day.
  for (const Date day : {Date{2024, 3, 31}, Date{2024, 10, 27}}) {
    DateTime previous = output::LondonToUtc({day, {0, 0}});
    for (int minutes = 1; minutes < 24 * 60; ++minutes) {
      const DateTime local{day, {minutes / 60, minutes % 60}};
      if (LondonClockAt(local) == LondonClock::kGap) continue;
      const DateTime utc = output::LondonToUtc(local);
      CHECK_FALSE(utc < previous);
      previous = utc;
    }
  }
}

TEST_CASE("London clock: a meeting in the autumn fold is stamped in BST in its calendar",
          "[dates][dst][calendar]") {
  Site site = render_testing::SmallSite();
  Meeting& m = site.meetings.at("2019-09-16-cyp");
  m.start = {{2024, 10, 27}, TimeOfDay{1, 30}};
  m.end = TimeOfDay{1, 45};
  SiteIndex index(site);
  std::string ics = output::CalendarText(index, {&m}, "test", {});
  CHECK(ics.find("DTSTART;TZID=Europe/London:20241027T013000\r\n") != std::string::npos);
  CHECK(ics.find("DTEND;TZID=Europe/London:20241027T014500\r\n") != std::string::npos);
  CHECK(ics.find("DTSTAMP:20241027T003000Z\r\n") != std::string::npos);
  m.start = {{2024, 3, 31}, TimeOfDay{2, 30}};
  ics = output::CalendarText(index, {&m}, "test", {});
  CHECK(ics.find("DTSTAMP:20240331T013000Z\r\n") != std::string::npos);
}

TEST_CASE("London clock: a meeting in the fold builds, and every file gives it in BST",
          "[dates][dst][e2e]") {
  using namespace clerk::testing;
  TempDir dir;
  CopyTree(SourceDir() / "tests/bad-input/base", dir.path());
  WriteFile(dir.path() / "content/meetings/2024-10-27-planning/meeting.yaml",
            "committee: planning\nstatus: scheduled\nstart: 2024-10-27 01:30\n"
            "end: 01:50\nvenue: town-hall\n");
  WriteFile(dir.path() / "site.yaml", ReadFile(dir.path() / "site.yaml") +
                                          "base_url: https://papers.example.org/\n");
  CommandResult r =
      RunClerk("build --today 2024-04-01 --no-search --out out", dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string json =
      ReadFile(dir.path() / "out/data/meetings/2024-10-27-planning.json");
  CHECK(json.find("\"start_date\": \"2024-10-27T01:30:00+01:00\"") != std::string::npos);
  CHECK(json.find("\"end_date\": \"2024-10-27T01:50:00+01:00\"") != std::string::npos);
  const std::string ics =
      ReadFile(dir.path() / "out/meetings/2024-10-27-planning/meeting.ics");
  CHECK(ics.find("DTSTART;TZID=Europe/London:20241027T013000\r\n") != std::string::npos);
  CHECK(ics.find("DTSTAMP:20241027T003000Z\r\n") != std::string::npos);
}
