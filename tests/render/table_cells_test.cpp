// Tables as packs have them: status cells, lists in cells, blank cells
// (docs/content-format.md, "Tables").
#include "render/table_cells.h"

#include <catch2/catch.hpp>

#include "render/large_print.h"
#include "render/markdown.h"

using namespace clerk;

namespace {

MarkdownResult RenderAt(const std::string& text, Diagnostics& diag) {
  return RenderMarkdown(text, {"content/meetings/m/report.md", 10, 1}, {}, diag);
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos;
       at = hay.find(needle, at + 1))
    ++n;
  return n;
}

const char* kStatusTable =
    "| Measure | Rating |\n"
    "|---|---|\n"
    "| Visits on time | {status: green} |\n"
    "| Plans reviewed | {status: Amber} Two months late |\n"
    "| Care leavers in touch | {status: RED} |\n"
    "| Audit | {status: on track} |\n";

}  // namespace

TEST_CASE("a status in a table cell is shown as its word and a shape", "[tables]") {
  Diagnostics diag;
  auto r = RenderAt(kStatusTable, diag);
  CHECK(diag.ErrorCount() == 0);
  CHECK(Contains(r.html, "<span class=\"status status--green\"><svg"));
  CHECK(Contains(r.html, "status__shape--circle"));
  CHECK(Contains(r.html, "status__shape--triangle"));
  CHECK(Contains(r.html, "status__shape--square"));
  // The word is always there: never colour (or shape) alone.
  CHECK(Contains(r.html, "</svg> Green</span>"));
  CHECK(Contains(r.html, "</svg> Amber</span> Two months late"));
  CHECK(Contains(r.html, "</svg> Red</span>"));
  CHECK(Contains(r.html, "</svg> On track</span>"));
  // The shape is decoration for screen readers; the mark itself is gone.
  CHECK(Count(r.html, "aria-hidden=\"true\"") == 4);
  CHECK_FALSE(Contains(r.html, "{status"));
  CHECK_FALSE(Contains(r.html, "\x1f"));
}

TEST_CASE("status words: ratings, progress and their spellings", "[tables]") {
  CHECK(std::string(FindCellStatus("red")->shape) == "square");
  CHECK(std::string(FindCellStatus("Amber")->shape) == "triangle");
  CHECK(std::string(FindCellStatus("GREEN")->shape) == "circle");
  CHECK(std::string(FindCellStatus("on-track")->name) == "On track");
  CHECK(std::string(FindCellStatus("At  Risk")->shape) == "triangle");
  CHECK(std::string(FindCellStatus("off track")->shape) == "square");
  CHECK(std::string(FindCellStatus("Not on Track")->name) == "Not on track");
  CHECK(std::string(FindCellStatus("compromised")->shape) == "square");
  CHECK(std::string(FindCellStatus("completed")->name) == "Complete");
  CHECK(std::string(FindCellStatus("not started")->shape) == "ring");
  CHECK(FindCellStatus("purple") == nullptr);
  CHECK(FindCellStatus("") == nullptr);
  // Every status has its own word, and no two ratings share a shape.
  CHECK(std::string(FindCellStatus("red")->shape) !=
        std::string(FindCellStatus("amber")->shape));
  CHECK(std::string(FindCellStatus("amber")->shape) !=
        std::string(FindCellStatus("green")->shape));
}

TEST_CASE("an unknown status is an error at its file, line and column", "[tables]") {
  Diagnostics diag;
  auto r = RenderAt(
      "| Measure | Rating |\n|---|---|\n| Visits | {status: green} |\n"
      "| Plans | {status: amberr} |\n",
      diag);
  REQUIRE(diag.ErrorCount() == 1);
  const Diagnostic& d = diag.All()[0];
  CHECK(d.pos.path == "content/meetings/m/report.md");
  CHECK(d.pos.line == 13);    // body starts at line 10; fourth line
  CHECK(d.pos.column == 20);  // the word, after "| Plans | {status: "
  CHECK(Contains(d.message, "unknown status 'amberr'"));
  CHECK(Contains(d.message, "did you mean 'amber'?"));
}

TEST_CASE("a status mark not closed, empty, or outside a cell is an error", "[tables]") {
  Diagnostics diag;
  RenderAt(
      "| A | B |\n|---|---|\n| x | {status: red |\n| y | {status: } |\n\n"
      "Overall the plan is {status: green}.\n",
      diag);
  REQUIRE(diag.ErrorCount() == 3);
  auto all = diag.Sorted();
  CHECK(all[0].pos.line == 12);
  CHECK(all[0].pos.column == 7);
  CHECK(Contains(all[0].message, "not closed"));
  CHECK(all[1].pos.line == 13);
  CHECK(Contains(all[1].message, "the status is empty"));
  CHECK(all[2].pos.line == 15);
  CHECK(all[2].pos.column == 21);
  CHECK(Contains(all[2].message, "goes at the start of a table cell"));
}

TEST_CASE("a cell of items that each start with a dash is a list", "[tables]") {
  Diagnostics diag;
  auto r = RenderAt(
      "| Action | Steps |\n|---|---|\n"
      "| Recruit | - Advertise posts; - Interview in *March*; - Start in May |\n"
      "| Review | 1. Draft; 2. Consult; 3. Publish |\n"
      "| Plain | Costs; risks - and timing |\n"
      "| Number | 3. Risks |\n",
      diag);
  CHECK(diag.ErrorCount() == 0);
  CHECK(Contains(r.html,
                 "<td><ul class=\"cell-list\"><li>Advertise posts</li><li>Interview in "
                 "<em>March</em></li><li>Start in May</li></ul></td>"));
  CHECK(Contains(
      r.html,
      "<td><ol class=\"cell-list\"><li>Draft</li><li>Consult</li><li>Publish</li>"
      "</ol></td>"));
  // Semicolons and dashes in running text stay text; one number is not a list.
  CHECK(Contains(r.html, "<td>Costs; risks - and timing</td>"));
  CHECK(Contains(r.html, "<td>3. Risks</td>"));
}

TEST_CASE("a list in a cell keeps links and statuses in its items", "[tables]") {
  Diagnostics diag;
  auto r = RenderAt(
      "| Area | Progress |\n|---|---|\n"
      "| Housing | - {status: green} [Plan](@/meetings/m/plan) agreed; - {status: red} "
      "Funding |\n",
      diag);
  CHECK(diag.ErrorCount() == 0);
  CHECK(Contains(r.html, "<li><span class=\"status status--green\">"));
  CHECK(Contains(
      r.html, "</svg> Green</span> <a href=\"@/meetings/m/plan\">Plan</a> agreed</li>"));
  CHECK(Contains(r.html, "</svg> Red</span> Funding</li>"));
  REQUIRE(r.site_links.size() == 1);
  CHECK(r.site_links[0].pos.line == 12);
}

TEST_CASE("an unknown status in a cell list is reported at its column", "[tables]") {
  Diagnostics diag;
  RenderAt("| A | B |\n|---|---|\n| x | - {status: green} ok; - {status: grey} no |\n",
           diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.line == 12);
  CHECK(diag.All()[0].pos.column == 40);
  CHECK(Contains(diag.All()[0].message, "unknown status 'grey'"));
}

TEST_CASE("large print: a blank cell is said to be blank, not a bare label",
          "[tables][large-print]") {
  Diagnostics diag;
  auto r = RenderAt(
      "| Action | Owner | Due | Rating |\n|---|---|---|---|\n"
      "| Recruit | | June | {status: amber} |\n",
      diag);
  std::string stacked = StackWideTables(r.html);
  CHECK(Contains(stacked,
                 "<li><strong>Owner:</strong> <span class=\"stacked-table__blank\">"
                 "(blank)</span></li>"));
  CHECK(Contains(stacked, "<li><strong>Due:</strong> June</li>"));
  // The status keeps its word and shape in the stacked rows.
  CHECK(Contains(stacked,
                 "<li><strong>Rating:</strong> <span class=\"status status--amber\">"));
  CHECK(Count(stacked, "</svg> Amber</span>") == 2);
}

TEST_CASE("large print: a column without a heading gives no empty label",
          "[tables][large-print]") {
  std::string html =
      "<table>\n<thead>\n<tr>\n<th></th>\n<th>2023</th>\n<th>2024</th>\n<th>2025</th>\n"
      "</tr>\n</thead>\n<tbody>\n<tr>\n<td>Visits</td>\n<td>10</td>\n<td>12</td>\n"
      "<td></td>\n</tr>\n</tbody>\n</table>";
  std::string stacked = StackWideTables(html);
  CHECK(Contains(stacked, "<li>Visits</li>"));
  CHECK_FALSE(Contains(stacked, "<strong></strong>"));
  CHECK(Contains(stacked,
                 "<li><strong>2025:</strong> <span class=\"stacked-table__blank\">"));
}

TEST_CASE("a cell holds one status: a second is an error at its column", "[tables]") {
  Diagnostics diag;
  auto r = RenderAt(
      "| Site | Rating |\n|---|---|\n| North | {status: red} {status: green} |\n"
      "| South | - {status: amber} late {status: red}; - ok |\n",
      diag);
  REQUIRE(diag.ErrorCount() == 2);
  auto all = diag.Sorted();
  CHECK(all[0].pos.line == 12);
  CHECK(all[0].pos.column == 25);
  CHECK(Contains(all[0].message, "a cell holds one status"));
  CHECK(all[1].pos.line == 13);
  CHECK(all[1].pos.column == 34);
  CHECK(Contains(all[1].message, "a cell holds one status"));
}

TEST_CASE("a status column after accented letters counts characters", "[tables]") {
  Diagnostics diag;
  RenderAt("| Café – bar | Rating |\n|---|---|\n| Café – bar | {status: gren} |\n", diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.line == 12);
  CHECK(diag.All()[0].pos.column == 25);  // 29 in bytes
}

TEST_CASE("text holding the cells' marker byte neither throws nor passes for a marker",
          "[tables]") {
  // U+001F can come from a YAML escape; it once made std::stoul throw
  // (fuzz/corpus/markdown/regression-table-cell-marker).
  Diagnostics diag;
  MarkdownResult r;
  REQUIRE_NOTHROW(
      r = RenderAt("| A | B |\n|---|---|\n| x | {status: red} |\n| B | \x1fx\x1f |\n"
                   "| C | [l](u \"\x1f"
                   "0\x1f\") \x1f"
                   "0\x1f |\n",
                   diag));
  CHECK(Count(r.html, "status--red") == 1);
  CHECK_FALSE(Contains(r.html, "\x1f"));
}
