// The glossary page with terms of several meanings and names, the pages that
// use them, and where `clerk check` reports what an entry says.
#include <catch2/catch.hpp>

#include "readability/check_readability.h"
#include "render/site_renderer.h"
#include "small_site.h"

using namespace clerk;

namespace {

std::map<std::string, std::string> Render(const Site& site) {
  RenderOptions o;
  o.theme_dir = CLERK_SOURCE_DIR "/themes/default";
  Diagnostics diag;
  std::map<std::string, std::string> out;
  for (const auto& f : RenderSite(site, o, diag)) out[f.path] = f.content;
  return out;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// SmallSite with WCC meaning one council to committee "cyp" and another to
// a committee elsewhere, and two names.
Site WithMeanings() {
  Site site = render_testing::SmallSite();
  Committee other;
  other.id = "panel";
  other.name = "Children and families panel";
  site.committees[other.id] = other;
  GlossaryTerm wcc;
  wcc.term = "WCC";
  wcc.pos = {"content/glossary.yaml", 10, 1};
  GlossaryMeaning warks{{"content/glossary.yaml", 12, 7},
                        "Warwickshire County Council",
                        "The county council for Warwickshire.",
                        {}};
  warks.committees.push_back({"cyp", {}});
  GlossaryMeaning worcs{{"content/glossary.yaml", 16, 7},
                        "Worcestershire County Council",
                        "The county council for Worcestershire.",
                        {}};
  worcs.committees.push_back({"panel", {}});
  wcc.meanings = {warks, worcs};
  site.glossary["WCC"] = wcc;
  GlossaryTerm nexus;
  nexus.term = "NEXUS";
  nexus.name = true;
  site.glossary["NEXUS"] = nexus;
  GlossaryTerm rise;
  rise.term = "RISE";
  rise.name = true;
  rise.plain = "The mental health service for children.";
  site.glossary["RISE"] = rise;
  site.committees["cyp"].remit = "Looks at services of WCC, with NEXUS and RISE.\n";
  return site;
}

}  // namespace

TEST_CASE("the glossary page lists every meaning of a term with its committees",
          "[glossary][render]") {
  auto pages = Render(WithMeanings());
  const std::string& glossary = pages["glossary/index.html"];
  CHECK(Contains(glossary,
                 "<dt id=\"term-wcc\" class=\"glossary__term\"><dfn>WCC</dfn></dt>"));
  CHECK(Contains(glossary,
                 "<dd class=\"glossary__plain\"><span class=\"glossary__expansion\">"
                 "Warwickshire County Council</span> In papers of the Children and young "
                 "people scrutiny committee. The county council for Warwickshire.</dd>"));
  CHECK(Contains(glossary,
                 "<dd class=\"glossary__plain\"><span class=\"glossary__expansion\">"
                 "Worcestershire County Council</span> In papers of the Children and "
                 "families panel. The county council for Worcestershire.</dd>"));
  // A name is listed with what it is, never as an abbreviation; a name with
  // nothing to say is not listed.
  CHECK(Contains(glossary, "<dfn>RISE</dfn></dt>"));
  CHECK(Contains(glossary, "The mental health service for children."));
  CHECK(!Contains(glossary, "NEXUS"));

  const std::string& easy = pages["easy-read/glossary/index.html"];
  CHECK(Contains(easy, "In some papers, it means Warwickshire County Council."));
  CHECK(Contains(easy, "In some papers, it means Worcestershire County Council."));

  // The committee's page uses its meaning; names stay as they are.
  const std::string& committee = pages["committees/cyp/index.html"];
  CHECK(Contains(committee,
                 "Warwickshire County Council (<abbr title=\"Warwickshire "
                 "County Council\">WCC</abbr>)"));
  CHECK(!Contains(committee, "Worcestershire"));
  CHECK(Contains(committee, "with NEXUS and RISE."));
}

TEST_CASE("what clerk check says of a glossary entry points at the entry",
          "[glossary][readability]") {
  Site site = WithMeanings();
  site.config.pos = {"site.yaml", 1, 1};
  site.glossary["WCC"].meanings[1].expansion =
      "Worcestershire County Council, the upper tier council for the county of "
      "Worcestershire in the West Midlands of England";
  Diagnostics diag;
  CheckReadability(site, diag);
  bool found = false;
  for (const Diagnostic& d : diag.All()) {
    INFO(FormatDiagnostic(d));
    CHECK(d.pos.path != "site.yaml");
    if (d.message.find("upper tier council") != std::string::npos) {
      found = true;
      CHECK(d.pos.path == "content/glossary.yaml");
      CHECK(d.pos.line == 16);
      CHECK(d.pos.column == 7);
    }
  }
  CHECK(found);
}

TEST_CASE("easy read writes out a hyphenated term whole, never a part of it",
          "[glossary][render]") {
  Site site = render_testing::SmallSite();
  GlossaryTerm covid;
  covid.term = "COVID";
  covid.expansion = "Coronavirus disease";
  covid.plain = "An illness.";
  site.glossary["COVID"] = covid;
  site.meetings["2019-09-16-cyp"].agenda[1].title = "Care leavers after COVID-19";
  auto pages = Render(site);
  const std::string& meeting = pages["easy-read/meetings/2019-09-16-cyp/index.html"];
  CHECK(Contains(meeting, "Care leavers after COVID-19"));
  CHECK(!Contains(meeting, "Coronavirus disease-19"));

  GlossaryTerm covid19 = covid;
  covid19.term = "COVID-19";
  covid19.expansion = "Coronavirus disease 2019";
  site.glossary["COVID-19"] = covid19;
  auto again = Render(site);
  CHECK(Contains(again["easy-read/meetings/2019-09-16-cyp/index.html"],
                 "Care leavers after Coronavirus disease 2019"));
}
