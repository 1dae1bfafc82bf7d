// clerk serve: one long-lived build worker process instead of a fresh child
// per build. The worker is forked once (fork, no exec) and runs every build
// in turn, so what the rebuild function keeps between calls (the loaded
// site, caches, the writer's log) stays in memory from one build to the
// next, and each build is told which source paths changed.
//
// What build_process.h promises still holds: a stop signal during a build
// kills the worker at once (a killed build leaves the output whole), and a
// build that throws, crashes or fails is a failed build, after which the
// worker is ended and a fresh one started for the next build (its state may
// be half-updated; a fresh one starts from what is on disk).
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "serve/build_process.h"

namespace clerk::serve {

// One build after `changed` (paths relative to the source, as the watcher
// gives them; empty: the first build, or nothing known, so build it all).
// Returns the exit code and puts the diagnostics in `messages`.
using EditRebuildFunction =
    std::function<int(const std::vector<std::string>& changed, std::string& messages)>;

// Work the worker does after it answered a build and before it reads the
// next request (a session's hand-over to the next build, and freeing this
// one's memory): the page reloads meanwhile.
using SettleFunction = std::function<void()>;

class BuildWorker {
 public:
  explicit BuildWorker(EditRebuildFunction rebuild, SettleFunction settle = {});
  BuildWorker(const BuildWorker&) = delete;
  BuildWorker& operator=(const BuildWorker&) = delete;
  ~BuildWorker();  // ends the worker

  // Runs one build in the worker, starting one first if none runs. Returns
  // nothing when `stop_fd` becomes readable first: the worker is then killed
  // and reaped before this returns.
  std::optional<BuildOutcome> Build(const std::vector<std::string>& changed, int stop_fd);

  // Kills and reaps the worker, if one runs; the next Build starts another.
  void Stop();

  pid_t pid() const { return pid_; }  // -1 when none runs

 private:
  bool Start(std::string* error);
  // Reads one answer; nothing when stopped. `crashed` when the worker went.
  std::optional<BuildOutcome> ReadAnswer(int stop_fd, bool* crashed);

  EditRebuildFunction rebuild_;
  SettleFunction settle_;
  pid_t pid_ = -1;
  int to_worker_ = -1;    // requests: paths, each ended by NUL; an empty one ends
  int from_worker_ = -1;  // answers: "<code> <length>\n" and the messages
};

}  // namespace clerk::serve
