// clerk serve: a small HTTP/1.1 server on 127.0.0.1 (never another
// address). One thread accepts; every connection gets its own thread, so a
// handler may block (a server-sent event stream does). Every response
// closes its connection. POSIX sockets only.
#pragma once

#include <atomic>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "serve/http_request.h"

namespace clerk::serve {

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones
  bool streaming = false;  // no Content-Length: the body follows until close
};

// "404 Not Found" and so on.
std::string StatusLine(int status);

// The status line and headers of `response`, ending in the blank line.
std::string FormatResponseHead(const HttpResponse& response);

// One accepted connection, as the handler sees it.
class HttpConnection {
 public:
  explicit HttpConnection(int fd) : fd_(fd) {}
  // Sends bytes as they are. False when the client has gone.
  bool Send(std::string_view bytes);
  // Head and (unless `head_only`, for HEAD requests) body.
  bool SendResponse(const HttpResponse& response, bool head_only = false);

 private:
  int fd_;
};

class HttpServer {
 public:
  using Handler = std::function<void(const HttpRequest&, HttpConnection&)>;

  HttpServer() = default;
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();

  // Binds 127.0.0.1:`port` (0: any free port). On failure returns false and
  // says why in `*error`; `*in_use` tells the port is taken.
  bool Listen(int port, std::string* error, bool* in_use = nullptr);
  int port() const { return port_; }

  // Accepts connections on a thread of its own until Stop().
  void Start(Handler handler);
  // Closes the socket, ends every connection and joins every thread. A
  // handler blocked on something else must be woken by its owner first.
  void Stop();

 private:
  struct Worker {
    std::thread thread;
    std::atomic<bool> done{false};
    int fd = -1;  // -1 once closed
  };

  void AcceptLoop();
  void Serve(Worker& worker);
  void ReapFinished();

  Handler handler_;
  int listen_fd_ = -1;
  int wake_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread accept_thread_;
  std::mutex workers_mutex_;
  std::list<Worker> workers_;
};

}  // namespace clerk::serve
