#include "serve/serve.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <shared_mutex>
#include <vector>

#include "serve/build_worker.h"
#include "serve/file_watcher.h"
#include "serve/http_server.h"
#include "serve/live_reload.h"
#include "serve/site_answer.h"

namespace clerk::serve {

namespace {

// SIGINT and SIGTERM arrive on a file descriptor, so the main loop can
// wait for them and for file changes at once. Blocked before any thread
// starts (threads inherit the mask); restored on the way out.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_mask_);
    // A shell starting us in the background sets SIGINT to "ignore", which
    // would drop it before signalfd saw it.
    struct sigaction deflt {};
    deflt.sa_handler = SIG_DFL;
    sigaction(SIGINT, &deflt, &old_int_);
    sigaction(SIGTERM, &deflt, &old_term_);
    fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC);
  }
  ~StopSignals() {
    if (fd_ >= 0) ::close(fd_);
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  }
  int fd() const { return fd_; }
  // The name of the signal that came ("" if none).
  std::string Received() const {
    signalfd_siginfo info{};
    if (fd_ < 0 || ::read(fd_, &info, sizeof info) != sizeof info) return "";
    return info.ssi_signo == SIGINT ? "SIGINT" : "SIGTERM";
  }

 private:
  sigset_t set_;
  sigset_t old_mask_;
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
  int fd_ = -1;
};

std::string Seconds(std::chrono::steady_clock::duration elapsed) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s",
                std::chrono::duration<double>(elapsed).count());
  return text;
}

int CountLines(const std::string& messages, const char* kind) {
  int count = 0;
  for (std::size_t at = messages.find(kind); at != std::string::npos;
       at = messages.find(kind, at + 1))
    ++count;
  return count;
}

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string DescribeChanges(const std::vector<std::string>& changes) {
  if (changes.size() == 1) return changes[0] + " changed";
  if (changes.size() == 2) return changes[0] + " and " + changes[1] + " changed";
  return changes[0] + " and " +
         Plural(static_cast<int>(changes.size()) - 1, "other file") + " changed";
}

// Builds in `worker` after `changes` while no request reads the
// output, records the result for the pages and writes one line to `log`,
// with the messages under it (every warning's text, or the errors, so
// editors can jump to them). Returns false when a stop signal came first:
// the build was stopped.
bool Build(const std::vector<std::string>& changes, BuildWorker& worker,
           std::shared_mutex& site, LiveReload& live, std::ostream& log, int stop_fd) {
  const std::string what = changes.empty() ? "first build" : DescribeChanges(changes);
  auto started = std::chrono::steady_clock::now();
  std::optional<BuildOutcome> outcome;
  {
    std::unique_lock lock(site);
    outcome = worker.Build(changes, stop_fd);
  }
  if (!outcome) return false;
  std::string took = Seconds(std::chrono::steady_clock::now() - started);
  log << "clerk serve: " << what << ": ";
  if (outcome->code == 0) {
    int warnings = CountLines(outcome->messages, ": warning: ");
    log << "built in " << took;
    if (warnings > 0) log << ", " << Plural(warnings, "warning");
    log << "\n";
  } else {
    int errors = CountLines(outcome->messages, ": error: ");
    log << "failed (" << Plural(errors, "error") << ") in " << took
        << "; the pages show the errors\n";
  }
  log << outcome->messages << std::flush;
  live.BuildFinished(outcome->code == 0, std::move(outcome->messages));
  return true;
}

// After SIGINT or SIGTERM: ends the event streams, then the server (which
// then joins every connection at once), and says which signal it was.
int Stopped(const StopSignals& signals, LiveReload& live, HttpServer& server,
            std::ostream& log) {
  std::string signal = signals.Received();
  live.Stop();
  server.Stop();
  log << "clerk serve: stopped" << (signal.empty() ? "" : " (" + signal + ")")
      << std::endl;
  return 0;
}

}  // namespace

int RunServe(const ServeOptions& options, RebuildFunction rebuild, std::ostream& log) {
  return RunServe(
      options,
      [rebuild = std::move(rebuild)](const std::vector<std::string>&,
                                     std::string& messages) { return rebuild(messages); },
      log);
}

int RunServe(const ServeOptions& options, EditRebuildFunction rebuild, std::ostream& log,
             SettleFunction settle) {
  StopSignals signals;
  if (signals.fd() < 0) {
    log << "clerk serve: cannot wait for signals: " << std::strerror(errno) << "\n";
    return 1;
  }
  HttpServer server;
  std::string error;
  bool in_use = false;
  if (!server.Listen(options.port, &error, &in_use)) {
    if (in_use)
      log << "clerk serve: port " << options.port
          << " on 127.0.0.1 is already in use; choose another with --port\n";
    else
      log << "clerk serve: " << error << "\n";
    return 1;
  }
  // Watch before the first build, so a save during it is not missed.
  FileWatcher watcher(options.source, options.out);
  if (!watcher.Start(&error)) {
    log << "clerk serve: " << error << "\n";
    return 1;
  }

  std::shared_mutex site;  // shared: a request reads the output; unique: a build
  LiveReload live;
  BuildWorker worker(std::move(rebuild), std::move(settle));  // ended when this returns
  if (!Build({}, worker, site, live, log, signals.fd()))
    return Stopped(signals, live, server, log);
  std::filesystem::path root = options.out;
  server.Start([&](const HttpRequest& request) {
    if (request.path == kEventsPath && request.method == "GET") return live.Events();
    std::shared_lock lock(site);
    return AnswerRequest(root, request, live.State());
  });
  log << "clerk serve: http://127.0.0.1:" << server.port() << "/ serves " << options.out
      << ", rebuilt when " << options.source << " changes; Ctrl-C stops" << std::endl;

  while (std::optional<std::vector<std::string>> changes =
             watcher.WaitForChanges(signals.fd())) {
    if (!Build(*changes, worker, site, live, log, signals.fd())) break;
  }
  return Stopped(signals, live, server, log);
}

}  // namespace clerk::serve
