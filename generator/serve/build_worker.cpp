#include "serve/build_worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <thread>

namespace clerk::serve {

namespace {

bool WriteAll(int fd, std::string_view rest) {
  while (!rest.empty()) {
    ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    rest.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// In the worker: reads one request (paths, each ended by NUL, then an empty
// one); false at the end of the requests (the server went).
bool ReadRequest(int in, std::vector<std::string>& changed) {
  changed.clear();
  std::string path;
  char c;
  for (;;) {
    ssize_t n = ::read(in, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    if (c != '\0') {
      path += c;
    } else if (path.empty()) {
      return true;
    } else {
      changed.push_back(std::move(path));
      path.clear();
    }
  }
}

// Settles the last build (keeps what the next needs, frees the rest) while
// the reader's page reloads: in a thread of its own at the lowest priority
// (nice 19, which the threads it starts inherit), so that on a small machine
// the server and the browser come first. Nice 19 still gets its share of a
// busy machine: the next build never waits for ever.
void SettleAside(const SettleFunction& settle) {
  std::thread aside([&settle] {
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
    settle();
  });
  aside.join();
}

[[noreturn]] void RunWorker(const EditRebuildFunction& rebuild,
                            const SettleFunction& settle, int in, int out, pid_t parent) {
  // A worker of a server killed outright goes too.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(1);
  CloseSockets(-1);
  std::vector<std::string> changed;
  while (ReadRequest(in, changed)) {
    std::string messages;
    int code = RebuildCatching([&](std::string& said) { return rebuild(changed, said); },
                               messages);
    std::string head =
        std::to_string(code) + " " + std::to_string(messages.size()) + "\n";
    if (!WriteAll(out, head) || !WriteAll(out, messages)) break;
    if (settle) SettleAside(settle);
  }
  // No destructors: the build's memory goes with the process.
  ::_exit(0);
}

// Writes to the worker without SIGPIPE ending the server when the worker
// has gone: the write then just fails.
bool WriteToWorker(int fd, std::string_view text) {
  sigset_t pipe_signal, old;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &old);
  bool written = WriteAll(fd, text);
  if (!written) {
    timespec now{};
    while (sigtimedwait(&pipe_signal, nullptr, &now) == SIGPIPE) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return written;
}

std::string CannotStart() {
  return "clerk: error: cannot start a build: " + std::string(std::strerror(errno)) +
         "\n";
}

}  // namespace

BuildWorker::BuildWorker(EditRebuildFunction rebuild, SettleFunction settle)
    : rebuild_(std::move(rebuild)), settle_(std::move(settle)) {}

BuildWorker::~BuildWorker() {
  Stop();
}

bool BuildWorker::Start(std::string* error) {
  int requests[2], answers[2];
  if (::pipe2(requests, O_CLOEXEC) != 0) return *error = CannotStart(), false;
  if (::pipe2(answers, O_CLOEXEC) != 0) {
    *error = CannotStart();
    ::close(requests[0]);
    ::close(requests[1]);
    return false;
  }
  pid_t parent = ::getpid();
  pid_t child = ::fork();
  if (child == 0) {
    ::close(requests[1]);
    ::close(answers[0]);
    RunWorker(rebuild_, settle_, requests[0], answers[1], parent);
  }
  ::close(requests[0]);
  ::close(answers[1]);
  if (child < 0) {
    *error = CannotStart();
    ::close(requests[1]);
    ::close(answers[0]);
    return false;
  }
  pid_ = child;
  to_worker_ = requests[1];
  from_worker_ = answers[0];
  return true;
}

void BuildWorker::Stop() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  ::close(to_worker_);
  ::close(from_worker_);
  pid_ = to_worker_ = from_worker_ = -1;
}

std::optional<BuildOutcome> BuildWorker::ReadAnswer(int stop_fd, bool* crashed) {
  std::string got;
  size_t head_end = std::string::npos;
  size_t length = 0;
  for (;;) {
    if (head_end == std::string::npos && (head_end = got.find('\n')) != std::string::npos)
      length = std::stoul(got.substr(got.find(' ') + 1));
    if (head_end != std::string::npos && got.size() >= head_end + 1 + length) break;
    pollfd fds[2] = {{from_worker_, POLLIN, 0}, {stop_fd, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      *crashed = true;
      return BuildOutcome{1, CannotStart()};
    }
    if (fds[1].revents & POLLIN) return std::nullopt;
    char buffer[8192];
    ssize_t n = ::read(from_worker_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {  // the worker went in the middle of the build
      *crashed = true;
      return BuildOutcome{1, ""};
    }
    got.append(buffer, static_cast<size_t>(n));
  }
  return BuildOutcome{std::stoi(got.substr(0, head_end)), got.substr(head_end + 1)};
}

std::optional<BuildOutcome> BuildWorker::Build(const std::vector<std::string>& changed,
                                               int stop_fd) {
  std::string error;
  if (pid_ < 0 && !Start(&error)) return BuildOutcome{1, error};
  std::string request;
  for (const std::string& path : changed)
    if (!path.empty()) request += path + '\0';
  request += '\0';
  bool crashed = !WriteToWorker(to_worker_, request);
  std::optional<BuildOutcome> outcome =
      crashed ? BuildOutcome{1, ""} : ReadAnswer(stop_fd, &crashed);
  if (!outcome) {  // stopped: the build is killed at once
    Stop();
    return std::nullopt;
  }
  if (crashed) {
    pid_t worker = pid_;
    int status = 0;
    while (::waitpid(worker, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;  // reaped: Stop only closes the pipes
    ::close(to_worker_);
    ::close(from_worker_);
    to_worker_ = from_worker_ = -1;
    std::string how = WIFSIGNALED(status)
                          ? std::string("it crashed: ") + ::strsignal(WTERMSIG(status))
                          : "it ended";
    if (!outcome->messages.empty() && outcome->messages.back() != '\n')
      outcome->messages += '\n';
    outcome->messages += InternalError(how);
    outcome->code = 1;
  } else if (outcome->code != 0) {
    Stop();  // its state may be half-updated: the next build starts afresh
  }
  return outcome;
}

}  // namespace clerk::serve
