#include "serve/build_process.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>

namespace clerk::serve {

std::string InternalError(const std::string& what) {
  return "clerk: error: the build stopped on an internal error (" + what +
         "); this is a bug in clerk: please report it with the file you last changed\n";
}

int RebuildCatching(const RebuildFunction& rebuild, std::string& messages) {
  std::string what;
  try {
    return rebuild(messages);
  } catch (const std::exception& e) {
    what = e.what();
    for (char& c : what)
      if (c == '\n' || c == '\r') c = ' ';  // one message, one line
  } catch (...) {
    what = "an unknown exception";
  }
  if (!messages.empty() && messages.back() != '\n') messages += '\n';
  messages += InternalError(what);
  return 1;
}

void CloseSockets(int keep) {
  DIR* fds = ::opendir("/proc/self/fd");
  if (!fds) return;
  int own = ::dirfd(fds);
  while (dirent* entry = ::readdir(fds)) {
    int fd = std::atoi(entry->d_name);
    struct stat info;
    if (fd > 2 && fd != keep && fd != own && ::fstat(fd, &info) == 0 &&
        S_ISSOCK(info.st_mode))
      ::close(fd);
  }
  ::closedir(fds);
}

namespace {

[[noreturn]] void RunChild(const RebuildFunction& rebuild, int out, pid_t parent) {
  // A child of a server killed outright goes too.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(1);
  CloseSockets(out);
  std::string messages;
  int code = RebuildCatching(rebuild, messages);
  std::string_view rest = messages;
  while (!rest.empty()) {
    ssize_t n = ::write(out, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    rest.remove_prefix(static_cast<size_t>(n));
  }
  // No destructors: the build's memory goes with the process.
  ::_exit(code);
}

// Reads the child's messages from `in` until it closes them; false when
// `stop_fd` became readable first.
bool ReadMessages(int in, int stop_fd, std::string& messages) {
  for (;;) {
    pollfd fds[2] = {{in, POLLIN, 0}, {stop_fd, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return true;
    }
    if (fds[1].revents & POLLIN) return false;
    char buffer[8192];
    ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    messages.append(buffer, static_cast<size_t>(n));
  }
}

}  // namespace

std::optional<BuildOutcome> BuildInChild(const RebuildFunction& rebuild, int stop_fd) {
  BuildOutcome outcome;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    outcome.code = 1;
    outcome.messages =
        "clerk: error: cannot start a build: " + std::string(std::strerror(errno)) + "\n";
    return outcome;
  }
  pid_t parent = ::getpid();
  pid_t child = ::fork();
  if (child == 0) {
    ::close(pipe_fds[0]);
    RunChild(rebuild, pipe_fds[1], parent);
  }
  ::close(pipe_fds[1]);
  if (child < 0) {
    ::close(pipe_fds[0]);
    outcome.code = 1;
    outcome.messages =
        "clerk: error: cannot start a build: " + std::string(std::strerror(errno)) + "\n";
    return outcome;
  }
  bool finished = ReadMessages(pipe_fds[0], stop_fd, outcome.messages);
  ::close(pipe_fds[0]);
  if (!finished) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) return std::nullopt;
  if (WIFEXITED(status)) {
    outcome.code = WEXITSTATUS(status);
  } else {
    outcome.code = 1;
    if (!outcome.messages.empty() && outcome.messages.back() != '\n')
      outcome.messages += '\n';
    outcome.messages +=
        InternalError(std::string("it crashed: ") + ::strsignal(WTERMSIG(status)));
  }
  return outcome;
}

}  // namespace clerk::serve
