// clerk serve: reading requests and keeping paths inside the site.
#include "serve/http_request.h"

#include <catch2/catch.hpp>

using namespace clerk::serve;

TEST_CASE("serve: a GET request is parsed with its path and query and headers",
          "[serve]") {
  HttpRequest request;
  size_t head = 0;
  std::string data =
      "GET /meetings/x/?a=1#top HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept:  text/html "
      "\r\n\r\n";
  REQUIRE(ParseRequest(data, request, &head) == ParseStatus::kOk);
  CHECK(head == data.size());
  CHECK(request.method == "GET");
  CHECK(request.target == "/meetings/x/?a=1#top");
  CHECK(request.path == "/meetings/x/");
  CHECK(request.query == "a=1");
  CHECK(request.version == "HTTP/1.1");
  CHECK(request.headers.at("host") == "127.0.0.1:8000");
  CHECK(request.headers.at("accept") == "text/html");
}

TEST_CASE("serve: incomplete or malformed or oversized requests", "[serve]") {
  HttpRequest request;
  CHECK(ParseRequest("GET / HTTP/1.1\r\nHost: x\r\n", request) ==
        ParseStatus::kIncomplete);
  CHECK(ParseRequest("", request) == ParseStatus::kIncomplete);
  CHECK(ParseRequest("GET / HTTP/1.0\n\n", request) == ParseStatus::kOk);
  CHECK(ParseRequest("GET /\r\n\r\n", request) == ParseStatus::kBad);
  CHECK(ParseRequest("GET  / HTTP/1.1\r\n\r\n", request) == ParseStatus::kBad);
  CHECK(ParseRequest("GET / HTTP/2.0\r\n\r\n", request) == ParseStatus::kBad);
  CHECK(ParseRequest("G(T / HTTP/1.1\r\n\r\n", request) == ParseStatus::kBad);
  CHECK(ParseRequest("GET / HTTP/1.1\r\nno colon\r\n\r\n", request) == ParseStatus::kBad);
  CHECK(ParseRequest("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", request) ==
        ParseStatus::kBad);
  CHECK(ParseRequest(std::string("GET /a\x01 HTTP/1.1\r\n\r\n"), request) ==
        ParseStatus::kBad);
  std::string huge = "GET / HTTP/1.1\r\nX: " + std::string(kMaxHeadBytes, 'a');
  CHECK(ParseRequest(huge, request) == ParseStatus::kTooLarge);
  CHECK(ParseRequest(huge + "\r\n\r\n", request) == ParseStatus::kTooLarge);
}

TEST_CASE("serve: percent-decoding", "[serve]") {
  CHECK(PercentDecode("/a%20b/%2e%2E") == "/a b/..");
  CHECK(PercentDecode("/caf%C3%A9") == "/caf\xC3\xA9");
  CHECK_FALSE(PercentDecode("/a%2"));
  CHECK_FALSE(PercentDecode("/a%"));
  CHECK_FALSE(PercentDecode("/a%zz"));
  CHECK_FALSE(PercentDecode("/a%00b"));
}

TEST_CASE("serve: URL paths become relative paths inside the site", "[serve]") {
  auto safe = ToSafePath("/");
  REQUIRE(safe);
  CHECK(safe->relative.empty());
  CHECK(safe->trailing_slash);

  safe = ToSafePath("/meetings/2019-09-16-cyp-scrutiny");
  REQUIRE(safe);
  CHECK(safe->relative == "meetings/2019-09-16-cyp-scrutiny");
  CHECK_FALSE(safe->trailing_slash);

  safe = ToSafePath("/meetings//x/");
  REQUIRE(safe);
  CHECK(safe->relative == "meetings/x");
  CHECK(safe->trailing_slash);

  // An absolute path in the URL stays inside the site.
  safe = ToSafePath("//etc/passwd");
  REQUIRE(safe);
  CHECK(safe->relative == "etc/passwd");

  safe = ToSafePath("/a%20file.html");
  REQUIRE(safe);
  CHECK(safe->relative == "a file.html");
}

TEST_CASE("serve: path traversal is refused also when encoded", "[serve]") {
  for (const char* bad :
       {"/../etc/passwd", "/meetings/../../etc/passwd", "/%2e%2e/etc/passwd",
        "/%2E%2E/%2e%2e/etc/passwd", "/meetings/%2e%2e%2f%2e%2e%2fetc/passwd",
        "/..%2f..%2fetc/passwd", "/.", "/./index.html", "/..", "/a/..", "/.clerk-site",
        "/..%5c..%5cetc", "/a\\..\\b", "/a%00.html", "/%zz", "etc/passwd",
        "http://example.org/etc/passwd", "*", ""}) {
    INFO(bad);
    CHECK_FALSE(ToSafePath(bad));
  }
}

TEST_CASE("serve: an HTTP/1.0 request with no header lines at all is complete",
          "[serve]") {
  HttpRequest request;
  size_t head = 0;
  std::string data = "GET / HTTP/1.0\r\n\r\n";
  REQUIRE(ParseRequest(data, request, &head) == ParseStatus::kOk);
  CHECK(head == data.size());
  CHECK(request.path == "/");
  CHECK(request.version == "HTTP/1.0");
  CHECK(request.headers.empty());
  // The same holds for HTTP/1.1 here; that it lacks a Host is for the
  // server to answer (host_check.h), not a malformed request.
  CHECK(ParseRequest("HEAD /x HTTP/1.1\r\n\r\n", request) == ParseStatus::kOk);
  CHECK(request.headers.empty());
}

TEST_CASE("serve: two Host headers are a bad request", "[serve]") {
  HttpRequest request;
  CHECK(
      ParseRequest("GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nhost: evil.example\r\n\r\n",
                   request) == ParseStatus::kBad);
  CHECK(ParseRequest("GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nX: 1\r\nX: 2\r\n\r\n",
                     request) == ParseStatus::kOk);
}

TEST_CASE("serve: folder URLs for redirects start with exactly one slash", "[serve]") {
  CHECK(FolderUrlPath("") == "/");
  CHECK(FolderUrlPath("meetings") == "/meetings/");
  CHECK(FolderUrlPath("meetings/2019-09-16-cyp-scrutiny") ==
        "/meetings/2019-09-16-cyp-scrutiny/");
  // What was decoded is encoded again, so the browser asks for the same folder
  // and nothing in it can end the path.
  CHECK(FolderUrlPath("a b/c?d#e") == "/a%20b/c%3Fd%23e/");
  CHECK(FolderUrlPath("caf\xC3\xA9") == "/caf%C3%A9/");
  CHECK(FolderUrlPath("x\\y") == "/x%5Cy/");
  // Whatever the request looked like, the safe path gives one leading slash.
  for (const char* target : {"//meetings", "///evil.example", "/%2f%2fevil.example",
                             "/%2F/evil.example", "////a//b"}) {
    INFO(target);
    auto safe = ToSafePath(target);
    REQUIRE(safe);
    std::string url = FolderUrlPath(safe->relative);
    CHECK(url.rfind("/", 0) == 0);
    CHECK(url.rfind("//", 0) != 0);
    CHECK(url.find("//") == std::string::npos);
  }
}
