// How far a long job is. On a terminal: one line, redrawn in place, shown
// only once the job has taken a second (quick builds stay quiet) and redrawn
// at most ten times a second. Elsewhere (CI, a pipe, a log file) it prints
// nothing; the caller ends with its one summary line either way.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace clerk {

class ProgressLine {
 public:
  ProgressLine(std::ostream& out, bool interactive);
  ~ProgressLine() { Done(); }

  // Safe from several threads. `stage`: "rendering", "uploading" ...
  void Update(const std::string& stage, size_t done, size_t total);
  // Clears the line, if one was drawn.
  void Done();

  // True when progress should be drawn on file descriptor `fd`: it is a
  // terminal, TERM is not "dumb" and CI is not set.
  static bool Interactive(int fd);

 private:
  std::ostream& out_;
  const bool interactive_;
  const std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_drawn_{};
  bool drawn_ = false;
  std::mutex mutex_;
};

}  // namespace clerk
