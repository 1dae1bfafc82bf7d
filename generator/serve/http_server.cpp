#include "serve/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace clerk::serve {

namespace {

constexpr int kReadTimeoutMs = 10000;  // for the request head
constexpr int kSendTimeoutSeconds = 10;

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
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
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
    timeval timeout{kSendTimeoutSeconds, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    std::lock_guard lock(workers_mutex_);
    Worker& worker = workers_.emplace_back();
    worker.fd = fd;
    worker.thread = std::thread([this, &worker] { Serve(worker); });
  }
}

void HttpServer::Serve(Worker& worker) {
  int fd = worker.fd;
  HttpConnection connection(fd);
  std::string data;
  HttpRequest request;
  ParseStatus status = ParseStatus::kIncomplete;
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kReadTimeoutMs);
  while (status == ParseStatus::kIncomplete && !stopping_) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[4096];
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    status = ParseRequest(data, request);
  }
  if (status == ParseStatus::kOk) {
    handler_(request, connection);
  } else if (status == ParseStatus::kBad || status == ParseStatus::kTooLarge) {
    HttpResponse bad;
    bad.status = status == ParseStatus::kBad ? 400 : 431;
    bad.body = StatusLine(bad.status) + "\n";
    connection.SendResponse(bad);
  }
  // Let the client read everything before the connection goes: end our
  // side, then wait (briefly) for theirs.
  ::shutdown(fd, SHUT_WR);
  pollfd pfd{fd, POLLIN, 0};
  char sink[1024];
  while (!stopping_ && ::poll(&pfd, 1, 1000) > 0 &&
         ::recv(fd, sink, sizeof sink, 0) > 0) {
  }
  {
    std::lock_guard lock(workers_mutex_);
    worker.fd = -1;
  }
  ::close(fd);
  worker.done = true;
}

}  // namespace clerk::serve
