#include "output/pagefind_program.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::output;
using namespace clerk::testing;

namespace {

void MakeProgram(const fs::path& path) {
  WriteFile(path, "#!/bin/sh\nexit 0\n");
  fs::permissions(path, fs::perms::owner_all);
}

}  // namespace

TEST_CASE("pagefind is looked for in the documented order", "[output][pagefind]") {
  PagefindPlaces places{"/srv/site", "/opt/clerk/bin", "", "/usr/local/bin::/usr/bin"};
  const std::vector<fs::path> candidates = PagefindCandidates(places);
  const std::vector<fs::path> expected = {"/opt/clerk/lib/clerk/pagefind",
                                          "/srv/site/node_modules/.bin/pagefind",
                                          "/opt/clerk/node_modules/.bin/pagefind",
                                          "/usr/local/bin/pagefind", "/usr/bin/pagefind"};
  CHECK(candidates == expected);
}

TEST_CASE("CLERK_PAGEFIND names the one program used", "[output][pagefind]") {
  TempDir dir;
  MakeProgram(dir.path() / "usr/lib/clerk/pagefind");
  MakeProgram(dir.path() / "mine/pagefind");
  PagefindPlaces places{(dir.path() / "site").string(), dir.path() / "usr/bin",
                        (dir.path() / "mine/pagefind").string(), ""};
  CHECK(FindPagefind(places) == (dir.path() / "mine/pagefind").string());
  // Set to something that is not a program: no other is used instead, and
  // the warning says what the variable names.
  places.override_program = (dir.path() / "missing").string();
  CHECK(FindPagefind(places).empty());
  const std::string message = MissingPagefindMessage(places);
  CHECK(message.find("CLERK_PAGEFIND names " + places.override_program) !=
        std::string::npos);
}

TEST_CASE("the pagefind installed with clerk comes before the site's and PATH's",
          "[output][pagefind]") {
  TempDir dir;
  MakeProgram(dir.path() / "usr/lib/clerk/pagefind");
  MakeProgram(dir.path() / "site/node_modules/.bin/pagefind");
  MakeProgram(dir.path() / "path/pagefind");
  PagefindPlaces places{(dir.path() / "site").string(), dir.path() / "usr/bin", "",
                        (dir.path() / "path").string()};
  CHECK(FindPagefind(places) == (dir.path() / "usr/lib/clerk/pagefind").string());
  fs::remove(dir.path() / "usr/lib/clerk/pagefind");
  CHECK(FindPagefind(places) ==
        (dir.path() / "site/node_modules/.bin/pagefind").string());
  fs::remove(dir.path() / "site/node_modules/.bin/pagefind");
  CHECK(FindPagefind(places) == (dir.path() / "path/pagefind").string());
  CHECK(MissingPagefindMessage(places).empty());
}

TEST_CASE("an npm wrapper gives way to the npm package's own binary beside it",
          "[output][pagefind]") {
#if defined(__x86_64__)
  TempDir dir;
  const fs::path modules = dir.path() / "site/node_modules";
  MakeProgram(modules / ".bin/pagefind");
  MakeProgram(modules / "@pagefind/linux-x64/bin/pagefind_extended");
  PagefindPlaces places{(dir.path() / "site").string(), "", "", ""};
  CHECK(FindPagefind(places) ==
        (modules / "@pagefind/linux-x64/bin/pagefind_extended").string());
#endif
}

TEST_CASE("with no pagefind, the warning says where clerk looked and what to do",
          "[output][pagefind]") {
  TempDir dir;
  fs::create_directories(dir.path() / "empty");
  PagefindPlaces places{(dir.path() / "site").string(), dir.path() / "usr/bin", "",
                        (dir.path() / "empty").string()};
  CHECK(FindPagefind(places).empty());
  const std::string message = MissingPagefindMessage(places);
  for (const fs::path& candidate : PagefindCandidates(places))
    CHECK(message.find(candidate.string()) != std::string::npos);
  CHECK(message.find("search page will not work") != std::string::npos);
  CHECK(message.find("CLERK_PAGEFIND") != std::string::npos);
  CHECK(message.find("--no-search") != std::string::npos);
  CHECK(message.find("/usr/lib/clerk/") != std::string::npos);
}
