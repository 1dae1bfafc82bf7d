// clerk serve: only the loopback names with the server's own port are
// answered (DNS rebinding).
#include "serve/host_check.h"

#include <catch2/catch.hpp>

using namespace clerk::serve;

namespace {

HttpRequest WithHost(const char* version, const char* host) {
  HttpRequest request;
  request.method = "GET";
  request.target = request.path = "/";
  request.version = version;
  if (host) request.hosts.push_back(host);
  return request;
}

}  // namespace

TEST_CASE("serve: the loopback Host names with our port are ours", "[serve]") {
  for (const char* host : {"127.0.0.1:8000", "localhost:8000", "LocalHost:8000",
                           "LOCALHOST:8000", "[::1]:8000"}) {
    INFO(host);
    CHECK(IsLoopbackHost(host, 8000));
  }
}

TEST_CASE("serve: any other Host is not ours", "[serve]") {
  for (const char* host : {"evil.example:8000",
                           "evil.example",
                           "127.0.0.1",
                           "localhost",
                           "[::1]",
                           "127.0.0.1:8001",
                           "localhost:80",
                           "127.0.0.1:08000",
                           "127.0.0.1:8000 ",
                           "127.0.0.1:+8000",
                           "127.0.0.1:",
                           ":8000",
                           "",
                           "127.0.0.2:8000",
                           "127.1:8000",
                           "2130706433:8000",
                           "0x7f000001:8000",
                           "localhost.:8000",
                           "sub.localhost:8000",
                           "localhost.evil.example:8000",
                           "[::ffff:127.0.0.1]:8000",
                           "::1:8000",
                           "127.0.0.1:8000@evil.example",
                           "evil.example#127.0.0.1:8000",
                           "user@127.0.0.1:8000"}) {
    INFO(host);
    CHECK_FALSE(IsLoopbackHost(host, 8000));
  }
}

TEST_CASE("serve: a missing Host is refused on HTTP/1.1 and allowed on HTTP/1.0",
          "[serve]") {
  CHECK(CheckHost(WithHost("HTTP/1.1", nullptr), 8000) == HostVerdict::kMissing);
  CHECK(CheckHost(WithHost("HTTP/1.0", nullptr), 8000) == HostVerdict::kOk);
  CHECK(CheckHost(WithHost("HTTP/1.1", "localhost:8000"), 8000) == HostVerdict::kOk);
  CHECK(CheckHost(WithHost("HTTP/1.0", "localhost:8000"), 8000) == HostVerdict::kOk);
  // A Host on HTTP/1.0 is checked like any other.
  CHECK(CheckHost(WithHost("HTTP/1.0", "evil.example:8000"), 8000) ==
        HostVerdict::kForeign);
  CHECK(CheckHost(WithHost("HTTP/1.1", "evil.example:8000"), 8000) ==
        HostVerdict::kForeign);
  CHECK(CheckHost(WithHost("HTTP/1.1", ""), 8000) == HostVerdict::kForeign);
}

TEST_CASE("serve: two Host headers are ambiguous, even when both are ours", "[serve]") {
  HttpRequest request = WithHost("HTTP/1.1", "127.0.0.1:8000");
  request.hosts.push_back("evil.example");
  CHECK(CheckHost(request, 8000) == HostVerdict::kAmbiguous);
  request.hosts.back() = "localhost:8000";
  CHECK(CheckHost(request, 8000) == HostVerdict::kAmbiguous);
}
