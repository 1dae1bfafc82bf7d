// clerk init: a new site that checks clean and builds at once, written only
// into a new or empty folder, the same files for the same date.
#include <catch2/catch.hpp>
#include <map>

#include "scaffold/init_site.h"
#include "scaffold/templates.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

std::map<std::string, std::string> Files(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file())
      files[fs::relative(e.path(), root).string()] = ReadFile(e.path());
  return files;
}

}  // namespace

TEST_CASE("clerk init writes a site that passes check --strict and builds",
          "[e2e][scaffold]") {
  TempDir dir;
  CommandResult r = RunClerk("init site --today 2026-12-04", dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const fs::path site = dir.path() / "site";
  for (const char* file :
       {"site.yaml", "content/committees/overview-scrutiny.yaml",
        "content/people/sam-taylor.yaml", "content/venues.yaml", "content/glossary.yaml",
        "content/meetings/2027-01-04-overview-scrutiny/meeting.yaml", ".gitignore",
        ".editorconfig", ".github/workflows/publish.yml", ".gitlab-ci.yml"})
    CHECK(fs::is_regular_file(site / file));
  // Editor support: a schema per kind of content file, and VS Code told which
  // files each is for.
  CHECK(fs::is_regular_file(site / ".clerk/schemas/meeting.schema.json"));
  CHECK(ReadFile(site / ".vscode/settings.json").find("yaml.schemas") !=
        std::string::npos);
  CHECK(r.output.find(".vscode/settings.json") != std::string::npos);
  // What to do next, with the folder to go to.
  CHECK(r.output.find("cd site") != std::string::npos);
  CHECK(r.output.find("clerk check") != std::string::npos);
  // The site's own folder, with no theme of its own: clerk's theme is used.
  r = RunClerk("check --strict --today 2026-12-04", site);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("0 errors, 0 warnings") != std::string::npos);
  r = RunClerk("build --no-search --today 2026-12-04", site);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(fs::is_regular_file(site /
                            "public/meetings/2027-01-04-overview-scrutiny/index.html"));
  // The new meeting is listed as upcoming on the home page.
  CHECK(ReadFile(site / "public/index.html").find("2027-01-04-overview-scrutiny") !=
        std::string::npos);
  // Comments explain every setting; YAML is indented with spaces.
  std::string yaml = ReadFile(site / "site.yaml");
  for (const char* key : {"title:", "organisation:", "base_url:", "language:", "contact:",
                          "accessibility:", "deploy:"}) {
    size_t at = yaml.find(std::string("\n") + key);
    REQUIRE(at != std::string::npos);
    size_t comment = yaml.rfind("\n#", at);
    CHECK(comment != std::string::npos);
    CHECK(yaml.find("\n\n", comment) > at);  // the comment is right above its key
  }
  for (const auto& [path, text] : Files(site))
    if (path.find("public/") != 0) CHECK(text.find('\t') == std::string::npos);
  std::string editorconfig = ReadFile(site / ".editorconfig");
  CHECK(editorconfig.find("[*.{yaml,yml}]\nindent_style = space") != std::string::npos);
  std::string gitignore = ReadFile(site / ".gitignore");
  CHECK(gitignore.find("/public/") != std::string::npos);
}

TEST_CASE("clerk init writes the same files for the same date", "[e2e][scaffold]") {
  TempDir dir;
  REQUIRE(RunClerk("init a --today 2026-03-02", dir.path()).exit_code == 0);
  REQUIRE(RunClerk("init b --today 2026-03-02", dir.path()).exit_code == 0);
  CHECK(Files(dir.path() / "a") == Files(dir.path() / "b"));
  // Without --today, SOURCE_DATE_EPOCH (2026-03-02 12:00 UTC) is the date.
  CommandResult r = RunProgram(
      "/usr/bin/env",
      "SOURCE_DATE_EPOCH=1772452800 '" + std::string(CLERK_BINARY) + "' init c",
      dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Files(dir.path() / "a") == Files(dir.path() / "c"));
  CHECK(fs::exists(dir.path() / "a/content/meetings/2026-03-30-overview-scrutiny"));
}

TEST_CASE("clerk init never writes into a folder that holds anything",
          "[e2e][scaffold]") {
  TempDir dir;
  WriteFile(dir.path() / "old/notes.txt", "mine");
  CommandResult r = RunClerk("init old", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("old is not empty (it holds notes.txt)") != std::string::npos);
  CHECK(ReadFile(dir.path() / "old/notes.txt") == "mine");
  CHECK(!fs::exists(dir.path() / "old/site.yaml"));
  // A file where the folder should be.
  WriteFile(dir.path() / "file", "x");
  r = RunClerk("init file", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("is a file, not a folder") != std::string::npos);
  // An empty folder, or a new repository with nothing but .git, is fine.
  fs::create_directories(dir.path() / "empty");
  CHECK(RunClerk("init empty", dir.path()).exit_code == 0);
  fs::create_directories(dir.path() / "repo/.git");
  CHECK(RunClerk("init repo", dir.path()).exit_code == 0);
  CHECK(fs::exists(dir.path() / "repo/site.yaml"));
}

TEST_CASE("clerk init leaves nothing behind when it cannot finish", "[scaffold]") {
  TempDir dir;
  // A folder whose path is so long that site.yaml fits in PATH_MAX (4096)
  // and the committee's file, written next, does not: a failure part way.
  std::string path = dir.path().string();
  while (path.size() + 201 < 4060) path += "/" + std::string(200, 'a');
  path += "/" + std::string(4060 - path.size() - 1, 'b');
  const fs::path site = path;
  REQUIRE(site.string().size() == 4060);
  std::vector<fs::path> written;
  std::string error;
  CHECK_FALSE(clerk::scaffold::InitSite(site, {2026, 1, 5}, &written, &error));
  CHECK(error.find("overview-scrutiny.yaml") != std::string::npos);
  CHECK(written.empty());
  std::error_code ec;
  CHECK_FALSE(fs::exists(site / "site.yaml", ec));  // written first, then removed
  CHECK_FALSE(fs::exists(site, ec));                // the folder it made, too
  CHECK(fs::exists(site.parent_path()));            // never anything it did not make
}

TEST_CASE("the first meeting of a new site falls on a working day", "[scaffold]") {
  using clerk::Date;
  using clerk::scaffold::FirstMeetingDate;
  CHECK(FirstMeetingDate({2026, 12, 4}) == Date{2027, 1, 4});     // 1 Jan, then a weekend
  CHECK(FirstMeetingDate({2026, 3, 2}) == Date{2026, 3, 30});     // a Monday
  CHECK(FirstMeetingDate({2026, 3, 5}) == Date{2026, 4, 2});      // across a month
  CHECK(FirstMeetingDate({2026, 11, 27}) == Date{2026, 12, 28});  // not Christmas
  CHECK(clerk::DayOfWeek(FirstMeetingDate({2026, 6, 6})) < 5);
}

TEST_CASE("every template is compiled in", "[scaffold]") {
  size_t files = 0;
  for (const auto& e :
       fs::directory_iterator(SourceDir() / "generator/scaffold/templates")) {
    ++files;
    auto found = clerk::scaffold::Templates().find(e.path().filename().string());
    REQUIRE(found != clerk::scaffold::Templates().end());
    CHECK(found->second == ReadFile(e.path()));
  }
  CHECK(files == clerk::scaffold::Templates().size());
}
