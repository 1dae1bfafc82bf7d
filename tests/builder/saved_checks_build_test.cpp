// `clerk build` in its own process takes the last build's findings when the
// records are all as they were (incremental/saved_checks.h, CheckMemo): only
// the meeting folders whose files changed are scanned again, and what the
// build says is what a clean build says.
#include <catch2/catch.hpp>

#include "build_output.h"
#include "incremental/saved_checks.h"
#include "test_support.h"

using namespace clerk;
using namespace clerk::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kFirst = "2019-09-16-cyp-scrutiny";
constexpr const char* kSecond = "2023-12-06-children-families-panel";

}  // namespace

TEST_CASE("a build takes the last build's findings when only papers' bodies changed",
          "[builder][checks]") {
  TempDir dir;
  const fs::path source = dir.path() / "site";
  CopyExampleSite(source);
  auto build = [&](const std::string& out) {
    CommandResult r =
        RunClerk("build --no-search --today 2026-12-04 --out " + out, source);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    return r.output;
  };
  auto clean_build_says = [&] {
    fs::remove_all(dir.path() / "clean");
    return Findings(build((dir.path() / "clean").string()));
  };
  const fs::path out = dir.path() / "public";
  const fs::path checks = out / kSavedChecksFile;
  build(out.string());
  // Findings no check would make, planted in what the last build saved.
  std::optional<SavedChecks> saved = LoadSavedChecks(checks.string());
  REQUIRE(saved);
  saved->records.Warning({"content/planted-on-records.yaml", 1, 1}, "planted");
  saved->acronyms_by_folder[kSecond].Warning({"content/planted-elsewhere.md", 1, 1},
                                             "planted");
  saved->acronyms_by_folder[kFirst].Warning({"content/planted-here.md", 1, 1}, "planted");
  REQUIRE(SaveSavedChecks(*saved, checks.string()));

  // A paper's body changes: the findings on records and on other folders
  // are taken as saved; the changed folder is scanned again.
  const fs::path paper =
      source / "content/meetings" / kFirst / "youth-justice-plan-report.md";
  Append(paper, "\nThe QZXK panel met.\n");
  std::string said = build(out.string());
  CHECK(said.find("planted-on-records.yaml") != std::string::npos);
  CHECK(said.find("planted-elsewhere.md") != std::string::npos);
  CHECK(said.find("planted-here.md") == std::string::npos);
  CHECK(said.find("'QZXK'") != std::string::npos);

  // Its front matter changes: the records changed, so everything is
  // checked, and the build says what a clean build says.
  std::string text = ReadFile(paper);
  text.replace(text.find("\ntitle: "), 8, "\ntitle: QZXM, ");
  WriteFile(paper, text);
  said = build(out.string());
  CHECK(said.find("planted") == std::string::npos);
  CHECK(said.find("'QZXM'") != std::string::npos);
  CHECK(Findings(said) == clean_build_says());

  // Bodies in two folders, one an acronym taken out again: taken as saved
  // but for those two, and the same as a clean build.
  text = ReadFile(paper);
  WriteFile(paper, text.substr(0, text.find("\nThe QZXK panel met.\n")));
  Append(source / "content/meetings" / kSecond / "yjs-improvement-plan.md",
         "\nThe QZXJ board met.\n");
  said = build(out.string());
  CHECK(said.find("'QZXK'") == std::string::npos);
  CHECK(said.find("'QZXJ'") != std::string::npos);
  CHECK(Findings(said) == clean_build_says());

  // Another date: some checks compare dates with the build's, so nothing is
  // taken as saved.
  saved = LoadSavedChecks(checks.string());
  REQUIRE(saved);
  saved->records.Warning({"content/planted-on-records.yaml", 1, 1}, "planted");
  REQUIRE(SaveSavedChecks(*saved, checks.string()));
  Append(paper, "\nA later sentence.\n");
  CommandResult later =
      RunClerk("build --no-search --today 2026-12-05 --out " + out.string(), source);
  CHECK(later.exit_code == 0);
  CHECK(later.output.find("planted") == std::string::npos);
}
