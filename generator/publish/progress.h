// What a deploy prints while it works: a progress bar on a terminal, one line
// per batch otherwise (CI logs), and one summary line at the end. Paths and
// counts only: no URL credentials or secrets ever reach these lines.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>

namespace clerk::publish {

class Progress {
 public:
  Progress(std::ostream& log, bool terminal, bool verbose, size_t total_items,
           int64_t total_bytes);
  // One file done (thread-safe).
  void Item(bool is_delete, const std::string& path, int64_t bytes);
  void BatchDone(size_t index, size_t count, const char* phase, size_t items, int64_t bytes);
  // Clears the bar before another message is printed.
  void Interrupt();
  double Seconds() const;

 private:
  void Draw();
  std::ostream& log_;
  bool terminal_, verbose_;
  size_t total_items_, done_items_ = 0;
  int64_t total_bytes_, done_bytes_ = 0;
  bool bar_shown_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mutex_;
};

}  // namespace clerk::publish
