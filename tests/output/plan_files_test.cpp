// Open data and the feed of work programmes and forward plans: a fact the
// record does not give is null, never a default.
#include "output/plan_files.h"

#include <catch2/catch.hpp>
#include <map>

#include "../render/small_site.h"

using namespace clerk;
using nlohmann::json;

TEST_CASE("work programme data leaves out what a row does not give",
          "[output][work-programme]") {
  Site site = render_testing::SmallSite();
  WorkProgramme& wp = site.work_programmes.at("cyp-2019-20");
  WorkProgrammeRow standing;
  standing.topic = "Questions";
  standing.when = WhenKind::kStanding;
  wp.rows.push_back(standing);
  WorkProgrammeRow quarterly = standing;
  quarterly.cadence = "quarterly";
  quarterly.last_report = Date{2019, 9, 16};
  quarterly.witnesses.push_back({{}, {"carole-gandy", {}}, ""});
  quarterly.witnesses.push_back({{}, {}, "Ofsted"});
  wp.rows.push_back(quarterly);
  ProgrammeMeeting pm;
  pm.meeting = {"2020-01-27-cyp", {}};
  pm.report_deadline = Date{2020, 1, 10};
  wp.meetings.push_back(pm);
  SiteIndex index(site);
  json j = output::WorkProgrammeJson(index, wp, {});
  const json& rows = j["rows"];
  REQUIRE(rows.size() == 4);
  CHECK(rows[1]["when"] == "month");
  CHECK(rows[1]["month"] == "2020-03");
  CHECK(rows[2]["when"] == "standing");
  CHECK(rows[2]["cadence"].is_null());
  CHECK(rows[2]["last_report"].is_null());
  CHECK(rows[2]["author"].is_null());
  CHECK(rows[3]["cadence"] == "quarterly");
  CHECK(rows[3]["last_report"] == "2019-09-16");
  CHECK(rows[3]["witnesses"][0] ==
        json({{"person_id", "carole-gandy"}, {"name", "Councillor Carole Gandy"}}));
  CHECK(rows[3]["witnesses"][1] == json({{"person_id", nullptr}, {"name", "Ofsted"}}));
  CHECK(rows[3]["url"] == "/work-programmes/cyp-2019-20/#row-4");
  CHECK(j["meetings"][0]["report_deadline"] == "2020-01-10");
  CHECK(j["meetings"][0]["publication"].is_null());
}

TEST_CASE("forward plan data and feed say only what the plan says",
          "[output][forward-plan]") {
  Site site = render_testing::SmallSite();
  ForwardPlan plan;
  plan.id = "plan";
  plan.title = "Plan";
  plan.published = Date{2019, 7, 1};
  ForwardPlanEntry e;
  e.id = "parking";
  e.title = "Parking & charges";
  e.decision_maker_text = "Cabinet member for transport";
  e.expected = ExpectedKind::kMonth;
  e.expected_date = Date{2019, 9, 0};
  plan.entries.push_back(e);
  ForwardPlanEntry key = e;
  key.id = "key";
  key.decision_maker = {"cyp", {}};
  key.decision_maker_text.clear();
  key.key_decision = KeyDecision::kNo;
  key.access = DecisionAccess::kPartExempt;
  key.exempt_paragraphs = {3};
  key.expected = ExpectedKind::kTbc;
  plan.entries.push_back(key);
  site.forward_plans[plan.id] = plan;
  ForwardPlan undated = plan;
  undated.id = "undated";
  undated.published.reset();
  site.forward_plans[undated.id] = undated;
  SiteIndex index(site);

  json j = output::ForwardPlanJson(index, plan, {"https://papers.example.org/"});
  const json& a = j["entries"][0];
  CHECK(a["key_decision"].is_null());
  CHECK(a["classification"].is_null());
  CHECK(a["contact"].is_null());
  CHECK(a["meeting_id"].is_null());
  CHECK(a["expected"] == json({{"kind", "month"}, {"value", "2019-09"}}));
  CHECK(a["decision_maker"] ==
        json({{"committee_id", nullptr}, {"name", "Cabinet member for transport"}}));
  CHECK(a["url"] == "https://papers.example.org/forward-plans/plan/#decision-parking");
  const json& b = j["entries"][1];
  CHECK(b["key_decision"] == "no");
  CHECK(b["classification"] == "part-exempt");
  CHECK(b["exempt_paragraphs"] == json::array({3}));
  CHECK(b["expected"] == json({{"kind", "tbc"}, {"value", nullptr}}));
  CHECK(b["decision_maker"]["name"] == "Children and young people scrutiny committee");

  std::map<std::string, std::string> files;
  for (OutputFile& f : output::PlanFiles(index, {})) files[f.path] = f.content;
  REQUIRE(files.count("data/work-programmes.json"));
  REQUIRE(files.count("data/forward-plans.json"));
  const std::string& feed = files.at("forward-plans/feed.xml");
  CHECK(feed.find("<title>Parking &amp; charges</title>") != std::string::npos);
  CHECK(feed.find("<updated>2019-06-30T23:00:00Z</updated>") != std::string::npos);
  CHECK(feed.find("href=\"plan/index.html#decision-parking\"") != std::string::npos);
  // The undated plan has no entries in the feed: an entry needs a date.
  CHECK(feed.find("undated/index.html") == std::string::npos);
  // The first entry says nothing of key decisions; the second says "No".
  CHECK(feed.find("Expected: September 2019.</summary>") != std::string::npos);
  CHECK(feed.find("Key decision: No. Part exempt (paragraph 3 of Schedule 12A).") !=
        std::string::npos);
}

TEST_CASE("a site without forward plans has no forward plan files",
          "[output][forward-plan]") {
  Site site = render_testing::SmallSite();
  SiteIndex index(site);
  std::vector<OutputFile> files = output::PlanFiles(index, {});
  REQUIRE(files.size() == 2);  // the small site's one work programme and the index
  CHECK(files[0].path == "data/work-programmes/cyp-2019-20.json");
  CHECK(files[1].path == "data/work-programmes.json");
}

// The index of work programmes (issue 20, point 6): every programme was in
// one file, 14.9 MB at N = 10,000 meetings; now each has its own, which the
// index links with what a consumer needs to choose one, and the index's
// counts are the files' true totals.
TEST_CASE("work programme data: an index linking one file per programme",
          "[output][work-programme]") {
  Site site = render_testing::SmallSite();
  site.work_programmes.at("cyp-2019-20").period = "2019/20";
  WorkProgramme next = site.work_programmes.at("cyp-2019-20");
  next.id = "cyp-2020-21";
  next.title = "Work programme 2020 to 2021";
  next.period.clear();  // a programme that names no period
  next.rows.resize(1);
  site.work_programmes[next.id] = next;
  SiteIndex index(site);
  std::map<std::string, json> files;
  for (OutputFile& f : output::PlanFiles(index, {"https://x.example/"}))
    files[f.path] = json::parse(f.content);

  const json& top = files.at("data/work-programmes.json");
  REQUIRE(top.at("work_programmes").size() == 2);
  size_t rows = 0;
  for (const json& listed : top.at("work_programmes")) {
    std::string id = listed.at("id");
    INFO(id);
    std::string path = "data/work-programmes/" + id + ".json";
    CHECK(listed.at("url") == "https://x.example/" + path);
    // The file holds the programme whole, as WorkProgrammeJson makes it.
    const WorkProgramme& wp = site.work_programmes.at(id);
    CHECK(files.at(path) == output::WorkProgrammeJson(index, wp, {"https://x.example/"}));
    CHECK(listed.at("committee_id") == "cyp");
    CHECK(listed.at("title") == wp.title);
    CHECK(listed.at("rows") == files.at(path).at("rows").size());
    CHECK_FALSE(listed.contains("meetings"));  // an index, not the programme
    rows += files.at(path).at("rows").size();
  }
  CHECK(top.at("work_programmes")[0].at("period") == "2019/20");
  CHECK(top.at("work_programmes")[1].at("period").is_null());  // not given, not guessed
  CHECK(top.at("counts") == json({{"work_programmes", 2}, {"rows", rows}}));
  CHECK(files.size() == 3);  // no file the index does not link
}
