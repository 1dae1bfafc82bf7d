// The parts the search index is built in (output/search_index.h): which
// pages each holds, and the Pagefind glob that finds exactly those.
#include "output/search_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "test_support.h"

namespace {

using clerk::output::SearchPart;
using clerk::output::SearchParts;

const std::vector<std::pair<std::string, std::string>> kRenditions = {
    {"standard", ""}, {"large-print", "large-print/"}, {"easy-read", "easy-read/"}};

std::map<std::string, SearchPart> ByDir(const std::vector<SearchPart>& parts) {
  std::map<std::string, SearchPart> out;
  for (const SearchPart& p : parts) out[p.dir()] = p;
  return out;
}

}  // namespace

TEST_CASE("search parts: a year of meetings per rendition, and the rest of each") {
  std::vector<std::string> pages = {
      "index.html",
      "404.html",
      "meetings/index.html",
      "meetings/2019-03-11-cyp/index.html",
      "meetings/2019-03-11-cyp/report/index.html",
      "meetings/2024-01-10-panel/minutes/index.html",
      "committees/cyp/index.html",
      "people/ann/index.html",
      "large-print/index.html",
      "large-print/meetings/2019-03-11-cyp/index.html",
      "easy-read/meetings/index.html",
      "easy-read/people/ann/index.html",
  };
  std::vector<SearchPart> parts = SearchParts(pages, kRenditions, /*years_per_part=*/1);

  std::vector<std::string> dirs;
  for (const SearchPart& p : parts) dirs.push_back(p.dir());
  // Fixed order: renditions as given; "site" before the years.
  CHECK(dirs == std::vector<std::string>{"standard/site", "standard/meetings-2019",
                                         "standard/meetings-2024", "large-print/site",
                                         "large-print/meetings-2019", "easy-read/site"});

  auto by_dir = ByDir(parts);
  CHECK(by_dir["standard/meetings-2019"].glob == "meetings/2019-*/**/*.html");
  CHECK(by_dir["standard/meetings-2019"].pages ==
        std::vector<std::string>{"meetings/2019-03-11-cyp/index.html",
                                 "meetings/2019-03-11-cyp/report/index.html"});
  CHECK(by_dir["large-print/meetings-2019"].glob ==
        "large-print/meetings/2019-*/**/*.html");
  // The rest: top-level pages, the meetings list (not the meetings' own
  // folders), each other folder whole; nothing of another rendition.
  CHECK(by_dir["standard/site"].glob ==
        "{*.html,committees/**/*.html,meetings/*.html,people/**/*.html}");
  CHECK(by_dir["standard/site"].pages ==
        std::vector<std::string>{"404.html", "committees/cyp/index.html", "index.html",
                                 "meetings/index.html", "people/ann/index.html"});
  CHECK(by_dir["large-print/site"].glob == "large-print/{*.html}");
  CHECK(by_dir["easy-read/site"].glob == "easy-read/{meetings/*.html,people/**/*.html}");

  // Every page is in exactly one part.
  size_t total = 0;
  for (const SearchPart& p : parts) total += p.pages.size();
  CHECK(total == pages.size());
}

TEST_CASE("search parts: odd folders and names") {
  std::vector<SearchPart> parts = SearchParts(
      {
          // Not a meeting's folder (no year): part of the rest, by name.
          "meetings/archive/index.html",
          "meetings/20x9-01-01-a/index.html",
          // Glob characters in a folder's name.
          "meetings/a{b},c*/page.html",
          "odd[1]/page.html",
          // The search index's own folder is never indexed.
          "pagefind/playground/index.html",
      },
      kRenditions);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].dir() == "standard/site");
  CHECK(parts[0].glob ==
        "{meetings/20x9-01-01-a/**/*.html,meetings/a?b??c?/**/*.html,"
        "meetings/archive/**/*.html,odd?1?/**/*.html}");
  CHECK(parts[0].pages.size() == 4);
}

// `n` meeting pages in each year from `first` to `last`.
std::vector<std::string> MeetingPages(int first, int last, int n) {
  std::vector<std::string> pages;
  for (int year = first; year <= last; ++year)
    for (int i = 0; i < n; ++i)
      pages.push_back("meetings/" + std::to_string(year) + "-01-01-m/p" +
                      std::to_string(i) + "/index.html");
  return pages;
}

TEST_CASE("search parts: years of meetings grouped so a part holds about 4,000 pages") {
  // Few pages a year: ten-year parts, aligned to the decade.
  std::vector<SearchPart> parts = SearchParts(MeetingPages(2019, 2025, 30), kRenditions);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].dir() == "standard/meetings-2010-2019");
  CHECK(parts[0].glob ==
        "meetings/{2010,2011,2012,2013,2014,2015,2016,2017,2018,2019}-*/**/*.html");
  CHECK(parts[0].pages.size() == 30);
  CHECK(parts[1].dir() == "standard/meetings-2020-2029");
  CHECK(parts[1].pages.size() == 6 * 30);

  auto names = [](const std::vector<SearchPart>& ps) {
    std::vector<std::string> out;
    for (const SearchPart& p : ps) out.push_back(p.name);
    return out;
  };
  // 800 a year: five years make 4,000.
  CHECK(names(SearchParts(MeetingPages(2019, 2021, 800), kRenditions)) ==
        std::vector<std::string>{"meetings-2015-2019", "meetings-2020-2024"});
  // 2,000 a year: two.
  CHECK(names(SearchParts(MeetingPages(2019, 2021, 2000), kRenditions)) ==
        std::vector<std::string>{"meetings-2018-2019", "meetings-2020-2021"});
  // 4,000 a year: one each.
  CHECK(names(SearchParts(MeetingPages(2019, 2020, 4000), kRenditions)) ==
        std::vector<std::string>{"meetings-2019", "meetings-2020"});
  // Judged by pages a year over the years the meetings span, gaps included:
  // 2,000 pages in 2019 and 2,000 in 2022 are 1,000 a year over four.
  std::vector<std::string> gap = MeetingPages(2019, 2019, 2000);
  for (const std::string& p : MeetingPages(2022, 2022, 2000)) gap.push_back(p);
  CHECK(names(SearchParts(gap, kRenditions)) ==
        std::vector<std::string>{"meetings-2015-2019", "meetings-2020-2024"});
}

TEST_CASE("search parts: a site with no pages has none") {
  CHECK(SearchParts({}, kRenditions).empty());
}

// A stand-in for Pagefind: notes each --glob it is given in `runs` and
// leaves a bundle (pagefind-entry.json) in its --output-path.
void FakePagefind(const std::filesystem::path& program,
                  const std::filesystem::path& runs) {
  clerk::testing::WriteFile(
      program,
      "#!/bin/sh\n"
      "while [ $# -gt 0 ]; do\n"
      "  case \"$1\" in\n"
      "    --glob) echo \"$2\" >> '" +
          runs.string() +
          "'; shift ;;\n"
          "    --output-path) out=\"$2\"; shift ;;\n"
          "  esac\n"
          "  shift\n"
          "done\n"
          "mkdir -p \"$out\" && echo '{}' > \"$out/pagefind-entry.json\"\n");
  std::filesystem::permissions(program, std::filesystem::perms::owner_all);
}

TEST_CASE("search index: only the standard rendition is indexed, once",
          "[output][search_index]") {
  namespace fs = std::filesystem;
  clerk::testing::TempDir dir;
  const fs::path site = dir.path() / "public", program = dir.path() / "pagefind";
  FakePagefind(program, dir.path() / "runs");
  ::setenv("CLERK_PAGEFIND", program.c_str(), 1);
  // A site indexed before by rendition: its other renditions' bundles and
  // lists must go.
  clerk::testing::WriteFile(site / "pagefind/large-print/site/pagefind-entry.json", "{}");
  clerk::testing::WriteFile(site / "pagefind/easy-read.json", "{}");
  clerk::BuildLog log;
  for (const char* page :
       {"index.html", "meetings/2019-03-11-cyp/index.html", "large-print/index.html",
        "large-print/meetings/2019-03-11-cyp/index.html",
        "easy-read/meetings/2019-03-11-cyp/index.html"})
    log.Set(page, clerk::BuildLogEntry{});
  clerk::output::SearchIndexOptions options;
  options.renditions = kRenditions;
  std::ostringstream messages;
  auto report = clerk::output::BuildSearchIndex(site.string(), dir.path().string(), log,
                                                options, messages);
  ::unsetenv("CLERK_PAGEFIND");
  CHECK(report.result == clerk::output::SearchIndexResult::kBuilt);
  CHECK(report.parts == 2);
  std::ifstream runs(dir.path() / "runs");
  std::vector<std::string> globs;
  for (std::string line; std::getline(runs, line);) globs.push_back(line);
  std::sort(globs.begin(), globs.end());
  CHECK(globs == std::vector<std::string>{"meetings/{2010,2011,2012,2013,2014,2015,2016,"
                                          "2017,2018,2019}-*/**/*.html",
                                          "{*.html}"});
  CHECK(fs::exists(site / "pagefind/standard.json"));
  CHECK_FALSE(fs::exists(site / "pagefind/large-print.json"));
  CHECK_FALSE(fs::exists(site / "pagefind/easy-read.json"));
  CHECK_FALSE(fs::exists(site / "pagefind/large-print"));
  CHECK(fs::exists(site / "pagefind/standard/site/pagefind-entry.json"));
}
