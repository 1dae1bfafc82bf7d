// clerk serve: which file answers a URL, and its Content-Type.
#include "serve/static_files.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk::serve;
using namespace clerk::testing;
namespace fs = std::filesystem;

TEST_CASE("serve: folder URLs get index.html and /x redirects to /x/", "[serve]") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  WriteFile(site / "index.html", "home");
  WriteFile(site / "meetings/x/index.html", "meeting");
  WriteFile(site / "theme/standard.css", "css");
  fs::create_directories(site / "empty");

  FileAnswer a = ResolveFile(site, "/");
  CHECK(a.kind == FileAnswer::Kind::kFile);
  CHECK(a.file == site / "index.html");

  a = ResolveFile(site, "/meetings/x/");
  CHECK(a.kind == FileAnswer::Kind::kFile);
  CHECK(a.file == site / "meetings/x/index.html");

  a = ResolveFile(site, "/meetings/x", "q=1");
  CHECK(a.kind == FileAnswer::Kind::kRedirect);
  CHECK(a.location == "/meetings/x/?q=1");

  a = ResolveFile(site, "/meetings/x/index.html");
  CHECK(a.kind == FileAnswer::Kind::kFile);

  a = ResolveFile(site, "/theme/standard.css");
  CHECK(a.kind == FileAnswer::Kind::kFile);

  CHECK(ResolveFile(site, "/theme/standard.css/").kind == FileAnswer::Kind::kNotFound);
  CHECK(ResolveFile(site, "/empty/").kind == FileAnswer::Kind::kNotFound);
  CHECK(ResolveFile(site, "/nothing").kind == FileAnswer::Kind::kNotFound);
}

TEST_CASE("serve: nothing outside the served folder is reachable", "[serve]") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  WriteFile(site / "index.html", "home");
  WriteFile(dir.path() / "secret.txt", "secret");
  WriteFile(site / ".clerk-site", "marker");
  fs::create_symlink(dir.path() / "secret.txt", site / "link.txt");
  fs::create_directory_symlink(dir.path(), site / "up");

  CHECK(ResolveFile(site, "/../secret.txt").kind == FileAnswer::Kind::kBadRequest);
  CHECK(ResolveFile(site, "/%2e%2e/secret.txt").kind == FileAnswer::Kind::kBadRequest);
  CHECK(ResolveFile(site, "/%2E%2E%2Fsecret.txt").kind == FileAnswer::Kind::kBadRequest);
  CHECK(ResolveFile(site, "/.clerk-site").kind == FileAnswer::Kind::kBadRequest);
  CHECK(ResolveFile(site, dir.path().string() + "/secret.txt").kind ==
        FileAnswer::Kind::kNotFound);  // "/tmp/..." is read inside the site
  CHECK(ResolveFile(site, "http://x/secret.txt").kind == FileAnswer::Kind::kBadRequest);
  // Symbolic links that lead out are not followed.
  CHECK(ResolveFile(site, "/link.txt").kind == FileAnswer::Kind::kNotFound);
  CHECK(ResolveFile(site, "/up/secret.txt").kind == FileAnswer::Kind::kNotFound);
}

TEST_CASE("serve: Content-Type by extension", "[serve]") {
  CHECK(ContentType("a/index.html") == "text/html; charset=utf-8");
  CHECK(ContentType("theme/standard.css") == "text/css; charset=utf-8");
  CHECK(ContentType("theme/js/search.js") == "text/javascript; charset=utf-8");
  CHECK(ContentType("pictograms/date.svg") == "image/svg+xml");
  CHECK(ContentType("screen.PNG") == "image/png");
  CHECK(ContentType("meetings.ics") == "text/calendar; charset=utf-8");
  CHECK(ContentType("feed.xml") == "application/xml");
  CHECK(ContentType("data/meetings.json") == "application/json");
  CHECK(ContentType("robots.txt") == "text/plain; charset=utf-8");
  CHECK(ContentType("pagefind/x.pf_index") == "application/octet-stream");
  CHECK(ContentType("noextension") == "application/octet-stream");
  CHECK(IsHtml("x/index.html"));
  CHECK_FALSE(IsHtml("x/style.css"));
}
