// "Upcoming" depends on the build's date (issue 17): a meeting whose date
// has passed is not upcoming, whatever its status, on the home, committee
// and committees pages; `clerk check` asks whether it should be `held`.
#include <catch2/catch.hpp>

#include "links/past_meetings.h"
#include "render/content_html.h"
#include "render/page_context.h"
#include "render/site_index.h"
#include "small_site.h"

using namespace clerk;
using render_testing::D;

namespace {

std::vector<std::string> Dates(const nlohmann::json& list) {
  std::vector<std::string> out;
  for (const auto& m : list) out.push_back(m["iso_date"]);
  return out;
}

// SmallSite's meetings (held 2019-09-16, cancelled 2019-11-25, scheduled
// 2020-01-27), plus a confirmed one on 2020-03-02 and one postponed to it.
Site WithMore() {
  Site site = render_testing::SmallSite();
  Meeting confirmed = site.meetings.at("2020-01-27-cyp");
  confirmed.id = "2020-03-02-cyp";
  confirmed.status = MeetingStatus::kConfirmed;
  confirmed.start = {D(2020, 3, 2), TimeOfDay{10, 0}};
  confirmed.start_pos = {"content/meetings/2020-03-02-cyp/meeting.yaml", 3, 1};
  site.meetings[confirmed.id] = confirmed;
  Meeting postponed = confirmed;
  postponed.id = "2020-02-10-cyp";
  postponed.status = MeetingStatus::kPostponed;
  postponed.start = {D(2020, 2, 10), TimeOfDay{10, 0}};
  site.meetings[postponed.id] = postponed;
  return site;
}

}  // namespace

TEST_CASE("upcoming means on or after the build's date, and still to be held",
          "[render][upcoming]") {
  Meeting m;
  m.start = {D(2020, 1, 27), std::nullopt};
  m.status = MeetingStatus::kScheduled;
  CHECK(IsUpcoming(m, D(2020, 1, 27)));  // the day itself
  CHECK(IsUpcoming(m, D(2019, 12, 1)));
  CHECK_FALSE(IsUpcoming(m, D(2020, 1, 28)));
  CHECK(IsUpcoming(m, Date{}));  // no date: the status alone
  m.status = MeetingStatus::kConfirmed;
  CHECK(IsUpcoming(m, D(2020, 1, 1)));
  for (MeetingStatus s :
       {MeetingStatus::kHeld, MeetingStatus::kCancelled, MeetingStatus::kPostponed}) {
    m.status = s;
    CHECK_FALSE(IsUpcoming(m, D(2020, 1, 1)));
  }
}

TEST_CASE("home, committee and committees pages list only what is still to come",
          "[render][upcoming]") {
  Site site = WithMore();
  site.today = D(2020, 2, 1);  // after 27 January, before 2 March
  SiteIndex index(site);
  Diagnostics diag;
  RenderedContent content = RenderContent(site, diag);
  const std::vector<Rendition> renditions = {{"standard", "Standard", ""}};
  RenderOptions options;
  PageContext context(index, content, renditions[0], renditions, options);

  PageData home = context.Home();
  CHECK(Dates(home.data["upcoming"]) == std::vector<std::string>{"2020-03-02"});
  CHECK(home.data["build_date"] == "2020-02-01");
  CHECK(home.data["upcoming_script"] == "theme/js/upcoming.js");

  PageData committee = context.CommitteePage(site.committees.at("cyp"));
  CHECK(Dates(committee.data["upcoming"]) == std::vector<std::string>{"2020-03-02"});
  // The passed one is listed among the past, with its status in words.
  bool found = false;
  for (const auto& m : committee.data["past"]) {
    if (m["iso_date"] != "2020-01-27") continue;
    found = true;
    CHECK(m["status"] == "Scheduled");
    CHECK(m["show_status"] == true);
  }
  CHECK(found);

  PageData committees = context.CommitteeIndex();
  CHECK(committees.data["committees"][0]["next"]["iso_date"] == "2020-03-02");

  // Later still: nothing is upcoming.
  site.today = D(2020, 3, 3);
  SiteIndex later_index(site);
  PageContext later(later_index, content, renditions[0], renditions, options);
  CHECK(later.Home().data["upcoming"].empty());
  CHECK(later.CommitteeIndex().data["committees"][0]["next"] == false);
}

TEST_CASE("clerk check warns of a passed meeting still scheduled or confirmed",
          "[links][upcoming]") {
  Site site = WithMore();
  Diagnostics diag;
  CheckPastMeetings(site, D(2020, 3, 3), diag);
  CHECK(diag.ErrorCount() == 0);
  REQUIRE(diag.WarningCount() == 2);  // 27 January (scheduled), 2 March (confirmed)
  std::vector<Diagnostic> all = diag.Sorted();
  const Diagnostic& confirmed = all[1];  // the other has no source position
  CHECK(confirmed.pos.path == "content/meetings/2020-03-02-cyp/meeting.yaml");
  CHECK(confirmed.pos.line == 3);
  CHECK(confirmed.message.find("Monday 2 March 2020") != std::string::npos);
  CHECK(confirmed.message.find("'confirmed'") != std::string::npos);
  CHECK(confirmed.message.find("should this be `held`?") != std::string::npos);

  Diagnostics on_the_day;
  CheckPastMeetings(site, D(2020, 3, 2), on_the_day);
  CHECK(on_the_day.WarningCount() == 1);  // the meeting of the day is not past
  Diagnostics no_date;
  CheckPastMeetings(site, Date{}, no_date);
  CHECK(no_date.WarningCount() == 0);
}
