// Feeds, sitemaps and calendars stay well-formed whatever the records hold
// (output/safe_text.h): control characters in a title are stripped, and the
// files parse with a real XML parser.
#include "output/safe_text.h"

#include <catch2/catch.hpp>

#include "../render/small_site.h"
#include "output/atom_feed.h"
#include "output/calendar.h"
#include "output/plan_files.h"
#include "output/sitemap.h"
#include "render/site_index.h"
#include "test_support.h"

using namespace clerk;

namespace {

// Every C0 control, DEL, U+FFFE, U+FFFF, a UTF-16 surrogate written as UTF-8,
// an overlong '/', a cut-off sequence: what a hostile title may hold.
const std::string kHostile =
    std::string(
        "A\x01"
        "B\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x1f\x7f") +
    "C\xef\xbf\xbe"
    "D\xef\xbf\xbf"
    "E\xed\xa0\x80"
    "F\xc0\xaf"
    "G\xe2\x82" +
    std::string("\0H", 2) + "\tI\r\nJ & <K> \"L\" \xe2\x82\xac";

// True when python3's XML parser reads `xml` without an error.
bool ParsesAsXml(const std::string& xml) {
  using namespace clerk::testing;
  TempDir dir;
  WriteFile(dir.path() / "file.xml", xml);
  CommandResult r = RunProgram(
      "python3",
      "-c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' file.xml",
      dir.path());
  if (r.exit_code != 0) UNSCOPED_INFO(r.output);
  return r.exit_code == 0;
}

bool HasForbiddenXmlByte(const std::string& text) {
  for (unsigned char c : text)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
  return text.find("\xef\xbf\xbe") != std::string::npos ||
         text.find("\xef\xbf\xbf") != std::string::npos ||
         text.find("\xed\xa0\x80") != std::string::npos;
}

}  // namespace

TEST_CASE("safe text: XML keeps only the characters XML 1.0 allows", "[output][xml]") {
  std::string text = output::XmlChars(kHostile);
  CHECK_FALSE(HasForbiddenXmlByte(text));
  // Letters, tab, line breaks and the euro sign stay; bytes that are not
  // UTF-8 become U+FFFD; DEL is allowed in XML 1.0.
  CHECK(text ==
        "AB\x7f"
        "CDE\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
        "F\xef\xbf\xbd\xef\xbf\xbd"
        "G\xef\xbf\xbd\xef\xbf\xbdH\tI\r\nJ & <K> \"L\" \xe2\x82\xac");
  CHECK(output::XmlText("a\x01<b>&") == "a&lt;b&gt;&amp;");
}

TEST_CASE("safe text: iCalendar values hold no control character but tab",
          "[output][ics]") {
  std::string line = output::IcalChars(kHostile, false);
  std::string lines = output::IcalChars(kHostile, true);
  for (const std::string& text : {line, lines})
    for (unsigned char c : text)
      CHECK(((c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n'));
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find("I J &") != std::string::npos);
  CHECK(lines.find("I\nJ &") != std::string::npos);
  CHECK(output::IcalChars("a\rb\r\nc\nd", true) == "a\nb\nc\nd");
}

TEST_CASE("safe text: feeds with control characters in titles are well-formed XML",
          "[output][xml][feed]") {
  Site site = render_testing::SmallSite();
  site.config.title = "Papers" + kHostile;
  site.config.organisation = "Council" + kHostile;
  site.documents.at("2019-09-16-cyp/care-leavers").title = "Care" + kHostile;
  site.documents.at("2019-09-16-cyp/care-leavers").summary = "Summary" + kHostile;
  site.committees.at("cyp").name = "Committee" + kHostile;
  ForwardPlan plan;
  plan.id = "plan";
  plan.title = "Plan" + kHostile;
  plan.published = Date{2019, 7, 1};
  ForwardPlanEntry e;
  e.id = "parking";
  e.title = "Parking" + kHostile;
  e.decision_maker_text = "Cabinet member" + kHostile;
  plan.entries.push_back(e);
  site.forward_plans[plan.id] = plan;
  SiteIndex index(site);
  for (const std::string& base : {std::string(), std::string("https://x.example/")}) {
    std::vector<OutputFile> files = output::AtomFeeds(index, {base});
    for (const OutputFile& f : output::PlanFiles(index, {base}))
      if (f.path.size() > 4 && f.path.compare(f.path.size() - 4, 4, ".xml") == 0)
        files.push_back(f);
    REQUIRE(files.size() == 3);  // the site's, the committee's, the forward plans'
    for (const OutputFile& f : files) {
      INFO(f.path);
      CHECK_FALSE(HasForbiddenXmlByte(f.content));
      CHECK(ParsesAsXml(f.content));
    }
  }
  for (const OutputFile& f :
       output::SitemapFiles({"index.html", "meetings/x\x01/index.html"},
                            {"https://x.example/", false}, {.urls = 1})) {
    if (f.path == "robots.txt") continue;
    INFO(f.path);
    CHECK(ParsesAsXml(f.content));
  }
}

TEST_CASE("safe text: a line break in a title adds no line to a calendar",
          "[output][ics][calendar]") {
  Site site = render_testing::SmallSite();
  site.config.title = "Papers\r\nX-INJECTED:1";
  site.committees.at("cyp").name = "Committee\r\nX-INJECTED:2";
  site.venues.at("shire-hall").name = "Hall\nX-INJECTED:3\x01";
  Meeting& m = site.meetings.at("2019-09-16-cyp");
  m.title = "Meeting\rX-INJECTED:4";
  m.agenda[0].title = "Item\r\nX-INJECTED:5\x1b";
  SiteIndex index(site);
  std::string ics = output::CalendarText(index, {&m}, site.config.title, {});
  CHECK(ics.find("\nX-INJECTED") == std::string::npos);
  CHECK(ics.find("\n X-INJECTED") == std::string::npos);
  for (unsigned char c : ics) CHECK(((c >= 0x20 && c != 0x7f) || c == '\r' || c == '\n'));
  // Every line ends CRLF: no bare CR or LF.
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\r') CHECK(ics[i + 1] == '\n');
    if (ics[i] == '\n') CHECK((i > 0 && ics[i - 1] == '\r'));
  }
}
