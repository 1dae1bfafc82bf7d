#include "serve/serve.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <shared_mutex>
#include <vector>

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

// Runs `rebuild` while no request reads the output. A build that throws is
// a failed build with one message saying so: the preview keeps serving
// (the last good files, and the error page instead of every page) and the
// next save builds again, instead of the exception ending the server.
int RebuildCatching(const RebuildFunction& rebuild, std::shared_mutex& site,
                    std::string& messages) {
  std::string what;
  try {
    std::unique_lock lock(site);
    return rebuild(messages);
  } catch (const std::exception& e) {
    what = e.what();
    for (char& c : what)
      if (c == '\n' || c == '\r') c = ' ';  // one message, one line
  } catch (...) {
    what = "an unknown exception";
  }
  if (!messages.empty() && messages.back() != '\n') messages += '\n';
  messages += "clerk: error: the build stopped on an internal error (" + what +
              "); this is a bug in clerk: please report it with the file you last "
              "changed\n";
  return 1;
}

// Builds with `rebuild` while no request reads the output, records the
// result for the pages and writes one line to `log` (and the messages
// when it failed, so editors can jump to them).
void Build(const std::string& what, const RebuildFunction& rebuild,
           std::shared_mutex& site, LiveReload& live, std::ostream& log) {
  auto started = std::chrono::steady_clock::now();
  std::string messages;
  int code = RebuildCatching(rebuild, site, messages);
  std::string took = Seconds(std::chrono::steady_clock::now() - started);
  int warnings = CountLines(messages, ": warning: ");
  log << "clerk serve: " << what << ": ";
  if (code == 0) {
    log << "built in " << took;
    if (warnings > 0) log << ", " << Plural(warnings, "warning");
    log << "\n";
  } else {
    int errors = CountLines(messages, ": error: ");
    log << "failed (" << Plural(errors, "error") << ") in " << took
        << "; the pages show the errors\n"
        << messages;
  }
  log << std::flush;
  live.BuildFinished(code == 0, std::move(messages));
}

}  // namespace

int RunServe(const ServeOptions& options, RebuildFunction rebuild, std::ostream& log) {
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
  Build("first build", rebuild, site, live, log);
  std::filesystem::path root = options.out;
  server.Start([&](const HttpRequest& request, HttpConnection& connection) {
    if (request.path == kEventsPath && request.method == "GET") {
      live.StreamEvents(connection);
      return;
    }
    HttpResponse response;
    {
      std::shared_lock lock(site);
      response = AnswerRequest(root, request, live.State());
    }
    connection.SendResponse(response, request.method == "HEAD");
  });
  log << "clerk serve: http://127.0.0.1:" << server.port() << "/ serves " << options.out
      << ", rebuilt when " << options.source << " changes; Ctrl-C stops" << std::endl;

  while (std::optional<std::vector<std::string>> changes =
             watcher.WaitForChanges(signals.fd())) {
    Build(DescribeChanges(*changes), rebuild, site, live, log);
  }

  std::string signal = signals.Received();
  live.Stop();
  server.Stop();
  log << "clerk serve: stopped" << (signal.empty() ? "" : " (" + signal + ")")
      << std::endl;
  return 0;
}

}  // namespace clerk::serve
