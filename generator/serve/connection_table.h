// clerk serve: the connections being served, and room for new ones.
// Anything on the machine, a web page in a browser included, can connect,
// so their number is bounded (ServerLimits::max_connections). When all are
// taken, the one that has waited longest for its request head is cut off
// for the newcomer; if every one is past its head (being answered, or an
// event stream), the newcomer is refused at once. So slow clients never
// keep a quick request out.
#pragma once

#include <chrono>
#include <list>
#include <mutex>

namespace clerk::serve {

class ConnectionTable {
 public:
  explicit ConnectionTable(int max_connections) : max_connections_(max_connections) {}

  enum class Admission { kAdmitted, kBusy, kStopping };
  // Takes `fd` in, making room if need be (see above).
  Admission Admit(int fd);
  // `fd` has sent its whole request head: it is no longer cut off for room.
  void HeadRead(int fd);
  // `fd` is about to be closed.
  void Remove(int fd);
  // Ends every connection (the server stops): their reads see the end of
  // input and their writes fail at once. Admits none from now on.
  void CloseAll();

 private:
  struct Entry {
    int fd;
    bool reading_head = true;
    std::chrono::steady_clock::time_point admitted;
  };

  std::mutex mutex_;
  const int max_connections_;
  bool stopping_ = false;
  std::list<Entry> open_;
};

}  // namespace clerk::serve
