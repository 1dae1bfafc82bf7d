// Easy-read warnings about words Clerk built from a record (a paper's
// title shown on a list page) point at that record's text, not at the page
// (which for a list page is site.yaml:1:1).
#include <catch2/catch.hpp>

#include "content/loader.h"
#include "readability/check_readability.h"
#include "test_support.h"

using namespace clerk;
using namespace clerk::testing;

namespace {

const char* kLongTitle =
    "Local plan review of housing sites, retail centres, green belt boundaries and "
    "the travel network across the whole district";

std::vector<Diagnostic> LongSentenceWarnings(const Site& site) {
  Diagnostics diag;
  CheckReadability(site, diag);
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : diag.Sorted())
    if (d.message.find("a sentence of") != std::string::npos) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("a title too long for easy read is reported at the title",
          "[readability][positions]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests" / "bad-input" / "base", dir.path());
  const auto paper = dir.path() / "content/meetings/2024-03-04-planning/local-plan.md";
  std::string text = ReadFile(paper);
  text.replace(text.find("title: Local plan review"), 24,
               std::string("title: ") + kLongTitle);
  WriteFile(paper, text);
  const auto meeting = dir.path() / "content/meetings/2024-03-04-planning/meeting.yaml";
  text = ReadFile(meeting);
  text.replace(text.find("    title: Local plan\n"), 22,
               std::string("    title: ") + kLongTitle + " (item)\n");
  WriteFile(meeting, text);

  Diagnostics load;
  Site site = LoadSite(dir.path().string(), load);
  REQUIRE(load.ErrorCount() == 0);
  std::vector<Diagnostic> warnings = LongSentenceWarnings(site);
  REQUIRE_FALSE(warnings.empty());
  bool paper_title = false, item_title = false;
  for (const Diagnostic& d : warnings) {
    INFO(FormatDiagnostic(d));
    // Never the page's record (line 1, column 1 of a file), nor site.yaml.
    CHECK(d.pos.path.str().find("site.yaml") == std::string::npos);
    CHECK_FALSE((d.pos.line == 1 && d.pos.column == 1));
    if (d.pos.path.str().find("local-plan.md") != std::string::npos) {
      paper_title = true;
      CHECK(d.pos.line == 3);
      CHECK(d.pos.column == 8);
    }
    if (d.pos.path.str().find("meeting.yaml") != std::string::npos) {
      item_title = true;
      CHECK(d.pos.line == 12);
      CHECK(d.pos.column == 12);
    }
  }
  CHECK(paper_title);
  CHECK(item_title);
}
