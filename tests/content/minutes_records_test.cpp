// Minutes parsed once into resolutions and actions (content/minutes_records.h).
#include "content/minutes_records.h"

#include <catch2/catch.hpp>

#include "content/record_loaders.h"
#include "incremental/record_cache.h"
#include "test_support.h"

using namespace clerk;

namespace {

const char* kFront =
    "---\n"
    "status: draft\n"
    "sections:\n"
    "  - minute: 12\n"
    "    item: \"1\"\n"
    "  - minute: 13\n"
    "    item: \"2\"\n"
    "---\n";  // the body starts on line 9

Minutes Load(const std::string& text, Diagnostics& diag) {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "minutes.md", text);
  Site site;
  LoadMinutes("2024-03-04-planning", (dir.path() / "minutes.md").string(),
              "content/meetings/2024-03-04-planning/minutes.md", site, diag);
  REQUIRE(site.minutes.count("2024-03-04-planning") == 1);
  return site.minutes.at("2024-03-04-planning");
}

std::string All(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.All()) out += FormatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("minutes are parsed into resolutions and actions with their fields",
          "[minutes-records]") {
  Diagnostics diag;
  Minutes m = Load(std::string(kFront) +
                       "\n"                                        // 9
                       "## 12 Apologies\n"                         // 10
                       "\n"                                        // 11
                       "**Action:** send the apologies on.\n"      // 12
                       "\n"                                        // 13
                       "## 13 Local plan\n"                        // 14
                       "\n"                                        // 15
                       "**RESOLVED** that the review is noted.\n"  // 16
                       "\n"                                        // 17
                       "**Resolved:** that\n"                      // 18
                       "\n"                                        // 19
                       "- a letter be sent; and\n"                 // 20
                       "- a report come back.\n"                   // 21
                       "\n"                                        // 22
                       "**Action** (owner: [Alex Chair](@/people/alex-chair), due: "
                       "2024-04-30, status: in progress): write the letter.\n"  // 23
                       "\n"
                       "**Action** (owner: Head of planning, Place directorate; "
                       "status: done): the report.\n",
                   diag);
  INFO(All(diag));
  CHECK(diag.ErrorCount() == 0);
  CHECK(diag.WarningCount() == 0);
  REQUIRE(m.sections.size() == 2);
  const MinuteSection& first = m.sections[0];
  REQUIRE(first.actions.size() == 1);
  CHECK(first.resolutions.empty());
  const MinuteAction& send = first.actions[0];
  CHECK(send.id == "action-12-1");
  CHECK(send.pos.line == 12);
  CHECK(send.pos.column == 1);
  CHECK(send.text == "send the apologies on.");
  // Nothing given: nothing known, never a default.
  CHECK(send.owner.empty());
  CHECK(send.owner_text.empty());
  CHECK_FALSE(send.due.has_value());
  CHECK(send.status == ActionStatus::kNotGiven);

  const MinuteSection& plan = m.sections[1];
  REQUIRE(plan.resolutions.size() == 2);
  CHECK(plan.resolutions[0].id == "resolution-13-1");
  CHECK(plan.resolutions[0].text == "**RESOLVED** that the review is noted.");
  CHECK(plan.resolutions[0].pos.line == 16);
  CHECK_FALSE(plan.resolutions[0].with_list);
  CHECK(plan.resolutions[1].id == "resolution-13-2");
  CHECK(plan.resolutions[1].with_list);
  CHECK(plan.resolutions[1].text ==
        "**Resolved:** that\n\n- a letter be sent; and\n- a report come back.");
  REQUIRE(plan.actions.size() == 2);
  const MinuteAction& letter = plan.actions[0];
  CHECK(letter.id == "action-13-1");
  CHECK(letter.owner.id == "alex-chair");
  CHECK(letter.owner.pos.line == 23);
  CHECK(letter.owner_text == "Alex Chair");
  CHECK(letter.due == Date{2024, 4, 30});
  CHECK(letter.status == ActionStatus::kInProgress);
  CHECK(letter.text == "write the letter.");
  const MinuteAction& report = plan.actions[1];
  CHECK(report.owner.empty());
  CHECK(report.owner_text == "Head of planning, Place directorate");
  CHECK_FALSE(report.due.has_value());
  CHECK(report.status == ActionStatus::kDone);
}

TEST_CASE("a resolution followed by a list of actions keeps both", "[minutes-records]") {
  Diagnostics diag;
  Minutes m = Load(std::string(kFront) +
                       "\n"
                       "## 12 Apologies\n"
                       "\n"
                       "None.\n"
                       "\n"
                       "## 13 Local plan\n"
                       "\n"
                       "**Resolved:** that the plan is agreed.\n"
                       "\n"
                       "- **Action** (due: 2024-05-01): publish the plan.\n"
                       "- **Action:** tell the parish councils.\n",
                   diag);
  INFO(All(diag));
  CHECK(diag.ErrorCount() == 0);
  const MinuteSection& plan = m.sections.at(1);
  REQUIRE(plan.resolutions.size() == 1);
  CHECK_FALSE(plan.resolutions[0].with_list);
  CHECK(plan.resolutions[0].text == "**Resolved:** that the plan is agreed.");
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].due == Date{2024, 5, 1});
  CHECK(plan.actions[0].text == "publish the plan.");
  CHECK(plan.actions[0].pos.column == 3);
  CHECK(plan.actions[1].id == "action-13-2");
  CHECK(plan.actions[1].text == "tell the parish councils.");
}

TEST_CASE("a resolution's points that include an action are all kept",
          "[minutes-records]") {
  Diagnostics diag;
  Minutes m = Load(std::string(kFront) +
                       "\n"
                       "## 12 Apologies\n"
                       "\n"
                       "None.\n"
                       "\n"
                       "## 13 Local plan\n"
                       "\n"
                       "**Resolved:** that\n"
                       "\n"
                       "- the plan is agreed; and\n"
                       "- the parish councils are told:\n"
                       "  - **Action** (owner: Planning Team): write to them.\n",
                   diag);
  INFO(All(diag));
  CHECK(diag.ErrorCount() == 0);
  const MinuteSection& plan = m.sections.at(1);
  REQUIRE(plan.resolutions.size() == 1);
  CHECK(plan.resolutions[0].with_list);
  CHECK(plan.resolutions[0].text.find("the plan is agreed; and") != std::string::npos);
  CHECK(plan.resolutions[0].text.find("the parish councils are told") !=
        std::string::npos);
  REQUIRE(plan.actions.size() == 1);
  CHECK(plan.actions[0].owner_text == "Planning Team");
  CHECK(plan.actions[0].text == "write to them.");
}

TEST_CASE("an action of several paragraphs in a list keeps them all",
          "[minutes-records]") {
  Diagnostics diag;
  Minutes m = Load(std::string(kFront) +
                       "\n"
                       "## 12 Apologies\n"
                       "\n"
                       "None.\n"
                       "\n"
                       "## 13 Local plan\n"
                       "\n"
                       "- **Action** (owner: Planning Team): write to the parishes.\n"
                       "\n"
                       "  Include the map of the plan area.\n"
                       "- **Action:** publish the plan.\n",
                   diag);
  INFO(All(diag));
  CHECK(diag.ErrorCount() == 0);
  const MinuteSection& plan = m.sections.at(1);
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].text.find("write to the parishes.") == 0);
  CHECK(plan.actions[0].text.find("Include the map of the plan area.") !=
        std::string::npos);
  CHECK(plan.actions[1].text == "publish the plan.");
}

TEST_CASE("a 'Resolved' that is not bold is a warning at its place",
          "[minutes-records]") {
  Diagnostics diag;
  Minutes m = Load(std::string(kFront) +
                       "\n"                                     // 9
                       "## 12 Apologies\n"                      // 10
                       "\n"                                     // 11
                       "RESOLVED: that apologies are noted.\n"  // 12
                       "\n"                                     // 13
                       "## 13 Local plan\n"                     // 14
                       "\n"                                     // 15
                       "Resolved that the plan is agreed.\n"    // 16
                       "\n"                                     // 17
                       "Resolvedly, nothing else was said.\n",  // 18
                   diag);
  CHECK(diag.ErrorCount() == 0);
  REQUIRE(diag.WarningCount() == 2);
  std::string all = All(diag);
  CHECK(all.find("minutes.md:12:1: warning: 'Resolved' is not marked up") !=
        std::string::npos);
  CHECK(all.find("minutes.md:16:1: warning: 'Resolved' is not marked up") !=
        std::string::npos);
  CHECK(m.sections.at(0).resolutions.empty());
}

TEST_CASE("action fields that cannot be read are reported where they are written",
          "[minutes-records]") {
  Diagnostics diag;
  Load(std::string(kFront) +
           "\n"                                                               // 9
           "## 12 Apologies\n"                                                // 10
           "\n"                                                               // 11
           "**Action** (due: 2024-02-30, status: finished): send them on.\n"  // 12
           "\n"
           "## 13 Local plan\n",
       diag);
  std::string all = All(diag);
  INFO(all);
  CHECK(diag.ErrorCount() == 2);
  CHECK(all.find("minutes.md:12:18: error: action due date '2024-02-30' is not a date") !=
        std::string::npos);
  CHECK(all.find("minutes.md:12:38: error: unknown action status 'finished'") !=
        std::string::npos);
}

TEST_CASE("action notes are a kind of their own and records survive the cache",
          "[minutes-records]") {
  Diagnostics diag;
  Minutes m = Load(
      "---\nkind: action-notes\nstatus: draft\n---\n\n"
      "**Action** (owner: Youth council, status: open): arrange the next visit.\n",
      diag);
  INFO(All(diag));
  CHECK(diag.ErrorCount() == 0);
  CHECK(m.kind == MinutesKind::kActionNotes);
  REQUIRE(m.actions.size() == 1);
  CHECK(m.actions[0].id == "action-1");
  CHECK(m.actions[0].owner_text == "Youth council");
  CHECK(m.actions[0].status == ActionStatus::kOpen);

  Site part, back;
  part.minutes[m.meeting_id] = m;
  Minutes full =
      Load(std::string(kFront) +
               "\n## 12 A\n\n**Resolved:** x\n\n## 13 B\n\n"
               "**Action** (owner: [Alex](@/people/alex-chair), due: 2024-01-31): y\n",
           diag);
  full.meeting_id = "2024-03-05-planning";
  part.minutes[full.meeting_id] = full;
  REQUIRE(RecordCache::RoundTrip(part, back));
  CHECK(back.minutes == part.minutes);
}
