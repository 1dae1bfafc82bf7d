#include "render/glossary_terms.h"

#include <catch2/catch.hpp>

using namespace clerk;

namespace {
std::map<std::string, GlossaryTerm> Glossary() {
  std::map<std::string, GlossaryTerm> g;
  g["CAMHS"] = {"CAMHS", {}, "Child and Adolescent Mental Health Services", "Help."};
  g["ADS&FS"] = {
      "ADS&FS", {}, "Assistant director safeguarding and family support", "A boss."};
  g["SLA"] = {"SLA", {}, "Service level agreement", "A promise."};
  return g;
}
std::string Page(const std::string& main) {
  return "<head><title>CAMHS</title></head><main id=\"main-content\">" + main +
         "</main><footer>CAMHS</footer>";
}
}  // namespace

TEST_CASE("the first use of a term is written out, later uses link to the glossary",
          "[glossary]") {
  const auto glossary = Glossary();  // the expander points into it
  GlossaryExpander g(glossary);
  std::string out =
      g.Expand(Page("<p>Ask CAMHS. Then CAMHS again.</p>"), "../glossary/index.html");
  CHECK(out.find(
            "<p>Ask Child and Adolescent Mental Health Services (<abbr title=\"Child and "
            "Adolescent Mental Health Services\">CAMHS</abbr>). Then <a "
            "class=\"glossary-term\" href=\"../glossary/index.html#term-camhs\"><abbr "
            "title=\"Child and Adolescent Mental Health Services\">CAMHS</abbr></a> "
            "again.</p>") != std::string::npos);
  // Outside <main> nothing changes.
  CHECK(out.find("<title>CAMHS</title>") != std::string::npos);
  CHECK(out.find("<footer>CAMHS</footer>") != std::string::npos);
}

TEST_CASE("text that already gives the words is not doubled", "[glossary]") {
  const auto glossary = Glossary();  // the expander points into it
  GlossaryExpander g(glossary);
  std::string out = g.Expand(
      Page("<p>Child and adolescent mental health services (CAMHS) help.</p>"), "g.html");
  CHECK(out.find(
            "services (<abbr title=\"Child and Adolescent Mental Health Services\">CAMHS"
            "</abbr>) help") != std::string::npos);
}

TEST_CASE("headings, links and code are left alone, plurals and & are found",
          "[glossary]") {
  const auto glossary = Glossary();  // the expander points into it
  GlossaryExpander g(glossary);
  std::string out = g.Expand(
      Page("<h2 id=\"camhs\">CAMHS</h2><p><a href=\"x\">CAMHS</a> <code>CAMHS</code> two "
           "SLAs and the ADS&amp;FS.</p>"),
      "g.html");
  CHECK(out.find("<h2 id=\"camhs\">CAMHS</h2>") != std::string::npos);
  CHECK(out.find("<a href=\"x\">CAMHS</a>") != std::string::npos);
  CHECK(out.find("<code>CAMHS</code>") != std::string::npos);
  // Tag names in capitals are the same elements; a nested skipped element
  // ends where it closes, and text after it is expanded again.
  std::string upper = g.Expand(
      Page("<P><CODE>SLA <em>SLA</em></CODE> &amp; SLA, then SLA</P>"), "g.html");
  CHECK(upper.find("<CODE>SLA <em>SLA</em></CODE> &amp; Service level agreement "
                   "(<abbr title=\"Service level agreement\">SLA</abbr>), then <a "
                   "class=\"glossary-term\" href=\"g.html#term-sla\">") !=
        std::string::npos);
  CHECK(out.find("Service level agreements (<abbr title=\"Service level "
                 "agreement\">SLA</abbr>s)") != std::string::npos);
  CHECK(
      out.find(
          "<abbr title=\"Assistant director safeguarding and family support\">ADS&amp;FS"
          "</abbr>") != std::string::npos);
  CHECK(GlossaryExpander::TermAnchor("ADS&FS") == "term-ads-fs");
}

TEST_CASE(
    "one-letter terms and their plurals are found, words that only start alike are not",
    "[glossary]") {
  auto glossary = Glossary();
  glossary["Q"] = {"Q", {}, "Quarter", "Three months."};
  glossary["TfL"] = {"TfL", {}, "Transport for London", "Buses."};
  GlossaryExpander g(glossary);
  std::string out = g.Expand(
      Page("<p>In Q1, Q and two Qs. Quite so: The TfL, Tf and TfLs.</p>"), "g.html");
  // "Qs" is not a plural: plurals are of terms of two letters or more.
  CHECK(
      out.find("In Q1, Quarter (<abbr title=\"Quarter\">Q</abbr>) and two Qs. Quite so: "
               "The Transport for London (<abbr title=\"Transport for "
               "London\">TfL</abbr>), Tf and <a class=\"glossary-term\" "
               "href=\"g.html#term-tfl\"><abbr title=\"Transport for "
               "London\">TfL</abbr></a>s.") != std::string::npos);
}

namespace {
std::map<std::string, GlossaryTerm> RealPackGlossary() {
  std::map<std::string, GlossaryTerm> g;
  g["YJB"] = {"YJB", {}, "Youth Justice Board for England and Wales", "A body."};
  g["CSE"] = {"CSE", {}, "Child sexual exploitation", "Abuse."};
  g["COVID"] = {"COVID", {}, "Coronavirus disease 2019", "An illness."};
  g["NEXUS"] = {"NEXUS", {}, "NEXUS", "A programme."};
  g["CCG"] = {"CCG", {}, "Clinical commissioning group", "NHS planners."};
  g["CSC"] = {"CSC", {}, "Children's Services and Care", "The service."};
  return g;
}
std::string Expanded(const std::string& main) {
  const auto glossary = RealPackGlossary();  // the expander points into it
  GlossaryExpander g(glossary);
  std::string out = g.Expand(Page(main), "g.html");
  size_t open = out.find("<main id=\"main-content\">") + 24;
  return out.substr(open, out.find("</main>") - open);
}
}  // namespace

TEST_CASE("a meaning already written just before or after is not written again",
          "[glossary][first use]") {
  // Across a line break, inline markup, and in other case.
  CHECK(Expanded("<p>the Youth Justice Board for England\nand Wales (YJB) said</p>") ==
        "<p>the Youth Justice Board for England\nand Wales (<abbr title=\"Youth Justice "
        "Board for England and Wales\">YJB</abbr>) said</p>");
  CHECK(
      Expanded("<p><strong>Youth Justice</strong> Board for England and Wales (YJB)</p>")
          .find("Wales (<abbr") != std::string::npos);
  CHECK(Expanded("<p>Child Sexual Exploitation (CSE) work</p>") ==
        "<p>Child Sexual Exploitation (<abbr title=\"Child sexual "
        "exploitation\">CSE</abbr>) work</p>");
  // After, in brackets.
  CHECK(Expanded("<p>YJB (Youth Justice Board for England &amp; Wales) grant</p>") ==
        "<p><abbr title=\"Youth Justice Board for England and Wales\">YJB</abbr> (Youth "
        "Justice Board for England &amp; Wales) grant</p>");
  // Apostrophes straight or curly, plurals, "&" for "and".
  CHECK(Expanded("<p>Childrens Service &amp; Care (CSC)</p>").find("Care (<abbr") !=
        std::string::npos);
  CHECK(Expanded("<p>Children\xE2\x80\x99s Services and Care (CSC)</p>")
            .find("Care (<abbr") != std::string::npos);
  // The term alone in brackets after the author's own words for it.
  CHECK(Expanded("<p>the Board (YJB) met. The YJB agreed.</p>") ==
        "<p>the Board (<abbr title=\"Youth Justice Board for England and "
        "Wales\">YJB</abbr>) met. The <a class=\"glossary-term\" "
        "href=\"g.html#term-yjb\"><abbr title=\"Youth Justice Board for England and "
        "Wales\">YJB</abbr></a> agreed.</p>");
  // A name the glossary spells as it is.
  CHECK(Expanded("<p>The NEXUS programme</p>") ==
        "<p>The <abbr title=\"NEXUS\">NEXUS</abbr> programme</p>");
}

TEST_CASE("never nested brackets, never in a code cell, and the next use is written out",
          "[glossary][first use]") {
  const std::string yjb = "Youth Justice Board for England and Wales";
  std::string out = Expanded("<p>Grants (see YJB report) came. The YJB paid.</p>");
  CHECK(out.find("(see <a class=\"glossary-term\"") != std::string::npos);
  CHECK(out.find("The " + yjb + " (<abbr") != std::string::npos);
  CHECK(out.find("((") == std::string::npos);
  // Just before a bracket of other words: two brackets in a row.
  out = Expanded("<p>CSE (online) rose.</p><p>CSE fell.</p>");
  CHECK(out.find("</abbr></a> (online)") != std::string::npos);
  CHECK(out.find("<p>Child sexual exploitation (<abbr") != std::string::npos);
  // A table cell holding only the term is a code.
  out = Expanded("<table><tr><td>YJB</td><td>The YJB</td></tr></table>");
  CHECK(out.find("<td><a class=\"glossary-term\"") != std::string::npos);
  CHECK(out.find("<td>The " + yjb + " (<abbr") != std::string::npos);
  // Headings and links are left alone, whatever their brackets.
  out = Expanded("<h2>YJB (plan)</h2><p><a href=\"x\">the YJB</a></p>");
  CHECK(out == "<h2>YJB (plan)</h2><p><a href=\"x\">the YJB</a></p>");
}

TEST_CASE("a term is a whole token, and its plural writes out a plural",
          "[glossary][first use]") {
  CHECK(Expanded("<p>COVID-19 and CCGs</p>") ==
        "<p>COVID-19 and Clinical commissioning groups (<abbr title=\"Clinical "
        "commissioning group\">CCG</abbr>s)</p>");
  CHECK(Expanded("<p>after COVID, COVID-19</p>").find(")-19") == std::string::npos);
}

TEST_CASE("a term inside a name of several words is left as written", "[glossary]") {
  std::map<std::string, GlossaryTerm> glossary;
  glossary["BI"] = {"BI", {}, "Business intelligence", "Reports from data."};
  GlossaryTerm power_bi{"Power BI", {}, "", "Software for reports."};
  power_bi.name = true;
  glossary["Power BI"] = power_bi;
  GlossaryExpander g(glossary);
  std::string out = g.Expand(Page("<p>The portal, in Power BI, uses BI.</p>"),
                             "../glossary/index.html");
  CHECK(out.find("in Power BI, uses Business intelligence (<abbr") != std::string::npos);
  CHECK(out.find("Power Business") == std::string::npos);
}
