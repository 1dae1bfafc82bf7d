// Easy read says only true things (issue 17): a cancelled meeting nobody
// will attend, past meetings in the past tense with what they decided, a
// date that has passed without a record, informal and other bodies'
// meetings, unknown times and places, a paper without its own easy-read
// version, the meeting's notice, and glossary meanings too long for one
// sentence.
#include <catch2/catch.hpp>

#include "content/minutes_records.h"
#include "render/easy_read.h"
#include "render/site_index.h"
#include "small_site.h"

using namespace clerk;
using render_testing::D;

namespace {

// Every line of a page, one a line, for searching.
std::string Text(const EasyPage& page) {
  std::string out = page.title + "\n";
  for (const EasySection& s : page.sections) {
    out += s.heading + "\n";
    for (const EasyRow& r : s.rows)
      for (const EasyLine& l : r.lines) out += l.text + "\n";
  }
  return out;
}

bool Has(const std::string& text, const std::string& words) {
  return text.find(words) != std::string::npos;
}

// The line with these words, or null.
const EasyLine* FindLine(const EasyPage& page, const std::string& words) {
  for (const EasySection& s : page.sections)
    for (const EasyRow& r : s.rows)
      for (const EasyLine& l : r.lines)
        if (Has(l.text, words)) return &l;
  return nullptr;
}

// Builds every easy-read page, checks each sentence of each is short, and
// returns them.
std::map<std::string, EasyPage> Pages(const Site& site) {
  SiteIndex index(site);
  std::map<std::string, EasyPage> pages = BuildEasyReadPages(index);
  for (const auto& [key, page] : pages) {
    if (page.glossary) continue;
    for (const EasySection& s : page.sections)
      for (const EasyRow& r : s.rows)
        for (const EasyLine& l : r.lines)
          for (const std::string& sentence : SplitSentences(l.text)) {
            INFO(key << ": " << sentence);
            CHECK(CountWords(sentence) <= 15);
          }
  }
  return pages;
}

std::string MeetingText(const Site& site, const std::string& id) {
  auto pages = Pages(site);
  REQUIRE(pages.count("meetings/" + id + "/index.html"));
  return Text(pages.at("meetings/" + id + "/index.html"));
}

void SetMinutes(Site& site, const std::string& body) {
  Minutes& mins = site.minutes.at("2019-09-16-cyp");
  mins.body = body;
  mins.body_fingerprint = FingerprintOf(body);
  mins.sections[0].resolutions.clear();
  mins.sections[0].actions.clear();
  mins.resolutions.clear();
  mins.actions.clear();
  Diagnostics diag;
  ParseMinutesRecords(mins, diag);
}

}  // namespace

TEST_CASE("a cancelled meeting is not said to be attended, and lists say it is cancelled",
          "[render][easy-read][easy-truth]") {
  Site site = render_testing::SmallSite();
  site.meetings.at("2019-11-25-cyp").venue = {"shire-hall", {}};
  site.meetings.at("2019-11-25-cyp").agenda = site.meetings.at("2019-09-16-cyp").agenda;
  site.meetings.at("2019-11-25-cyp").agenda[1].easy_read =
      "Councillors will look at the plan.";
  auto pages = Pages(site);
  std::string text = Text(pages.at("meetings/2019-11-25-cyp/index.html"));
  CHECK(Has(text, "This meeting has been cancelled."));
  CHECK_FALSE(Has(text, "will be there"));
  CHECK_FALSE(Has(text, "Anyone can come"));
  CHECK_FALSE(Has(text, "It is at"));
  CHECK_FALSE(Has(text, "will talk"));
  CHECK_FALSE(Has(text, "will say"));
  CHECK(Has(text, "What was planned?"));
  CHECK(Has(text, "Councillors planned to look at the plan."));
  // A list row's picture has no words: the row says it.
  for (const char* list : {"meetings/index.html", "committees/cyp/index.html"}) {
    INFO(list);
    bool said = false;
    for (const EasySection& s : pages.at(list).sections)
      for (const EasyRow& r : s.rows) {
        if (r.picture != "cancelled") continue;
        for (const EasyLine& l : r.lines)
          said |= l.text == "This meeting has been cancelled.";
      }
    CHECK(said);
  }
}

TEST_CASE("a held meeting speaks in the past tense and says what was decided",
          "[render][easy-read][easy-truth]") {
  Site site = render_testing::SmallSite();
  SetMinutes(
      site,
      "## 609 Care leavers\n\nThe committee discussed the report.\n\n"
      "**Resolved:** that the report be noted.\n\n"
      "**RESOLVED** - The committee agrees to receive a further report in March.\n\n"
      "**Resolved:** that the Director be asked to write to the Secretary of State "
      "setting out the concerns of the committee about the funding of the service "
      "for the next three years.\n");
  site.meetings.at("2019-09-16-cyp").agenda[1].easy_read =
      "Councillors will look at the plan. They will not vote. Young people will live "
      "there.";
  auto pages = Pages(site);
  std::string meeting = Text(pages.at("meetings/2019-09-16-cyp/index.html"));
  std::string minutes = Text(pages.at("meetings/2019-09-16-cyp/minutes/index.html"));
  for (const std::string& text : {meeting, minutes}) {
    CHECK_FALSE(Has(text, "Councillors will"));
    CHECK_FALSE(Has(text, "They will"));
    CHECK(Has(text, "They made 3 decisions."));
    CHECK(Has(text, "They took note of the report."));
    CHECK(Has(text, "They agreed to receive a further report in March."));
    CHECK_FALSE(Has(text, "Secretary of State"));  // too long: linked, not said
  }
  CHECK(Has(minutes, "Councillors looked at the plan."));
  CHECK(Has(meeting, "Councillors said if they could not come."));
  // A person's words written before the meeting, told in the past.
  CHECK(Has(meeting, "Councillors looked at the plan."));
  CHECK(Has(meeting, "They did not vote."));
  CHECK(Has(meeting, "Young people will live there."));  // not the meeting's doing
  const EasyLine* link =
      FindLine(pages.at("meetings/2019-09-16-cyp/index.html"), "Read what they decided.");
  REQUIRE(link);
  CHECK(link->href == "meetings/2019-09-16-cyp/minutes/index.html#minute-609");
}

TEST_CASE("a meeting whose date has passed without a record is not said to be coming",
          "[render][easy-read][easy-truth]") {
  Site site = render_testing::SmallSite();
  site.today = D(2020, 2, 3);  // after the scheduled meeting of 27 January 2020
  AgendaItem item;
  item.number = item.full_number = "1";
  item.title = "Apologies";
  site.meetings.at("2020-01-27-cyp").agenda.push_back(item);
  auto pages = Pages(site);
  std::string text = Text(pages.at("meetings/2020-01-27-cyp/index.html"));
  CHECK_FALSE(Has(text, " will "));
  CHECK_FALSE(Has(text, "It starts at"));
  CHECK_FALSE(Has(text, "The meeting is on"));
  CHECK(Has(text, "This date has passed."));
  CHECK(Has(text, "This website does not say yet if it happened."));
  CHECK_FALSE(Has(Text(pages.at("index.html")), "27 January 2020"));
  // The same meeting before its day is still to come.
  site.today = D(2020, 1, 27);
  CHECK(Has(MeetingText(site, "2020-01-27-cyp"),
            "It starts at 10 o'clock in the morning."));
}

TEST_CASE("informal and other bodies' meetings, and unknown times and places",
          "[render][easy-read][easy-truth]") {
  Site site = render_testing::SmallSite();
  Meeting& informal = site.meetings.at("2020-01-27-cyp");
  informal.kind = MeetingKind::kInformal;
  informal.start.time.reset();
  informal.venue = {};
  informal.venue_tbc = true;
  std::string text = MeetingText(site, "2020-01-27-cyp");
  CHECK(Has(text, "This is an informal meeting."));
  CHECK(Has(text, "The public cannot come to it."));
  CHECK_FALSE(Has(text, "Anyone"));
  CHECK(Has(text, "The time has not been decided yet."));
  CHECK(Has(text, "The place has not been decided yet."));

  Committee council;
  council.id = "council";
  council.name = "Full Council";
  site.committees[council.id] = council;
  Meeting other;
  other.id = "2020-02-20-council";
  other.committee = {"council", {}};
  other.kind = MeetingKind::kReferenced;
  other.start = {D(2020, 2, 20), std::nullopt};
  other.papers_url = "https://example.gov.uk/council/2020-02-20";
  site.meetings[other.id] = other;
  text = MeetingText(site, other.id);
  CHECK_FALSE(Has(text, "meeting of councillors"));
  CHECK_FALSE(Has(text, "Councillors from the committee"));
  CHECK_FALSE(Has(text, "Anyone"));
  CHECK(Has(text, "Another group runs this meeting."));
  CHECK(Has(text, "Read its papers on its own website."));
}

TEST_CASE("a paper without its own easy read says what it is, not its item's summary",
          "[render][easy-read][easy-truth]") {
  Site site = render_testing::SmallSite();
  site.meetings.at("2019-09-16-cyp").agenda[1].easy_read =
      "Each councillor will tell the others about their work.";
  auto pages = Pages(site);
  std::string appendix =
      Text(pages.at("meetings/2019-09-16-cyp/care-leavers-eia/index.html"));
  CHECK_FALSE(Has(appendix, "Each councillor"));
  CHECK(Has(appendix, "This is an extra paper for a meeting."));
  CHECK(Has(appendix, "Equality impact assessment"));
  CHECK(Has(appendix, "It is for item 7 of the meeting."));
  CHECK(Has(appendix, "There is no easy read version of this paper yet."));
  std::string report = Text(pages.at("meetings/2019-09-16-cyp/care-leavers/index.html"));
  CHECK_FALSE(Has(report, "Each councillor"));
  CHECK(Has(report, "Matthew Evans wrote it."));
  CHECK(Has(report, "It suggests that a service is commissioned."));
  CHECK(Has(report, "The meeting was on Monday 16 September 2019."));
}

TEST_CASE("the meeting's notice is kept in easy read",
          "[render][easy-read][easy-truth]") {
  Site site = render_testing::SmallSite();
  site.meetings.at("2020-01-27-cyp").notice =
      "This meeting may be filmed for live or later broadcast on the council's website. "
      "If you need the papers in large print or another language, please contact us. "
      "Requests to speak must reach Democratic Services by noon on 22 January 2020.";
  auto pages = Pages(site);
  const EasyPage& page = pages.at("meetings/2020-01-27-cyp/index.html");
  std::string text = Text(page);
  CHECK(Has(text, "The meeting may be filmed."));
  CHECK(Has(text, "You can ask for the papers in another form."));
  CHECK(Has(text, "You may be able to speak at the meeting."));
  const EasyLine* link = FindLine(page, "Read the note.");
  REQUIRE(link);
  CHECK(link->target == EasyLine::Target::kStandardPage);
  CHECK(link->href == "meetings/2020-01-27-cyp/index.html#banner-title");
  // A held meeting's notice speaks of the past.
  site.meetings.at("2019-09-16-cyp").notice = site.meetings.at("2020-01-27-cyp").notice;
  text = MeetingText(site, "2019-09-16-cyp");
  CHECK(Has(text, "The meeting may have been filmed."));
  CHECK_FALSE(Has(text, "speak at the meeting"));
}

TEST_CASE("long glossary meanings are split and never dropped, and titles are tidied",
          "[render][easy-read][easy-truth]") {
  Site site = render_testing::SmallSite();
  GlossaryTerm aces;
  aces.term = "ACEs";
  aces.expansion = "Adverse childhood experiences";
  aces.plain =
      "Harmful or frightening things that happen to a child, such as abuse, neglect or "
      "violence at home.";
  aces.pos = {"content/glossary.yaml", 10, 1};
  site.glossary[aces.term] = aces;
  GlossaryTerm iro;
  iro.term = "IRO";
  iro.expansion = "Independent reviewing officer";
  iro.plain =
      "A social worker who checks that the plan for each child in care is right and is "
      "being followed.";
  iro.pos = {"content/glossary.yaml", 20, 1};
  site.glossary[iro.term] = iro;
  AgendaItem item;
  item.number = item.full_number = "4";
  item.title =
      "REQUEST(S) FOR CALL IN/COUNCILLOR CALL FOR ACTION/PETITIONS RECEIVED (IF ANY)";
  site.meetings.at("2020-01-27-cyp").agenda.push_back(item);
  auto pages = Pages(site);
  std::string glossary = Text(pages.at("glossary/index.html"));
  CHECK(Has(glossary, "Harmful or frightening things that happen to a child."));
  CHECK(Has(glossary, "For example, abuse, neglect or violence at home."));
  // What cannot be split is kept for `clerk check` at its entry, and the
  // page links to it rather than showing a long sentence.
  const EasyLine* kept = FindLine(pages.at("glossary/index.html"), "A social worker who");
  REQUIRE(kept);
  CHECK(kept->check_only);
  CHECK(kept->pos.line == 20);
  CHECK(Has(glossary, "Read what it means."));
  for (const EasySection& s : pages.at("glossary/index.html").sections)
    for (const EasyRow& r : s.rows)
      for (const EasyLine& l : r.lines)
        if (!l.check_only) CHECK(CountWords(l.text) <= 15);
  std::string meeting = Text(pages.at("meetings/2020-01-27-cyp/index.html"));
  INFO(meeting);
  CHECK(Has(
      meeting,
      "Item 4: Requests for call in, councillor call for action or petitions received"));
  CHECK(Has(meeting, "Councillors can ask to look again at a decision."));
  CHECK(Has(meeting, "A petition is a request signed by many people."));
}
