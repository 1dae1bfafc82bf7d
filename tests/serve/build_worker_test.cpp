// clerk serve: one long-lived build worker keeps what the rebuild function
// holds between builds, is told what changed, and is ended (and started
// afresh for the next build) after a failed build, a crash or a stop.
#include "serve/build_worker.h"

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "stop_pipe.h"
#include "test_support.h"

using namespace clerk::serve;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

using clerk::testing::StopPipe;

namespace {

std::string Joined(const std::vector<std::string>& paths) {
  std::string text;
  for (const std::string& p : paths) text += p + ";";
  return text;
}

}  // namespace

TEST_CASE(
    "serve: the build worker keeps its memory between builds and hears what changed",
    "[serve][worker]") {
  StopPipe stop;
  int builds = 0;  // lives in the worker: counts only if the worker stays
  BuildWorker worker([&](const std::vector<std::string>& changed, std::string& messages) {
    messages = std::to_string(++builds) + " " + Joined(changed);
    return 0;
  });
  std::optional<BuildOutcome> first = worker.Build({}, stop.fds[0]);
  REQUIRE(first);
  CHECK(first->code == 0);
  CHECK(first->messages == "1 ");
  pid_t pid = worker.pid();
  CHECK(pid > 0);
  std::optional<BuildOutcome> second =
      worker.Build({"content/meetings/a/report.md", "site.yaml"}, stop.fds[0]);
  REQUIRE(second);
  CHECK(second->messages == "2 content/meetings/a/report.md;site.yaml;");
  CHECK(worker.pid() == pid);
  CHECK(builds == 0);  // the server's copy never built
}

TEST_CASE("serve: after a failed build the worker starts afresh and recovers",
          "[serve][worker]") {
  StopPipe stop;
  clerk::testing::TempDir dir;
  std::filesystem::path broken = dir.path() / "broken";
  int builds = 0;
  BuildWorker worker([&](const std::vector<std::string>&, std::string& messages) {
    ++builds;
    if (std::filesystem::exists(broken)) {
      messages = "content/x.md:1:1: error: broken\n";
      return 1;
    }
    messages = std::to_string(builds);
    return 0;
  });
  REQUIRE(worker.Build({}, stop.fds[0])->messages == "1");
  REQUIRE(worker.Build({"a"}, stop.fds[0])->messages == "2");
  pid_t pid = worker.pid();
  clerk::testing::WriteFile(broken, "");
  std::optional<BuildOutcome> failed = worker.Build({"a"}, stop.fds[0]);
  REQUIRE(failed);
  CHECK(failed->code == 1);
  CHECK(failed->messages == "content/x.md:1:1: error: broken\n");
  CHECK(worker.pid() == -1);  // ended: its state may be half-updated
  std::filesystem::remove(broken);
  std::optional<BuildOutcome> fixed = worker.Build({"a"}, stop.fds[0]);
  REQUIRE(fixed);
  CHECK(fixed->code == 0);
  CHECK(fixed->messages == "1");  // a fresh worker
  CHECK(worker.pid() != pid);
}

TEST_CASE(
    "serve: a worker that throws or crashes fails the build, and the next one builds",
    "[serve][worker]") {
  StopPipe stop;
  clerk::testing::TempDir dir;
  std::filesystem::path count = dir.path() / "count";
  BuildWorker worker([&](const std::vector<std::string>&, std::string& messages) -> int {
    std::ofstream(count, std::ios::app) << "x";
    auto n = std::filesystem::file_size(count);
    if (n == 1) {
      messages = "said before\n";
      throw std::runtime_error("disk\non fire");
    }
    if (n == 2) {
      std::signal(SIGABRT, SIG_DFL);  // not Catch's handler: a plain crash
      std::abort();
    }
    messages = "built";
    return 0;
  });
  std::optional<BuildOutcome> thrown = worker.Build({}, stop.fds[0]);
  REQUIRE(thrown);
  CHECK(thrown->code == 1);
  CHECK(
      thrown->messages.find("said before\nclerk: error: the build stopped on an internal "
                            "error (disk on fire)") == 0);
  std::optional<BuildOutcome> crashed = worker.Build({"a"}, stop.fds[0]);
  REQUIRE(crashed);
  CHECK(crashed->code == 1);
  CHECK(crashed->messages.find("internal error (it crashed: Aborted)") !=
        std::string::npos);
  CHECK(worker.pid() == -1);
  std::optional<BuildOutcome> built = worker.Build({"a"}, stop.fds[0]);
  REQUIRE(built);
  CHECK(built->code == 0);
  CHECK(built->messages == "built");
}

TEST_CASE("serve: a stop during a build in the worker kills it at once",
          "[serve][worker]") {
  StopPipe stop;
  clerk::testing::TempDir dir;
  std::filesystem::path started = dir.path() / "started";
  std::filesystem::path finished = dir.path() / "finished";
  BuildWorker worker([&](const std::vector<std::string>& changed, std::string&) {
    if (changed.empty()) return 0;  // the first build is quick
    clerk::testing::WriteFile(started, "");
    std::this_thread::sleep_for(20s);  // a long build
    clerk::testing::WriteFile(finished, "");
    return 0;
  });
  REQUIRE(worker.Build({}, stop.fds[0]));
  pid_t pid = worker.pid();
  std::thread signal([&] {
    auto until = Clock::now() + 30s;
    while (!std::filesystem::exists(started) && Clock::now() < until)
      std::this_thread::sleep_for(1ms);
    stop.Signal();
  });
  auto begun = Clock::now();
  std::optional<BuildOutcome> outcome = worker.Build({"a"}, stop.fds[0]);
  signal.join();
  CHECK_FALSE(outcome);
  CHECK(Clock::now() - begun < 5s);
  CHECK(worker.pid() == -1);
  CHECK(::kill(pid, 0) != 0);  // killed and reaped
  std::this_thread::sleep_for(100ms);
  CHECK_FALSE(std::filesystem::exists(finished));
}

TEST_CASE("serve: the worker answers a build before it settles it", "[serve][worker]") {
  // Settling (the session's hand-over, freeing the build) waits here until
  // the test has the answer: were it done before answering, the build
  // would never be answered, and the stop below would end it.
  clerk::testing::TempDir dir;
  const std::filesystem::path answered = dir.path() / "answered";
  const std::filesystem::path settled = dir.path() / "settled";
  int builds = 0;
  BuildWorker worker(
      [&](const std::vector<std::string>&, std::string& messages) {
        messages = "built " + std::to_string(++builds) +
                   (std::filesystem::exists(settled) ? " after settling" : "");
        return 0;
      },
      [&] {
        for (int i = 0; i < 500 && !std::filesystem::exists(answered); ++i)
          std::this_thread::sleep_for(10ms);
        std::ofstream(settled) << (std::filesystem::exists(answered) ? "in order" : "no");
      });
  StopPipe stop;
  std::atomic<bool> done{false};
  std::thread stopper([&] {
    // A build takes milliseconds here: after 3 s it is not coming.
    for (int i = 0; i < 300 && !done; ++i) std::this_thread::sleep_for(10ms);
    if (!done) (void)!::write(stop.fds[1], "x", 1);
  });
  std::optional<BuildOutcome> first = worker.Build({}, stop.fds[0]);
  REQUIRE(first);
  CHECK(first->messages == "built 1");
  std::ofstream(answered) << "yes";
  std::optional<BuildOutcome> second = worker.Build({"site.yaml"}, stop.fds[0]);
  done = true;
  stopper.join();
  REQUIRE(second);
  // The next build comes after the settling of the one before.
  CHECK(second->messages == "built 2 after settling");
  CHECK(clerk::testing::ReadFile(settled) == "in order");
}

TEST_CASE(
    "serve: the worker settles a build at the lowest priority, and builds at its own",
    "[serve][worker]") {
  // Settling runs while the reader's page reloads: the server and the
  // browser come first. The builds themselves keep the worker's priority.
  clerk::testing::TempDir dir;
  const std::filesystem::path settled = dir.path() / "settled";
  auto niceness = [] {
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
  };
  const int own = niceness();
  BuildWorker worker(
      [&](const std::vector<std::string>&, std::string& messages) {
        messages = "nice " + std::to_string(niceness());
        return 0;
      },
      [&] {
        int in_thread = -1;
        std::thread started([&] { in_thread = niceness(); });  // threads it starts too
        started.join();
        // The first settling only: the test reads the file after the second build.
        if (!std::filesystem::exists(settled))
          std::ofstream(settled) << niceness() << " " << in_thread;
      });
  StopPipe stop;
  std::optional<BuildOutcome> first = worker.Build({}, stop.fds[0]);
  std::optional<BuildOutcome> second = worker.Build({"site.yaml"}, stop.fds[0]);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->messages == "nice " + std::to_string(own));
  CHECK(second->messages == "nice " + std::to_string(own));
  CHECK(clerk::testing::ReadFile(settled) == "19 19");
}
