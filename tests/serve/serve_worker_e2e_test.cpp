// clerk serve's long-lived build worker end to end (the real binary on a
// copy of the example site): two edits in a row and a deleted page show up,
// and what the worker's edit builds leave in the output folder is what a
// clean `clerk build` of the same sources writes, byte for byte.
#include <catch2/catch.hpp>

#include "serve_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;
using namespace std::chrono_literals;

namespace {

constexpr const char* kMeetingDir = "content/meetings/2019-09-16-cyp-scrutiny";
constexpr const char* kMeetingUrl = "/meetings/2019-09-16-cyp-scrutiny/";

// Waits until `url` answers `status` with `text` in it ("" for any).
bool WaitForPage(int port, const std::string& url, int status, const std::string& text) {
  auto until = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < until) {
    HttpReply page = HttpGet(port, url);
    if (page.status == status && page.body.find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

void RemoveLine(const fs::path& file, const std::string& line) {
  std::string text = ReadFile(file);
  size_t at = text.find(line);
  REQUIRE(at != std::string::npos);
  WriteFile(file, text.erase(at, line.size()));
}

}  // namespace

TEST_CASE(
    "serve: the build worker shows two edits and a deleted page, and its output is a "
    "clean build's",
    "[serve][e2e][worker]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  fs::path served = dir.path() / "served";
  int port = FreePort();
  ClerkProcess serve({"serve", "--port", std::to_string(port), "--out", served.string()},
                     source, dir.path() / "log");
  REQUIRE(serve.WaitForLog("Ctrl-C stops", 120s));
  INFO(serve.Log());

  fs::path report = source / kMeetingDir / "care-leavers-accommodation.md";
  std::string report_url = std::string(kMeetingUrl) + "care-leavers-accommodation/";
  WriteFile(report, ReadFile(report) + "\nThe first sentence added.\n");
  CHECK(WaitForPage(port, report_url, 200, "The first sentence added."));
  WriteFile(report, ReadFile(report) + "\nThe second sentence added.\n");
  CHECK(WaitForPage(port, report_url, 200, "The second sentence added."));
  CHECK(HttpGet(port, report_url).body.find("The first sentence added.") !=
        std::string::npos);

  // An appendix deleted, with the two lists that name it.
  RemoveLine(source / kMeetingDir / "meeting.yaml", "      - recommendation-tracker\n");
  RemoveLine(source / kMeetingDir / "work-programme-report.md",
             "  - recommendation-tracker\n");
  fs::remove(source / kMeetingDir / "recommendation-tracker.md");
  std::string gone_url = std::string(kMeetingUrl) + "recommendation-tracker/";
  CHECK(WaitForPage(port, gone_url, 404, ""));
  std::this_thread::sleep_for(1s);  // a build the burst may have split off
  CHECK(HttpGet(port, kMeetingUrl).status == 200);  // waits for a build under way
  CHECK_FALSE(
      fs::exists(served / "meetings/2019-09-16-cyp-scrutiny/recommendation-tracker"));

  fs::path clean = dir.path() / "clean";
  CommandResult built =
      RunClerk("build --no-search --out " + clean.string() + " --source .", source);
  INFO(built.output);
  REQUIRE(built.exit_code == 0);
  // Byte for byte, but for clerk's own bookkeeping (.clerk-*).
  CommandResult diff = RunProgram(
      "/usr/bin/diff", "-r -x '.clerk-*' " + served.string() + " " + clean.string(),
      dir.path());
  INFO(diff.output.substr(0, 4000));
  CHECK(diff.exit_code == 0);
  CHECK(serve.Wait(15s, SIGINT) == 0);
}
