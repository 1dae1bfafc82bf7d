// Helpers of the clerk serve tests: a free port, a tiny HTTP client, a
// server-sent events reader and `clerk serve` as a child process. Every
// wait is bounded, so a hang fails a test instead of blocking ctest.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace clerk::testing {

using Clock = std::chrono::steady_clock;

// A port nobody listens on now: bind port 0 on 127.0.0.1, read it, close.
inline int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

// A connected socket to 127.0.0.1:port, or -1.
inline int ConnectLocal(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline bool SendAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// Reads until the peer closes or `until` passes. False on timeout.
inline bool ReadToEnd(int fd, std::string& out, Clock::time_point until) {
  char buffer[8192];
  for (;;) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now())
            .count();
    if (left <= 0) return false;
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left)) <= 0) continue;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return true;
    out.append(buffer, static_cast<size_t>(n));
  }
}

struct HttpReply {
  int status = 0;                              // 0: no answer
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

inline HttpReply ParseReply(const std::string& raw) {
  HttpReply reply;
  size_t head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) return reply;
  reply.status = std::stoi(raw.substr(9, 3));
  size_t at = raw.find("\r\n") + 2;
  while (at < head_end) {
    size_t end = raw.find("\r\n", at);
    std::string line = raw.substr(at, end - at);
    size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t value = line.find_first_not_of(' ', colon + 1);
    reply.headers[name] = value == std::string::npos ? "" : line.substr(value);
    at = end + 2;
  }
  reply.body = raw.substr(head_end + 4);
  return reply;
}

// Sends `request` as it is and returns the raw answer.
inline std::string RawRequest(int port, const std::string& request,
                              int timeout_ms = 10000) {
  int fd = ConnectLocal(port);
  if (fd < 0) return "";
  std::string raw;
  if (SendAll(fd, request))
    ReadToEnd(fd, raw, Clock::now() + std::chrono::milliseconds(timeout_ms));
  ::close(fd);
  return raw;
}

inline HttpReply HttpGet(int port, const std::string& target,
                         const std::string& method = "GET", int timeout_ms = 10000) {
  return ParseReply(RawRequest(port,
                               method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                                   std::to_string(port) + "\r\nConnection: close\r\n\r\n",
                               timeout_ms));
}

// A client of /__clerk/events that reads the stream as it comes.
class EventStream {
 public:
  EventStream(int port, const std::string& path = "/__clerk/events") {
    fd_ = ConnectLocal(port);
    if (fd_ >= 0)
      SendAll(fd_, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                       std::to_string(port) + "\r\nAccept: text/event-stream\r\n\r\n");
  }
  ~EventStream() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return fd_ >= 0; }
  const std::string& received() const { return received_; }

  // Waits for `text` to arrive after what earlier calls consumed; true if
  // it did within `timeout`.
  bool WaitFor(const std::string& text, std::chrono::milliseconds timeout) {
    auto until = Clock::now() + timeout;
    for (;;) {
      size_t at = received_.find(text, consumed_);
      if (at != std::string::npos) {
        consumed_ = at + text.size();
        return true;
      }
      if (!ReadMore(until)) return false;
    }
  }

  // True once the server has closed the stream (within `timeout`).
  bool WaitForClose(std::chrono::milliseconds timeout) {
    auto until = Clock::now() + timeout;
    while (ReadMore(until)) {
    }
    return closed_;
  }

 private:
  // Reads what comes before `until`; false once closed or timed out.
  bool ReadMore(Clock::time_point until) {
    if (closed_ || fd_ < 0) return false;
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now())
            .count();
    if (left <= 0) return false;
    pollfd pfd{fd_, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left)) <= 0) return Clock::now() < until;
    char buffer[4096];
    ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) {
      closed_ = true;
      return false;
    }
    received_.append(buffer, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string received_;
  size_t consumed_ = 0;
  bool closed_ = false;
};

// `clerk <args>` running in `cwd`, its output going to `log`.
class ClerkProcess {
 public:
  ClerkProcess(const std::vector<std::string>& args, const std::filesystem::path& cwd,
               const std::filesystem::path& log)
      : log_(log) {
    std::vector<std::string> all = {CLERK_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string dir = cwd.string();
    std::string log_path = log.string();
    pid_ = ::fork();
    if (pid_ == 0) {
      int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || ::chdir(dir.c_str()) != 0) ::_exit(127);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }
  ~ClerkProcess() {
    if (pid_ > 0 && exit_code_ == kRunning) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  std::string Log() const { return ReadFile(log_); }

  // Waits until the log holds `text` (or the process ended).
  bool WaitForLog(const std::string& text, std::chrono::milliseconds timeout) {
    auto until = Clock::now() + timeout;
    while (Clock::now() < until) {
      if (Log().find(text) != std::string::npos) return true;
      if (!Running()) return Log().find(text) != std::string::npos;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  bool Running() {
    if (exit_code_ != kRunning) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : kSignalled;
    return false;
  }

  // The exit code after the process ends by itself or by `signal` (0: no
  // signal); kTimedOut if it had not ended within `timeout` (then killed).
  int Wait(std::chrono::milliseconds timeout, int signal = 0) {
    if (signal != 0 && Running()) ::kill(pid_, signal);
    auto until = Clock::now() + timeout;
    while (Running()) {
      if (Clock::now() >= until) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        exit_code_ = kTimedOut;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return exit_code_;
  }

  // Sends `signal` and waits (looking every 2 ms) until the process ends,
  // for `timeout` at most. Returns how long it took; *code is its exit code
  // (kTimedOut if it was still running, then killed).
  Clock::duration Stop(int signal, std::chrono::milliseconds timeout, int* code) {
    auto sent = Clock::now();
    ::kill(pid_, signal);
    while (Running() && Clock::now() - sent < timeout)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    auto took = Clock::now() - sent;
    *code = Wait(std::chrono::milliseconds(0));
    return took;
  }

  // The process ids of its children, now (/proc/PID/task/PID/children).
  std::string Children() const {
    std::string path =
        "/proc/" + std::to_string(pid_) + "/task/" + std::to_string(pid_) + "/children";
    std::ifstream in(path);
    std::string children;
    std::getline(in, children);
    return children;
  }

  static constexpr int kRunning = -100;
  static constexpr int kSignalled = -1;
  static constexpr int kTimedOut = -2;

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int exit_code_ = kRunning;
};

}  // namespace clerk::testing
