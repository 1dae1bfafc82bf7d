// clerk serve: the HTTP server, on cpp-httplib (which reads the requests
// and writes the answers; only http_server.cpp includes its header). It
// listens on 127.0.0.1 only and answers only the loopback Host names with
// its own port (host_check.h). Every connection gets its own thread, so a
// handler may stream for as long as its page is open (the live-reload
// events do), and every answer closes its connection.
//
// Anything on the machine, a web page in a browser included, can connect,
// so every resource is bounded (ServerLimits): connections open at once,
// the size of a request head and the time to send it, the time to write an
// answer and to linger afterwards.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clerk::serve {

struct HttpRequest {
  std::string method;              // "GET"
  std::string target;              // as sent: "/meetings/x/?a=1"
  std::string path;                // the target without query, still encoded
  std::string query;               // after '?', without it
  std::string version;             // "HTTP/1.1"
  std::vector<std::string> hosts;  // the value of every Host header sent
};

// Sends bytes of a streamed answer as they are. False when the client has
// gone or has not taken them within the send timeout.
using StreamWriter = std::function<bool(std::string_view bytes)>;

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones
  // When set, the body is what this writes, with no Content-Length, until
  // it returns (then the connection closes); `body` is not sent.
  std::function<void(const StreamWriter&)> stream;
};

struct ServerLimits {
  // Connections served at once, event streams included (connection_table.h).
  int max_connections = 64;
  // The request line and headers together, at most (else 431 and close).
  std::size_t max_head_bytes = 16 * 1024;
  // The whole request head must arrive within this (else 408 and close):
  // a client trickling a byte a second is cut off.
  std::chrono::milliseconds head_timeout{5000};
  // Each write of an answer (a whole body, or one event of a stream).
  std::chrono::milliseconds send_timeout{10000};
  // After the answer, what the client still sends is read and dropped for
  // this long at most, so it can read the answer before the close.
  std::chrono::milliseconds linger{1000};
};

class HttpServer {
 public:
  // Called on the connection's thread. What it throws is a 500 answer.
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  explicit HttpServer(ServerLimits limits = {});
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();

  // Binds 127.0.0.1:`port` (0: any free port). On failure returns false and
  // says why in `*error`; `*in_use` tells the port is taken.
  bool Listen(int port, std::string* error, bool* in_use = nullptr);
  int port() const { return port_; }

  // Serves on a thread of its own until Stop().
  void Start(Handler handler);
  // Closes the socket, ends every connection and joins every thread; takes
  // milliseconds. A handler blocked on something else (an event stream
  // waiting for the next build) must be woken by its owner first.
  void Stop();

 private:
  class Engine;  // the cpp-httplib server (http_server.cpp)
  std::unique_ptr<Engine> engine_;
  int port_ = 0;
};

}  // namespace clerk::serve
