// Work programme and forward plan pages say only what the records give.
#include <catch2/catch.hpp>
#include <map>

#include "render/site_renderer.h"
#include "small_site.h"

using namespace clerk;

namespace {

using clerk::render_testing::SmallSite;

std::map<std::string, std::string> Render(const Site& site) {
  RenderOptions o;
  o.theme_dir = CLERK_SOURCE_DIR "/themes/default";
  Diagnostics diag;
  std::map<std::string, std::string> out;
  for (const OutputFile& f : RenderSite(site, o, diag)) out[f.path] = f.content;
  for (const Diagnostic& d : diag.All()) FAIL_CHECK(FormatDiagnostic(d));
  return out;
}

bool Has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// SmallSite with a standing row without a cadence, one with a cadence, and
// deadlines for the next meeting.
Site SiteWithRows() {
  Site site = SmallSite();
  WorkProgramme& wp = site.work_programmes.at("cyp-2019-20");
  WorkProgrammeRow standing;
  standing.topic = "Questions to cabinet members";
  standing.when = WhenKind::kStanding;
  wp.rows.push_back(standing);
  WorkProgrammeRow yearly;
  yearly.topic = "Fostering annual report";
  yearly.when = WhenKind::kStanding;
  yearly.cadence = "once a year in July";
  yearly.last_report = Date{2019, 7, 15};
  yearly.witnesses.push_back({{}, {"carole-gandy", {}}, ""});
  yearly.witnesses.push_back({{}, {}, "Foster carers"});
  yearly.visits = {"Family centre"};
  yearly.notes = "Moved from June.";
  wp.rows.push_back(yearly);
  ProgrammeMeeting pm;
  pm.meeting = {"2020-01-27-cyp", {}};
  pm.publication = Date{2020, 1, 17};
  wp.meetings.push_back(pm);
  return site;
}

Site SiteWithPlan() {
  Site site = SmallSite();
  ForwardPlan plan;
  plan.id = "plan-2020-01";
  plan.title = "Forward plan, January 2020";
  plan.published = Date{2019, 12, 20};
  plan.contact = {"matthew-evans", {}};
  ForwardPlanEntry key;
  key.id = "care-leavers";
  key.title = "Care leavers service";
  key.decision_maker = {"cyp", {}};
  key.expected = ExpectedKind::kDate;
  key.expected_date = Date{2020, 1, 27};
  key.key_decision = KeyDecision::kYes;
  key.access = DecisionAccess::kExempt;
  key.exempt_paragraphs = {3};
  key.meeting = {"2020-01-27-cyp", {}};
  plan.entries.push_back(key);
  ForwardPlanEntry silent;
  silent.id = "parking";
  silent.title = "Parking charges";
  silent.decision_maker_text = "Cabinet member for transport";
  silent.expected = ExpectedKind::kMonth;
  silent.expected_date = Date{2020, 3, 0};
  plan.entries.push_back(silent);
  site.forward_plans[plan.id] = plan;
  return site;
}

}  // namespace

TEST_CASE("a standing item without a cadence is not shown as every meeting",
          "[render][work-programme]") {
  auto pages = Render(SiteWithRows());
  const std::string& page = pages.at("work-programmes/cyp-2019-20/index.html");
  CHECK_FALSE(Has(page, "every meeting"));
  CHECK(Has(page, "<td>Standing item</td>"));
  CHECK(Has(page, "<td>Standing item: once a year in July</td>"));
  CHECK(Has(page, "<th scope=\"col\">Last report</th>"));
  CHECK(Has(page, "15 July 2019"));
  CHECK(Has(page,
            "<strong>Witnesses:</strong> <a href=\"../../people/carole-gandy/"
            "index.html\">Councillor Carole Gandy</a>; Foster carers"));
  CHECK(Has(page, "<strong>Visit:</strong> Family centre"));
  CHECK(Has(page, "<strong>Notes:</strong> Moved from June."));
  // Deadlines: the publication date given, no column for deadlines not given.
  CHECK(Has(page, "<th scope=\"col\">Papers published</th>"));
  CHECK_FALSE(Has(page, "Reports due by"));
  CHECK(Has(page, "<td>17 January 2020</td>"));
  // The meeting's own page shows the deadline it was given.
  const std::string& meeting = pages.at("meetings/2020-01-27-cyp/index.html");
  CHECK(Has(meeting, "Papers published"));
  CHECK(Has(meeting, "17 January 2020"));
  CHECK_FALSE(Has(meeting, "Reports due by"));

  const std::string& easy = pages.at("easy-read/work-programmes/cyp-2019-20/index.html");
  CHECK_FALSE(Has(easy, "every meeting"));
  CHECK(Has(easy, "How often: once a year in July."));
}

TEST_CASE("a work programme without the new fields shows no empty columns",
          "[render][work-programme]") {
  auto pages = Render(SmallSite());
  const std::string& page = pages.at("work-programmes/cyp-2019-20/index.html");
  CHECK_FALSE(Has(page, "Last report"));
  CHECK_FALSE(Has(page, "Meetings and deadlines"));
  CHECK_FALSE(Has(page, "Witnesses"));
  CHECK(pages.count("forward-plans/index.html") == 0);
  CHECK_FALSE(Has(pages.at("decisions/index.html"), "forward plans"));
}

TEST_CASE("forward plan pages in every rendition with anchors and nothing defaulted",
          "[render][forward-plan]") {
  auto pages = Render(SiteWithPlan());
  for (const char* prefix : {"", "large-print/", "easy-read/"}) {
    INFO(prefix);
    REQUIRE(pages.count(std::string(prefix) + "forward-plans/plan-2020-01/index.html"));
    REQUIRE(pages.count(std::string(prefix) + "forward-plans/index.html"));
  }
  const std::string& page = pages.at("forward-plans/plan-2020-01/index.html");
  CHECK(Has(page, "<caption>Forward plan, January 2020</caption>"));
  CHECK(Has(page,
            "<tr id=\"decision-care-leavers\"><th scope=\"row\">Care leavers service"));
  CHECK(Has(page, "<tr id=\"decision-parking\">"));
  CHECK(Has(page,
            "<a href=\"../../committees/cyp/index.html\">Children and young people "
            "scrutiny committee</a>"));
  CHECK(Has(page,
            "<td>27 January 2020</td><td>Yes</td><td>Exempt (paragraph 3 of "
            "Schedule 12A)</td>"));
  // The second entry gives no key decision, no classification, no contact.
  CHECK(Has(page,
            "Cabinet member for transport</td><td>March 2020</td><td></td><td></td>"
            "<td></td></tr>"));
  CHECK(Has(page, "href=\"../../large-print/forward-plans/plan-2020-01/index.html\""));
  CHECK(Has(page, "href=\"../../easy-read/forward-plans/plan-2020-01/index.html\""));
  CHECK(Has(page, "href=\"../index.html\">Forward plans</a>"));
  CHECK(Has(page, "application/atom+xml"));
  CHECK(Has(page, "href=\"../feed.xml\""));

  // The decisions register points to the decisions to come.
  CHECK(
      Has(pages.at("decisions/index.html"),
          "<a href=\"../forward-plans/index.html\">forward plans of key decisions</a>"));
  CHECK(
      Has(pages.at("forward-plans/index.html"),
          "<a href=\"plan-2020-01/index.html\">Forward plan, January 2020</a>, published "
          "20 December 2019 (2 decisions)"));

  const std::string& meeting = pages.at("meetings/2020-01-27-cyp/index.html");
  CHECK(Has(meeting, "Decisions in the forward plan"));
  CHECK(
      Has(meeting, "../../forward-plans/plan-2020-01/index.html#decision-care-leavers"));

  const std::string& easy = pages.at("easy-read/forward-plans/plan-2020-01/index.html");
  INFO(easy);
  CHECK(Has(easy, "The law calls this a key decision."));
  CHECK(Has(easy, "They plan to decide in March 2020."));
  CHECK(Has(easy, "id=\"decision-parking\""));
  // Said once, for the one entry that is a key decision.
  size_t first = easy.find("The law calls this a key decision.");
  CHECK(easy.find("The law calls this a key decision.", first + 1) == std::string::npos);
}
