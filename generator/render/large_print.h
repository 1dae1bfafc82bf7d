// Large print (UKAAF and RNIB clear print): the standard page's HTML, with
//   - blocks of capitals ("YOUTH JUSTICE PLAN") shown in sentence case
//     ("Youth justice plan"); acronyms the glossary knows stay as they are;
//   - every wide table (4 or more columns) followed by the same rows stacked,
//     each row a list of "header: value", which reads better at 24 px.
// The rest is CSS (themes/default/large-print/css/large-print.css). A page's
// walk (render/page_finish.h) applies both, text by text and table by table.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace clerk {

// The text between two tags with its runs of capital words in sentence
// case: true with the changed text in `out`, false when none changes.
bool SentenceCase(std::string_view text, const std::set<std::string>& acronyms,
                  std::string& out);

// The stacked copy of `table` ("<table>...</table>", as finished so far) to
// follow it, or "" when it has fewer than `min_columns` columns or no rows.
std::string StackedTable(const std::string& table, int min_columns);

// Whole pages, each change alone.
// Text outside tags only; <style>, <script>, <pre> and <title> are left alone.
std::string SentenceCaseCapitals(const std::string& html,
                                 const std::set<std::string>& acronyms);
// Adds a stacked copy after each table with at least `min_columns` columns.
std::string StackWideTables(const std::string& html, int min_columns = 4);

}  // namespace clerk
