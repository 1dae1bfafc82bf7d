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

  // "0.123 s".
  static std::string Format(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f s", seconds);
    return text;
  }

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

// The seconds since it was made, for a part of a stage timed on its own.
class SecondsSince {
 public:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
        .count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace clerk
