// clerk serve: request targets as paths that stay inside the site.
#include "serve/url_path.h"

#include <catch2/catch.hpp>

using namespace clerk::serve;

TEST_CASE("serve: a target is split into its path and query", "[serve]") {
  Target target = SplitTarget("/meetings/x/?a=1#top");
  CHECK(target.path == "/meetings/x/");
  CHECK(target.query == "a=1");
  target = SplitTarget("/a#b?c");
  CHECK(target.path == "/a");
  CHECK(target.query.empty());
  target = SplitTarget("/a?b?c");
  CHECK(target.path == "/a");
  CHECK(target.query == "b?c");
  target = SplitTarget("/%2e%2e/x");
  CHECK(target.path == "/%2e%2e/x");  // still encoded: ToSafePath decodes
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
  CHECK_FALSE(ToSafePath(std::string("/index.html\0.png", 16)));
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
