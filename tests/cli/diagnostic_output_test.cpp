// The clerk program prints each diagnostic with its source line and caret:
// in `clerk check` and `clerk build`, as a JSON field in `check --format
// json`, and in the text `clerk serve`'s error page shows; colour only when
// wanted (issue 19 point 4).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "serve/serve_support.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;
using namespace std::chrono_literals;

namespace {

// The bad-input base site with a person file whose key is given twice.
void BrokenSite(const fs::path& to) {
  CopyTree(SourceDir() / "tests" / "bad-input" / "base", to);
  CopyTree(SourceDir() / "tests" / "bad-input" / "duplicate-key", to);
  fs::remove(to / "expect.txt");
}

constexpr const char* kExpected =
    "content/people/bo-member.yaml:3:1: error: duplicate key 'name' (first given on "
    "line 1)\n"
    "  |\n"
    "3 | name: Bo Membre\n"
    "  | ^\n";

}  // namespace

TEST_CASE("clerk check and build print the line under each diagnostic",
          "[diagnostic-output]") {
  TempDir dir;
  BrokenSite(dir.path());
  CommandResult check = RunClerk("check --today 2024-04-01", dir.path());
  CHECK(check.exit_code == 1);
  CHECK(check.output.find(kExpected) != std::string::npos);
  CHECK(check.output.find('\x1b') == std::string::npos);  // a pipe: no colour

  CommandResult build = RunClerk("build --today 2024-04-01 --no-search", dir.path());
  CHECK(build.exit_code == 1);
  CHECK(build.output.find(kExpected) != std::string::npos);
}

TEST_CASE("colour when forced, never with NO_COLOR", "[diagnostic-output]") {
  TempDir dir;
  BrokenSite(dir.path());
  const std::string clerk = "'" + std::string(CLERK_BINARY) + "' ";
  CommandResult coloured = RunProgram(
      "env", "-u NO_COLOR CLICOLOR_FORCE=1 " + clerk + "check --today 2024-04-01",
      dir.path());
  CHECK(coloured.output.find("content/people/bo-member.yaml:3:1: \x1b[1;31merror\x1b[0m: "
                             "duplicate key") != std::string::npos);
  CHECK(coloured.output.find("\x1b[36m3 |\x1b[0m name: Bo Membre") != std::string::npos);
  CommandResult plain = RunProgram(
      "env", "NO_COLOR=1 CLICOLOR_FORCE=1 " + clerk + "check --today 2024-04-01",
      dir.path());
  CHECK(plain.output.find(kExpected) != std::string::npos);
  CHECK(plain.output.find('\x1b') == std::string::npos);
}

TEST_CASE("check --format json gives the line as a field", "[diagnostic-output]") {
  TempDir dir;
  BrokenSite(dir.path());
  // Standard output holds the JSON alone.
  CommandResult r = RunClerk("check --today 2024-04-01 --format json", dir.path());
  nlohmann::json out = nlohmann::json::parse(r.output);
  REQUIRE(out["diagnostics"].size() == 1);
  CHECK(out["diagnostics"][0]["excerpt"] == "name: Bo Membre");
  CHECK(out["diagnostics"][0]["line"] == 3);
}

TEST_CASE("clerk serve's error page shows the line, without colour",
          "[diagnostic-output][serve]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  BrokenSite(source);
  // Colour forced for the whole process: the page must still have none.
  ::setenv("CLICOLOR_FORCE", "1", 1);
  int port = FreePort();
  ClerkProcess serve({"serve", "--port", std::to_string(port), "--today", "2024-04-01"},
                     source, dir.path() / "log");
  ::unsetenv("CLICOLOR_FORCE");
  REQUIRE(serve.WaitForLog("Ctrl-C stops", 120s));
  HttpReply page = HttpGet(port, "/");
  CHECK(page.status == 500);
  INFO(page.body);
  CHECK(page.body.find("bo-member.yaml:3:1: error: duplicate key") != std::string::npos);
  CHECK(page.body.find("3 | name: Bo Membre") != std::string::npos);
  CHECK(page.body.find('\x1b') == std::string::npos);
}
