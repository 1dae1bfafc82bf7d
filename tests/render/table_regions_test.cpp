#include "render/table_regions.h"

#include <catch2/catch.hpp>

#include "render/markdown.h"
#include "render/templates.h"
#include "test_support.h"

using namespace clerk;

namespace {
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}
size_t Count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("a table is wrapped in a focusable region named by its caption, with a hint",
          "[render][tables]") {
  std::string out = WrapTables(
      "<p>Before</p>\n<table>\n<caption>Members of <abbr title=\"x\">CYP</abbr> "
      "&amp; &quot;others&quot;</caption>\n<thead><tr><th scope=\"col\">Name</th><th "
      "scope=\"col\">Role</th></tr></thead>\n</table>\n<p>After</p>");
  CHECK(Contains(
      out,
      "<p>Before</p>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" "
      "aria-label=\"Members of CYP &amp; &quot;others&quot;\">\n"
      "<p class=\"table-wrap__hint\">Scroll sideways to see the whole table</p>\n"
      "<table>\n<caption>"));
  CHECK(Contains(out, "</table>\n</div>\n<p>After</p>"));
}

TEST_CASE("tables of 4 or more columns, or marked wide, are wide", "[render][tables]") {
  auto wrapper = [](const std::string& table) {
    std::string out = WrapTables(table);
    return out.substr(0, out.find('>') + 1);
  };
  CHECK_FALSE(Contains(wrapper("<table><tr><th>a</th><th>b</th><td>c</td></tr></table>"),
                       "table-wrap--wide"));
  CHECK(Contains(
      wrapper("<table><tr><th>a</th><th>b</th><td>c</td><td>d</td></tr></table>"),
      "table-wrap--wide"));
  CHECK(Contains(wrapper("<table><tr><th colspan=\"3\">a</th><td>d</td></tr></table>"),
                 "table-wrap--wide"));
  CHECK(Contains(wrapper("<table class=\"table--wide\"><tr><td>a</td></tr></table>"),
                 "table-wrap--wide"));
}

TEST_CASE(
    "a table without a caption is named by its place, and nested or wrapped ones are "
    "wrapped once",
    "[render][tables]") {
  std::string two = WrapTables(
      "<table><tr><td>1</td></tr></table><tablet></tablet>"
      "<table><tr><td><table><tr><td>in</td></tr></table></td></tr>"
      "</table>");
  CHECK(Contains(two, "aria-label=\"Table 1\""));
  CHECK(Contains(two, "aria-label=\"Table 2\""));
  CHECK(Count(two, "role=\"region\"") ==
        2);  // the inner table scrolls with its outer one
  CHECK(Contains(two, "<tablet></tablet>"));
  CHECK(WrapTables(two) == two);  // already in regions: unchanged
  CHECK(WrapTables("no tables here") == "no tables here");
  CHECK(WrapTables("<table><tr><td>never closed") == "<table><tr><td>never closed");
}

TEST_CASE("tables of papers and of templates get their region when the page is made",
          "[render][tables]") {
  Diagnostics diag;
  // A paper's table: Markdown gives the caption, the page the region.
  MarkdownResult md =
      RenderMarkdown("## Costs\n\n| Cost | 2019/20 |\n|---|--:|\n| Staff | 10 |\n",
                     SourcePos{"r.md", 1, 1}, MarkdownOptions{}, diag);
  CHECK_FALSE(Contains(md.html, "table-wrap"));
  CHECK_FALSE(Contains(md.html, "<!--"));
  CHECK(Contains(md.html, "<table>\n<caption>Table 1: Costs</caption>"));

  // A template's own table and a paper's, on one page: both in regions; the
  // layout around them is left alone.
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "templates" / "layout.mustache",
                     "<main>{{{content}}}</main>");
  testing::WriteFile(
      dir.path() / "templates" / "page.mustache",
      "<table>\n<caption>Members of {{name}}</caption>\n<tr><td>A</td></tr>\n"
      "</table>\n{{{paper}}}");
  Theme theme;
  theme.Load(dir.path().string(), Rendition{"standard", "Standard", ""}, diag);
  REQUIRE_FALSE(diag.HasErrors());
  std::string page = theme.RenderPage(
      "page", nlohmann::json{{"name", "Panel"}, {"paper", md.html}}, nullptr, diag);
  CHECK(Count(page, "class=\"table-wrap__hint\"") == 2);
  CHECK(Contains(page,
                 "<main><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" "
                 "aria-label=\"Members of Panel\">"));
  CHECK(Contains(page, "aria-label=\"Table 1: Costs\">"));
}

TEST_CASE("each table finds the region just before it, among many tables",
          "[render][tables]") {
  // Regions looked up in a list of their starts: a wrapped table, an
  // unwrapped one after it (the earlier region is not its own), and a
  // region far back that encloses other text first.
  const std::string table = "<table>\n<tr><td>x</td></tr>\n</table>";
  std::string page =
      "<div class=\"table-wrap\" tabindex=\"0\">\n<p>Text</p>\n" + table + "\n</div>\n";
  for (int i = 0; i < 200; ++i) page += "<p>Row " + std::to_string(i) + "</p>\n" + table;
  page += "\n" + WrapTables(table);
  std::string out = WrapTables(page);
  CHECK(Count(out, "<div class=\"table-wrap") == 1 + 200 + 1 + 1);
  CHECK(WrapTables(out) == out);  // wrapped once, never twice
}
