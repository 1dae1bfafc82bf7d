// The loader on the small valid site of the bad-input corpus: what it reads.
#include "content/loader.h"

#include <catch2/catch.hpp>

#include "links/check_references.h"
#include "test_support.h"

using namespace clerk;

TEST_CASE("the loader reads every kind of record", "[loader]") {
  Diagnostics diag;
  Site site = LoadSite((testing::SourceDir() / "tests/bad-input/base").string(), diag);
  CheckReferences(site, diag);
  for (const Diagnostic& d : diag.All()) INFO(FormatDiagnostic(d));
  REQUIRE(diag.ErrorCount() == 0);
  REQUIRE(diag.WarningCount() == 0);

  CHECK(site.config.title == "Test papers");
  CHECK(site.config.accessibility_reviewed == "Monday 5 January 2026");
  const Committee& planning = site.committees.at("planning");
  CHECK(planning.minute_numbering == MinuteNumbering::kContinuous);
  REQUIRE(planning.members.size() == 2);
  CHECK(planning.members[0].role == MemberRole::kChair);
  CHECK(planning.members[0].from == Date{2023, 5, 1});
  CHECK(site.people.at("alex-chair").aliases == std::vector<std::string>{"Cllr Chair"});
  CHECK(site.venues.at("town-hall").postcode == "TT1 1AA");
  CHECK(site.glossary.at("SEND").expansion ==
        "Special Educational Needs and Disabilities");

  const Meeting& held = site.meetings.at("2024-03-04-planning");
  CHECK(held.status == MeetingStatus::kHeld);
  CHECK(held.start == MeetingStart{{2024, 3, 4}, TimeOfDay{18, 0}});
  CHECK(held.end == TimeOfDay{19, 30});
  CHECK(held.has_minutes);
  REQUIRE(held.attendance.present.size() == 2);
  CHECK(held.attendance.present[1].person.id == "bo-member");
  REQUIRE(held.agenda.size() == 2);
  CHECK(held.agenda[1].documents[0].id == "local-plan");
  // The reference remembers where it was written.
  CHECK(held.agenda[1].documents[0].pos.line == 13);

  const Document& report = site.documents.at("2024-03-04-planning/local-plan");
  CHECK(report.kind == DocumentKind::kReport);
  CHECK(report.item == "2");
  CHECK(report.recommendations.at(0).id == "a");
  CHECK(report.body_line == 10);
  CHECK(report.body.find("## Purpose") != std::string::npos);

  const Minutes& minutes = site.minutes.at("2024-03-04-planning");
  CHECK(minutes.status == MinutesStatus::kApproved);
  CHECK(minutes.approved_at.id == "2024-05-06-planning");
  REQUIRE(minutes.sections.size() == 2);
  CHECK(minutes.sections[1].number == 13);
  CHECK(minutes.sections[1].title == "Local plan");
  CHECK(minutes.sections[1].heading_line == 15);

  const WorkProgramme& wp = site.work_programmes.at("planning-2024");
  REQUIRE(wp.rows.size() == 3);
  CHECK(wp.rows[0].when == WhenKind::kMeeting);
  CHECK(wp.rows[1].when == WhenKind::kMonth);
  CHECK(wp.rows[1].month == 9);
  CHECK(wp.rows[2].when == WhenKind::kStanding);
}

TEST_CASE("sub-items get full numbers and are found by them", "[loader]") {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  testing::WriteFile(dir.path() / "content/meetings/2024-05-06-planning/meeting.yaml",
                     "committee: planning\nstatus: scheduled\nstart: 2024-05-06 18:00\n"
                     "venue: town-hall\nagenda:\n  - number: \"1\"\n    title: General\n"
                     "    items:\n      - number: \"(1)\"\n        title: Apologies\n"
                     "        timing: 18.00 to 18.05\n");
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  CHECK(diag.ErrorCount() == 0);
  const Meeting& m = site.meetings.at("2024-05-06-planning");
  const AgendaItem* sub = FindAgendaItem(m, "1(1)");
  REQUIRE(sub);
  CHECK(sub->title == "Apologies");
  CHECK(sub->time_from == TimeOfDay{18, 0});
  CHECK(sub->time_to == TimeOfDay{18, 5});
  CHECK(!FindAgendaItem(m, "(1)"));
}
