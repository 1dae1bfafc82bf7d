// clerk new meeting|paper|minutes|person|committee: each writes files that
// pass clerk check at once, never overwrites, finds the site like git finds
// its repository, and answers a mistake with a suggestion.
#include <catch2/catch.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A new site (clerk init) in `dir`/site, dated 2026-12-04: meeting
// 2027-01-04-overview-scrutiny.
fs::path NewSite(const fs::path& dir) {
  CommandResult r = RunClerk("init site --today 2026-12-04", dir);
  REQUIRE(r.exit_code == 0);
  return dir / "site";
}

CommandResult Check(const fs::path& site) {
  return RunClerk("check --strict --today 2026-12-04", site);
}

void Replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = ReadFile(file);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  WriteFile(file, text);
}

}  // namespace

TEST_CASE("clerk new outside a site says there is no site.yaml here or above",
          "[e2e][scaffold]") {
  TempDir dir;
  for (const char* args :
       {"new meeting --committee a --date 2026-01-05", "new paper --meeting m --title t",
        "new minutes --meeting m", "new person --name 'Jo Bloggs'",
        "new committee --name Planning"}) {
    CommandResult r = RunClerk(args, dir.path());
    INFO(args << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK(Has(r.output, "no site.yaml here or above"));
    CHECK(Has(r.output, "clerk init"));
  }
  CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("clerk new finds the site from a folder inside it, or from --source",
          "[e2e][scaffold]") {
  TempDir dir;
  fs::path site = NewSite(dir.path());
  CommandResult r =
      RunClerk("new person --name 'Councillor Jo Bloggs' --honorific Councillor",
               site / "content/meetings");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "site/content/people/jo-bloggs.yaml"));
  CHECK(Has(ReadFile(site / "content/people/jo-bloggs.yaml"),
            "name: Councillor Jo Bloggs\nhonorific: Councillor\n"));
  r = RunClerk("new person --name 'Amy Whiles' --source site", dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(site / "content/people/amy-whiles.yaml"));
  r = RunClerk("new person --name 'Amy Whiles' --source content", site);
  CHECK(r.exit_code == 2);
  CHECK(Has(r.output, "no site.yaml in content"));
  r = Check(site);
  INFO(r.output);
  CHECK(r.exit_code == 0);
}

TEST_CASE("clerk new person and committee refuse a taken id and an unknown contact",
          "[e2e][scaffold]") {
  TempDir dir;
  fs::path site = NewSite(dir.path());
  const std::string before = ReadFile(site / "content/people/sam-taylor.yaml");
  CommandResult r = RunClerk("new person --name 'Sam Taylor'", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "there is already a person 'sam-taylor'"));
  CHECK(Has(r.output, "--id sam-taylor-2"));
  CHECK(ReadFile(site / "content/people/sam-taylor.yaml") == before);
  r = RunClerk(
      "new person --name 'Sam Taylor' --id sam-taylor-2 --email 'mailto:s@x.org'", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "is not an email address"));
  r = RunClerk("new person --name 'Sam Taylor' --id 'Sam_T'", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "lower case letters, digits and single hyphens"));

  r = RunClerk("new committee --name 'Planning committee' --contact sam-tailor", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "unknown person 'sam-tailor'; did you mean 'sam-taylor'?"));
  r = RunClerk(
      "new committee --name 'Planning committee' --contact sam-taylor "
      "--minute-numbering continuous",
      site);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "clerk new meeting --committee planning-committee"));
  std::string yaml = ReadFile(site / "content/committees/planning-committee.yaml");
  CHECK(Has(yaml, "organisation: Example Council\n"));  // the site's
  CHECK(Has(yaml, "minute_numbering: continuous"));
  r = RunClerk("new committee --name 'Planning committee'", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "there is already a committee 'planning-committee'"));
  r = Check(site);
  INFO(r.output);
  CHECK(r.exit_code == 0);
}

TEST_CASE("clerk new meeting copies the committee's standing items and contact",
          "[e2e][scaffold]") {
  TempDir dir;
  CopyExampleSite(dir.path());
  CommandResult r =
      RunClerk("new meeting --committee cyp-osc --date 2025-03-25", dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string yaml =
      ReadFile(dir.path() / "content/meetings/2025-03-25-cyp-osc/meeting.yaml");
  INFO(yaml);
  // The contact of its last meeting; the shape of its last agenda with
  // standing items (item 1's sub-items, public speaking, questions), renumbered.
  CHECK(Has(yaml, "contact: helen-barnsley"));
  CHECK(Has(yaml,
            "  - number: \"1\"\n    title: General\n    items:\n"
            "      - number: \"(1)\"\n        title: Apologies\n"));
  CHECK(Has(yaml,
            "title: Minutes of the Previous Meeting\n        purpose: To approve "
            "the minutes of the meeting held on Tuesday 17 September 2024.\n"));
  CHECK(Has(yaml, "  - number: \"2\"\n    title: Public Speaking\n"));
  CHECK_FALSE(Has(yaml, "Corporate Parenting"));  // a report, not a standing item
  CHECK_FALSE(Has(yaml, "documents:"));
  r = RunClerk("check --today 2025-03-01", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(Has(r.output, "2025-03-25-cyp-osc"));  // not a word about it
}

TEST_CASE("clerk new paper fills the paper the agenda names, or says where to name it",
          "[e2e][scaffold]") {
  TempDir dir;
  fs::path site = NewSite(dir.path());
  const fs::path meeting = site / "content/meetings/2027-01-04-overview-scrutiny";
  // The agenda first: item 4 names a paper not written yet.
  Replace(meeting / "meeting.yaml", "    purpose: To agree the subjects",
          "    documents: [work-programme-2027]\n    purpose: To agree the subjects");
  CHECK(Check(site).exit_code == 1);  // a paper named and missing
  CommandResult r = RunClerk(
      "new paper --meeting 2027-01-04-overview-scrutiny --item 4 --title 'Work "
      "programme: "
      "2027'",
      site);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "work-programme-2027.md"));
  CHECK(Has(r.output, "names it already"));
  CHECK(Has(ReadFile(meeting / "work-programme-2027.md"),
            "kind: report\ntitle: \"Work programme: 2027\"\nitem: \"4\"\n"));
  r = Check(site);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(Has(r.output, "0 errors, 0 warnings"));

  // A paper the agenda does not name yet: made, with where to name it.
  r = RunClerk(
      "new paper --meeting 2027-01-04-overview-scrutiny --item 3 --title 'Draft "
      "minutes'",
      site);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "documents: [draft-minutes]"));
  r = RunClerk("check --today 2026-12-04", site);
  CHECK(r.exit_code == 0);  // a warning, no error
  CHECK(Has(r.output, "no agenda item names this document"));

  // Mistakes: a close meeting id, an item that is not there, a report
  // without an item, a paper that exists (never overwritten).
  r = RunClerk("new paper --meeting 2027-01-04-overview-scrutny --item 4 --title x",
               site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "did you mean '2027-01-04-overview-scrutiny'?"));
  r = RunClerk("new paper --meeting 2027-01-04-overview-scrutiny --item 9 --title x",
               site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "has no agenda item '9'"));
  r = RunClerk("new paper --meeting 2027-01-04-overview-scrutiny --title x", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output,
            "a report belongs to an agenda item: give --item (the items of "
            "2027-01-04-overview-scrutiny are 1, 2, 3, 4)"));
  const std::string before = ReadFile(meeting / "draft-minutes.md");
  r = RunClerk(
      "new paper --meeting 2027-01-04-overview-scrutiny --item 3 --title 'Draft "
      "minutes'",
      site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "there is already a paper 'draft-minutes'"));
  CHECK(ReadFile(meeting / "draft-minutes.md") == before);
  // An appendix needs no item.
  r = RunClerk(
      "new paper --meeting 2027-01-04-overview-scrutiny --kind appendix --title "
      "'Equality impact assessment' --author sam-taylor",
      site);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(Has(ReadFile(meeting / "equality-impact-assessment.md"),
            "kind: appendix\ntitle: Equality impact assessment\nauthor: sam-taylor\n"));
}

TEST_CASE("clerk new minutes numbers a section per item by the committee's rule",
          "[e2e][scaffold]") {
  TempDir dir;
  fs::path site = NewSite(dir.path());
  // Two held meetings of a committee that numbers its minutes continuously.
  REQUIRE(RunClerk("new committee --name Planning --contact sam-taylor "
                   "--minute-numbering continuous",
                   site)
              .exit_code == 0);
  for (const char* date : {"2026-09-07", "2026-10-05"}) {
    REQUIRE(RunClerk(std::string("new meeting --committee planning --date ") + date, site)
                .exit_code == 0);
    fs::path yaml =
        site / "content/meetings" / (std::string(date) + "-planning") / "meeting.yaml";
    Replace(yaml, "status: scheduled", "status: held");
    Replace(yaml, " tbc ", " 18:00 ");
    Replace(yaml, "venue: tbc", "venue: council-chamber");
  }
  CommandResult r = RunClerk("new minutes --meeting 2026-09-07-planning", site);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "minutes 1 to 3"));
  std::string minutes =
      ReadFile(site / "content/meetings/2026-09-07-planning/minutes.md");
  CHECK(Has(minutes, "status: draft\nsections:\n  - minute: 1\n    item: \"1\"\n"));
  CHECK(Has(minutes, "\n## 1 Apologies for absence\n"));
  CHECK(Has(minutes, "\n## 3 Minutes\n"));
  r = RunClerk("new minutes --meeting 2026-10-05-planning", site);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "minutes 4 to 6"));
  CHECK(Has(r.output, "numbered on from the minutes of 2026-09-07-planning"));
  minutes = ReadFile(site / "content/meetings/2026-10-05-planning/minutes.md");
  CHECK(Has(minutes, "  - minute: 4\n    item: \"1\"\n"));
  CHECK(Has(minutes, "\n## 6 Minutes\n"));
  // The second meeting's minutes item names the first meeting.
  CHECK(Has(ReadFile(site / "content/meetings/2026-10-05-planning/meeting.yaml"),
            "held on Monday 7 September 2026."));
  r = Check(site);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(Has(r.output, "0 errors, 0 warnings"));
  // Never over existing minutes.
  r = RunClerk("new minutes --meeting 2026-10-05-planning", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "this meeting has minutes already"));
  // Per-meeting numbering starts at 1; a meeting not held yet is told so.
  r = RunClerk("new minutes --meeting 2027-01-04-overview-scrutiny", site);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "minutes 1 to 4"));
  CHECK(Has(r.output, "set 'status: held'"));
}

TEST_CASE("clerk new meeting refuses a bad date, an unknown committee and a taken day",
          "[e2e][scaffold]") {
  TempDir dir;
  fs::path site = NewSite(dir.path());
  CommandResult r =
      RunClerk("new meeting --committee overview-scrutiny --date 2027-02-30", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "--date: error:"));
  r = RunClerk("new meeting --committee overview-scrutny --date 2027-02-01", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "did you mean 'overview-scrutiny'?"));
  const fs::path yaml =
      site / "content/meetings/2027-01-04-overview-scrutiny/meeting.yaml";
  const std::string before = ReadFile(yaml);
  r = RunClerk("new meeting --committee overview-scrutiny --date 2027-01-04", site);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "already exists"));
  CHECK(ReadFile(yaml) == before);
}
