// Which files a build may remove (issue 18, defect 21): Clerk removes only
// files it wrote. A file put in public/ by hand survives an edit build, and a
// build after the build log was deleted or damaged, which says what it kept.
#include <catch2/catch.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

TEST_CASE(
    "files put in public/ by hand survive an edit build and a build without a usable "
    "build log, which names what it kept",
    "[e2e][incremental]") {
  TempDir dir;
  fs::path source = dir.path() / "site", out = dir.path() / "public";
  CopyExampleSite(source);
  auto build = [&] {
    CommandResult r = RunClerk("build --no-search --source '" + source.string() +
                                   "' --out '" + out.string() + "'",
                               dir.path());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    return r.output;
  };
  build();
  WriteFile(out / "google1234.html", "site verification");
  WriteFile(out / "meetings/2019-09-16-cyp-scrutiny/handout.pdf", "a handout");

  // An edit build, and one that removes a meeting: the hand files stay.
  fs::path report =
      source / "content/meetings/2019-09-16-cyp-scrutiny/care-leavers-eia.md";
  WriteFile(report, ReadFile(report) + "\nOne more sentence.\n");
  std::string output = build();
  CHECK(output.find("warning") == std::string::npos);
  fs::remove_all(source / "content/meetings/2019-03-11-cyp-scrutiny");
  build();
  CHECK(!fs::exists(out / "meetings/2019-03-11-cyp-scrutiny"));
  CHECK(ReadFile(out / "google1234.html") == "site verification");
  CHECK(ReadFile(out / "meetings/2019-09-16-cyp-scrutiny/handout.pdf") == "a handout");

  for (const char* damage : {"deleted", "damaged"}) {
    INFO("build log " << damage);
    if (std::string(damage) == "deleted")
      fs::remove(out / ".clerk-build-log");
    else
      WriteFile(out / ".clerk-build-log", "not a build log\n");
    output = build();
    CHECK(ReadFile(out / "google1234.html") == "site verification");
    CHECK(ReadFile(out / "meetings/2019-09-16-cyp-scrutiny/handout.pdf") == "a handout");
    CHECK(output.find("warning: kept 2 files this build did not write") !=
          std::string::npos);
    CHECK(output.find("google1234.html") != std::string::npos);
  }
  // With its log back, the next build says nothing of them.
  CHECK(build().find("warning") == std::string::npos);
}
