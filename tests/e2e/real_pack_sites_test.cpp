// End to end over the two test sites written from scratch in the shape of
// real agenda packs (tests/sites/): they build and check clean, and no page,
// calendar, feed or JSON file states a time, place, right or date that the
// content does not give (issue 16).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;
using json = nlohmann::json;

namespace {

// Builds tests/sites/<name> into a temporary folder once per test case, on a
// fixed date (the packs are of 2022).
// Each pack is built on a day its papers fit: the county's board met on
// 16 June 2022 (its minutes are in), the city's next meeting is on 14 June.
std::string PackToday(const std::string& name) {
  return name == "county-performance-board" ? "2022-06-16" : "2022-06-01";
}

struct BuiltSite {
  TempDir dir;
  fs::path out;
  CommandResult build;
  explicit BuiltSite(const std::string& name, const std::string& today = "") {
    out = dir.path() / "public";
    build = RunClerk("build --no-search --today " + (today.empty() ? PackToday(name) : today) +
                         " --source '" +
                         (SourceDir() / "tests/sites" / name).string() + "' --out '" +
                         out.string() + "'",
                     dir.path());
  }
  std::string Page(const std::string& path) const { return ReadFile(out / path); }
  json Json(const std::string& path) const { return json::parse(Page(path)); }
};

// The text of <main>, tags dropped and spaces squeezed, for phrase checks.
std::string MainText(const std::string& html) {
  size_t from = html.find("<main"), to = html.find("</main>");
  std::string s = html.substr(from, to - from), out;
  bool tag = false;
  for (char c : s) {
    if (c == '<') tag = true;
    if (!tag) out += (c == '\n' ? ' ' : c);
    if (c == '>') tag = false, out += ' ';
  }
  std::string squeezed;
  for (char c : out)
    if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
  return squeezed;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("real-pack test sites pass clerk check with no errors or warnings",
          "[e2e][packs]") {
  for (const char* name : {"county-performance-board", "city-scrutiny"}) {
    INFO(name);
    CommandResult r = RunClerk("check --strict --today " + PackToday(name) + " --source '" +
                                   (SourceDir() / "tests/sites" / name).string() + "'",
                               SourceDir());
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(!Has(r.output, ": error:"));
    CHECK(!Has(r.output, ": warning:"));
    BuiltSite site(name);
    INFO(site.build.output);
    CHECK(site.build.exit_code == 0);
  }
}

TEST_CASE("a meeting with a date only: time to be confirmed everywhere, never a default",
          "[e2e][packs]") {
  BuiltSite site("county-performance-board");
  REQUIRE(site.build.exit_code == 0);
  const std::string id = "2022-09-15-performance-board";
  std::string page = MainText(site.Page("meetings/" + id + "/index.html"));
  CHECK(Has(page, "Time To be confirmed"));
  CHECK(Has(page, "Venue To be confirmed"));
  CHECK(!Has(page, "10am"));
  std::string ics = site.Page("meetings/" + id + "/meeting.ics");
  CHECK(Has(ics, "DTSTART;VALUE=DATE:20220915"));
  CHECK(Has(ics, "DTEND;VALUE=DATE:20220916"));
  CHECK(!Has(ics, "\nLOCATION"));
  CHECK(!Has(ics, "DTSTART;TZID"));
  json e = site.Json("data/meetings/" + id + ".json");
  CHECK(e["date"] == "2022-09-15");
  CHECK(e["start_date"].is_null());
  CHECK(e["location"].is_null());
  CHECK(e["location_tbc"] == true);
  std::string easy = MainText(site.Page("easy-read/meetings/" + id + "/index.html"));
  CHECK(Has(easy, "The time has not been decided yet."));
  CHECK(Has(easy, "The place has not been decided yet."));
  CHECK(!Has(easy, "It starts at"));
  std::string list = site.Page("committees/performance-board/index.html");
  CHECK(Has(list, "<time datetime=\"2022-09-15\">"));
  CHECK(Has(list, "time to be confirmed"));
}

TEST_CASE("a meeting with a known time keeps it", "[e2e][packs]") {
  BuiltSite site("city-scrutiny");
  REQUIRE(site.build.exit_code == 0);
  // Time known, venue to be confirmed.
  json e = site.Json("data/meetings/2022-07-12-childrens-scrutiny.json");
  CHECK(e["start_date"] == "2022-07-12T18:00:00+01:00");
  CHECK(e["location"].is_null());
  std::string ics = site.Page("meetings/2022-07-12-childrens-scrutiny/meeting.ics");
  CHECK(Has(ics, "DTSTART;TZID=Europe/London:20220712T180000"));
  CHECK(!Has(ics, "\nLOCATION"));
  // "to be confirmed" written out after the date means the same as tbc.
  json later = site.Json("data/meetings/2022-06-14-childrens-scrutiny.json");
  CHECK(later["start_date"].is_null());
  CHECK(later["location"]["name"] == "Committee Room 2, The Guildhall");
}

TEST_CASE("informal and referenced meetings say who may attend only as far as known",
          "[e2e][packs]") {
  BuiltSite site("county-performance-board");
  REQUIRE(site.build.exit_code == 0);
  std::string informal =
      MainText(site.Page("meetings/2022-07-21-performance-board/index.html"));
  CHECK(Has(informal, "This meeting is not open to the public."));
  CHECK(!Has(informal, "Anyone can come"));
  std::string easy =
      MainText(site.Page("easy-read/meetings/2022-07-21-performance-board/index.html"));
  CHECK(Has(easy, "The public cannot come to it."));
  CHECK(!Has(easy, "Anyone can come"));
  json e = site.Json("data/meetings/2022-07-21-performance-board.json");
  CHECK(e["meeting_kind"] == "informal");
  CHECK(e["open_to_public"] == false);

  std::string council =
      MainText(site.Page("meetings/2022-07-14-full-council/index.html"));
  CHECK(!Has(council, "Who can attend"));
  CHECK(!Has(council, "The agenda has not been published yet"));
  CHECK(Has(council, "This is another body"));
  json c = site.Json("data/meetings/2022-07-14-full-council.json");
  CHECK(c["open_to_public"].is_null());
  CHECK(c["papers_url"] == "https://www.northmoor.example.gov.uk/council/2022-07-14");
  // The paper links to it.
  CHECK(Has(site.Page("meetings/2022-06-16-performance-board/q4-performance/index.html"),
            "2022-07-14-full-council/"));
}

TEST_CASE("facts the pack does not give are not shown as defaults", "[e2e][packs]") {
  BuiltSite site("county-performance-board");
  REQUIRE(site.build.exit_code == 0);
  // Co-optee voting: one not stated, one stated "no".
  json committees = site.Json("data/committees.json");
  for (const json& c : committees["committees"]) {
    if (c["id"] != "performance-board") {
      CHECK(c["remit"].is_null());
      continue;
    }
    CHECK(c["co_optees"][0]["voting"].is_null());
    CHECK(c["co_optees"][1]["voting"] == false);
  }
  std::string page = MainText(site.Page("committees/performance-board/index.html"));
  CHECK(Has(page, "Healthwatch Northmoor Not stated"));
  CHECK(Has(page, "forum No"));
  // Key decision: not given, so no row and null.
  std::string paper = MainText(
      site.Page("meetings/2022-06-16-performance-board/q4-performance/index.html"));
  CHECK(!Has(paper, "Key decision"));
  json e = site.Json("data/meetings/2022-06-16-performance-board.json");
  CHECK(e["documents"][0]["key_decision"].is_null());
  // Given as false, it is shown.
  BuiltSite city("city-scrutiny");
  std::string appendix = MainText(
      city.Page("meetings/2022-03-08-childrens-scrutiny/send-places-data/index.html"));
  CHECK(Has(appendix, "Key decision No"));
  // A standing item without a cadence is not said to come round "every meeting".
  for (const BuiltSite* s : {&site, &city})
    for (const auto& f : fs::directory_iterator(s->out / "work-programmes"))
      if (f.is_directory()) {
        std::string wp = MainText(ReadFile(f.path() / "index.html"));
        INFO(f.path());
        CHECK(Has(wp, "Standing item"));
        CHECK(!Has(wp, "every meeting"));
      }
}

TEST_CASE("remote attendance is a flag: nobody is counted twice", "[e2e][packs]") {
  BuiltSite site("county-performance-board");
  REQUIRE(site.build.exit_code == 0);
  std::string page =
      MainText(site.Page("meetings/2022-06-16-performance-board/index.html"));
  CHECK(Has(page, "Councillor Omar Siddiqui (online)"));
  CHECK(!Has(page, "Attended online only"));
  json e = site.Json("data/meetings/2022-06-16-performance-board.json");
  int omar = 0;
  for (const json& p : e["participants"])
    if (p["id"] == "omar-siddiqui") {
      ++omar;
      CHECK(p["remote"] == true);
    }
  CHECK(omar == 1);
  // In a list and in `remote:` (the older form): one entry, marked online.
  BuiltSite city("city-scrutiny");
  json m = city.Json("data/meetings/2022-03-08-childrens-scrutiny.json");
  int sue = 0;
  for (const json& p : m["participants"]) sue += p["id"] == "sue-kemp";
  CHECK(sue == 1);
}

TEST_CASE("people invited to present an item are shown on it and on their page",
          "[e2e][packs]") {
  BuiltSite site("city-scrutiny");
  REQUIRE(site.build.exit_code == 0);
  std::string page =
      MainText(site.Page("meetings/2022-03-08-childrens-scrutiny/index.html"));
  CHECK(Has(page, "Invited to present this item: Sue Kemp"));
  CHECK(Has(page, "Tom Reyes (Head teacher, invited as a witness)"));
  std::string person = MainText(site.Page("people/tom-reyes/index.html"));
  CHECK(Has(person, "Invited to present item 2"));
  json e = site.Json("data/meetings/2022-03-08-childrens-scrutiny.json");
  CHECK(e["agenda"][1]["invited"].size() == 2);
}

TEST_CASE("roles as printed, sorted by kind, and a future end date is current",
          "[e2e][packs]") {
  BuiltSite site("county-performance-board");
  REQUIRE(site.build.exit_code == 0);
  std::string page = MainText(site.Page("committees/performance-board/index.html"));
  CHECK(Has(page, "Chairman"));
  CHECK(Has(page, "Vice-Chairman (elect)"));
  CHECK(Has(page, "Lead Member for Adult Social Care"));
  std::string easy =
      MainText(site.Page("easy-read/committees/performance-board/index.html"));
  CHECK(Has(easy, "Gwen Ashby is a member."));  // to: 2099-05-01
  CHECK(!Has(easy, "Ron Hale"));                // to: 2022-05-18, before the build
  CHECK(Has(easy, "Omar Siddiqui is the vice-chair."));  // from: 2022-05-19
  BuiltSite city("city-scrutiny");
  std::string members = MainText(city.Page("committees/childrens-scrutiny/index.html"));
  size_t chair = members.find("Ann Okafor"), deputy = members.find("Ben Walsh"),
         spokes = members.find("Cara Nolan"), member = members.find("Dev Shah");
  CHECK(chair < deputy);
  CHECK(deputy < spokes);
  CHECK(spokes < member);
  CHECK(Has(members, "Deputy Chair"));
  CHECK(Has(members, "Opposition Spokesperson"));
  json committees = city.Json("data/committees.json");
  for (const json& c : committees["committees"])
    if (c["id"] == "childrens-scrutiny") {
      CHECK(c["memberships"][1]["role"] == "vice-chair");
      CHECK(c["memberships"][1]["role_title"] == "Deputy Chair");
      CHECK(c["memberships"][2]["role"] == "lead member");
    }
}

TEST_CASE("papers: several authors, contacts, appendices elsewhere, publication date",
          "[e2e][packs]") {
  BuiltSite site("county-performance-board");
  REQUIRE(site.build.exit_code == 0);
  const std::string path =
      "meetings/2022-06-16-performance-board/q4-performance/index.html";
  std::string html = site.Page(path);
  std::string page = MainText(html);
  CHECK(Has(page,
            "Authors Lin Zhao Head of Performance and Intelligence Performance "
            "Analyst, Adult Services Analyst"));
  CHECK(Has(page, "Contact officer Dawn Pryce"));
  CHECK(Has(page, "Published Wednesday 8 June 2022"));
  CHECK(Has(html,
            "href=\"https://www.northmoor.example.gov.uk/performance/q4-2021-22.pdf\""));
  CHECK(Has(html, "id=\"rec-2.1\""));
  json e = site.Json("data/meetings/2022-06-16-performance-board.json");
  const json& doc = e["documents"][0];
  CHECK(doc["authors"].size() == 2);
  CHECK(doc["authors"][1]["person_id"].is_null());
  CHECK(doc["published"] == "2022-06-08");
  CHECK(doc["external_appendices"][0]["url"] ==
        "https://www.northmoor.example.gov.uk/performance/q4-2021-22.pdf");
  // The feed dates the paper by its publication, not its meeting.
  std::string feed = site.Page("feed.xml");
  CHECK(Has(feed, "<updated>2022-06-07T23:00:00Z"));  // midnight, BST
}

TEST_CASE("clerk check --tbc lists what is to be confirmed for upcoming meetings",
          "[e2e][packs]") {
  const std::string source =
      (SourceDir() / "tests/sites/county-performance-board").string();
  CommandResult r =
      RunClerk("check --tbc --today 2022-08-01 --source '" + source + "'", SourceDir());
  INFO(r.output);
  CHECK(r.exit_code == 0);
  const std::string at =
      source + "/content/meetings/2022-09-15-performance-board/meeting.yaml";
  CHECK(Has(r.output,
            at + ":3:8: note: start time to be confirmed (Thursday 15 September 2022)"));
  CHECK(Has(r.output,
            at + ":4:8: note: venue to be confirmed (Thursday 15 September 2022)"));
  CHECK(!Has(r.output, "to be confirmed (Thursday 21 July 2022)"));  // before --today
  CHECK(Has(r.output, "2 facts to be confirmed"));
  // ... and, passed but still scheduled, a warning at its start line (never an
  // error: the minutes may not be written yet).
  CHECK(Has(r.output,
            source + "/content/meetings/2022-07-21-performance-board/meeting.yaml:6:8: "
                     "warning: the meeting of Thursday 21 July 2022 has passed, but its "
                     "status is still 'scheduled': should this be `held`?"));
}

TEST_CASE(
    "a paper's picture is copied once and shown in every rendition, and paragraphs "
    "numbered as printed get anchors",
    "[e2e][packs]") {
  BuiltSite site("city-scrutiny");
  INFO(site.build.output);
  REQUIRE(site.build.exit_code == 0);
  const std::string meeting = "meetings/2022-03-08-childrens-scrutiny/";
  const std::string source =
      (SourceDir() / "tests/sites/city-scrutiny/content" / meeting / "places-chart.svg")
          .string();
  CHECK(site.Page(meeting + "places-chart.svg") == ReadFile(source));
  CHECK(!fs::exists(site.out / "large-print" / meeting / "places-chart.svg"));
  const std::string alt =
      "alt=\"Bar chart: places needed rose from 310 in 2018 to 420 in 2021\"";
  std::string standard = site.Page(meeting + "send-places-data/index.html");
  CHECK(Has(standard, "<img src=\"../places-chart.svg\" " + alt));
  std::string large = site.Page("large-print/" + meeting + "send-places-data/index.html");
  CHECK(Has(large, "<img src=\"../../../../" + meeting + "places-chart.svg\" " + alt));
  for (const char* id : {"para-1", "para-2.1", "para-2.1.1"})
    CHECK(Has(standard, std::string("id=\"") + id + "\""));
}

TEST_CASE("a picture shown only by an exempt paper, or by none, is not published",
          "[e2e][packs]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests/sites/city-scrutiny", dir.path() / "site");
  const fs::path meeting =
      dir.path() / "site/content/meetings/2022-03-08-childrens-scrutiny";
  WriteFile(
      meeting / "private-costs.md",
      "---\nkind: report\ntitle: Costs of places\nitem: \"2\"\nclassification: exempt\n"
      "---\n\n![Table of costs per child](costs.png)\n");
  WriteFile(meeting / "costs.png", "not really a picture");
  WriteFile(meeting / "unused.png", "nobody shows this");
  CommandResult r = RunClerk("build --no-search --today 2022-06-01 --source '" +
                                 (dir.path() / "site").string() + "' --out '" +
                                 (dir.path() / "out").string() + "'",
                             dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const fs::path out = dir.path() / "out/meetings/2022-03-08-childrens-scrutiny";
  CHECK(fs::exists(out / "places-chart.svg"));
  CHECK(!fs::exists(out / "costs.png"));
  CHECK(!fs::exists(out / "unused.png"));
}
