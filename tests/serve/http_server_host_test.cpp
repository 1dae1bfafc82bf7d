// clerk serve: the server answers only requests for its own loopback name
// and port (DNS rebinding), and takes HTTP/1.0 requests without headers.
#include <catch2/catch.hpp>

#include "serve/http_server.h"
#include "serve_support.h"

using namespace clerk::serve;
using namespace clerk::testing;

namespace {

// The status of `request` sent as it is to the server on `port`.
int StatusOf(int port, const std::string& request) {
  return ParseReply(RawRequest(port, request, 5000)).status;
}

std::string GetWithHost(const std::string& host) {
  return "GET /page HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
}

}  // namespace

TEST_CASE("serve: only Host 127.0.0.1 or localhost or ::1 with our port is answered",
          "[serve]") {
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  std::string p = std::to_string(port);
  server.Start([](const HttpRequest&) {
    HttpResponse response;
    response.body = "the preview, drafts included";
    return response;
  });

  for (const std::string& host : std::vector<std::string>{
           "127.0.0.1:" + p, "localhost:" + p, "LOCALHOST:" + p, "[::1]:" + p}) {
    INFO(host);
    HttpReply reply = ParseReply(RawRequest(port, GetWithHost(host)));
    CHECK(reply.status == 200);
    CHECK(reply.body == "the preview, drafts included");
  }

  // A page whose own name now resolves to 127.0.0.1 sends that name.
  for (const std::string& host : std::vector<std::string>{
           "evil.example:" + p, "evil.example", "127.0.0.1:" + std::to_string(port + 1),
           "localhost", "127.0.0.1", "localhost:80", "attacker.localhost:" + p}) {
    INFO(host);
    HttpReply reply = ParseReply(RawRequest(port, GetWithHost(host)));
    CHECK(reply.status == 421);
    CHECK(reply.Header("content-type") == "text/plain; charset=utf-8");
    CHECK(reply.body.find("drafts") == std::string::npos);
    CHECK(reply.body.size() < 200);
  }

  // HTTP/1.1 requires a Host; two of them are ambiguous.
  CHECK(StatusOf(port, "GET / HTTP/1.1\r\n\r\n") == 400);
  CHECK(StatusOf(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n") == 400);
  CHECK(StatusOf(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + p +
                           "\r\nHost: evil.example\r\n\r\n") == 400);
  CHECK(StatusOf(port, "GET / HTTP/1.1\r\nHost: evil.example\r\nHost: 127.0.0.1:" + p +
                           "\r\n\r\n") == 400);
  // The absolute form names a host too: refused, not served.
  CHECK(StatusOf(port, "GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:" + p +
                           "\r\n\r\n") != 200);
  server.Stop();
}

TEST_CASE("serve: an HTTP/1.0 request with no header lines gets 200", "[serve]") {
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start([](const HttpRequest& request) {
    HttpResponse response;
    response.body = "you asked for " + request.path;
    return response;
  });
  HttpReply reply = ParseReply(RawRequest(port, "GET / HTTP/1.0\r\n\r\n"));
  CHECK(reply.status == 200);
  CHECK(reply.body == "you asked for /");
  CHECK(ParseReply(RawRequest(port, "GET / HTTP/1.0\r\nUser-Agent: t\r\n\r\n")).status ==
        200);
  // With a Host, HTTP/1.0 is held to the same names.
  CHECK(ParseReply(RawRequest(port, "GET / HTTP/1.0\r\nHost: evil.example\r\n\r\n"))
            .status == 421);
  server.Stop();
}
