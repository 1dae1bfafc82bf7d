#include "publish/progress.h"

#include <cstdio>
#include <ostream>

#include "publish/plan.h"

namespace clerk::publish {

Progress::Progress(std::ostream& log, bool terminal, bool verbose, size_t total_items,
                   int64_t total_bytes)
    : log_(log),
      terminal_(terminal),
      verbose_(verbose),
      total_items_(total_items),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()) {}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Item(bool is_delete, const std::string& path, int64_t bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_items_;
  done_bytes_ += bytes;
  if (verbose_) {
    if (bar_shown_) log_ << "\r\033[K";
    bar_shown_ = false;
    log_ << (is_delete ? "  deleted  " : "  uploaded ") << path;
    if (!is_delete) log_ << " (" << HumanBytes(bytes) << ")";
    log_ << "\n";
  }
  if (terminal_) {
    auto now = std::chrono::steady_clock::now();
    if (done_items_ == total_items_ || now - last_draw_ > std::chrono::milliseconds(100)) {
      last_draw_ = now;
      Draw();
    }
  }
}

void Progress::Draw() {
  constexpr int kWidth = 30;
  int filled = total_items_ ? static_cast<int>(kWidth * done_items_ / total_items_) : kWidth;
  std::string bar(filled, '#');
  bar += std::string(kWidth - filled, ' ');
  log_ << "\r\033[K[" << bar << "] " << Thousands(done_items_) << "/" << Thousands(total_items_)
       << " files, " << HumanBytes(done_bytes_) << "/" << HumanBytes(total_bytes_) << std::flush;
  bar_shown_ = true;
}

void Progress::Interrupt() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (bar_shown_) log_ << "\r\033[K" << std::flush;
  bar_shown_ = false;
}

void Progress::BatchDone(size_t index, size_t count, const char* phase, size_t items,
                         int64_t bytes) {
  // The bar says it on a terminal; elsewhere (CI, logs) only --verbose
  // lists batches, and the summary line says the rest.
  if (terminal_ || !verbose_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s", Seconds());
  log_ << "clerk deploy: batch " << index << "/" << count << " (" << phase << "): "
       << Thousands(items) << " files, " << HumanBytes(bytes) << " [" << Thousands(done_items_)
       << "/" << Thousands(total_items_) << ", " << seconds << "]\n"
       << std::flush;
}

}  // namespace clerk::publish
