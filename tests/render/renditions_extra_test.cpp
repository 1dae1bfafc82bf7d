// Large print (sentence case, stacked tables) and easy read (sentence
// patterns, pictograms, person-written versions) of the render stage.
#include <catch2/catch.hpp>

#include "render/easy_read.h"
#include "render/large_print.h"
#include "render/pictograms.h"
#include "render/site_index.h"
#include "small_site.h"

using namespace clerk;

TEST_CASE("large print shows blocks of capitals in sentence case",
          "[render][large-print]") {
  std::set<std::string> acronyms = {"SEND", "CAMHS"};
  CHECK(SentenceCaseCapitals("<h1>YOUTH JUSTICE PLAN</h1>", acronyms) ==
        "<h1>Youth justice plan</h1>");
  CHECK(SentenceCaseCapitals("<p>The SEND CAMHS link</p>", acronyms) ==
        "<p>The SEND CAMHS link</p>");
  CHECK(SentenceCaseCapitals("<p>UPDATE ON SEND PROVISION</p>", acronyms) ==
        "<p>Update on SEND provision</p>");
  CHECK(SentenceCaseCapitals("<p>HR1 2HX</p>", acronyms) == "<p>HR1 2HX</p>");
  CHECK(SentenceCaseCapitals("<style>A B</style><title>THE TITLE</title>", acronyms) ==
        "<style>A B</style><title>THE TITLE</title>");
  // Two capital words of two capitals each is the least that changes; text
  // with fewer capitals is copied as it is.
  CHECK(SentenceCaseCapitals("<p>So AB CD.</p><p>A B C</p>", acronyms) ==
        "<p>So ab cd.</p><p>A B C</p>");
  CHECK(SentenceCaseCapitals("<p>See SEND CAMHS AND US</p>", acronyms) ==
        "<p>See SEND CAMHS and us</p>");
  CHECK(SentenceCaseCapitals("<pre>KEEP THIS</pre> TEXT AFTER IT", acronyms) ==
        "<pre>KEEP THIS</pre> Text after it");
}

TEST_CASE("large print adds stacked rows after wide tables", "[render][large-print]") {
  std::string table =
      "<table>\n<caption>Table 1: Risks</caption>\n<thead><tr><th "
      "scope=\"col\">A</th><th "
      "scope=\"col\">B</th><th scope=\"col\">C</th><th "
      "scope=\"col\">D</th></tr></thead>\n"
      "<tbody><tr><td>1</td><td>2</td><td "
      "id=\"x\">3</td><td>4</td></tr></tbody>\n</table>";
  std::string out = StackWideTables(table);
  CHECK(out.find("stacked-table") != std::string::npos);
  CHECK(out.find("<strong>C:</strong> 3") != std::string::npos);
  CHECK(out.find("id=\"x\"", table.size()) == std::string::npos);  // no duplicate ids
  std::string narrow =
      "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>";
  CHECK(StackWideTables(narrow) == narrow);
}

TEST_CASE("easy read tells the time in words and counts words", "[render][easy-read]") {
  CHECK(TimeInWords({10, 15}) == "quarter past 10 in the morning");
  CHECK(TimeInWords({14, 0}) == "2 o'clock in the afternoon");
  CHECK(TimeInWords({13, 5}) == "5 minutes past 1 in the afternoon");
  CHECK(TimeInWords({12, 0}) == "12 noon");
  CHECK(TimeInWords({18, 30}) == "half past 6 in the evening");
  CHECK(CountWords("The meeting is on Monday 16 September 2019.") == 8);
  CHECK(SplitSentences("One idea. Two ideas! Three?") ==
        std::vector<std::string>{"One idea.", "Two ideas!", "Three?"});
}

TEST_CASE("pictograms are chosen by words in a title", "[render][easy-read]") {
  CHECK(PictogramNames().size() >= 30);
  CHECK(ChoosePictogram("Apologies for absence", "meeting") == "apologies");
  CHECK(ChoosePictogram("Youth Justice Plan 2019 - 2020", "meeting") == "justice");
  CHECK(ChoosePictogram("Budget and medium term financial strategy", "meeting") ==
        "money");
  CHECK(ChoosePictogram("Something else", "meeting") == "meeting");
  for (const std::string& name : PictogramNames()) CHECK(IsPictogram(name));
}

TEST_CASE("every page has an easy-read twin with short sentences",
          "[render][easy-read]") {
  Site site = render_testing::SmallSite();
  SiteIndex index(site);
  auto pages = BuildEasyReadPages(index);
  REQUIRE(pages.count("meetings/2019-09-16-cyp/index.html"));
  const EasyPage& meeting = pages.at("meetings/2019-09-16-cyp/index.html");
  bool has_when = false;
  for (const EasySection& s : meeting.sections) {
    has_when |= s.heading.rfind("When", 0) == 0;
    for (const EasyRow& r : s.rows) {
      CHECK(IsPictogram(r.picture));
      for (const EasyLine& l : r.lines) {
        for (const std::string& sentence : SplitSentences(l.text))
          CHECK(CountWords(sentence) <= 15);
      }
    }
  }
  CHECK(has_when);
  CHECK(meeting.sections.back().heading == "How can I get help?");
}
