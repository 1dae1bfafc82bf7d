// clerk serve: slow and many clients cannot take the server (connections
// are bounded, and every stage of a connection has a time limit).
#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>

#include "serve/http_server.h"
#include "serve_support.h"

using namespace clerk::serve;
using namespace clerk::testing;
using namespace std::chrono_literals;

namespace {

HttpResponse AnswerOk(const HttpRequest&) {
  HttpResponse response;
  response.body = "ok";
  return response;
}

// True when the server has closed `fd` (end of input or reset), looking
// without waiting; what it sent before is dropped.
bool ClosedByServer(int fd) {
  char buffer[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) continue;
    return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
  }
}

// Sends one byte of a never-ending header every `every`, collecting what
// the server sends in `*answer`, until the server ends its side (EOF) or,
// with `until_gone`, until it has closed the connection altogether (a send
// fails). Returns how long that took, or `give_up`.
Clock::duration TrickleUntilClosed(int fd, Clock::duration every, Clock::duration give_up,
                                   std::string* answer, bool until_gone = false) {
  auto started = Clock::now();
  int every_ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(every).count());
  bool eof = false;
  while (Clock::now() - started < give_up) {
    pollfd pfd{fd, POLLIN, 0};
    if (!eof && ::poll(&pfd, 1, every_ms) > 0) {
      char buffer[4096];
      ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n > 0) {
        answer->append(buffer, static_cast<size_t>(n));
        continue;
      }
      if (!until_gone) return Clock::now() - started;
      eof = true;
    }
    if (eof) std::this_thread::sleep_for(every);
    if (::send(fd, "a", 1, MSG_NOSIGNAL) != 1) return Clock::now() - started;
  }
  return give_up;
}

}  // namespace

TEST_CASE("serve: a client trickling its request head a byte at a time is cut off",
          "[serve]") {
  HttpServer server;  // the limits clerk serve runs with
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start(AnswerOk);
  ServerLimits limits;

  int fd = ConnectLocal(port);
  REQUIRE(fd >= 0);
  REQUIRE(SendAll(
      fd, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nX-Slow: "));
  std::string answer;
  auto took = TrickleUntilClosed(fd, 300ms, 15s, &answer);
  ::close(fd);
  CHECK(took >= limits.head_timeout - 500ms);
  CHECK(took < limits.head_timeout + 2s);
  INFO(answer);
  CHECK(ParseReply(answer).status == 408);
  CHECK(limits.head_timeout <= 10s);
  server.Stop();
}

TEST_CASE("serve: a client that keeps sending after its answer is not kept for ever",
          "[serve]") {
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start(AnswerOk);
  ServerLimits limits;

  int fd = ConnectLocal(port);
  REQUIRE(fd >= 0);
  REQUIRE(SendAll(fd, "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                          "\r\nContent-Length: 100000000\r\n\r\n"));
  std::string answer;
  auto took = TrickleUntilClosed(fd, 200ms, 15s, &answer, /*until_gone=*/true);
  ::close(fd);
  CHECK(ParseReply(answer).status == 200);
  CHECK(took < limits.linger + 2s);
  server.Stop();
}

TEST_CASE(
    "serve: more slow connections than the limit keep neither the count unbounded "
    "nor a quick request out",
    "[serve]") {
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start(AnswerOk);
  ServerLimits limits;

  // Slowloris: many connections, each with a request head begun and never ended.
  std::vector<int> slow;
  for (int i = 0; i < limits.max_connections + 40; ++i) {
    int fd = ConnectLocal(port);
    REQUIRE(fd >= 0);
    SendAll(fd, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n");
    slow.push_back(fd);
    if (i % 16 == 15) std::this_thread::sleep_for(50ms);  // let the server accept
  }
  std::this_thread::sleep_for(300ms);

  // A quick request is answered at once, well before any slow one times out.
  auto started = Clock::now();
  HttpReply reply = HttpGet(port, "/", "GET", 3000);
  CHECK(reply.status == 200);
  CHECK(reply.body == "ok");
  CHECK(Clock::now() - started < 2s);

  // The server holds at most its limit of them; the oldest were cut off.
  std::this_thread::sleep_for(200ms);
  int open = 0;
  for (int fd : slow) open += ClosedByServer(fd) ? 0 : 1;
  CHECK(open <= limits.max_connections);
  CHECK(ClosedByServer(slow.front()));
  for (int fd : slow) ::close(fd);
  server.Stop();
}

TEST_CASE("serve: when every connection is busy answering a newcomer gets 503 at once",
          "[serve]") {
  ServerLimits limits;
  limits.max_connections = 4;
  HttpServer server(limits);
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  std::atomic<int> waiting{0};
  server.Start([&](const HttpRequest& request) {
    if (request.path == "/block") {
      ++waiting;
      std::unique_lock lock(mutex);
      released_cv.wait_for(lock, 20s, [&] { return released; });
    }
    return AnswerOk(request);
  });

  std::vector<int> blocked;
  std::string head =
      "GET /block HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
  for (int i = 0; i < limits.max_connections; ++i) {
    int fd = ConnectLocal(port);
    REQUIRE(fd >= 0);
    REQUIRE(SendAll(fd, head));
    blocked.push_back(fd);
  }
  auto until = Clock::now() + 5s;
  while (waiting < limits.max_connections && Clock::now() < until)
    std::this_thread::sleep_for(10ms);
  REQUIRE(waiting == limits.max_connections);

  auto started = Clock::now();
  HttpReply busy = HttpGet(port, "/", "GET", 3000);
  CHECK(busy.status == 503);
  CHECK(Clock::now() - started < 1s);

  {
    std::lock_guard lock(mutex);
    released = true;
  }
  released_cv.notify_all();
  for (int fd : blocked) {
    std::string raw;
    CHECK(ReadToEnd(fd, raw, Clock::now() + 5s));
    CHECK(ParseReply(raw).status == 200);
    ::close(fd);
  }
  // Free again.
  CHECK(HttpGet(port, "/", "GET", 3000).status == 200);
  server.Stop();
}

TEST_CASE(
    "serve: a client that does not read its answer frees the connection after the "
    "send timeout",
    "[serve]") {
  ServerLimits limits;
  limits.max_connections = 1;
  limits.send_timeout = 500ms;
  limits.linger = 200ms;
  HttpServer server(limits);
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start([](const HttpRequest& request) {
    HttpResponse response;
    if (request.path == "/big") response.body = std::string(64 * 1024 * 1024, 'x');
    return response;
  });
  int fd = ConnectLocal(port);
  REQUIRE(fd >= 0);
  auto started = Clock::now();
  REQUIRE(SendAll(
      fd, "GET /big HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n"));
  // Never read. While the server is still sending, the one place is taken...
  std::this_thread::sleep_for(100ms);
  CHECK(HttpGet(port, "/", "GET", 3000).status == 503);
  // ...and it is free again once the send timed out.
  int status = 0;
  while (Clock::now() - started < 10s) {
    status = HttpGet(port, "/", "GET", 3000).status;
    if (status == 200) break;
    std::this_thread::sleep_for(50ms);
  }
  CHECK(status == 200);
  CHECK(Clock::now() - started < 3s);
  ::close(fd);
  server.Stop();
}

TEST_CASE("serve: a handler that throws gets 500 and the server goes on", "[serve]") {
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start([](const HttpRequest& request) {
    if (request.path == "/throw") throw std::runtime_error("disk on fire");
    if (request.path == "/throw-int") throw 42;
    return AnswerOk(request);
  });
  HttpReply reply = HttpGet(port, "/throw");
  CHECK(reply.status == 500);
  CHECK(reply.body.find("disk on fire") != std::string::npos);
  CHECK(HttpGet(port, "/throw-int").status == 500);
  CHECK(HttpGet(port, "/").status == 200);
  server.Stop();
}
