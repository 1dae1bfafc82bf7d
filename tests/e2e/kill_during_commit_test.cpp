// Crash safety of `clerk build` (issue 18, defect 20): the real clerk binary,
// killed with SIGKILL at every step of its commit (CLERK_TEST_KILL_AT names
// the step, output/kill_point.h) and at timed moments, must leave the output
// folder exactly the old site or exactly the new one, search index
// included; the next build then finishes the job and removes what the
// killed one left beside the site.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <thread>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

const char* kMeeting = "2019-09-16-cyp-scrutiny";
const char* kRemoved = "2019-03-11-cyp-scrutiny";

// Every file a reader can fetch (search index included) -> its bytes. Not
// Clerk's bookkeeping (.clerk-*): the log records write times, and the caches
// are saved after the swap.
std::map<std::string, std::string> Files(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    std::string path = fs::relative(e.path(), root).generic_string();
    if (e.is_regular_file() && path.rfind(".clerk-", 0) != 0)
      files[path] = ReadFile(e.path());
  }
  return files;
}

// What a build left beside the output folder: public.tmp-*, public.old-*,
// but the spare (the previous site, kept for the next edit build).
std::vector<std::string> Beside(const fs::path& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out.parent_path())) {
    std::string name = e.path().filename().string();
    if (name.rfind(out.filename().string() + ".", 0) == 0 &&
        name != out.filename().string() + ".old-spare")
      names.push_back(name);
  }
  return names;
}

struct Outcome {
  bool killed = false;  // by SIGKILL
  int exit_code = -1;
};

// Runs clerk with `args` from `cwd`, with CLERK_TEST_KILL_AT=`at` when not
// empty, and kills it after `after` when that is not zero.
Outcome RunKilled(const std::vector<std::string>& args, const fs::path& cwd,
                  const std::string& at,
                  std::chrono::microseconds after = std::chrono::microseconds(0)) {
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    if (!at.empty()) ::setenv("CLERK_TEST_KILL_AT", at.c_str(), 1);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv;
    std::string program = CLERK_BINARY;
    argv.push_back(program.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  if (after.count() > 0) {
    std::this_thread::sleep_for(after);
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  Outcome o;
  o.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  if (WIFEXITED(status)) o.exit_code = WEXITSTATUS(status);
  return o;
}

// The example site, an edit of it (a report's text changed, a meeting
// removed), and a file put in the output folder by hand.
class EditedSite {
 public:
  explicit EditedSite(bool search) : search_(search) {
    CopyExampleSite(source());
    report_ = ReadFile(report());
  }
  fs::path source() const { return dir_.path() / "site"; }
  fs::path out() const { return dir_.path() / "public"; }
  fs::path report() const {
    return source() / "content/meetings" / kMeeting / "care-leavers-eia.md";
  }

  std::vector<std::string> Args(const fs::path& into) const {
    std::vector<std::string> args = {"build", "--source", source().string(), "--out",
                                     into.string()};
    if (!search_) args.push_back("--no-search");
    return args;
  }
  void Build(const fs::path& into) {
    Outcome o = RunKilled(Args(into), dir_.path(), "");
    REQUIRE(o.exit_code == 0);
  }
  void Old() {
    WriteFile(report(), report_);
    CopyTree(SourceDir() / "content/meetings" / kRemoved,
             source() / "content/meetings" / kRemoved);
  }
  void New() {
    WriteFile(report(), report_ + "\nA sentence added after the meeting.\n");
    fs::remove_all(source() / "content/meetings" / kRemoved);
  }
  const fs::path& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  bool search_;
  std::string report_;
};

// The old and the new site as built without a kill.
struct Sites {
  std::map<std::string, std::string> old_site, new_site;
};

Sites Reference(EditedSite& site) {
  Sites s;
  site.Old();
  site.Build(site.out());
  WriteFile(site.out() / "hand/notes.txt", "put here by hand");
  s.old_site = Files(site.out());
  site.New();
  fs::path ref = site.dir() / "reference";
  CopyTree(site.out(), ref);
  site.Build(ref);
  s.new_site = Files(ref);
  fs::remove_all(ref);
  REQUIRE(s.old_site != s.new_site);
  REQUIRE(s.new_site.count("hand/notes.txt") == 1);
  REQUIRE(s.new_site.count(std::string("meetings/") + kRemoved + "/index.html") == 0);
  return s;
}

// Puts the old site back in public/ (an edit build from the new one).
void BackToOld(EditedSite& site, const Sites& s) {
  site.Old();
  site.Build(site.out());
  REQUIRE(Files(site.out()) == s.old_site);
  site.New();
}

// After a kill: the next build succeeds, gives the new site and leaves
// nothing beside it.
void NextBuildFinishes(EditedSite& site, const Sites& s) {
  site.Build(site.out());
  CHECK(Files(site.out()) == s.new_site);
  CHECK(Beside(site.out()).empty());
}

}  // namespace

TEST_CASE(
    "clerk build killed at each step of its commit leaves the whole old site or the "
    "whole new one, and the next build finishes and clears what it left",
    "[e2e][crash]") {
  EditedSite site(/*search=*/false);
  Sites s = Reference(site);
  // Each step, which site a reader sees after a kill there, and whether the
  // step is reached only without a spare (the first edit build).
  struct Step {
    const char* name;
    bool is_new;
    bool without_spare;
  };
  const std::vector<Step> steps = {
      {"commit-start", false, false}, {"carry-some", false, true},
      {"mirror-some", false, false},  {"carried", false, false},
      {"carried", false, true},       {"bookkeeping", false, false},
      {"before-swap", false, false},  {"swapped", true, false},
      {"swapped", true, true}};
  for (const auto& [step, is_new, without_spare] : steps) {
    INFO("killed at " << step << (without_spare ? ", without a spare" : ""));
    BackToOld(site, s);
    if (without_spare) fs::remove_all(site.dir() / "public.old-spare");
    Outcome o = RunKilled(site.Args(site.out()), site.dir(), step);
    REQUIRE(o.killed);
    REQUIRE(fs::is_directory(site.out()));
    CHECK(Files(site.out()) == (is_new ? s.new_site : s.old_site));
    NextBuildFinishes(site, s);
  }
}

TEST_CASE("clerk build killed at timed moments leaves the old site or the new one",
          "[e2e][crash]") {
  EditedSite site(/*search=*/false);
  Sites s = Reference(site);
  // How long an edit build takes here; kills spread over it, more near the
  // end, where the commit is.
  BackToOld(site, s);
  auto started = std::chrono::steady_clock::now();
  site.Build(site.out());
  auto took = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  int old_seen = 0, new_seen = 0;
  for (double fraction : {0.3, 0.6, 0.8, 0.9, 0.95, 1.0, 1.05}) {
    INFO("killed after " << fraction << " of " << took.count() << " us");
    BackToOld(site, s);
    RunKilled(site.Args(site.out()), site.dir(), "",
              std::chrono::microseconds(static_cast<long>(took.count() * fraction)));
    REQUIRE(fs::is_directory(site.out()));
    std::map<std::string, std::string> now = Files(site.out());
    bool is_old = now == s.old_site, is_new = now == s.new_site;
    CHECK((is_old || is_new));
    old_seen += is_old;
    new_seen += is_new;
    NextBuildFinishes(site, s);
  }
  CHECK(old_seen + new_seen == 7);
}

TEST_CASE(
    "clerk build killed while indexing for search or before the swap leaves the old "
    "pages with their old index",
    "[e2e][crash][search]") {
  if (!fs::exists(SourceDir() / "node_modules/.bin/pagefind")) {
    WARN("pagefind not installed (npm ci): skipped");
    return;
  }
  EditedSite site(/*search=*/true);
  Sites s = Reference(site);
  REQUIRE(s.old_site.count("pagefind/standard.json") == 1);

  BackToOld(site, s);
  Outcome o = RunKilled(site.Args(site.out()), site.dir(), "before-swap");
  REQUIRE(o.killed);
  CHECK(Files(site.out()) == s.old_site);
  NextBuildFinishes(site, s);

  // Killed by the search indexer itself, half-way through its parts.
  BackToOld(site, s);
  fs::path fake = site.source() / "node_modules/.bin/pagefind";
  WriteFile(
      fake,
      "#!/bin/sh\ncase \"$*\" in *standard*) kill -KILL $PPID; exit 1;; esac\nexec '" +
          (SourceDir() / "node_modules/.bin/pagefind").string() + "' \"$@\"\n");
  fs::permissions(fake, fs::perms::owner_all);
  o = RunKilled(site.Args(site.out()), site.dir(), "");
  REQUIRE(o.killed);
  CHECK(Files(site.out()) == s.old_site);
  fs::remove(fake);
  NextBuildFinishes(site, s);
}
