#include "serve/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <system_error>

#include "serve/host_check.h"

namespace clerk::serve {

namespace {

using Clock = std::chrono::steady_clock;

// Milliseconds until `deadline` (0 when it has passed), for poll().
int MillisecondsUntil(Clock::time_point deadline) {
  // Rounded up: 0 only once the deadline has passed.
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

HttpResponse PlainResponse(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

}  // namespace

std::string StatusLine(int status) {
  const char* text = "Unknown";
  switch (status) {
    case 200:
      text = "OK";
      break;
    case 302:
      text = "Found";
      break;
    case 400:
      text = "Bad Request";
      break;
    case 404:
      text = "Not Found";
      break;
    case 405:
      text = "Method Not Allowed";
      break;
    case 408:
      text = "Request Timeout";
      break;
    case 421:
      text = "Misdirected Request";
      break;
    case 431:
      text = "Request Header Fields Too Large";
      break;
    case 500:
      text = "Internal Server Error";
      break;
    case 503:
      text = "Service Unavailable";
      break;
  }
  return std::to_string(status) + " " + text;
}

std::string FormatResponseHead(const HttpResponse& response) {
  std::string head = "HTTP/1.1 " + StatusLine(response.status) + "\r\n";
  head += "Content-Type: " + response.content_type + "\r\n";
  if (!response.streaming)
    head += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  // A preview: never cached, so a reload always shows the latest build.
  head += "Cache-Control: no-store\r\n";
  head += "X-Content-Type-Options: nosniff\r\n";
  for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
  head += "Connection: close\r\n\r\n";
  return head;
}

bool HttpConnection::Send(std::string_view bytes) {
  // Non-blocking writes, waiting for room with poll() until the deadline:
  // the timeout holds for the whole of `bytes`, however slowly the client
  // reads.
  Clock::time_point deadline = Clock::now() + send_timeout_;
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd pfd{fd_, POLLOUT, 0};
      int wait = MillisecondsUntil(deadline);
      if (wait == 0) return false;
      if (::poll(&pfd, 1, wait) < 0 && errno != EINTR) return false;
      continue;
    }
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool HttpConnection::SendResponse(const HttpResponse& response, bool head_only) {
  std::string head = FormatResponseHead(response);
  if (head_only || response.body.empty()) return Send(head);
  if (response.body.size() < 64 * 1024) return Send(head + response.body);
  return Send(head) && Send(response.body);
}

HttpServer::~HttpServer() {
  Stop();
}

bool HttpServer::Listen(int port, std::string* error, bool* in_use) {
  if (in_use) *in_use = false;
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) {
    *error = std::string("cannot open a socket: ") + std::strerror(errno);
    return false;
  }
  int yes = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    int err = errno;
    if (in_use) *in_use = err == EADDRINUSE;
    *error =
        "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(err);
    ::close(listen_fd_);
    listen_fd_ = -1;
    return false;
  }
  socklen_t size = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size);
  port_ = ntohs(address.sin_port);
  return true;
}

void HttpServer::Start(Handler handler) {
  handler_ = std::move(handler);
  if (::pipe2(wake_pipe_, O_CLOEXEC) != 0) wake_pipe_[0] = wake_pipe_[1] = -1;
  accept_thread_ = std::thread([this] { AcceptLoop(); });
}

void HttpServer::Stop() {
  if (stopping_.exchange(true)) return;
  if (wake_pipe_[1] >= 0) {
    char byte = 0;
    [[maybe_unused]] ssize_t n = ::write(wake_pipe_[1], &byte, 1);
  }
  if (accept_thread_.joinable()) accept_thread_.join();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  listen_fd_ = -1;
  {
    std::lock_guard lock(workers_mutex_);
    for (Worker& w : workers_)
      if (w.fd >= 0) ::shutdown(w.fd, SHUT_RDWR);
  }
  // Workers may still be starting; no new ones come, so join them unlocked.
  for (Worker& w : workers_)
    if (w.thread.joinable()) w.thread.join();
  workers_.clear();
  for (int& fd : wake_pipe_) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
}

void HttpServer::ReapFinished() {
  std::lock_guard lock(workers_mutex_);
  for (auto it = workers_.begin(); it != workers_.end();) {
    if (it->done) {
      it->thread.join();
      it = workers_.erase(it);
    } else {
      ++it;
    }
  }
}

void HttpServer::AcceptLoop() {
  while (!stopping_) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    int ready = ::poll(fds, wake_pipe_[0] >= 0 ? 2 : 1, 1000);
    ReapFinished();
    if (stopping_) break;
    if (ready <= 0 || !(fds[0].revents & POLLIN)) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      // Out of file descriptors: let connections finish instead of spinning.
      if (errno == EMFILE || errno == ENFILE)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    Admit(fd);
  }
}

void HttpServer::Admit(int fd) {
  std::unique_lock lock(workers_mutex_);
  if (!MakeRoom()) {
    lock.unlock();
    // Busy with clients that have all sent their requests: say so at once
    // (without waiting for a client that does not read) and close.
    std::string busy = FormatResponseHead(PlainResponse(503, "Too many connections\n")) +
                       "Too many connections\n";
    [[maybe_unused]] ssize_t n =
        ::send(fd, busy.data(), busy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    // Closing with the request unread would reset the connection and could
    // lose the answer: read what has come (without waiting) first.
    ::shutdown(fd, SHUT_WR);
    char sink[4096];
    while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
    }
    ::close(fd);
    return;
  }
  Worker& worker = workers_.emplace_back();
  worker.fd = fd;
  worker.accepted = Clock::now();
  try {
    worker.thread = std::thread([this, &worker] { Serve(worker); });
  } catch (const std::system_error&) {
    // No thread to be had (the system's limit): drop this connection.
    workers_.pop_back();
    ::close(fd);
  }
}

bool HttpServer::MakeRoom() {
  int busy = 0;
  Worker* oldest_reading = nullptr;
  for (Worker& w : workers_) {
    if (w.done || w.cut_off) continue;
    ++busy;
    if (w.reading_head && w.fd >= 0 &&
        (!oldest_reading || w.accepted < oldest_reading->accepted))
      oldest_reading = &w;
  }
  if (busy < limits_.max_connections) return true;
  if (!oldest_reading) return false;
  // Its thread sees the end of input at once and finishes.
  ::shutdown(oldest_reading->fd, SHUT_RDWR);
  oldest_reading->cut_off = true;
  return true;
}

ParseStatus HttpServer::ReadHead(Worker& worker, HttpRequest& request) {
  std::string data;
  ParseStatus status = ParseStatus::kIncomplete;
  // One deadline for the whole head, not per read: a byte a second must
  // not keep the connection open.
  Clock::time_point deadline = worker.accepted + limits_.head_timeout;
  while (status == ParseStatus::kIncomplete && !stopping_) {
    int wait = MillisecondsUntil(deadline);
    if (wait == 0) break;
    pollfd pfd{worker.fd, POLLIN, 0};
    if (::poll(&pfd, 1, wait) <= 0) continue;
    char buffer[4096];
    ssize_t n = ::recv(worker.fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    status = ParseRequest(data, request);
  }
  return status;
}

void HttpServer::Answer(const HttpRequest& request, HttpConnection& connection) {
  // Only "/path" targets: the absolute form ("GET http://evil.example/")
  // names a host of its own, which would override the Host header.
  if (request.target.front() != '/') {
    connection.SendResponse(
        PlainResponse(400, "Bad request: the target must be a path\n"));
    return;
  }
  switch (CheckHost(request, port_)) {
    case HostVerdict::kMissing:
      connection.SendResponse(PlainResponse(400, "Bad request: no Host header\n"));
      return;
    case HostVerdict::kForeign:
      connection.SendResponse(PlainResponse(
          421, "This server answers only 127.0.0.1:" + std::to_string(port_) +
                   " and localhost:" + std::to_string(port_) + "\n"));
      return;
    case HostVerdict::kOk:
      break;
  }
  try {
    handler_(request, connection);
  } catch (const std::exception& e) {
    // A handler's failure ends this request, never the server (an uncaught
    // exception in a thread would end the process). If the handler had
    // already sent a head, the client sees a broken answer and the close.
    connection.SendResponse(
        PlainResponse(500, std::string("Internal server error: ") + e.what() + "\n"));
  } catch (...) {
    connection.SendResponse(PlainResponse(500, "Internal server error\n"));
  }
}

void HttpServer::Serve(Worker& worker) {
  int fd = worker.fd;
  HttpConnection connection(fd, limits_.send_timeout);
  HttpRequest request;
  ParseStatus status = ReadHead(worker, request);
  bool timed_out = Clock::now() >= worker.accepted + limits_.head_timeout;
  bool cut_off;
  {
    std::lock_guard lock(workers_mutex_);
    worker.reading_head = false;
    cut_off = worker.cut_off;
  }
  if (cut_off || stopping_) {
    // Made room for another connection, or the server stops: no answer.
  } else if (status == ParseStatus::kOk) {
    Answer(request, connection);
  } else if (status == ParseStatus::kIncomplete) {
    // Too slow (or gone: then this send fails and nothing is lost).
    if (timed_out) connection.SendResponse(PlainResponse(408, StatusLine(408) + "\n"));
  } else {
    int code = status == ParseStatus::kBad ? 400 : 431;
    connection.SendResponse(PlainResponse(code, StatusLine(code) + "\n"));
  }
  // Let the client read everything before the connection goes: end our
  // side, then wait (briefly, and a bounded time however much it sends)
  // for theirs.
  ::shutdown(fd, SHUT_WR);
  Clock::time_point linger_until = Clock::now() + limits_.linger;
  char sink[1024];
  while (!stopping_) {
    int wait = MillisecondsUntil(linger_until);
    pollfd pfd{fd, POLLIN, 0};
    if (wait == 0 || ::poll(&pfd, 1, wait) <= 0 || ::recv(fd, sink, sizeof sink, 0) <= 0)
      break;
  }
  {
    std::lock_guard lock(workers_mutex_);
    worker.fd = -1;
  }
  ::close(fd);
  worker.done = true;
}

}  // namespace clerk::serve
