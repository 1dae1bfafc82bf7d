#include "links/site_links.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk;

TEST_CASE("the reference syntax names a page and an anchor", "[links]") {
  auto t = ParseSiteLink("@/meetings/2019-09-16-cyp#item-1-2");
  REQUIRE(t);
  CHECK(t->page == "meetings/2019-09-16-cyp/index.html");
  CHECK(t->anchor == "item-1-2");
  CHECK(ParseSiteLink("@/")->page == "index.html");
  CHECK_FALSE(ParseSiteLink("@/meetings/m")->file);
  CHECK(ParseSiteLink("@/meetings/m/chart.png")->page == "meetings/m/chart.png");
  CHECK(ParseSiteLink("@/meetings/m/chart.png")->file);
  CHECK(ParseSiteLink("@/assets/plan.pdf#page=2")->file);
  CHECK(ParseSiteLink("@/glossary/#CAMHS")->page == "glossary/index.html");
  CHECK(ParseSiteLink("@/404.html")->page == "404.html");
  CHECK(!ParseSiteLink("/meetings/x"));
  CHECK(!ParseSiteLink("https://example.org/@/x"));
}

TEST_CASE("links in the reference syntax become relative links on every page",
          "[links]") {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  testing::CommandResult r = testing::RunClerk("build", dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string report = testing::ReadFile(
      dir.path() / "public/meetings/2024-03-04-planning/local-plan/index.html");
  CHECK(report.find("href=\"../minutes/index.html#minute-13\"") != std::string::npos);
  CHECK(report.find("@/") == std::string::npos);
  std::string meeting =
      testing::ReadFile(dir.path() / "public/meetings/2024-05-06-planning/index.html");
  CHECK(meeting.find("href=\"../2024-03-04-planning/minutes/index.html\"") !=
        std::string::npos);
}

TEST_CASE("a missing page or anchor is reported at the link", "[links]") {
  Diagnostics diag;
  std::vector<std::string> page = HtmlIds("<h2 id=\"purpose\">Purpose</h2>");
  CheckSiteLinks(
      {{{"a.md", 3, 7}, "@/x#purpose"},
       {{"a.md", 4, 1}, "@/x#porpose"},
       {{"a.md", 5, 2}, "@/y"}},
      [&](const std::string& path) -> const std::vector<std::string>* {
        return path == "x/index.html" ? &page : nullptr;
      },
      {"x/index.html"}, diag);
  REQUIRE(diag.ErrorCount() == 2);
  CHECK(FormatDiagnostic(diag.Sorted()[0]) ==
        "a.md:4:1: error: '@/x#porpose': the page has no anchor '#porpose'; did you mean "
        "'purpose'?");
  CHECK(FormatDiagnostic(diag.Sorted()[1]) ==
        "a.md:5:2: error: '@/y' points to no page; did you mean '@/x'?");
}
