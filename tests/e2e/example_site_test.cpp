// End to end: the example site in content/ built by the real clerk binary.
#include <catch2/catch.hpp>
#include <map>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

// Every file under `root`, by relative path, with its bytes; not the build
// log, which records when files were written.
std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() &&
        fs::relative(e.path(), root).generic_string().rfind(".clerk-", 0) != 0)
      files[fs::relative(e.path(), root).string()] = ReadFile(e.path());
  return files;
}

}  // namespace

TEST_CASE("the example site builds a page for every meeting folder", "[e2e]") {
  TempDir dir;
  CommandResult r = RunClerk("build --source '" + SourceDir().string() + "' --out '" +
                                 (dir.path() / "public").string() + "'",
                             dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find(": error:") == std::string::npos);
  int meetings = 0;
  for (const auto& e : fs::directory_iterator(SourceDir() / "content/meetings")) {
    if (!e.is_directory()) continue;
    ++meetings;
    fs::path page = dir.path() / "public/meetings" / e.path().filename() / "index.html";
    INFO(page);
    CHECK(fs::exists(page));
  }
  CHECK(meetings >= 6);
  CHECK(fs::exists(dir.path() / "public/index.html"));
  CHECK(fs::exists(dir.path() / "public/404.html"));
}

TEST_CASE("two builds of the same input are byte-for-byte identical", "[e2e]") {
  TempDir dir;
  std::string source = " --source '" + SourceDir().string() + "'";
  REQUIRE(RunClerk("build" + source + " --out one --jobs 1", dir.path()).exit_code == 0);
  REQUIRE(RunClerk("build" + source + " --out two --jobs 2", dir.path()).exit_code == 0);
  auto one = Snapshot(dir.path() / "one");
  auto two = Snapshot(dir.path() / "two");
  CHECK(one.size() > 20);
  CHECK(one == two);
}

TEST_CASE("a failed build prints file:line:col, exits 1 and leaves public/ as it was",
          "[e2e]") {
  TempDir dir;
  CopyExampleSite(dir.path(), /*with_themes=*/true);
  REQUIRE(RunClerk("build", dir.path()).exit_code == 0);
  auto before = Snapshot(dir.path() / "public");

  // A tired clerk's typo in a meeting file: an unknown venue.
  fs::path meeting;
  for (const auto& e : fs::directory_iterator(dir.path() / "content/meetings"))
    if (e.is_directory()) meeting = e.path() / "meeting.yaml";
  std::string yaml = ReadFile(meeting);
  size_t venue = yaml.find("\nvenue: ");
  REQUIRE(venue != std::string::npos);
  yaml.insert(venue + 8, "no-such-");
  WriteFile(meeting, yaml);

  CommandResult r = RunClerk("build", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find(": error: unknown venue 'no-such-") != std::string::npos);
  CHECK(r.output.find(fs::relative(meeting, dir.path()).string() + ":") !=
        std::string::npos);
  CHECK(Snapshot(dir.path() / "public") == before);

  // And a YAML syntax error.
  WriteFile(meeting, "committee: [unclosed\n");
  r = RunClerk("build", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find(":1:12: error: the '[' that starts this list is not closed") !=
        std::string::npos);
  CHECK(Snapshot(dir.path() / "public") == before);
}

TEST_CASE("usage errors exit 2", "[e2e]") {
  TempDir dir;
  CHECK(RunClerk("", dir.path()).exit_code == 2);
  CHECK(RunClerk("frobnicate", dir.path()).exit_code == 2);
  CHECK(RunClerk("build --jobs zero", dir.path()).exit_code == 2);
  CHECK(RunClerk("check --format xml", dir.path()).exit_code == 2);
  // Without site.yaml: a content error that says what to do.
  CommandResult r = RunClerk("check", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("site.yaml: error: no site.yaml here") != std::string::npos);
}

TEST_CASE("a site.yaml that is a link loop is reported as a loop and not as missing", "[e2e]") {
  TempDir dir;
  fs::create_directories(dir.path() / "content");
  fs::create_symlink("site.yaml", dir.path() / "site.yaml");
  CommandResult r = RunClerk("check", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("site.yaml: error: this is a link that leads back to itself") !=
        std::string::npos);
  CHECK(r.output.find("no site.yaml here") == std::string::npos);
}

TEST_CASE("check --format json lists diagnostics for tools", "[e2e]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests/bad-input/base", dir.path());
  CopyTree(SourceDir() / "tests/bad-input/unknown-venue", dir.path());
  CommandResult r = RunClerk("check --format json 2>/dev/null", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("\"errors\": 1") != std::string::npos);
  CHECK(r.output.find("\"line\": 4") != std::string::npos);
  CHECK(r.output.find("unknown venue 'townhall'") != std::string::npos);
}

TEST_CASE("clerk new meeting scaffolds a folder that checks clean", "[e2e]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests/bad-input/base", dir.path());
  CommandResult r =
      RunClerk("new meeting --committee planning --date 2024-07-01", dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string yaml =
      ReadFile(dir.path() / "content/meetings/2024-07-01-planning/meeting.yaml");
  // Never a guessed time or place: tbc, with the last meeting's as a hint.
  CHECK(yaml.find("venue: tbc") != std::string::npos);
  CHECK(yaml.find("(the last meeting was at town-hall)") != std::string::npos);
  CHECK(yaml.find("start: 2024-07-01 tbc") != std::string::npos);
  CHECK(yaml.find("(the last meeting began at 18:00)") != std::string::npos);
  CHECK(RunClerk("check", dir.path()).exit_code == 0);
  // Never over an existing meeting; a wrong committee gets a suggestion.
  CHECK(RunClerk("new meeting --committee planning --date 2024-07-01", dir.path())
            .exit_code == 1);
  r = RunClerk("new meeting --committee planing --date 2024-07-08", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("did you mean 'planning'?") != std::string::npos);
  CHECK(RunClerk("new meeting --committee planning --date 2024-02-30", dir.path())
            .exit_code == 1);
}

TEST_CASE("a clerk program away from its themes says once where it looked", "[e2e]") {
  TempDir dir;
  fs::create_directories(dir.path() / "site");
  CopyExampleSite(dir.path() / "site", /*with_themes=*/true);
  fs::remove_all(dir.path() / "site/themes");  // no theme of its own either
  // The program copied on its own, as a tired clerk might: no themes/ beside.
  fs::create_directories(dir.path() / "tools/bin");
  fs::copy_file(CLERK_BINARY, dir.path() / "tools/bin/clerk");
  const std::string clerk = (dir.path() / "tools/bin/clerk").string();
  for (const char* command : {"build", "check"}) {
    CommandResult r = RunProgram(clerk, command, dir.path() / "site");
    INFO(r.output);
    CHECK(r.exit_code == 1);
    size_t errors = 0;
    for (size_t at = r.output.find("error:"); at != std::string::npos;
         at = r.output.find("error:", at + 1))
      ++errors;
    CHECK(errors == 1);
    CHECK(r.output.find("no theme") != std::string::npos);
    CHECK(r.output.find((dir.path() / "tools/themes/default").string()) !=
          std::string::npos);
  }
  CHECK(!fs::exists(dir.path() / "site/public"));
}
