// Fuzz target: the walk that finishes a rendered page (render/page_finish.h):
// links, large print's sentence case and stacked tables, easy read's minute
// links, the glossary and blank lines. Its input is a theme's templates
// (a site may bring its own) filled with a site's text, so any markup.
// Invariants: no crash, no sanitizer report, no hang; valid UTF-8 in gives
// valid UTF-8 out; with every change asked for, a page without <pre> has no
// blank line left and no "@/" link left in a tag whose link resolves; the
// walk's blank lines are DropBlankLines' own; a change that has nothing to
// do (no glossary term, no table, no capitals) leaves the page as it is.
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "fuzz_support.h"
#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/page_finish.h"
#include "render/site_renderer.h"

namespace {

const std::map<std::string, clerk::GlossaryTerm>& Terms() {
  static const std::map<std::string, clerk::GlossaryTerm> terms = [] {
    std::map<std::string, clerk::GlossaryTerm> g;
    g["CAMHS"] = {"CAMHS", {}, "Child and Adolescent Mental Health Services", "Help."};
    g["SLA"] = {"SLA", {}, "Service level agreement", "A promise."};
    g["Section 106"] = {"Section 106", {}, "A planning agreement", "Money."};
    g["A&E"] = {"A&E", {}, "Accident and emergency", "Hospital."};
    return g;
  }();
  return terms;
}

bool HasBlankLine(const std::string& html) {
  size_t start = 0;
  for (size_t nl = html.find('\n'); nl != std::string::npos;
       nl = html.find('\n', start)) {
    if (html.find_first_not_of(" \t\r", start) >= nl) return true;
    start = nl + 1;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace clerk;
  if (size > 64 * 1024) return -1;
  const std::string html(reinterpret_cast<const char*>(bytes), size);
  static const GlossaryExpander glossary(Terms());
  static const std::set<std::string> acronyms = {"CAMHS", "SLA"};
  static const Rendition large{"large-print", "Large print", "large-print/"};
  static const Rendition easy{"easy-read", "Easy read", "easy-read/"};

  for (const Rendition* rendition : {&large, &easy}) {
    PageFinish all;
    all.rendition = rendition;
    all.page_path = rendition->prefix + "meetings/m1/report/index.html";
    if (rendition == &large) {
      all.sentence_case = &acronyms;
      all.stack_tables_from = 2;
    } else {
      all.decision_links_to_minutes = true;
    }
    all.glossary = &glossary;
    all.glossary_href = "../../../glossary/index.html";
    all.page_key = "meetings/m1/report/index.html";
    all.drop_blank_lines = true;
    const std::string out = FinishPage(html, all);
    if (fuzz::IsValidUtf8(html)) FUZZ_CHECK_MSG(fuzz::IsValidUtf8(out), html);
    if (html.find("<pre") == std::string::npos) FUZZ_CHECK_MSG(!HasBlankLine(out), html);
  }

  PageFinish blank_lines;
  blank_lines.drop_blank_lines = true;
  FUZZ_CHECK_MSG(FinishPage(html, blank_lines) == DropBlankLines(html), html);
  FUZZ_CHECK_MSG(DropBlankLines(DropBlankLines(html)) == DropBlankLines(html), html);

  // Nothing to do: the page comes back as it is.
  FUZZ_CHECK(FinishPage(html, PageFinish{}) == html);
  if (html.find("CAMHS") == std::string::npos && html.find("SLA") == std::string::npos &&
      html.find("Section") == std::string::npos && html.find("A&") == std::string::npos) {
    PageFinish terms;
    terms.glossary = &glossary;
    terms.glossary_href = "g.html";
    FUZZ_CHECK_MSG(FinishPage(html, terms) == html, html);
  }
  return 0;
}
