// A rendered page made ready to write, in one walk over its HTML: tag by
// tag and text by text, each piece goes through every change the page asks
// for, in this order, and is written once.
//   1. "@/" links (href, src) made relative to the page (render/urls.h);
//      in easy read, links to a resolution or action go to its minute;
//   2. large print: runs of capitals in sentence case, and each wide table
//      followed by its rows stacked (render/large_print.h);
//   3. in <main>, glossary terms explained or linked (render/glossary_terms.h);
//   4. blank lines the templates leave behind dropped (render/html_text.h).
// Before, these were five passes, each scanning and copying the whole page.
#pragma once

#include <set>
#include <string>

namespace clerk {

class GlossaryExpander;
struct Rendition;

// What to do to one page; everything is off by default.
struct PageFinish {
  // 1. Resolves "@/" links as seen from `page_path` in `rendition`.
  const Rendition* rendition = nullptr;
  std::string page_path;
  bool decision_links_to_minutes = false;
  // 2. Large print: capitals in sentence case, these acronyms kept; tables
  // of at least `stack_tables_from` columns stacked (0: none).
  const std::set<std::string>* sentence_case = nullptr;
  int stack_tables_from = 0;
  // 3. The glossary, linked at `glossary_href` from this page (`page_key`).
  const GlossaryExpander* glossary = nullptr;
  std::string glossary_href;
  std::string page_key;
  // 4.
  bool drop_blank_lines = false;
};

std::string FinishPage(const std::string& html, const PageFinish& finish);

}  // namespace clerk
