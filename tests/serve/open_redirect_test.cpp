// clerk serve: a folder redirect never sends the browser to another host
// ("//meetings/" is a protocol-relative address: host "meetings").
#include <catch2/catch.hpp>

#include "serve/http_server.h"
#include "serve/site_answer.h"
#include "serve/static_files.h"
#include "serve_support.h"

using namespace clerk::serve;
using namespace clerk::testing;
namespace fs = std::filesystem;

namespace {

// A browser reads a Location as another host when it starts with two
// slashes or backslashes in any mix ("/\evil" too), or with a scheme.
bool LeavesTheSite(const std::string& location) {
  if (location.size() < 1 || location[0] != '/') return true;
  return location.size() > 1 && (location[1] == '/' || location[1] == '\\');
}

fs::path MakeSite(const fs::path& dir) {
  fs::path site = dir / "site";
  WriteFile(site / "index.html", "<html><body>home</body></html>");
  WriteFile(site / "meetings/index.html", "<html><body>meetings</body></html>");
  WriteFile(site / "evil.example/index.html", "<html><body>a folder</body></html>");
  WriteFile(site / "a?b/index.html", "<html><body>odd name</body></html>");
  return site;
}

}  // namespace

TEST_CASE("serve: folder redirects from paths with repeated slashes stay on the site",
          "[serve]") {
  TempDir dir;
  fs::path site = MakeSite(dir.path());

  FileAnswer a = ResolveFile(site, "//meetings");
  REQUIRE(a.kind == FileAnswer::Kind::kRedirect);
  CHECK(a.location == "/meetings/");
  a = ResolveFile(site, "///evil.example");
  REQUIRE(a.kind == FileAnswer::Kind::kRedirect);
  CHECK(a.location == "/evil.example/");
  a = ResolveFile(site, "/%2f%2Fevil.example", "x=1");
  REQUIRE(a.kind == FileAnswer::Kind::kRedirect);
  CHECK(a.location == "/evil.example/?x=1");
  a = ResolveFile(site, "/meetings//");
  CHECK(a.kind == FileAnswer::Kind::kFile);
  a = ResolveFile(site, "/a%3Fb");
  REQUIRE(a.kind == FileAnswer::Kind::kRedirect);
  CHECK(a.location == "/a%3Fb/");
  CHECK(ResolveFile(site, "/\\evil.example").kind == FileAnswer::Kind::kBadRequest);
  CHECK(ResolveFile(site, "/%5cevil.example").kind == FileAnswer::Kind::kBadRequest);
  CHECK(ResolveFile(site, "/%5C%5Cevil.example").kind == FileAnswer::Kind::kBadRequest);
}

TEST_CASE(
    "serve: GET //meetings and ///evil.example/ and a backslash path are no open "
    "redirect",
    "[serve]") {
  TempDir dir;
  fs::path site = MakeSite(dir.path());
  HttpServer server;
  std::string error;
  REQUIRE(server.Listen(0, &error));
  int port = server.port();
  server.Start([&](const HttpRequest& request) {
    return AnswerRequest(site, request, BuildState{1, true, ""});
  });

  HttpReply reply = HttpGet(port, "//meetings");
  CHECK(reply.status == 302);
  CHECK(reply.Header("location") == "/meetings/");

  reply = HttpGet(port, "///evil.example");
  CHECK(reply.status == 302);
  CHECK(reply.Header("location") == "/evil.example/");

  // With the slash at the end it is the folder itself, on this site.
  reply = HttpGet(port, "///evil.example/");
  CHECK(reply.status == 200);
  CHECK(reply.body.find("a folder") != std::string::npos);
  CHECK(reply.Header("location").empty());

  for (const char* target : {"/\\evil.example", "/\\/evil.example", "/%5Cevil.example",
                             "/%5c%5cevil.example"}) {
    INFO(target);
    reply = HttpGet(port, target);
    CHECK(reply.status == 400);
    CHECK(reply.Header("location").empty());
  }

  // Whatever the path, a Location is on this site.
  for (const char* target :
       {"//meetings", "///meetings", "//meetings?x", "/%2F%2Fmeetings", "/%2f/meetings",
        "//evil.example", "////evil.example", "/%2F/%2Fevil.example", "//a%3Fb",
        "/./meetings", "//./meetings", "//%09/meetings", "//evil.example%23",
        "//evil.example%3F", "/meetings/..//evil.example"}) {
    INFO(target);
    reply = HttpGet(port, target);
    CHECK(reply.status != 0);
    std::string location = reply.Header("location");
    if (!location.empty()) CHECK_FALSE(LeavesTheSite(location));
  }
  server.Stop();
}
