#include "render/markdown.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>

#include "model/utf8.h"
#include "render/html_text.h"

using namespace clerk;

namespace {

MarkdownResult Render(const std::string& text, Diagnostics& diag,
                      MarkdownOptions options = {}) {
  SourcePos start{"content/meetings/m/report.md", 10, 1};
  return RenderMarkdown(text, start, options, diag);
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("raw HTML is reported at its file position and left out", "[markdown]") {
  Diagnostics diag;
  auto r =
      Render("First line.\n\nSome <b>bold</b> words.\n\n<div>\nblock\n</div>\n", diag);
  REQUIRE(diag.ErrorCount() == 2);
  auto all = diag.Sorted();
  CHECK(all[0].pos.path == "content/meetings/m/report.md");
  CHECK(all[0].pos.line == 12);  // body starts at line 10; third line of text
  CHECK(all[0].pos.column == 6);
  CHECK(Contains(all[0].message, "'<b>'"));
  CHECK(Contains(all[0].message, "**bold**"));
  CHECK(all[1].pos.line == 14);
  CHECK(all[1].pos.column == 1);
  CHECK_FALSE(Contains(r.html, "<b>"));
  CHECK_FALSE(Contains(r.html, "<div>"));
  CHECK_FALSE(Contains(r.html, "raw HTML omitted"));
  CHECK(Contains(r.html, "bold"));
}

TEST_CASE("raw HTML column is offset by the start column", "[markdown]") {
  Diagnostics diag;
  SourcePos start{"content/committees/c.yaml", 5, 3};  // a YAML block scalar indented 2
  RenderMarkdown("Hello <br> there", start, {}, diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.line == 5);
  CHECK(diag.All()[0].pos.column == 9);
}

TEST_CASE("unsafe link schemes are refused", "[markdown]") {
  for (std::string url : {"javascript:alert(1)", "JavaScript:alert(1)", " \tjavascript:x",
                          "vbscript:x", "data:text/html,hi", "file:///etc/passwd"}) {
    Diagnostics diag;
    auto r = Render("Line one\nand [click here](<" + url + ">) now.", diag);
    INFO(url);
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.All()[0].pos.line == 11);
    CHECK(diag.All()[0].pos.column == 5);
    CHECK_FALSE(Contains(r.html, "<a"));
    CHECK(Contains(r.html, "click here"));
  }
  Diagnostics diag;
  auto ok = Render("[a](https://example.org) [b](mailto:x@example.org) [c](../x/)", diag);
  CHECK(diag.ErrorCount() == 0);
  CHECK(Contains(ok.html, "href=\"https://example.org\""));
  CHECK(Contains(ok.html, "href=\"../x/\""));
}

TEST_CASE("unsafe image is refused", "[markdown]") {
  Diagnostics diag;
  auto r = Render("![a map](javascript:alert(1))", diag);
  CHECK(diag.ErrorCount() == 1);
  CHECK_FALSE(Contains(r.html, "<img"));
}

TEST_CASE("headings get stable unique ids and shifted levels", "[markdown]") {
  Diagnostics diag;
  MarkdownOptions options;
  options.reserved_ids = {"summary"};
  auto r = Render(
      "# Legal implications\n\ntext\n\n# Legal implications\n\n## Children's "
      "services (2019/20)\n\n# Summary\n",
      diag, options);
  CHECK(diag.ErrorCount() == 0);
  REQUIRE(r.headings.size() == 4);
  CHECK(r.headings[0].id == "legal-implications");
  CHECK(r.headings[1].id == "legal-implications-2");
  CHECK(r.headings[2].id == "childrens-services-2019-20");
  CHECK(r.headings[3].id == "summary-2");
  CHECK(r.headings[0].level == 2);
  CHECK(r.headings[2].level == 3);
  CHECK(Contains(r.html, "<h2 id=\"legal-implications\">"));
  CHECK(Contains(r.html, "<h3 id=\"childrens-services-2019-20\">"));
  // Same input, same output.
  Diagnostics diag2;
  CHECK(Render("# Legal implications\n\ntext\n\n# Legal implications\n\n## Children's "
               "services (2019/20)\n\n# Summary\n",
               diag2, options)
            .html == r.html);
}

TEST_CASE("heading levels never skip and start below the page heading", "[markdown]") {
  Diagnostics diag;
  auto r = Render("## Purpose\n\n#### Detail\n\n## Next\n\n###### Deep", diag);
  REQUIRE(r.headings.size() == 4);
  CHECK(r.headings[0].level == 2);
  CHECK(r.headings[1].level == 3);
  CHECK(r.headings[2].level == 2);
  CHECK(r.headings[3].level == 3);
  MarkdownOptions deep;
  deep.heading_offset = 5;
  auto d = Render("# A\n\n## B\n\n### C", diag, deep);
  CHECK(d.headings[0].level == 6);
  CHECK(d.headings[2].level == 6);
}

TEST_CASE("tables get a caption and header scope", "[markdown]") {
  Diagnostics diag;
  auto r = Render(
      "## Resource implications\n\n| Cost | 2019/20 |\n|---|--:|\n| Staff | 10 |\n",
      diag);
  CHECK(diag.ErrorCount() == 0);
  CHECK(r.tables == 1);
  CHECK(Contains(r.html, "<caption>Table 1: Resource implications</caption>"));
  CHECK(Contains(r.html, "<th scope=\"col\">Cost</th>"));
  CHECK(Contains(r.html, "<th scope=\"col\" style=\"text-align: right\">2019/20</th>"));
  // The scrolling region comes with the page (table_regions_test.cpp).
  CHECK_FALSE(Contains(r.html, "table-wrap"));
  CHECK_FALSE(Contains(r.html, "align=\""));

  MarkdownOptions options;
  options.first_table_number = 3;
  options.caption_fallback = "Budget";
  auto f = Render("| a |\n|---|\n| 1 |\n", diag, options);
  CHECK(Contains(f.html, "<caption>Table 3: Budget</caption>"));
}

TEST_CASE("footnotes render and can be namespaced", "[markdown]") {
  Diagnostics diag;
  auto plain = Render("Text[^1].\n\n[^1]: The note.\n", diag);
  CHECK(Contains(plain.html, "href=\"#fn-1\""));
  CHECK(Contains(plain.html, "id=\"fn-1\""));
  CHECK(Contains(plain.html, "The note."));
  MarkdownOptions options;
  options.id_prefix = "remit";
  auto ns = Render("Text[^1].\n\n[^1]: The note.\n", diag, options);
  CHECK(Contains(ns.html, "href=\"#fn-remit-1\""));
  CHECK(Contains(ns.html, "id=\"fn-remit-1\""));
  CHECK(Contains(ns.html, "id=\"fnref-remit-1\""));
  CHECK_FALSE(Contains(ns.html, "\"#fn-1\""));
  CHECK(std::find(ns.ids.begin(), ns.ids.end(), "fn-remit-1") != ns.ids.end());
  CHECK(Contains(ns.html, ">Notes</h2>"));
  CHECK(diag.ErrorCount() == 0);
}

TEST_CASE("resolutions and actions are marked up where the records say", "[markdown]") {
  // The renderer has no rule of its own (content/minutes_records.h finds
  // them): it wraps the paragraphs on the lines it is given.
  Diagnostics diag;
  MarkdownOptions options;
  options.marked_blocks = {
      {12, "resolution", "resolution-609-1", true},  // text starts on line 10
      {17, "action", "action-609-1", false}};
  auto r = Render(
      "Discussion.\n\n**RESOLVED** that\n\n- a; and\n- b.\n\n**Action:** circulate "
      "figures.\n",
      diag, options);
  CHECK(Contains(r.html,
                 "<div class=\"resolution\" "
                 "id=\"resolution-609-1\">\n<p><strong>RESOLVED</strong>"));
  CHECK(Contains(r.html, "<li>b.</li>\n</ul>\n</div>"));
  CHECK(Contains(
      r.html, "<div class=\"action\" id=\"action-609-1\">\n<p><strong>Action:</strong>"));
  REQUIRE(r.decisions.size() == 2);
  CHECK(Contains(r.decisions[0].html, "<li>b.</li>"));
  auto off = Render("**Resolved:** x\n", diag);
  CHECK_FALSE(Contains(off.html, "resolution"));
}

TEST_CASE("GFM extensions: strikethrough and autolinks", "[markdown]") {
  Diagnostics diag;
  auto r = Render("~~old~~ see www.example.org", diag);
  CHECK(Contains(r.html, "<del>old</del>"));
  CHECK(Contains(r.html, "href=\"http://www.example.org\""));
}

TEST_CASE("blank lines are dropped except inside pre", "[markdown]") {
  Diagnostics diag;
  auto r = Render("Text\n\n```\na\n\nb\n```\n", diag);
  std::string tidy = DropBlankLines("<p>x</p>\n\n\n<div>\n  \n</div>\n" + r.html);
  CHECK(tidy.rfind("<p>x</p>\n<div>\n</div>\n", 0) == 0);
  CHECK(Contains(tidy, "a\n\nb"));
}

TEST_CASE("a 'Table:' paragraph above a table becomes its caption", "[markdown]") {
  Diagnostics diag;
  auto r = Render(
      "## Feedback\n\nTable: Children & families\n\n| a |\n|---|\n| 1 |\n\n| b "
      "|\n|---|\n| 2 |\n",
      diag);
  CHECK(Contains(r.html, "<caption>Table 1: Children &amp; families</caption>"));
  CHECK(Contains(r.html, "<caption>Table 2: Feedback</caption>"));
  CHECK_FALSE(Contains(r.html, "<p>Table:"));
}

TEST_CASE("a picture of the paper's folder becomes a site link to its copy",
          "[markdown]") {
  Diagnostics diag;
  std::vector<std::string> images = {"chart.png", "Site Plan.JPG"};
  MarkdownOptions options;
  options.images = &images;
  options.images_base = "meetings/m/";
  auto r = Render("![Homes built each year](chart.png)\n\n![The site](<Site Plan.JPG>)\n",
                  diag, options);
  CHECK(diag.ErrorCount() == 0);
  CHECK(Contains(r.html, "src=\"@/meetings/m/chart.png\""));
  CHECK(Contains(r.html, "alt=\"Homes built each year\""));
  REQUIRE(r.site_links.size() == 2);
  CHECK(r.site_links[0].target == "@/meetings/m/chart.png");
  CHECK(r.site_links[0].pos.line == 10);
  CHECK(r.site_links[1].target == "@/meetings/m/Site Plan.JPG");
}

TEST_CASE("a picture that is not in the paper's folder is an error at its position",
          "[markdown]") {
  Diagnostics diag;
  std::vector<std::string> images = {"Chart.png"};
  MarkdownOptions options;
  options.images = &images;
  options.images_base = "meetings/m/";
  Render("Text.\n\n![Homes built each year](chart.png)\n\n![Map](../map.png)\n", diag,
         options);
  REQUIRE(diag.ErrorCount() == 2);
  auto all = diag.Sorted();
  CHECK(all[0].pos.line == 12);
  CHECK(all[0].pos.column == 1);
  CHECK(Contains(all[0].message, "picture 'chart.png' not found"));
  CHECK(Contains(all[0].message, "did you mean 'Chart.png'"));
  CHECK(all[1].pos.line == 14);
  CHECK(Contains(all[1].message, "'../map.png'"));
}

TEST_CASE("outside a paper a relative picture must come from assets", "[markdown]") {
  Diagnostics diag;
  auto r = Render(
      "![Map](map.png)\n\n![Map](@/assets/map.png)\n\n![Logo](https://example.org/"
      "l.png)\n",
      diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(Contains(diag.Sorted()[0].message, "@/assets/map.png"));
  REQUIRE(r.site_links.size() == 1);
  CHECK(r.site_links[0].target == "@/assets/map.png");
}

TEST_CASE("a picture described only by spaces has no description", "[markdown]") {
  Diagnostics diag;
  Render("![  ](https://example.org/l.png)\n", diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(Contains(diag.Sorted()[0].message, "image has no description"));
}

TEST_CASE("paragraphs numbered as printed get anchors", "[markdown]") {
  Diagnostics diag;
  MarkdownOptions options;
  options.number_paragraphs = true;
  auto r = Render(
      "3.4 The service\n\n3.4.2 **Costs** rose.\n\n2.1. Members noted.\n\n"
      "3.4 Again.\n\n3. A list item\n\n1.5million is not a number.\n\nText 3.4 later.\n\n"
      "> 4.1 quoted\n",
      diag, options);
  CHECK(diag.ErrorCount() == 0);
  CHECK(Contains(
      r.html, "<p><span class=\"para-anchor\" id=\"para-3.4\"></span>3.4 The service"));
  CHECK(Contains(r.html, "id=\"para-3.4.2\"></span>3.4.2 <strong>Costs"));
  CHECK(Contains(r.html, "id=\"para-2.1\""));
  CHECK(Contains(r.html, "id=\"para-3.4-2\""));  // printed twice: still unique
  CHECK(Contains(r.html, "id=\"para-3\""));      // the list item
  CHECK_FALSE(Contains(r.html, "para-1.5"));
  CHECK_FALSE(Contains(r.html, "para-4.1"));
  CHECK(std::count(r.ids.begin(), r.ids.end(), "para-3.4.2") == 1);
}

TEST_CASE("numbered paragraphs get no anchors where they are not asked for",
          "[markdown]") {
  Diagnostics diag;
  auto r = Render("3.4 The service\n", diag);
  CHECK_FALSE(Contains(r.html, "para-"));
}

TEST_CASE("heading ids stay as they were when texts repeat or look like suffixes",
          "[markdown][heading-ids]") {
  Diagnostics diag;
  MarkdownOptions options;
  options.reserved_ids = {"summary-2"};
  auto r = Render(
      "# Intro\n\n# Intro\n\n# Intro 2\n\n# Intro\n\n# Summary\n\n# Summary\n\n"
      "# Summary\n\n# Intro 3\n",
      diag, options);
  std::vector<std::string> ids;
  for (const auto& h : r.headings) ids.push_back(h.id);
  // As the first free of "x", "x-2", "x-3"... always gave them.
  CHECK(ids == std::vector<std::string>{"intro", "intro-2", "intro-2-2", "intro-3",
                                        "summary", "summary-3", "summary-4",
                                        "intro-3-2"});
}

TEST_CASE("20,000 headings of one text get unique ids in linear time",
          "[markdown][heading-ids]") {
  // Ids were found by trying -2, -3 ... from the start for every heading:
  // 20,000 of them took 200 million set look-ups (many seconds).
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "## Background\n\n";
  text += "## Background 5\n";  // written out, after its number was given
  Diagnostics diag;
  auto started = std::chrono::steady_clock::now();
  auto r = Render(text, diag);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(seconds < 1.0);
  REQUIRE(r.headings.size() == 20001);
  std::set<std::string> ids;
  for (const auto& h : r.headings) ids.insert(h.id);
  CHECK(ids.size() == 20001);
  CHECK(r.headings[0].id == "background");
  CHECK(r.headings[1].id == "background-2");
  CHECK(r.headings[19999].id == "background-20000");
  CHECK(r.headings[20000].id == "background-5-2");
}

TEST_CASE("a picture from assets needs a description too", "[markdown]") {
  Diagnostics diag;
  auto r = Render("![](@/assets/map.png)\n\nText ![  ](@/assets/map.png)\n", diag);
  REQUIRE(diag.ErrorCount() == 2);
  auto all = diag.Sorted();
  CHECK(all[0].pos.line == 10);
  CHECK(all[0].pos.column == 1);
  CHECK(Contains(all[0].message, "image has no description"));
  CHECK(all[1].pos.line == 12);
  CHECK(all[1].pos.column == 6);
  CHECK(r.site_links.size() == 2);
}

TEST_CASE("a link whose text runs over a line break is reported where it starts",
          "[markdown]") {
  Diagnostics diag;
  auto r = Render(
      "The committee asked for the [local plan\nreview](javascript:alert(1)) last "
      "year.\n\nSee the [*local\nplan*\nreview](@/meetings/m/plan) and [\nmore](@/x).\n",
      diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.line == 10);
  CHECK(diag.All()[0].pos.column == 29);
  REQUIRE(r.site_links.size() == 2);
  CHECK(r.site_links[0].pos.line == 13);
  CHECK(r.site_links[0].pos.column == 9);
  CHECK(r.site_links[1].pos.line == 15);
  CHECK(r.site_links[1].pos.column == 32);
}

TEST_CASE("picture addresses are read as a browser reads them", "[markdown]") {
  Diagnostics diag;
  std::vector<std::string> images = {"site-map.png", "site map.png"};
  MarkdownOptions options;
  options.images = &images;
  options.images_base = "meetings/m/";
  auto r = Render(
      "![Map of the sites](./site-map.png)\n\n![Map](site%20map.png)\n\n"
      "![Map](.//site-map.png?v=2)\n",
      diag, options);
  CHECK(diag.ErrorCount() == 0);
  REQUIRE(r.site_links.size() == 3);
  CHECK(r.site_links[0].target == "@/meetings/m/site-map.png");
  CHECK(r.site_links[1].target == "@/meetings/m/site map.png");
  CHECK(r.site_links[2].target == "@/meetings/m/site-map.png");
}

TEST_CASE("a picture in a subfolder or a file that is no picture says so", "[markdown]") {
  Diagnostics diag;
  std::vector<std::string> images = {"site-map.png"};
  MarkdownOptions options;
  options.images = &images;
  options.images_base = "meetings/m/";
  Render(
      "![Map](img/site-map.png)\n\n![Minutes](minutes.md)\n\n![Map](%2e%2e/x.png)\n\n"
      "![Odd](a%00b.png)\n",
      diag, options);
  REQUIRE(diag.ErrorCount() == 4);
  auto all = diag.Sorted();
  CHECK(all[0].pos.line == 10);
  CHECK(Contains(all[0].message,
                 "pictures sit beside the paper in the meeting folder, "
                 "not in a subfolder"));
  CHECK(Contains(all[0].message, "![...](site-map.png)"));
  CHECK(all[1].pos.line == 12);
  CHECK(Contains(all[1].message,
                 "'minutes.md' is not a picture (.png .jpg .jpeg .gif .svg .webp)"));
  CHECK(Contains(all[2].message, "picture '%2e%2e/x.png' not found"));
  // An escaped control character is never decoded into a message.
  CHECK(Contains(all[3].message, "picture 'a%00b.png' not found"));
}

TEST_CASE("Markdown columns count characters, not bytes", "[markdown]") {
  Diagnostics diag;
  Render("Café – see [this](javascript:x) and <b>that</b>.\n", diag);
  REQUIRE(diag.ErrorCount() == 2);
  auto all = diag.Sorted();
  CHECK(all[0].pos.column == 12);  // "Café – see " is 11 characters (15 bytes)
  CHECK(all[1].pos.column == 37);
}

TEST_CASE("raw HTML quoted in a message is cut between characters", "[markdown]") {
  // A fuzz finding: cmark writes a NUL as U+FFFD (three bytes), and the
  // quote of a long line was cut at byte 37, inside one.
  for (const std::string& tail :
       {std::string("\0\0\0\0local plan", 14), std::string("é€😀 local plan covers")}) {
    for (size_t lead = 25; lead < 40; ++lead) {
      Diagnostics diag;
      Render("<p>" + std::string(lead, 'a') + tail + " and more text after it.\n", diag);
      REQUIRE(diag.ErrorCount() == 1);
      CHECK(utf8::IsValid(diag.All()[0].message));
    }
  }
}
