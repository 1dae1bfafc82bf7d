// clerk serve: Ctrl-C (SIGINT) and SIGTERM stop the real binary in under
// half a second with exit code 0: while idle with a live-reload stream
// open, while a rebuild runs and while the first build runs. And the
// terminal shows every warning's text, not only a count.
#include <catch2/catch.hpp>
#include <regex>

#include "serve/private_folder.h"
#include "serve_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;
using namespace std::chrono_literals;

namespace {

constexpr auto kStopWithin = 500ms;

// The folder clerk serve says it serves ("serves <out>, rebuilt when").
fs::path ServedFolder(const std::string& log) {
  std::smatch m;
  if (!std::regex_search(log, m, std::regex("serves (.+), rebuilt when"))) return {};
  return m[1].str();
}

// Waits until `serve` has a child process (a build running); its pids.
std::string WaitForBuildChild(ClerkProcess& serve, Clock::duration timeout) {
  auto until = Clock::now() + timeout;
  std::string children;
  while ((children = serve.Children()).empty() && Clock::now() < until)
    std::this_thread::sleep_for(1ms);
  return children;
}

double Milliseconds(Clock::duration took) {
  return std::chrono::duration<double, std::milli>(took).count();
}

fs::path Report(const fs::path& source) {
  return source /
         "content/meetings/2019-09-16-cyp-scrutiny/care-leavers-accommodation.md";
}

}  // namespace

TEST_CASE(
    "serve: Ctrl-C stops clerk serve within half a second while a live-reload stream is "
    "open, and the warnings of a build are printed whole",
    "[serve][e2e]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  int port = FreePort();
  ClerkProcess serve({"serve", "--port", std::to_string(port), "--jobs", "1"}, source,
                     dir.path() / "log");
  REQUIRE(serve.WaitForLog("Ctrl-C stops", 120s));
  fs::path out = ServedFolder(serve.Log());
  REQUIRE_FALSE(out.empty());

  // An acronym the glossary does not have: a warning, and its text is shown.
  fs::path report = Report(source);
  WriteFile(report, ReadFile(report) + "\nThe ZQXW panel met twice.\n");
  REQUIRE(serve.WaitForLog("care-leavers-accommodation.md changed: built in ", 60s));
  INFO(serve.Log());
  CHECK(std::regex_search(
      serve.Log(),
      std::regex("changed: built in [0-9.]+ s, [0-9]+ warnings?\n(.*\n)*content/meetings/"
                 "2019-09-16-cyp-scrutiny/care-leavers-accommodation\\.md:[0-9]+:[0-9]+: "
                 "warning: 'ZQXW' is not in the glossary")));

  EventStream events(port);
  REQUIRE(events.WaitFor("event: hello\ndata: 2\n\n", 10s));
  int code = 0;
  auto took = serve.Stop(SIGINT, 10s, &code);
  INFO("stopped in " << Milliseconds(took) << " ms");
  CHECK(code == 0);
  CHECK(took < kStopWithin);
  CHECK(events.WaitForClose(1s));
  CHECK(serve.Log().find("clerk serve: stopped (SIGINT)\n") != std::string::npos);
  // The private folder is gone at once (set aside), and removed soon after.
  CHECK_FALSE(fs::exists(out.parent_path()));
  fs::path removing = clerk::serve::PrivateFolder::RemovingName(out.parent_path());
  auto until = Clock::now() + 60s;
  while (fs::exists(removing) && Clock::now() < until) std::this_thread::sleep_for(50ms);
  CHECK_FALSE(fs::exists(removing));
}

TEST_CASE("serve: Ctrl-C during a rebuild stops clerk serve within half a second",
          "[serve][e2e]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  int port = FreePort();
  ClerkProcess serve({"serve", "--port", std::to_string(port), "--jobs", "1", "--out",
                      (dir.path() / "preview").string()},
                     source, dir.path() / "log");
  REQUIRE(serve.WaitForLog("Ctrl-C stops", 120s));
  EventStream events(port);
  REQUIRE(events.WaitFor("event: hello\ndata: 1\n\n", 10s));

  fs::path report = Report(source);
  WriteFile(report, ReadFile(report) + "\nA sentence added to start a rebuild.\n");
  std::string build = WaitForBuildChild(serve, 30s);
  REQUIRE_FALSE(build.empty());  // the rebuild is running now
  int code = 0;
  auto took = serve.Stop(SIGINT, 10s, &code);
  INFO(serve.Log());
  INFO("stopped in " << Milliseconds(took) << " ms");
  CHECK(code == 0);
  CHECK(took < kStopWithin);
  // The build was stopped, not finished; nothing of it is left running.
  CHECK(serve.Log().find("changed: built in") == std::string::npos);
  CHECK_FALSE(fs::exists("/proc/" + build.substr(0, build.find(' '))));
  CHECK(events.WaitForClose(1s));

  // The preview folder is whole: the last build's site, and the next build
  // takes it from there.
  CHECK(fs::exists(dir.path() / "preview/index.html"));
  CommandResult next = RunProgram(
      CLERK_BINARY,
      "build --no-search --jobs 1 --out " + (dir.path() / "preview").string(), source);
  INFO(next.output);
  CHECK(next.exit_code == 0);
  CHECK(ReadFile(dir.path() / "preview/meetings/2019-09-16-cyp-scrutiny/"
                              "care-leavers-accommodation/index.html")
            .find("A sentence added to start a rebuild.") != std::string::npos);
}

TEST_CASE("serve: SIGTERM during the first build stops clerk serve within half a second",
          "[serve][e2e]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  int port = FreePort();
  ClerkProcess serve({"serve", "--port", std::to_string(port), "--jobs", "1"}, source,
                     dir.path() / "log");
  REQUIRE_FALSE(WaitForBuildChild(serve, 30s).empty());
  int code = 0;
  auto took = serve.Stop(SIGTERM, 10s, &code);
  INFO(serve.Log());
  INFO("stopped in " << Milliseconds(took) << " ms");
  CHECK(code == 0);
  CHECK(took < kStopWithin);
  CHECK(serve.Log() == "clerk serve: stopped (SIGTERM)\n");
  CHECK(ConnectLocal(port) < 0);
}
