// clerk serve: a small HTTP/1.1 server on 127.0.0.1 (never another
// address). One thread accepts; every connection gets its own thread, so a
// handler may block (a server-sent event stream does). Every response
// closes its connection. POSIX sockets only.
//
// Anything on the machine, a web page in a browser included, can connect,
// so every resource is bounded (ServerLimits): connections open at once,
// the time to send the request head, to write an answer and to linger
// afterwards. Only the loopback Host names with our port are answered
// (host_check.h).
#pragma once

#include <atomic>
#include <chrono>
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
  explicit HttpConnection(
      int fd, std::chrono::milliseconds send_timeout = std::chrono::seconds(10))
      : fd_(fd), send_timeout_(send_timeout) {}
  // Sends bytes as they are. False when the client has gone or has not
  // taken them within the send timeout (a client that reads a byte now and
  // then must not hold the connection for ever).
  bool Send(std::string_view bytes);
  // Head and (unless `head_only`, for HEAD requests) body.
  bool SendResponse(const HttpResponse& response, bool head_only = false);

 private:
  int fd_;
  std::chrono::milliseconds send_timeout_;
};

struct ServerLimits {
  // Connections served at once, event streams included. When all are
  // taken, the one that has waited longest for its request head is cut
  // off for the newcomer; if every one is past its head, the newcomer gets
  // 503 at once. So slow clients never keep a quick request out.
  int max_connections = 64;
  // The whole request head must arrive within this (else 408 and close):
  // a client trickling a byte a second is cut off.
  std::chrono::milliseconds head_timeout{5000};
  // One Send() of a handler (see HttpConnection::Send).
  std::chrono::milliseconds send_timeout{10000};
  // After the answer, what the client still sends is read and dropped for
  // this long at most, so it can read the answer before the close.
  std::chrono::milliseconds linger{1000};
};

class HttpServer {
 public:
  using Handler = std::function<void(const HttpRequest&, HttpConnection&)>;

  explicit HttpServer(ServerLimits limits = {}) : limits_(limits) {}
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
    // Guarded by workers_mutex_:
    int fd = -1;               // -1 once closed
    bool reading_head = true;  // has not sent its whole request head yet
    bool cut_off = false;      // shut down to make room for a newcomer
    std::chrono::steady_clock::time_point accepted;
  };

  void AcceptLoop();
  void Admit(int fd);
  // With workers_mutex_ held: true when a new connection may be served,
  // after cutting off the oldest one still reading its head if need be.
  bool MakeRoom();
  void Serve(Worker& worker);
  // Reads the request head within the head timeout.
  ParseStatus ReadHead(Worker& worker, HttpRequest& request);
  void Answer(const HttpRequest& request, HttpConnection& connection);
  void ReapFinished();

  ServerLimits limits_;
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
