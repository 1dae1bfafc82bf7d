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
  StageTimer()
      : on_(std::getenv("CLERK_TIMINGS") != nullptr),
        rss_(on_ && std::string(std::getenv("CLERK_TIMINGS")) == "rss"),
        last_(Clock::now()) {}

  // "0.123 s".
  static std::string Format(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f s", seconds);
    return text;
  }

  // "clerk: timing: <stage> 0.123 s <detail>" for the time since the last
  // mark; with CLERK_TIMINGS=rss, " (rss <megabytes> MB)" after it, the
  // memory the process holds then.
  void Mark(const char* stage, const std::string& detail = "") {
    if (!on_) return;
    Clock::time_point now = Clock::now();
    std::string rss = rss_ ? " (rss " + std::to_string(ResidentMegabytes()) + " MB)" : "";
    std::fprintf(stderr, "clerk: timing: %-22s %.3f s %s%s\n", stage,
                 std::chrono::duration<double>(now - last_).count(), detail.c_str(),
                 rss.c_str());
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  // The process's resident memory now (/proc/self/statm), so a profile
  // shows which stage holds the peak; -1 if unknown.
  static long ResidentMegabytes() {
    long pages_total = 0, pages_resident = -1;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
      if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2)
        pages_resident = -1;
      std::fclose(f);
    }
    return pages_resident < 0 ? -1 : pages_resident * 4096 / (1024 * 1024);
  }
  bool on_;
  bool rss_;
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
