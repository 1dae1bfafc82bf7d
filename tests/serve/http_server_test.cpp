// clerk serve: the HTTP server itself, in this process on a free port.
#include "serve/http_server.h"

#include <dirent.h>
#include <netinet/tcp.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "serve_support.h"

using namespace clerk::serve;
using namespace clerk::testing;

namespace {

// The local address of the socket listening on `port` ("0100007F" is
// 127.0.0.1), from /proc/net/tcp; "" if none listens.
std::string ListeningAddress(int port) {
  std::ifstream tcp("/proc/net/tcp");
  std::string line;
  std::getline(tcp, line);  // the heading
  char wanted[8];
  std::snprintf(wanted, sizeof wanted, "%04X", port);
  while (std::getline(tcp, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    fields >> slot >> local >> remote >> state;
    if (state == "0A" && local.substr(local.find(':') + 1) == wanted)
      return local.substr(0, local.find(':'));
  }
  return "";
}

// For each socket of this process connected from `port` (the server's side
// of its connections), whether TCP_NODELAY is set on it.
std::vector<bool> NoDelayOfServerSockets(int port) {
  std::vector<bool> found;
  DIR* fds = ::opendir("/proc/self/fd");
  if (!fds) return found;
  while (dirent* entry = ::readdir(fds)) {
    int fd = std::atoi(entry->d_name);
    sockaddr_in local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (fd <= 2 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 ||
        local.sin_family != AF_INET || ntohs(local.sin_port) != port ||
        ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0)
      continue;
    int on = 0;
    socklen_t size = sizeof on;
    ::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, &size);
    found.push_back(on != 0);
  }
  ::closedir(fds);
  return found;
}

}  // namespace

TEST_CASE("serve: an answer is sent at once and as it is, not held back or compressed",
          "[serve]") {
  // Nagle's rule would hold the body until the client acknowledged the head:
  // 40 ms on every file of a page's reload.
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  std::vector<bool> seen;
  server.Start([&](const HttpRequest&) {
    if (seen.empty()) seen = NoDelayOfServerSockets(port);
    HttpResponse response;
    response.body = std::string(3000, 'x');
    return response;
  });
  HttpReply reply = HttpGet(port, "/page/");
  CHECK(reply.status == 200);
  CHECK(reply.body.size() == 3000);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0]);

  // Nor compressed for a browser that accepts it: Brotli at the library's
  // setting takes 20 ms a page, to save bytes that stay on this machine.
  std::string head = "GET /page/ HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                     "\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n";
  HttpReply plain = ParseReply(RawRequest(port, head));
  CHECK(plain.status == 200);
  CHECK(plain.Header("content-encoding").empty());
  CHECK(plain.body == std::string(3000, 'x'));
}

TEST_CASE("serve: the server answers on 127.0.0.1 only", "[serve]") {
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  REQUIRE(port > 0);
  server.Start([](const HttpRequest& request) {
    HttpResponse response;
    response.body = "you asked for " + request.path;
    return response;
  });
  CHECK(ListeningAddress(port) == "0100007F");

  HttpReply reply = HttpGet(port, "/a/b?c");
  CHECK(reply.status == 200);
  CHECK(reply.body == "you asked for /a/b");
  CHECK(reply.Header("content-length") == std::to_string(reply.body.size()));
  CHECK(reply.Header("connection") == "close");
  CHECK(reply.Header("cache-control") == "no-store");
  CHECK(reply.Header("x-content-type-options") == "nosniff");
  CHECK(reply.Header("content-type") == "text/plain; charset=utf-8");

  reply = HttpGet(port, "/a", "HEAD");
  CHECK(reply.status == 200);
  CHECK(reply.body.empty());
  CHECK(reply.Header("content-length") == "16");

  CHECK(ParseReply(RawRequest(port, "nonsense\r\n\r\n")).status == 400);
  // A head over the limit is refused as soon as it is over, not at the end.
  auto started_large = Clock::now();
  HttpReply large =
      ParseReply(RawRequest(port, "GET / HTTP/1.1\r\nX: " + std::string(20000, 'x')));
  CHECK(large.status == 431);
  CHECK(large.body == "Request header fields too large\n");
  CHECK(Clock::now() - started_large < std::chrono::seconds(2));
  // Many short header lines add up to the same limit.
  std::string many = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n";
  for (int i = 0; i < 2000; ++i) many += "X-" + std::to_string(i) + ": y\r\n";
  CHECK(ParseReply(RawRequest(port, many + "\r\n")).status == 431);
  // A bare LF ends no line: not a request this server reads.
  CHECK(ParseReply(RawRequest(port, "GET /x HTTP/1.0\n\n")).status == 400);

  // The port is taken now.
  HttpServer second;
  bool in_use = false;
  CHECK_FALSE(second.Listen(port, &error, &in_use));
  CHECK(in_use);
  CHECK(error.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);

  // Stop() ends idle connections and returns promptly.
  int idle = ConnectLocal(port);
  REQUIRE(idle >= 0);
  auto started = Clock::now();
  server.Stop();
  CHECK(Clock::now() - started < std::chrono::milliseconds(500));
  std::string rest;
  CHECK(ReadToEnd(idle, rest, Clock::now() + std::chrono::seconds(3)));
  ::close(idle);
  CHECK(ConnectLocal(port) < 0);
}

TEST_CASE("serve: a streamed answer has no length and ends with its connection",
          "[serve]") {
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start([](const HttpRequest&) {
    HttpResponse response;
    response.content_type = "text/event-stream";
    response.stream = [](const StreamWriter& write) {
      write("event: one\n\n");
      write("event: two\n\n");
    };
    return response;
  });
  HttpReply reply = HttpGet(port, "/events");
  CHECK(reply.status == 200);
  CHECK(reply.Header("content-type") == "text/event-stream");
  CHECK(reply.Header("content-length").empty());
  CHECK(reply.Header("transfer-encoding").empty());
  CHECK(reply.body == "event: one\n\nevent: two\n\n");
  server.Stop();
}
