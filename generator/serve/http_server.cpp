#include "serve/http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <list>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include "serve/connection_table.h"
#include "serve/host_check.h"
#include "serve/socket_io.h"
#include "serve/url_path.h"

namespace clerk::serve {

namespace {

// One connection as cpp-httplib reads and writes it: our socket calls with
// our deadlines (one for the whole request head, one per write) and a cap
// on the head's size, instead of the library's per-read timeouts, which a
// client sending a byte now and then would never meet.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(int fd, const ServerLimits& limits)
      : fd_(fd), limits_(limits), head_deadline_(Clock::now() + limits.head_timeout) {}

  bool timed_out() const { return timed_out_; }
  bool too_large() const { return too_large_; }

  bool is_readable() const override { return buffered_ < filled_ || ReadableNow(fd_); }
  bool is_writable() const override { return WritableWithin(fd_, limits_.send_timeout); }

  // The library reads the head a byte at a time: from our buffer.
  ssize_t read(char* ptr, size_t size) override {
    if (consumed_ >= limits_.max_head_bytes) {
      too_large_ = true;
      return -1;
    }
    if (buffered_ == filled_) {
      ssize_t n = ReadBefore(fd_, buffer_, sizeof buffer_, head_deadline_);
      if (n < 0 && Clock::now() >= head_deadline_) timed_out_ = true;
      if (n <= 0) return n;
      buffered_ = 0;
      filled_ = static_cast<size_t>(n);
    }
    size = std::min({size, filled_ - buffered_, limits_.max_head_bytes - consumed_});
    std::copy_n(buffer_ + buffered_, size, ptr);
    buffered_ += size;
    consumed_ += size;
    return static_cast<ssize_t>(size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!SendBefore(fd_, {ptr, size}, Clock::now() + limits_.send_timeout)) return -1;
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(::getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(::getsockname, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  template <typename Get>
  void Address(Get get, std::string& ip, int& port) const {
    sockaddr_in address{};
    socklen_t size = sizeof address;
    char text[INET_ADDRSTRLEN] = "";
    if (get(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0)
      ::inet_ntop(AF_INET, &address.sin_addr, text, sizeof text);
    ip = text;
    port = ntohs(address.sin_port);
  }

  int fd_;
  const ServerLimits& limits_;
  Clock::time_point head_deadline_;
  char buffer_[4096];
  size_t buffered_ = 0;  // bytes of buffer_ handed out
  size_t filled_ = 0;    // bytes in buffer_
  size_t consumed_ = 0;  // bytes handed out in all
  bool timed_out_ = false;
  bool too_large_ = false;
};

// The connection this thread serves, for the error handler, which the
// library gives only the request and the answer.
thread_local const ConnectionStream* current_connection = nullptr;

// A thread for every connection (not the library's fixed pool, where open
// event streams would take every thread and pages would stop loading); how
// many are served at once is the ConnectionTable's to bound.
class ThreadPerConnection : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> work) override {
    // Shared, so the work is still here if no thread can take it.
    auto job = std::make_shared<std::function<void()>>(std::move(work));
    {
      std::lock_guard lock(mutex_);
      Reap();
      Worker& worker = workers_.emplace_back();
      try {
        worker.thread = std::thread([&worker, job] {
          (*job)();
          worker.done = true;
        });
        return;
      } catch (const std::system_error&) {
        workers_.pop_back();
      }
    }
    // No thread to be had (the system's limit): the work (which closes the
    // connection) runs here instead.
    (*job)();
  }
  // Called once nothing is accepted any more; the table has ended every
  // connection, so the threads finish quickly.
  void shutdown() override {
    std::lock_guard lock(mutex_);
    for (Worker& worker : workers_) worker.thread.join();
    workers_.clear();
  }

 private:
  struct Worker {
    std::thread thread;
    std::atomic<bool> done{false};
  };
  void Reap() {
    for (auto it = workers_.begin(); it != workers_.end();) {
      if (!it->done) {
        ++it;
        continue;
      }
      it->thread.join();
      it = workers_.erase(it);
    }
  }

  std::mutex mutex_;
  std::list<Worker> workers_;
};

HttpResponse Plain(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

// The text of an answer the library gives on its own.
std::string ErrorText(int status) {
  switch (status) {
    case 400:
      return "Bad request: not an HTTP request this server can read\n";
    case 408:
      return "Request timeout: the request did not arrive in time\n";
    case 414:
      return "URI too long\n";
    case 416:
      return "Range not satisfiable\n";
    case 431:
      return "Request header fields too large\n";
  }
  return "Error " + std::to_string(status) + "\n";
}

HttpRequest ToRequest(const httplib::Request& in) {
  HttpRequest request;
  request.method = in.method;
  request.target = in.target;
  request.version = in.version;
  Target parts = SplitTarget(in.target);
  request.path = std::move(parts.path);
  request.query = std::move(parts.query);
  auto [first, last] = in.headers.equal_range("Host");
  for (auto it = first; it != last; ++it) request.hosts.push_back(it->second);
  return request;
}

// The library compresses an answer for a browser that accepts it, Brotli at
// its slowest setting: 20 ms for a 20 KB page, on every file of every
// reload, to save bytes that never leave the machine. So the request is
// taken as accepting none. (The library's request is its own non-const
// object, handed to us as const: changing it is defined.)
void SendUncompressed(const httplib::Request& in) {
  const_cast<httplib::Request&>(in).headers.erase("Accept-Encoding");
}

void ToLibrary(HttpResponse response, httplib::Response& out) {
  out.status = response.status;
  for (const auto& [name, value] : response.headers) out.set_header(name, value);
  if (!response.stream) {
    out.set_content(response.body, response.content_type);
    return;
  }
  out.set_content_provider(response.content_type, [stream = std::move(response.stream)](
                                                      size_t, httplib::DataSink& sink) {
    stream([&sink](std::string_view bytes) {
      return sink.write(bytes.data(), bytes.size());
    });
    sink.done();
    return true;
  });
}

}  // namespace

// The library's server with our sockets: our listening socket, our
// connection streams, our admission of connections, and the handler's
// answer given before the library would read a request body.
class HttpServer::Engine : public httplib::Server {
 public:
  explicit Engine(ServerLimits limits) : limits_(limits), table_(limits.max_connections) {
    new_task_queue = [] { return new ThreadPerConnection; };
    // A preview: never cached, so a reload always shows the latest build.
    set_default_headers(
        {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
    set_pre_routing_handler([this](const httplib::Request& in, httplib::Response& out) {
      SendUncompressed(in);
      ToLibrary(Answer(in), out);
      return HandlerResponse::Handled;
    });
    set_error_handler(
        HandlerWithResponse([](const httplib::Request&, httplib::Response& out) {
          return ExplainError(out);
        }));
  }
  ~Engine() override {
    if (svr_sock_ != INVALID_SOCKET) ::close(svr_sock_);
  }

  void Adopt(int listening_fd) {
    svr_sock_ = listening_fd;
    port_ = BoundPort(listening_fd);
  }
  void Start(HttpServer::Handler handler);
  void Stop();

 private:
  bool process_and_close_socket(socket_t fd) override;
  HttpResponse Answer(const httplib::Request& in);
  static HandlerResponse ExplainError(httplib::Response& out);

  ServerLimits limits_;
  int port_ = 0;
  ConnectionTable table_;
  HttpServer::Handler handler_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listening_done_{false};
  std::thread listen_thread_;
};

void HttpServer::Engine::Start(HttpServer::Handler handler) {
  handler_ = std::move(handler);
  listen_thread_ = std::thread([this] {
    listen_after_bind();
    listening_done_ = true;
  });
  // stop() does nothing until the loop runs: wait for it (microseconds).
  while (!is_running() && !listening_done_) std::this_thread::yield();
}

void HttpServer::Engine::Stop() {
  if (stopping_.exchange(true)) return;
  table_.CloseAll();
  if (listen_thread_.joinable()) {
    stop();  // closes the listening socket; the loop joins the connections
    listen_thread_.join();
  }
}

bool HttpServer::Engine::process_and_close_socket(socket_t fd) {
  switch (table_.Admit(fd)) {
    case ConnectionTable::Admission::kAdmitted: {
      SendWithoutDelay(fd);
      ConnectionStream stream(fd, limits_);
      current_connection = &stream;
      bool closed_by_client = false;
      process_request(stream, /*close_connection=*/true, closed_by_client, nullptr);
      current_connection = nullptr;
      Linger(fd, limits_.linger, stopping_);
      table_.Remove(fd);
      break;
    }
    case ConnectionTable::Admission::kBusy:
      RefuseBusy(fd);
      break;
    case ConnectionTable::Admission::kStopping:
      break;
  }
  ::close(fd);
  return true;
}

HttpResponse HttpServer::Engine::Answer(const httplib::Request& in) {
  if (current_connection) table_.HeadRead(current_connection->socket());
  HttpRequest request = ToRequest(in);
  // Only "/path" targets: the absolute form ("GET http://evil.example/")
  // names a host of its own, which would override the Host header.
  if (request.target.empty() || request.target.front() != '/')
    return Plain(400, "Bad request: the target must be a path\n");
  switch (CheckHost(request, port_)) {
    case HostVerdict::kMissing:
      return Plain(400, "Bad request: no Host header\n");
    case HostVerdict::kAmbiguous:
      return Plain(400, "Bad request: more than one Host header\n");
    case HostVerdict::kForeign: {
      std::string port = std::to_string(port_);
      return Plain(421, "This server answers only 127.0.0.1:" + port +
                            " and localhost:" + port + "\n");
    }
    case HostVerdict::kOk:
      break;
  }
  try {
    return handler_(request);
  } catch (const std::exception& e) {
    // A handler's failure ends this request, never the server.
    return Plain(500, std::string("Internal server error: ") + e.what() + "\n");
  } catch (...) {
    return Plain(500, "Internal server error\n");
  }
}

httplib::Server::HandlerResponse HttpServer::Engine::ExplainError(
    httplib::Response& out) {
  // Our own answers have their text already; the library's (a request it
  // could not read) get theirs here, from what our stream saw.
  if (!out.body.empty()) return HandlerResponse::Unhandled;
  if (current_connection && current_connection->too_large())
    out.status = 431;
  else if (current_connection && current_connection->timed_out())
    out.status = 408;
  out.set_content(ErrorText(out.status), "text/plain; charset=utf-8");
  return HandlerResponse::Handled;
}

HttpServer::HttpServer(ServerLimits limits) : engine_(std::make_unique<Engine>(limits)) {}

HttpServer::~HttpServer() {
  Stop();
}

bool HttpServer::Listen(int port, std::string* error, bool* in_use) {
  int fd = ListenLoopback(port, error, in_use);
  if (fd < 0) return false;
  engine_->Adopt(fd);
  port_ = BoundPort(fd);
  return true;
}

void HttpServer::Start(Handler handler) {
  engine_->Start(std::move(handler));
}

void HttpServer::Stop() {
  engine_->Stop();
}

}  // namespace clerk::serve
