// Every table on a page scrolls sideways inside its own region, so a wide
// table never widens the page on a phone (issue 19). The one place that
// wraps them: the tables of papers (cmark-gfm) and those the theme's
// templates write (members, attendance, actions, plans) alike.
//
//   <div class="table-wrap" tabindex="0" role="region" aria-label="CAPTION">
//   <p class="table-wrap__hint">Scroll sideways to see the whole table</p>
//   <table>...</table>
//   </div>
//
// tabindex="0" lets a keyboard user scroll it with the arrow keys; its name
// is the table's caption, so a screen reader says what the region holds.
// The theme's CSS shows the hint for a wide table on a narrow screen (see
// standard.css, "Tables"). A wide table (4 or more columns, or class "table--wide") is
// marked "table-wrap--wide".
#pragma once

#include <string>

namespace clerk {

inline constexpr const char* kTableScrollHint = "Scroll sideways to see the whole table";

// Columns from which a table is too wide for a phone: 4 columns of at least
// 6rem (standard.css) and their gaps are wider than a 375 px screen.
inline constexpr int kWideTableColumns = 4;

// `html` with each <table> that is not already in a region wrapped in one.
// A table without a caption is named "Table N" (its place on the page).
std::string WrapTables(std::string html);

}  // namespace clerk
