// Runs work items on several threads. Items are handed out in small chunks
// from a shared counter, so long and short items even out; each thread knows
// its own index, to keep per-thread state (a Theme, Diagnostics) without
// locks. Results must not depend on which thread ran an item.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace clerk {

// Calls work(i, thread) for every i in [0, count) on `jobs` threads (the
// caller's thread is thread 0). Returns when all are done.
//
// An exception thrown by `work` on any thread is carried to the caller and
// thrown there once every thread has stopped (items not yet started are
// not started): an exception left on a worker thread would end the whole
// program (std::terminate), clerk serve with it. If the system cannot start
// a thread, the items run on the threads it could start.
inline void ParallelFor(size_t count, int jobs,
                        const std::function<void(size_t item, int thread)>& work) {
  int threads =
      std::max(1, std::min<int>(jobs, static_cast<int>(std::min<size_t>(count, 256))));
  std::atomic<size_t> next{0};
  const size_t chunk =
      std::clamp<size_t>(count / (static_cast<size_t>(threads) * 64), 1, 64);
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto run = [&](int thread) {
    try {
      for (;;) {
        size_t begin = next.fetch_add(chunk);
        if (begin >= count) return;
        size_t end = std::min(count, begin + chunk);
        for (size_t i = begin; i < end; ++i) work(i, thread);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = count;  // the other threads take no more items
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads));
  for (int t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(run, t);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: fewer threads share the items
    }
  }
  run(0);
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

// One thread per core: what a build uses when --jobs does not say. Every
// stage is told its number of jobs by its caller (builder/stages.h, Jobs);
// this is only the default a caller that was told nothing passes on.
inline int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

// Runs `work` on a thread of its own beside the caller, when more than one
// job is allowed; with --jobs 1 it runs on the caller's thread when its
// result is asked for, so clerk never starts a second thread.
template <typename Work>
auto Beside(int jobs, Work&& work) {
  return std::async(jobs > 1 ? std::launch::async : std::launch::deferred,
                    std::forward<Work>(work));
}

}  // namespace clerk
