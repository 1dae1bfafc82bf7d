// The pipe a test hands to BuildWorker::Build and RunBuildProcess as their
// stop signal: readable once Signal() writes to it.
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>

namespace clerk::testing {

struct StopPipe {
  int fds[2] = {-1, -1};
  StopPipe() { REQUIRE(::pipe(fds) == 0); }
  ~StopPipe() {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  StopPipe(const StopPipe&) = delete;
  StopPipe& operator=(const StopPipe&) = delete;
  void Signal() { REQUIRE(::write(fds[1], "x", 1) == 1); }
};

}  // namespace clerk::testing
