// Glossary expansion as real packs need it: a term's meaning chosen per
// committee or per paper, hyphenated and multi-word terms as whole words,
// names never expanded.
#include <catch2/catch.hpp>

#include "render/glossary_terms.h"

using namespace clerk;

namespace {

std::string Page(const std::string& main) {
  return "<main id=\"main-content\">" + main + "</main>";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

GlossaryTerm Term(const std::string& term, const std::string& expansion) {
  GlossaryTerm t;
  t.term = term;
  t.expansion = expansion;
  t.plain = "Plain words.";
  return t;
}

// Committees planning and licensing, a meeting of each, a report at the
// licensing meeting; PCC means one thing to planning, another elsewhere
// only when `everywhere`.
Site SiteWithPcc(bool everywhere) {
  Site site;
  site.committees["planning"].id = "planning";
  site.committees["licensing"].id = "licensing";
  site.meetings["2024-01-01-planning"].committee.id = "planning";
  site.meetings["2024-01-02-licensing"].committee.id = "licensing";
  site.documents["2024-01-02-licensing/report"].meeting_id = "2024-01-02-licensing";
  site.work_programmes["planning-2024"].committee.id = "planning";
  GlossaryTerm pcc;
  pcc.term = "PCC";
  GlossaryMeaning police{{}, "Police and Crime Commissioner", "An elected person.", {}};
  police.committees.push_back({"planning", {}});
  GlossaryMeaning parish{{}, "Parish and community council", "A council.", {}};
  if (!everywhere) parish.committees.push_back({"nobody", {}});
  pcc.meanings = {police, parish};
  site.glossary["PCC"] = pcc;
  return site;
}

}  // namespace

TEST_CASE("a page expands the meaning of its committee or paper", "[glossary]") {
  Site site = SiteWithPcc(false);
  GlossaryExpander g(site);
  const std::string html = Page("<p>The PCC spoke. The PCC left.</p>");
  const std::string police =
      "Police and Crime Commissioner (<abbr title=\"Police and Crime "
      "Commissioner\">PCC</abbr>)";
  CHECK(Contains(g.Expand(html, "g.html", "meetings/2024-01-01-planning/index.html"),
                 police));
  CHECK(Contains(g.Expand(html, "g.html", "committees/planning/index.html"), police));
  CHECK(Contains(g.Expand(html, "g.html", "work-programmes/planning-2024/index.html"),
                 police));
  CHECK(Contains(g.Expand(html, "g.html", "decisions/planning/index.html"), police));
  // Later uses link to the term with the same meaning.
  CHECK(Contains(g.Expand(html, "g.html", "committees/planning/index.html"),
                 "<a class=\"glossary-term\" href=\"g.html#term-pcc\"><abbr "
                 "title=\"Police and Crime Commissioner\">PCC</abbr></a> left."));

  // No meaning applies to licensing, the home page or a person's page: no
  // guess, the words stay as they are.
  for (const char* key : {"meetings/2024-01-02-licensing/index.html",
                          "meetings/2024-01-02-licensing/report/index.html",
                          "meetings/2024-01-02-licensing/minutes/index.html",
                          "index.html", "people/someone/index.html"}) {
    INFO(key);
    CHECK(g.Expand(html, "g.html", key) == html);
  }

  // The paper chooses its meaning; the meeting page keeps none.
  site.documents["2024-01-02-licensing/report"].glossary.push_back(
      {{}, "PCC", "Parish and community council"});
  GlossaryExpander chosen(site);
  CHECK(Contains(
      chosen.Expand(html, "g.html", "meetings/2024-01-02-licensing/report/index.html"),
      "Parish and community council (<abbr title=\"Parish and community "
      "council\">PCC</abbr>)"));
  CHECK(chosen.Expand(html, "g.html", "meetings/2024-01-02-licensing/index.html") ==
        html);
}

TEST_CASE("a meaning without committees is used where no other is chosen", "[glossary]") {
  Site site = SiteWithPcc(true);
  GlossaryExpander g(site);
  const std::string html = Page("<p>The PCC spoke.</p>");
  CHECK(Contains(g.Expand(html, "g.html", "index.html"),
                 "Parish and community council (<abbr"));
  CHECK(Contains(g.Expand(html, "g.html", "meetings/2024-01-01-planning/index.html"),
                 "Police and Crime Commissioner (<abbr"));
}

TEST_CASE("the place of a page is its committee and paper", "[glossary]") {
  Site site = SiteWithPcc(false);
  auto place = [&](const std::string& key) {
    return GlossaryExpander::PlaceOfPage(site, key);
  };
  CHECK(place("meetings/2024-01-01-planning/index.html").committee == "planning");
  CHECK(place("meetings/2024-01-01-planning/minutes/index.html").committee == "planning");
  GlossaryPlace report = place("meetings/2024-01-02-licensing/report/index.html");
  CHECK(report.committee == "licensing");
  CHECK(report.choices == &site.documents["2024-01-02-licensing/report"].glossary);
  CHECK(place("committees/licensing/index.html").committee == "licensing");
  CHECK(place("decisions/year-2024/index.html").committee.empty());
  CHECK(place("glossary/index.html").committee.empty());
}

TEST_CASE("hyphenated and multi-word terms are whole words", "[glossary]") {
  std::map<std::string, GlossaryTerm> glossary;
  glossary["COVID"] = Term("COVID", "Coronavirus disease");
  glossary["COVID-19"] = Term("COVID-19", "Coronavirus disease 2019");
  glossary["CAMHS"] = Term("CAMHS", "Child and Adolescent Mental Health Services");
  glossary["Section 106"] = Term("Section 106", "A planning agreement");
  GlossaryExpander g(glossary);
  std::string out = g.Expand(
      Page("<p>After COVID-19, a CAMHS-led plan and a Section\n106 deal; Section 1066 "
           "and Section 106-like.</p>"),
      "g.html");
  // Not "Coronavirus disease (COVID)-19".
  CHECK(Contains(out,
                 "After Coronavirus disease 2019 (<abbr title=\"Coronavirus disease "
                 "2019\">COVID-19</abbr>),"));
  CHECK(!Contains(out, "(<abbr title=\"Coronavirus disease\">COVID</abbr>)"));
  // A part of a hyphenated word is not the term.
  CHECK(Contains(out, "a CAMHS-led plan"));
  // Across a line break of the source, and only whole.
  CHECK(Contains(out,
                 "a A planning agreement (<abbr title=\"A planning "
                 "agreement\">Section\n106</abbr>) deal; Section 1066 and Section "
                 "106-like."));
}

TEST_CASE("names in capitals are never expanded", "[glossary]") {
  std::map<std::string, GlossaryTerm> glossary;
  GlossaryTerm nexus;
  nexus.term = "NEXUS";
  nexus.name = true;
  nexus.plain = "A programme of the council.";
  glossary["NEXUS"] = nexus;
  GlossaryExpander g(glossary);
  const std::string html = Page("<p>The NEXUS programme. NEXUS again.</p>");
  CHECK(g.Expand(html, "g.html") == html);
}
