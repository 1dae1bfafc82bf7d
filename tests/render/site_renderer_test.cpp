#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "render/site_renderer.h"
#include "render/urls.h"

using namespace clerk;

namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

// A small site: one committee, three meetings (held, cancelled, scheduled),
// a report with an appendix, minutes, a work programme, a glossary term.
Site SmallSite() {
  Site site;
  site.root = CLERK_SOURCE_DIR "/tests/render/no-such-source";  // no assets/
  site.config.title = "Committee papers";
  site.config.organisation = "Example Council";
  site.config.language = "en-GB";
  site.config.contact = {"Democratic Services", "ds@example.gov.uk", "01234 567890"};
  site.config.accessibility = "We want everyone to use this site.\n";
  site.config.accessibility_reviewed = "1 November 2026";

  Person chair;
  chair.id = "carole-gandy";
  chair.name = "Carole Gandy";
  chair.honorific = "Councillor";
  Person officer;
  officer.id = "matthew-evans";
  officer.name = "Matthew Evans";
  officer.job_title = "Democratic services officer";
  officer.email = "m.evans@example.gov.uk";
  officer.phone = "01234 000000";
  site.people[chair.id] = chair;
  site.people[officer.id] = officer;
  site.venues["shire-hall"] = Venue{"shire-hall", {}, "Shire Hall", "St Peter's Square", "HR1 2HX", ""};
  site.glossary["CAMHS"] = GlossaryTerm{"CAMHS", {}, "Child and Adolescent Mental Health Services",
                                        "NHS help for young people's mental health."};

  Committee c;
  c.id = "cyp";
  c.name = "Children and young people scrutiny committee";
  c.organisation = "Example Council";
  c.remit = "Looks at services for children.\n";
  c.contact = {"matthew-evans", {}};
  Membership m;
  m.person = {"carole-gandy", {}};
  m.role = MemberRole::kChair;
  m.party = "Conservative";
  m.from = D(2019, 5, 1);
  c.members.push_back(m);
  site.committees[c.id] = c;

  Meeting held;
  held.id = "2019-09-16-cyp";
  held.committee = {"cyp", {}};
  held.status = MeetingStatus::kHeld;
  held.start = {D(2019, 9, 16), {10, 15}};
  held.end = TimeOfDay{13, 5};
  held.venue = {"shire-hall", {}};
  held.attendance.present.push_back({{}, {"carole-gandy", {}}, "", {}});
  AgendaItem item;
  item.number = "1";
  item.full_number = "1";
  item.title = "General";
  AgendaItem sub;
  sub.number = "(2)";
  sub.full_number = "1(2)";
  sub.title = "Apologies";
  item.sub_items.push_back(sub);
  held.agenda.push_back(item);
  AgendaItem report_item;
  report_item.number = "7";
  report_item.full_number = "7";
  report_item.title = "Care leavers";
  report_item.purpose = "To scrutinise the decision.";
  report_item.pages = "11 - 30";
  report_item.documents = {{"care-leavers", {}}, {"care-leavers-eia", {}}};
  held.agenda.push_back(report_item);
  held.documents = {"care-leavers", "care-leavers-eia"};
  held.has_minutes = true;
  site.meetings[held.id] = held;

  Meeting cancelled;
  cancelled.id = "2019-11-25-cyp";
  cancelled.committee = {"cyp", {}};
  cancelled.status = MeetingStatus::kCancelled;
  cancelled.start = {D(2019, 11, 25), {14, 0}};
  cancelled.notice = "Cancelled for lack of business.";
  cancelled.moved_to = {"2020-01-27-cyp", {}};
  site.meetings[cancelled.id] = cancelled;

  Meeting next;
  next.id = "2020-01-27-cyp";
  next.committee = {"cyp", {}};
  next.status = MeetingStatus::kScheduled;
  next.start = {D(2020, 1, 27), {10, 0}};
  next.venue = {"shire-hall", {}};
  site.meetings[next.id] = next;

  Document report;
  report.id = "care-leavers";
  report.meeting_id = held.id;
  report.path = "content/meetings/2019-09-16-cyp/care-leavers.md";
  report.title = "Accommodation for care leavers";
  report.item = "7";
  report.author = {"matthew-evans", {}};
  report.recommendations.push_back({{}, "a", "That a service is commissioned."});
  report.appendices.push_back({"care-leavers-eia", {}});
  report.body = "## Purpose\n\nTo commission a service[^1].\n\n## Costs\n\n| Year | Cost |\n|---|---|\n| 2020 | 10 |\n\n[^1]: For five years.\n";
  report.body_line = 20;
  site.documents[held.id + "/" + report.id] = report;
  Document eia;
  eia.id = "care-leavers-eia";
  eia.meeting_id = held.id;
  eia.kind = DocumentKind::kAppendix;
  eia.title = "Equality impact assessment";
  eia.item = "7";
  eia.body = "Text.\n";
  site.documents[held.id + "/" + eia.id] = eia;

  Minutes minutes;
  minutes.meeting_id = held.id;
  minutes.path = "content/meetings/2019-09-16-cyp/minutes.md";
  minutes.status = MinutesStatus::kApproved;
  minutes.approved_at = {"2020-01-27-cyp", {}};
  MinuteSection section;
  section.number = 609;
  section.item = "7";
  section.title = "609 Care leavers";
  section.heading_line = 5;
  minutes.sections.push_back(section);
  minutes.body = "## 609 Care leavers\n\nThe committee discussed the report.\n\n**Resolved:** that the plan is noted.\n";
  minutes.body_line = 5;
  site.minutes[held.id] = minutes;

  WorkProgramme wp;
  wp.id = "cyp-2019-20";
  wp.committee = {"cyp", {}};
  wp.title = "Work programme 2019 to 2020";
  WorkProgrammeRow row;
  row.topic = "Youth justice plan";
  row.when = WhenKind::kMeeting;
  row.meeting = {"2020-01-27-cyp", {}};
  wp.rows.push_back(row);
  WorkProgrammeRow later;
  later.topic = "School places";
  later.when = WhenKind::kMonth;
  later.year = 2020;
  later.month = 3;
  wp.rows.push_back(later);
  site.work_programmes[wp.id] = wp;
  return site;
}

RenderOptions Options() {
  RenderOptions o;
  o.theme_dir = CLERK_SOURCE_DIR "/themes/default";
  return o;
}

std::map<std::string, std::string> ByPath(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.path] = f.content;
  return out;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

int Count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("relative links between pages", "[render][urls]") {
  CHECK(urls::Relative("meetings/x/index.html", "committees/c/index.html") ==
        "../../committees/c/index.html");
  CHECK(urls::Relative("index.html", "meetings/x/index.html") == "meetings/x/index.html");
  CHECK(urls::Relative("meetings/x/minutes/index.html", "meetings/x/index.html#item-1-2") ==
        "../index.html#item-1-2");
  CHECK(urls::Relative("meetings/x/index.html", "meetings/x/index.html") == "index.html");
  CHECK(urls::Relative("meetings/x/doc/index.html", "theme/css/standard.css") ==
        "../../../theme/css/standard.css");
  CHECK(urls::ItemAnchor("1(2)") == "item-1-2");
}

TEST_CASE("RenderSite writes every page at its path", "[render][site]") {
  Diagnostics diag;
  auto files = RenderSite(SmallSite(), Options(), diag);
  for (const auto& d : diag.All()) FAIL_CHECK(FormatDiagnostic(d));
  auto pages = ByPath(files);
  for (const char* path :
       {"index.html", "404.html", "committees/index.html", "committees/cyp/index.html",
        "meetings/index.html", "meetings/2019-09-16-cyp/index.html",
        "meetings/2019-09-16-cyp/care-leavers/index.html",
        "meetings/2019-09-16-cyp/care-leavers-eia/index.html",
        "meetings/2019-09-16-cyp/minutes/index.html", "meetings/2019-11-25-cyp/index.html",
        "people/index.html", "people/carole-gandy/index.html", "work-programmes/cyp-2019-20/index.html",
        "glossary/index.html", "accessibility/index.html", "theme/css/standard.css"}) {
    INFO(path);
    CHECK(pages.count(path) == 1);
  }
  // Sorted by path.
  CHECK(std::is_sorted(files.begin(), files.end(),
                       [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; }));
}

TEST_CASE("every page has the required skeleton", "[render][site]") {
  Diagnostics diag;
  auto files = RenderSite(SmallSite(), Options(), diag);
  for (const auto& f : files) {
    if (f.path.size() < 5 || f.path.substr(f.path.size() - 5) != ".html") continue;
    INFO(f.path);
    const std::string& html = f.content;
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(Contains(html, "<html lang=\"en-GB\">"));
    CHECK(Contains(html, "<meta name=\"viewport\""));
    CHECK(Contains(html, " – Committee papers</title>"));
    CHECK(Count(html, "<h1") == 1);
    CHECK(Contains(html, "<main id=\"main-content\""));
    CHECK(Contains(html, "<header") );
    CHECK(Contains(html, "<footer"));
    // The skip link is the first link in the body.
    size_t body = html.find("<body");
    CHECK(html.find("<a ", body) == html.find("<a class=\"skip-link\" href=\"#main-content\">", body));
    // Every table has a caption, every header cell a scope.
    CHECK(Count(html, "<table") == Count(html, "<caption>"));
    CHECK(Count(html, "<th>") == 0);
    // Ids are unique.
    std::regex id_re("id=\"([^\"]+)\"");
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it) {
      std::string id = (*it)[1];
      INFO(id);
      CHECK(ids.insert(id).second);
    }
    // No heading level is skipped.
    std::regex h_re("<h([1-6])[ >]");
    int previous = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), h_re); it != std::sregex_iterator(); ++it) {
      int level = std::stoi((*it)[1]);
      CHECK(level <= previous + 1);
      previous = level;
    }
  }
}

TEST_CASE("links are relative to the page", "[render][site]") {
  Diagnostics diag;
  auto pages = ByPath(RenderSite(SmallSite(), Options(), diag));
  const std::string& doc = pages["meetings/2019-09-16-cyp/care-leavers/index.html"];
  CHECK(Contains(doc, "href=\"../../../theme/css/standard.css\""));
  CHECK(Contains(doc, "href=\"../index.html\""));                    // its meeting
  CHECK(Contains(doc, "href=\"../index.html#item-7\""));            // its agenda item
  CHECK(Contains(doc, "href=\"../../../committees/cyp/index.html\""));  // breadcrumb
  CHECK(Contains(doc, "href=\"../care-leavers-eia/index.html\""));  // appendix
  CHECK(Contains(doc, "href=\"../minutes/index.html#minute-609\""));
  CHECK(Contains(doc, "id=\"rec-a\""));
  CHECK(Contains(doc, "<caption>Table 1: Costs</caption>"));
  CHECK(Contains(doc, "aria-label=\"Breadcrumb\""));

  const std::string& meeting = pages["meetings/2019-09-16-cyp/index.html"];
  CHECK(Contains(meeting, "id=\"item-1-2\""));
  CHECK(Contains(meeting, "id=\"item-7\""));
  CHECK(Contains(meeting, "href=\"care-leavers/index.html\""));
  CHECK(Contains(meeting, "Pages 11 to 30 of the printed pack"));
  CHECK(Contains(meeting, "Minute 609"));
  CHECK(Contains(meeting, "href=\"minutes/index.html\""));
  CHECK(Contains(meeting, "href=\"../../people/carole-gandy/index.html\""));

  const std::string& minutes = pages["meetings/2019-09-16-cyp/minutes/index.html"];
  CHECK(Contains(minutes, "id=\"minute-609\""));
  CHECK(Contains(minutes, "href=\"../index.html#item-7\""));
  CHECK(Contains(minutes, "<div class=\"resolution\">"));
  CHECK(Contains(minutes, "href=\"../../2020-01-27-cyp/index.html\""));  // approved at

  const std::string& cancelled = pages["meetings/2019-11-25-cyp/index.html"];
  CHECK(Contains(cancelled, "This meeting has been cancelled"));
  CHECK(Contains(cancelled, "Cancelled for lack of business."));
  CHECK(Contains(cancelled, "href=\"../2020-01-27-cyp/index.html\""));

  const std::string& home = pages["index.html"];
  CHECK(Contains(home, "href=\"meetings/2020-01-27-cyp/index.html\""));  // upcoming
  CHECK_FALSE(Contains(home, "href=\"meetings/2019-11-25-cyp/index.html\""));  // cancelled: not upcoming
  CHECK(Contains(home, "href=\"meetings/2019-09-16-cyp/care-leavers/index.html\""));  // latest papers

  const std::string& wp = pages["work-programmes/cyp-2019-20/index.html"];
  CHECK(Contains(wp, "href=\"../../meetings/2020-01-27-cyp/index.html\""));
  CHECK(Contains(wp, "March 2020 (approximate)"));

  const std::string& person = pages["people/carole-gandy/index.html"];
  CHECK(Contains(person, "Attended 1 meeting"));
  CHECK(Contains(person, "href=\"../../committees/cyp/index.html\""));

  const std::string& glossary = pages["glossary/index.html"];
  CHECK(Contains(glossary, "<dfn><abbr title=\"Child and Adolescent Mental Health Services\">CAMHS</abbr></dfn>"));
  CHECK(Contains(glossary, "id=\"term-camhs\""));
}

TEST_CASE("404 page works from any path", "[render][site]") {
  Diagnostics diag;
  Site site = SmallSite();
  auto pages = ByPath(RenderSite(site, Options(), diag));
  const std::string& nf = pages["404.html"];
  CHECK(Contains(nf, "href=\"/committees/index.html\""));
  CHECK(Contains(nf, "<style>"));
  site.config.base_url = "https://papers.example.gov.uk/";
  auto with_base = ByPath(RenderSite(site, Options(), diag));
  CHECK(Contains(with_base["404.html"], "href=\"https://papers.example.gov.uk/committees/index.html\""));
}

TEST_CASE("RenderSite is deterministic", "[render][site]") {
  Diagnostics d1, d2;
  auto a = RenderSite(SmallSite(), Options(), d1);
  auto b = RenderSite(SmallSite(), Options(), d2);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].content == b[i].content);
  }
}

TEST_CASE("Markdown problems in documents are reported at their file position", "[render][site]") {
  Site site = SmallSite();
  site.documents["2019-09-16-cyp/care-leavers"].body = "Fine.\n\nNot <b>fine</b>.\n";
  Diagnostics diag;
  auto pages = ByPath(RenderSite(site, Options(), diag));
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.path == "content/meetings/2019-09-16-cyp/care-leavers.md");
  CHECK(diag.All()[0].pos.line == 22);
  CHECK(diag.All()[0].pos.column == 5);
  CHECK_FALSE(Contains(pages["meetings/2019-09-16-cyp/care-leavers/index.html"], "<b>"));
}
