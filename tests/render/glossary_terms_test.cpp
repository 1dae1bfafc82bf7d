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
  GlossaryExpander g(Glossary());
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
  GlossaryExpander g(Glossary());
  std::string out = g.Expand(
      Page("<p>Child and adolescent mental health services (CAMHS) help.</p>"), "g.html");
  CHECK(out.find(
            "services (<abbr title=\"Child and Adolescent Mental Health Services\">CAMHS"
            "</abbr>) help") != std::string::npos);
}

TEST_CASE("headings, links and code are left alone, plurals and & are found",
          "[glossary]") {
  GlossaryExpander g(Glossary());
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
  CHECK(out.find("Service level agreement (<abbr title=\"Service level "
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
