#include "cli/progress_line.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace clerk {

ProgressLine::ProgressLine(std::ostream& out, bool interactive)
    : out_(out), interactive_(interactive), started_(std::chrono::steady_clock::now()) {}

bool ProgressLine::Interactive(int fd) {
  const char* term = std::getenv("TERM");
  const char* ci = std::getenv("CI");
  return ::isatty(fd) && !(term && std::strcmp(term, "dumb") == 0) && !(ci && *ci);
}

void ProgressLine::Update(const std::string& stage, size_t done, size_t total) {
  if (!interactive_) return;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  if (now - started_ < std::chrono::seconds(1)) return;
  if (drawn_ && now - last_drawn_ < std::chrono::milliseconds(100) && done < total)
    return;
  last_drawn_ = now;
  drawn_ = true;
  int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
  char line[160];
  std::snprintf(line, sizeof line, "\r\033[Kclerk: %s %zu/%zu (%d%%)", stage.c_str(),
                done, total, percent);
  out_ << line << std::flush;
}

void ProgressLine::Done() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!drawn_) return;
  out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace clerk
