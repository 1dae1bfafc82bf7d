// clerk serve: each build runs in a child process, which a stop signal
// kills at once, and whose messages, exit code, exception or crash come
// back to the server.
#include "serve/build_process.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "stop_pipe.h"
#include "test_support.h"

using namespace clerk::serve;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A pipe standing for the signal file descriptor.
using clerk::testing::StopPipe;

TEST_CASE("serve: a build in a child process gives back its code and every message",
          "[serve]") {
  StopPipe stop;
  // More than a pipe holds, so the server must read while the build writes.
  std::string many;
  for (int i = 0; i < 5000; ++i)
    many += "content/x.md:" + std::to_string(i) + ":1: warning: a long sentence\n";
  std::optional<BuildOutcome> outcome = BuildInChild(
      [&](std::string& messages) {
        messages = many;
        return 1;
      },
      stop.fds[0]);
  REQUIRE(outcome);
  CHECK(outcome->code == 1);
  CHECK(outcome->messages == many);

  outcome = BuildInChild([](std::string&) { return 0; }, stop.fds[0]);
  REQUIRE(outcome);
  CHECK(outcome->code == 0);
  CHECK(outcome->messages.empty());
}

TEST_CASE("serve: a build that throws or crashes is a failed build that says so",
          "[serve]") {
  StopPipe stop;
  std::optional<BuildOutcome> outcome = BuildInChild(
      [](std::string& messages) -> int {
        messages = "content/x.md:1:1: warning: said before\n";
        throw std::runtime_error("disk\non fire");
      },
      stop.fds[0]);
  REQUIRE(outcome);
  CHECK(outcome->code == 1);
  CHECK(outcome->messages ==
        "content/x.md:1:1: warning: said before\n"
        "clerk: error: the build stopped on an internal error (disk on fire); this is a "
        "bug in clerk: please report it with the file you last changed\n");

  outcome = BuildInChild(
      [](std::string&) -> int {
        std::signal(SIGABRT, SIG_DFL);  // not Catch's handler: a plain crash
        std::abort();
      },
      stop.fds[0]);
  REQUIRE(outcome);
  CHECK(outcome->code == 1);
  CHECK(outcome->messages.find("internal error (it crashed: Aborted)") !=
        std::string::npos);
}

TEST_CASE("serve: a stop during a build kills it at once", "[serve]") {
  StopPipe stop;
  clerk::testing::TempDir dir;
  std::filesystem::path started = dir.path() / "started";
  std::filesystem::path finished = dir.path() / "finished";
  std::thread signal([&] {
    auto until = Clock::now() + 30s;
    while (!std::filesystem::exists(started) && Clock::now() < until)
      std::this_thread::sleep_for(1ms);
    stop.Signal();
  });
  auto begun = Clock::now();
  std::optional<BuildOutcome> outcome = BuildInChild(
      [&](std::string&) {
        clerk::testing::WriteFile(started, "");
        std::this_thread::sleep_for(20s);  // a long build
        clerk::testing::WriteFile(finished, "");
        return 0;
      },
      stop.fds[0]);
  signal.join();
  CHECK_FALSE(outcome);
  CHECK(Clock::now() - begun < 5s);
  // Killed and reaped: it never finishes.
  std::this_thread::sleep_for(100ms);
  CHECK_FALSE(std::filesystem::exists(finished));
}

TEST_CASE("serve: the build's process holds none of the server's sockets", "[serve]") {
  StopPipe stop;
  int pair[2];
  REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
  std::optional<BuildOutcome> outcome = BuildInChild(
      [&](std::string& messages) {
        // A connection the server closes must not stay open in the build.
        messages = ::fcntl(pair[0], F_GETFD) < 0 ? "closed" : "open";
        return 0;
      },
      stop.fds[0]);
  REQUIRE(outcome);
  CHECK(outcome->messages == "closed");
  ::close(pair[0]);
  ::close(pair[1]);
}
