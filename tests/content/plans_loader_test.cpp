// Work programme rows and forward plans as packs have them: every fact the
// file gives is read, and nothing it leaves out is filled in.
#include <catch2/catch.hpp>

#include "content/loader.h"
#include "incremental/record_cache.h"
#include "links/check_references.h"
#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

namespace {

// The bad-input corpus's base site plus `files` (path -> text).
Site LoadWith(const testing::TempDir& dir,
              const std::vector<std::pair<std::string, std::string>>& files,
              Diagnostics& diag) {
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  for (const auto& [path, text] : files) testing::WriteFile(dir.path() / path, text);
  Site site = LoadSite(dir.path().string(), diag);
  CheckReferences(site, diag);
  return site;
}

std::string All(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.All()) out += FormatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE(
    "work programme rows hold cadence and last report and witnesses and visits and notes",
    "[loader][work-programme]") {
  testing::TempDir dir;
  Diagnostics diag;
  Site site = LoadWith(dir,
                       {{"content/work-programmes/planning-2024.yaml",
                         "committee: planning\n"
                         "title: Work programme 2024\n"
                         "meetings:\n"
                         "  - meeting: 2024-05-06-planning\n"
                         "    report_deadline: 2024-04-22\n"
                         "    publication: 2024-04-26\n"
                         "  - meeting: 2024-03-04-planning\n"
                         "rows:\n"
                         "  - topic: Enforcement\n"
                         "    when: standing\n"
                         "  - topic: Annual report\n"
                         "    when: standing\n"
                         "    cadence: once a year in July\n"
                         "    last_report: 2023-07-10\n"
                         "    witnesses: [alex-chair, Residents' association]\n"
                         "    visits: Town centre walkabout\n"
                         "    notes: Printed as \"(AC)\".\n"}},
                       diag);
  INFO(All(diag));
  REQUIRE(diag.ErrorCount() == 0);
  const WorkProgramme& wp = site.work_programmes.at("planning-2024");
  REQUIRE(wp.rows.size() == 2);
  // A standing item without a cadence has none: nothing says "every meeting".
  CHECK(wp.rows[0].when == WhenKind::kStanding);
  CHECK(wp.rows[0].cadence.empty());
  CHECK_FALSE(wp.rows[0].last_report);
  CHECK(wp.rows[0].witnesses.empty());
  const WorkProgrammeRow& row = wp.rows[1];
  CHECK(row.cadence == "once a year in July");
  CHECK(row.last_report == Date{2023, 7, 10});
  REQUIRE(row.witnesses.size() == 2);
  CHECK(row.witnesses[0].person.id == "alex-chair");
  CHECK(row.witnesses[0].text.empty());
  CHECK(row.witnesses[1].person.empty());
  CHECK(row.witnesses[1].text == "Residents' association");
  CHECK(row.witnesses[0].pos.line == 15);
  CHECK(row.visits == std::vector<std::string>{"Town centre walkabout"});
  CHECK(row.notes == "Printed as \"(AC)\".");
  REQUIRE(wp.meetings.size() == 2);
  CHECK(wp.meetings[0].meeting.id == "2024-05-06-planning");
  CHECK(wp.meetings[0].report_deadline == Date{2024, 4, 22});
  CHECK(wp.meetings[0].publication == Date{2024, 4, 26});
  // Deadlines the programme does not give stay unknown.
  CHECK_FALSE(wp.meetings[1].report_deadline);
  CHECK_FALSE(wp.meetings[1].publication);

  // Every new field survives the record cache.
  Site back;
  REQUIRE(RecordCache::RoundTrip(site, back));
  CHECK(back.work_programmes == site.work_programmes);
}

TEST_CASE(
    "a witness id must name a person and publication must not come before the deadline",
    "[loader][work-programme]") {
  testing::TempDir dir;
  Diagnostics diag;
  LoadWith(dir,
           {{"content/work-programmes/planning-2024.yaml",
             "committee: planning\n"
             "title: Work programme 2024\n"
             "meetings:\n"
             "  - meeting: 2024-05-06-planning\n"
             "    report_deadline: 2024-04-30\n"
             "    publication: 2024-04-26\n"
             "rows:\n"
             "  - topic: Enforcement\n"
             "    when: standing\n"
             "    witnesses: [alex-chiar]\n"}},
           diag);
  std::string out = All(diag);
  CHECK(out.find("planning-2024.yaml:6:18: error: 'publication' is before "
                 "'report_deadline'") != std::string::npos);
  CHECK(out.find("planning-2024.yaml:10:17: error: unknown person 'alex-chiar'; did you "
                 "mean 'alex-chair'?") != std::string::npos);
}

TEST_CASE("forward plans are loaded with nothing defaulted", "[loader][forward-plan]") {
  testing::TempDir dir;
  Diagnostics diag;
  Site site = LoadWith(dir,
                       {{"content/forward-plans/plan-2024-04.yaml",
                         "title: Forward plan, April 2024\n"
                         "published: 2024-03-28\n"
                         "contact: sam-clerk\n"
                         "entries:\n"
                         "  - id: local-plan\n"
                         "    reference: FP/24/1\n"
                         "    title: Local plan adoption\n"
                         "    decision_maker: planning\n"
                         "    expected: 2024-05-06\n"
                         "    key_decision: yes\n"
                         "    classification: part-exempt\n"
                         "    exempt_paragraph: [3, 5]\n"
                         "    contact: sam-clerk\n"
                         "    wards: [All wards]\n"
                         "    meeting: 2024-05-06-planning\n"
                         "  - id: parking\n"
                         "    title: Parking charges\n"
                         "    decision_maker: Cabinet member for transport\n"
                         "    expected: 2024-06\n"
                         "  - id: depot\n"
                         "    title: Depot\n"
                         "    decision_maker: \"@/committees/planning\"\n"
                         "    expected: tbc\n"
                         "    key_decision: unknown\n"
                         "    classification: open\n"}},
                       diag);
  INFO(All(diag));
  REQUIRE(diag.ErrorCount() == 0);
  REQUIRE(diag.WarningCount() == 0);
  const ForwardPlan& plan = site.forward_plans.at("plan-2024-04");
  CHECK(plan.published == Date{2024, 3, 28});
  CHECK(plan.contact.id == "sam-clerk");
  REQUIRE(plan.entries.size() == 3);
  const ForwardPlanEntry& a = plan.entries[0];
  CHECK(a.id == "local-plan");
  CHECK(a.reference == "FP/24/1");
  CHECK(a.decision_maker.id == "planning");
  CHECK(a.decision_maker_text.empty());
  CHECK(a.expected == ExpectedKind::kDate);
  CHECK(a.expected_date == Date{2024, 5, 6});
  CHECK(a.key_decision == KeyDecision::kYes);
  CHECK(a.access == DecisionAccess::kPartExempt);
  CHECK(a.exempt_paragraphs == std::vector<int>{3, 5});
  CHECK(a.meeting.id == "2024-05-06-planning");
  const ForwardPlanEntry& b = plan.entries[1];
  CHECK(b.decision_maker.empty());
  CHECK(b.decision_maker_text == "Cabinet member for transport");
  CHECK(b.expected == ExpectedKind::kMonth);
  CHECK(b.expected_date == Date{2024, 6, 0});
  // Not given: neither key nor not key, neither open nor exempt.
  CHECK(b.key_decision == KeyDecision::kNotGiven);
  CHECK(b.access == DecisionAccess::kNotGiven);
  CHECK(b.contact.empty());
  const ForwardPlanEntry& c = plan.entries[2];
  CHECK(c.decision_maker.id == "planning");
  CHECK(c.expected == ExpectedKind::kTbc);
  CHECK(c.key_decision == KeyDecision::kUnknown);
  CHECK(c.access == DecisionAccess::kOpen);
}

TEST_CASE("forward plan entries need an id and a title and a decision maker and a date",
          "[loader][forward-plan]") {
  testing::TempDir dir;
  Diagnostics diag;
  LoadWith(dir,
           {{"content/forward-plans/plan.yaml",
             "title: Plan\n"
             "entries:\n"
             "  - id: a\n"
             "    title: A\n"
             "    decision_maker: Cabinet\n"
             "    expected: soon\n"
             "    classification: exempt\n"
             "  - id: a\n"
             "    title: B\n"
             "    decision_maker: Cabinet\n"
             "    expected: 2024-13\n"
             "    key_decision: maybe\n"
             "  - title: C\n"}},
           diag);
  std::string out = All(diag);
  INFO(out);
  CHECK(out.find("plan.yaml:6:15: error: 'expected' must be a date (YYYY-MM-DD), a month "
                 "(YYYY-MM) or tbc, not 'soon'") != std::string::npos);
  CHECK(out.find("plan.yaml:7:21: error: an exempt decision needs 'exempt_paragraph'") !=
        std::string::npos);
  CHECK(out.find("plan.yaml:8:9: error: entry id 'a' is used twice") !=
        std::string::npos);
  CHECK(out.find("plan.yaml:11:15: error: 'expected' must be") != std::string::npos);
  CHECK(out.find("plan.yaml:12:19: error: 'key_decision' must be yes, no or unknown, not "
                 "'maybe'") != std::string::npos);
  CHECK(out.find("plan.yaml:13:5: error: missing required field 'id'") !=
        std::string::npos);
}
