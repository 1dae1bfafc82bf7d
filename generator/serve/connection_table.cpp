#include "serve/connection_table.h"

#include <sys/socket.h>

namespace clerk::serve {

ConnectionTable::Admission ConnectionTable::Admit(int fd) {
  std::lock_guard lock(mutex_);
  if (stopping_) return Admission::kStopping;
  if (static_cast<int>(open_.size()) >= max_connections_) {
    auto oldest = open_.end();
    for (auto it = open_.begin(); it != open_.end(); ++it)
      if (it->reading_head && (oldest == open_.end() || it->admitted < oldest->admitted))
        oldest = it;
    if (oldest == open_.end()) return Admission::kBusy;
    // Its thread sees the end of input at once and finishes; the entry
    // goes now, so it is not cut off twice.
    ::shutdown(oldest->fd, SHUT_RDWR);
    open_.erase(oldest);
  }
  open_.push_back({fd, true, std::chrono::steady_clock::now()});
  return Admission::kAdmitted;
}

void ConnectionTable::HeadRead(int fd) {
  std::lock_guard lock(mutex_);
  for (Entry& entry : open_)
    if (entry.fd == fd) entry.reading_head = false;
}

void ConnectionTable::Remove(int fd) {
  std::lock_guard lock(mutex_);
  open_.remove_if([fd](const Entry& entry) { return entry.fd == fd; });
}

void ConnectionTable::CloseAll() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  for (const Entry& entry : open_) ::shutdown(entry.fd, SHUT_RDWR);
}

}  // namespace clerk::serve
