// Large print (UKAAF and RNIB clear print): the standard page's HTML, with
//   - blocks of capitals ("YOUTH JUSTICE PLAN") shown in sentence case
//     ("Youth justice plan"); acronyms the glossary knows stay as they are;
//   - every wide table (4 or more columns) followed by the same rows stacked,
//     each row a list of "header: value", which reads better at 24 px.
// The rest is CSS (themes/default/large-print/css/large-print.css).
#pragma once

#include <set>
#include <string>

namespace clerk {

// Text outside tags only; <style>, <script> and <pre> are left alone.
std::string SentenceCaseCapitals(const std::string& html,
                                 const std::set<std::string>& acronyms);

// Adds a stacked copy after each table with at least `min_columns` columns.
std::string StackWideTables(const std::string& html, int min_columns = 4);

std::string LargePrintHtml(const std::string& html,
                           const std::set<std::string>& acronyms);

}  // namespace clerk
