// One walk over a rendered page does what the five passes did one after
// another: blank lines, "@/" links, the rendition's changes, the glossary.
#include "render/page_finish.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/large_print.h"
#include "render/site_renderer.h"
#include "render/urls.h"

using namespace clerk;

namespace {

std::map<std::string, GlossaryTerm> Glossary() {
  std::map<std::string, GlossaryTerm> g;
  g["CAMHS"] = {"CAMHS", {}, "Child and Adolescent Mental Health Services", "Help."};
  g["SLA"] = {"SLA", {}, "Service level agreement", "A promise."};
  return g;
}

// A page as templates leave it: blank lines, links still "@/", capitals, a
// wide table in its wrapper (a blank line between them), terms in and
// after it, a <pre> with a blank line of its own.
const char* kRendered =
    "<!doctype html>\n<html>\n<head>\n  \n<title>CAMHS UPDATE REPORT</title>\n"
    "<link rel=\"stylesheet\" href=\"@/css/site.css\">\n</head>\n<body>\n\n"
    "<main id=\"main-content\">\n"
    "<h1>CAMHS WAITING TIMES UPDATE</h1>\n\n"
    "<p>See <a href=\"@/meetings/m2\">the next meeting</a>. THE SLA REVIEW IS LATE.</p>\n"
    "<div class=\"table-wrap\">\n"
    "<table>\n<caption>Table 1: Waits</caption>\n"
    "<thead><tr><th>Team</th><th>Target</th><th>Actual</th><th>Note</th></tr></thead>\n"
    "<tbody><tr><td id=\"r1\">North</td><td>4 weeks</td><td>6 weeks</td>"
    "<td>CAMHS staff short</td></tr></tbody>\n</table>\n\n  \n</div>\n"
    "<p>The CAMHS SLA was signed.</p>\n"
    "<pre><code>KEEP THESE CAPITALS\n\nAND THIS BLANK LINE</code></pre>\n"
    "<img src=\"@/files/map.png\" alt=\"Map\">\n"
    "</main>\n\n<footer>CAMHS</footer>\n</body>\n</html>";

}  // namespace

TEST_CASE("one walk over a page gives what the passes gave one after another",
          "[render][page-finish]") {
  const auto glossary_terms = Glossary();  // the expander points into it
  const GlossaryExpander glossary(glossary_terms);
  const std::set<std::string> acronyms = {"CAMHS", "SLA"};
  const Rendition large{"large-print", "Large print", "large-print/"};
  const std::string path = "large-print/meetings/m1/report/index.html";
  const std::string rendered = kRendered;

  PageFinish finish;
  finish.rendition = &large;
  finish.page_path = path;
  finish.sentence_case = &acronyms;
  finish.stack_tables_from = 4;
  finish.glossary = &glossary;
  finish.glossary_href = "../../../glossary/index.html";
  finish.page_key = "meetings/m1/report/index.html";
  finish.drop_blank_lines = true;
  const std::string walked = FinishPage(rendered, finish);

  // The passes as they were, in their order.
  std::string passes = DropBlankLines(rendered);
  passes = urls::ResolveSiteLinks(passes, path, large);
  passes = StackWideTables(SentenceCaseCapitals(passes, acronyms));
  passes = glossary.Expand(passes, finish.glossary_href, finish.page_key);
  CHECK(walked == passes);

  // And what that is.
  const std::string in_pre = "KEEP THESE CAPITALS\n\n";  // <pre>'s own blank line
  CHECK(walked.find("\n\n") == walked.find(in_pre) + in_pre.size() - 2);
  CHECK(walked.find("@/") == std::string::npos);
  CHECK(walked.find("href=\"../../m2/index.html\"") != std::string::npos);
  CHECK(walked.find("src=\"../../../../files/map.png\"") != std::string::npos);
  CHECK(walked.find("<title>CAMHS UPDATE REPORT</title>") != std::string::npos);
  CHECK(walked.find("<h1>CAMHS waiting times update</h1>") != std::string::npos);
  // The stacked rows come after the table's wrapper, without its ids, and
  // link the term the table has already explained.
  const size_t wrapper_end =
      walked.find("</table>\n</div>\n<div class=\"stacked-table\">");
  REQUIRE(wrapper_end != std::string::npos);
  const std::string stacked = walked.substr(wrapper_end);
  CHECK(stacked.find("id=\"r1\"") == std::string::npos);
  CHECK(stacked.find("<strong>Note:</strong> <a class=\"glossary-term\"") !=
        std::string::npos);
  CHECK(walked.find("<footer>CAMHS</footer>") != std::string::npos);
}

TEST_CASE("a page's finish does only what it is asked", "[render][page-finish]") {
  const std::string rendered = kRendered;
  CHECK(FinishPage(rendered, PageFinish{}) == rendered);
  PageFinish blank_lines;
  blank_lines.drop_blank_lines = true;
  CHECK(FinishPage(rendered, blank_lines) == DropBlankLines(rendered));
  // A page without <pre> is not scanned for it, to the same result.
  const std::string no_pre = "<p>a</p>\n  \n<p>b</p>\n\n\t\n<br>";
  CHECK(FinishPage(no_pre, blank_lines) == "<p>a</p>\n<p>b</p>\n<br>\n");
  CHECK(DropBlankLines(no_pre) == "<p>a</p>\n<p>b</p>\n<br>\n");
  // A table whose wrapper is further on keeps its stacked rows right after it.
  PageFinish stack;
  stack.stack_tables_from = 4;
  const std::string far =
      "<div><table><tr><th>A</th><th>B</th><th>C</th><th>D</th></tr>"
      "<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table><p>x</p></div>";
  const std::string out = FinishPage(far, stack);
  CHECK(out.find("</table>\n<div class=\"stacked-table\">") != std::string::npos);
  CHECK(out.ends_with("</div><p>x</p></div>"));
}

TEST_CASE("easy read links a resolution or an action to its minute",
          "[render][page-finish]") {
  const Rendition easy{"easy-read", "Easy read", "easy-read/"};
  PageFinish finish;
  finish.rendition = &easy;
  finish.page_path = "easy-read/meetings/m1/index.html";
  finish.decision_links_to_minutes = true;
  const std::string page =
      "<a href=\"@/meetings/m1/minutes#resolution-609-1\">R</a>"
      "<a href=\"#action-12-3\">A</a><a href=\"#resolution-x-1\">N</a>"
      "<p>href=\"#action-1-2\"</p>";
  CHECK(FinishPage(page, finish) ==
        "<a href=\"minutes/index.html#minute-609\">R</a>"
        "<a href=\"#minute-12\">A</a><a href=\"#resolution-x-1\">N</a>"
        "<p>href=\"#action-1-2\"</p>");
}
