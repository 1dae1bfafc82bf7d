// The loader holds what real packs leave out as "not known", and roles and
// attendance as packs print them (issue 16).
#include <catch2/catch.hpp>

#include "content/loader.h"
#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

namespace {

// The bad-input base site with one file replaced.
Site LoadWith(const testing::TempDir& dir, const std::string& path,
              const std::string& text, Diagnostics& diag) {
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  testing::WriteFile(dir.path() / path, text);
  return LoadSite(dir.path().string(), diag);
}

const char* kMeeting = "content/meetings/2024-05-06-planning/meeting.yaml";

}  // namespace

TEST_CASE("a start with a date only, or tbc, has no time", "[loader][unknown]") {
  for (const char* start :
       {"2024-05-06", "2024-05-06 tbc", "2024-05-06 TBC", "2024-05-06 to be confirmed"}) {
    INFO(start);
    testing::TempDir dir;
    Diagnostics diag;
    Site site = LoadWith(dir, kMeeting,
                         std::string("committee: planning\nstatus: scheduled\nstart: ") +
                             start + "\nvenue: tbc\n",
                         diag);
    CHECK(diag.ErrorCount() == 0);
    const Meeting& m = site.meetings.at("2024-05-06-planning");
    CHECK(m.start.date == Date{2024, 5, 6});
    CHECK_FALSE(m.start.time.has_value());
    CHECK(m.venue_tbc);
    CHECK(m.venue.empty());
  }
}

TEST_CASE("a venue that is neither given nor tbc is an error", "[loader][unknown]") {
  testing::TempDir dir;
  Diagnostics diag;
  LoadWith(dir, kMeeting, "committee: planning\nstatus: scheduled\nstart: 2024-05-06\n",
           diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].message.find("'venue: tbc'") != std::string::npos);
  // Another body's meeting needs none.
  testing::TempDir dir2;
  Diagnostics diag2;
  LoadWith(
      dir2, kMeeting,
      "committee: planning\nkind: referenced\nstatus: scheduled\nstart: 2024-05-06\n",
      diag2);
  CHECK(diag2.ErrorCount() == 0);
}

TEST_CASE("co-optee voting and key decisions stay unknown unless given",
          "[loader][unknown]") {
  testing::TempDir dir;
  Diagnostics diag;
  Site site = LoadWith(dir, "content/committees/planning.yaml",
                       "name: Planning\norganisation: Test Council\n"
                       "co_optees:\n  - person: bo-member\n  - person: sam-clerk\n"
                       "    voting: false\n",
                       diag);
  CHECK(diag.ErrorCount() == 0);
  const Committee& c = site.committees.at("planning");
  CHECK(c.remit.empty());
  CHECK_FALSE(c.co_optees[0].voting.has_value());
  CHECK(c.co_optees[1].voting == false);
  const Document& d = site.documents.at("2024-03-04-planning/local-plan");
  CHECK_FALSE(d.key_decision.has_value());
}

TEST_CASE("roles keep their printed title and map to a kind", "[loader][roles]") {
  struct Case {
    const char* printed;
    MemberRole kind;
    const char* title;
    bool elect;
  };
  for (const Case& c :
       {Case{"chair", MemberRole::kChair, "", false},
        Case{"Chairman", MemberRole::kChair, "Chairman", false},
        Case{"Vice-Chairman (elect)", MemberRole::kViceChair, "Vice-Chairman", true},
        Case{"Deputy Chair", MemberRole::kViceChair, "Deputy Chair", false},
        Case{"Lead Member for Adults", MemberRole::kLeadMember, "Lead Member for Adults",
             false},
        Case{"Labour Group Spokesperson", MemberRole::kLeadMember,
             "Labour Group Spokesperson", false},
        Case{"member", MemberRole::kMember, "", false},
        Case{"Observer", MemberRole::kMember, "Observer", false}}) {
    INFO(c.printed);
    testing::TempDir dir;
    Diagnostics diag;
    Site site = LoadWith(dir, "content/committees/planning.yaml",
                         std::string("name: Planning\norganisation: Test Council\n"
                                     "members:\n  - person: bo-member\n    role: ") +
                             c.printed + "\n",
                         diag);
    CHECK(diag.ErrorCount() == 0);
    const Membership& m = site.committees.at("planning").members.at(0);
    CHECK(m.role == c.kind);
    CHECK(m.role_title == c.title);
    CHECK(m.elect == c.elect);
  }
}

TEST_CASE("a membership ending after the build's date is current", "[model][roles]") {
  const Date today{2022, 6, 1};
  CHECK(IsCurrent(std::nullopt, Date{2099, 5, 1}, today));
  CHECK(IsCurrent(std::nullopt, Date{2022, 6, 1}, today));
  CHECK_FALSE(IsCurrent(std::nullopt, Date{2022, 5, 31}, today));
  CHECK_FALSE(IsCurrent(Date{2022, 6, 2}, std::nullopt, today));
  CHECK(IsCurrent(std::nullopt, std::nullopt, today));
  // No date set: only open-ended memberships count, as before.
  CHECK_FALSE(IsCurrent(std::nullopt, Date{2099, 5, 1}, Date{}));
}

TEST_CASE("remote: a flag on the attendee, never a second entry",
          "[loader][attendance]") {
  testing::TempDir dir;
  Diagnostics diag;
  Site site = LoadWith(
      dir, "content/meetings/2024-03-04-planning/meeting.yaml",
      "committee: planning\nstatus: held\nstart: 2024-03-04 18:00\nvenue: town-hall\n"
      "attendance:\n  present:\n    - alex-chair\n    - person: bo-member\n      remote: "
      "true\n"
      "  also_attending: [sam-clerk]\n  remote: [sam-clerk]\n"
      "agenda:\n  - number: \"1\"\n    title: Apologies\n  - number: \"2\"\n"
      "    title: Local plan\n    documents: [local-plan]\n"
      "    invited:\n      - person: sam-clerk\n        capacity: Planning officer\n",
      diag);
  for (const Diagnostic& d : diag.All()) INFO(FormatDiagnostic(d));
  CHECK(diag.ErrorCount() == 0);
  const Meeting& m = site.meetings.at("2024-03-04-planning");
  CHECK(m.attendance.present.size() == 2);
  CHECK(m.attendance.present[1].remote);
  CHECK(m.attendance.also_attending.at(0).remote);
  CHECK(m.attendance.remote.empty());
  REQUIRE(m.agenda.at(1).invited.size() == 1);
  CHECK(m.agenda[1].invited[0].capacity == "Planning officer");
}
