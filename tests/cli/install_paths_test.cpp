#include "cli/install_paths.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk;
using namespace clerk::testing;

TEST_CASE("an installed clerk finds its theme in share/clerk beside its bin folder",
          "[cli][install]") {
  TempDir dir;
  const fs::path prefix = dir.path() / "usr";
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "share/clerk/themes/default");
  const fs::path site = dir.path() / "site";
  fs::create_directories(site);
  CHECK(ThemeDir(site, prefix / "bin") == prefix / "share/clerk/themes/default");
}

TEST_CASE("a clerk in a build folder finds the source tree's theme", "[cli][install]") {
  TempDir dir;
  fs::create_directories(dir.path() / "build");
  fs::create_directories(dir.path() / "themes/default");
  CHECK(ThemeDir(dir.path() / "site", dir.path() / "build") ==
        dir.path() / "themes/default");
}

TEST_CASE("a site's own theme wins over the one clerk comes with", "[cli][install]") {
  TempDir dir;
  fs::create_directories(dir.path() / "usr/share/clerk/themes/default");
  fs::create_directories(dir.path() / "site/themes/default");
  CHECK(ThemeDir(dir.path() / "site", dir.path() / "usr/bin") ==
        dir.path() / "site/themes/default");
}

TEST_CASE("the installed theme is looked for before the build folder's",
          "[cli][install]") {
  const std::vector<fs::path> places = ShippedThemePlaces("/opt/clerk/bin");
  REQUIRE(places.size() == 2);
  CHECK(places[0] == "/opt/clerk/share/clerk/themes/default");
  CHECK(places[1] == "/opt/clerk/themes/default");
  CHECK(ShippedThemePlaces("").empty());
}

TEST_CASE("with no theme anywhere, the error names every place clerk looked",
          "[cli][install]") {
  TempDir dir;
  const fs::path site = dir.path() / "site";
  fs::create_directories(site);
  const fs::path bin = dir.path() / "opt/bin";
  CHECK(ThemeDir(site, bin) == site / "themes/default");
  const std::string message = NoThemeMessage(site, bin);
  CHECK(message.find((site / "themes/default").string()) != std::string::npos);
  CHECK(message.find((dir.path() / "opt/share/clerk/themes/default").string()) !=
        std::string::npos);
  CHECK(message.find((dir.path() / "opt/themes/default").string()) != std::string::npos);
}

TEST_CASE("the running program's folder is the one that holds the test program",
          "[cli][install]") {
  const fs::path dir = ProgramDir();
  REQUIRE_FALSE(dir.empty());
  CHECK(fs::exists(dir / "clerk_tests"));
}
