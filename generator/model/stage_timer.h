// Prints how long each stage of a build took, when CLERK_TIMINGS is set in
// the environment (for profiling and docs/benchmarks.md; silent otherwise).
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace clerk {

class StageTimer {
 public:
  StageTimer() : on_(std::getenv("CLERK_TIMINGS") != nullptr), last_(Clock::now()) {}

  // "clerk: timing: <stage> 0.123 s <detail>" for the time since the last
  // mark.
  void Mark(const char* stage, const std::string& detail = "") {
    if (!on_) return;
    Clock::time_point now = Clock::now();
    std::fprintf(stderr, "clerk: timing: %-22s %.3f s %s\n", stage,
                 std::chrono::duration<double>(now - last_).count(), detail.c_str());
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  Clock::time_point last_;
};

}  // namespace clerk
