// --jobs bounds the threads of a build: with --jobs 1 clerk starts none
// (loading, checks, the log read and the index run one after another), and
// the output is the same as with more jobs. Threads are counted by a small
// library loaded with LD_PRELOAD (tests/e2e/thread_counter.cc).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "incremental/state_files.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

// Runs clerk with `args` in `site`, and gives the number of threads it started.
int ThreadsOf(const fs::path& site, const std::string& args, CommandResult* result) {
  const fs::path count_file = site.parent_path() / "threads.txt";
  fs::remove(count_file);
  *result =
      RunProgram("/usr/bin/env",
                 "CLERK_THREAD_COUNT_FILE='" + count_file.string() + "' LD_PRELOAD='" +
                     CLERK_THREAD_COUNTER + "' '" + CLERK_BINARY + "' " + args,
                 site);
  std::ifstream in(count_file);
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

// Every file under `dir` (bookkeeping left out) with its bytes.
std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string rel = fs::relative(entry.path(), dir).generic_string();
    if (rel.rfind(".clerk", 0) == 0) continue;
    if (entry.is_regular_file()) files[rel] = ReadFile(entry.path());
  }
  return files;
}

}  // namespace

TEST_CASE("a build with --jobs 1 runs on the program's one thread, with the same output",
          "[e2e][jobs]") {
  TempDir dir;
  const fs::path site = dir.path() / "site";
  CopyTree(SourceDir() / "content", site / "content");
  fs::copy_file(SourceDir() / "site.yaml", site / "site.yaml");

  // The counter counts: two jobs start threads.
  CommandResult two;
  CHECK(ThreadsOf(site, "build --jobs 2 --no-search --out out-2", &two) > 0);
  REQUIRE(two.exit_code == 0);

  CommandResult one;
  CHECK(ThreadsOf(site, "build --jobs 1 --no-search --out out-1", &one) == 0);
  REQUIRE(one.exit_code == 0);
  CHECK(Files(site / "out-1") == Files(site / "out-2"));

  // An edit build reads the last build's log and caches: still one thread.
  const fs::path report =
      site / "content/meetings/2019-09-16-cyp-scrutiny/youth-justice-plan-report.md";
  REQUIRE(fs::exists(report));
  { std::ofstream(report, std::ios::app) << "\nA sentence added after the meeting.\n"; }
  CHECK(ThreadsOf(site, "build --jobs 1 --no-search --out out-1", &one) == 0);
  REQUIRE(one.exit_code == 0);
  CHECK(one.output.find("written") != std::string::npos);
  // And the edit after it, which brings the spare folder up to date from
  // the last build's record (output/spare_record.h) after checking both
  // folders: still one thread.
  REQUIRE(fs::exists(site / "out-1" / clerk::kSpareRecordFile));
  { std::ofstream(report, std::ios::app) << "\nAnother sentence.\n"; }
  CHECK(ThreadsOf(site, "build --jobs 1 --no-search --out out-1", &one) == 0);
  REQUIRE(one.exit_code == 0);
  CHECK(ReadFile(site / "out-1/meetings/2019-09-16-cyp-scrutiny/"
                        "youth-justice-plan-report/index.html")
            .find("Another sentence.") != std::string::npos);
}
