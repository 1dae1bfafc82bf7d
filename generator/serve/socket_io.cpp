#include "serve/socket_io.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace clerk::serve {

namespace {

// Milliseconds until `deadline` (0 when it has passed), for poll().
int MillisecondsUntil(Clock::time_point deadline) {
  // Rounded up: 0 only once the deadline has passed.
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

// Waits for `events` on `fd` until `deadline`; false when it passed first.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    int wait = MillisecondsUntil(deadline);
    if (wait == 0) return false;
    pollfd pfd{fd, events, 0};
    int ready = ::poll(&pfd, 1, wait);
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

}  // namespace

int ListenLoopback(int port, std::string* error, bool* in_use) {
  if (in_use) *in_use = false;
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    *error = std::string("cannot open a socket: ") + std::strerror(errno);
    return -1;
  }
  int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, 64) != 0) {
    int err = errno;
    if (in_use) *in_use = err == EADDRINUSE;
    *error =
        "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(err);
    ::close(fd);
    return -1;
  }
  return fd;
}

int BoundPort(int fd) {
  sockaddr_in address{};
  socklen_t size = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) return 0;
  return ntohs(address.sin_port);
}

ssize_t ReadBefore(int fd, char* buffer, std::size_t size, Clock::time_point deadline) {
  for (;;) {
    if (!WaitFor(fd, POLLIN, deadline)) return -1;
    ssize_t n = ::recv(fd, buffer, size, MSG_DONTWAIT);
    if (n >= 0) return n;
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return -1;
  }
}

bool SendBefore(int fd, std::string_view bytes, Clock::time_point deadline) {
  // Non-blocking writes, waiting for room until the deadline: it holds for
  // the whole of `bytes`, however slowly the client reads.
  while (!bytes.empty()) {
    ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!WaitFor(fd, POLLOUT, deadline)) return false;
      continue;
    }
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool ReadableNow(int fd) {
  pollfd pfd{fd, POLLIN, 0};
  return ::poll(&pfd, 1, 0) > 0;
}

void SendWithoutDelay(int fd) {
  int yes = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
}

bool WritableWithin(int fd, std::chrono::milliseconds timeout) {
  return WaitFor(fd, POLLOUT, Clock::now() + timeout);
}

void Linger(int fd, std::chrono::milliseconds linger, const std::atomic<bool>& stopping) {
  ::shutdown(fd, SHUT_WR);
  // Bounded in time however much the client sends.
  Clock::time_point until = Clock::now() + linger;
  char sink[1024];
  while (!stopping && WaitFor(fd, POLLIN, until) &&
         ::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
}

void RefuseBusy(int fd) {
  static constexpr std::string_view kBusy =
      "HTTP/1.1 503 Service Unavailable\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Length: 21\r\n"
      "Cache-Control: no-store\r\n"
      "Connection: close\r\n\r\n"
      "Too many connections\n";
  [[maybe_unused]] ssize_t n =
      ::send(fd, kBusy.data(), kBusy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  // What has come of the request is read (without waiting) before the
  // close, which would otherwise reset the connection and lose the answer.
  ::shutdown(fd, SHUT_WR);
  char sink[4096];
  while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
}

}  // namespace clerk::serve
