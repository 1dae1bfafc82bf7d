// `clerk deploy --to file://DIR` with DIR inside, around or equal to the built
// site or the site's sources is refused (issue 18, defect 19), however the
// path is spelled.
#include "publish/target_place.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

using clerk::publish::CheckTargetPlace;
using clerk::testing::RunClerk;
using clerk::testing::TempDir;
using clerk::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

// A folder with a site's sources (site.yaml) and its built site in public/.
struct Layout {
  TempDir dir;
  fs::path site() const { return dir.path() / "site"; }
  fs::path out() const { return site() / "public"; }
  Layout() {
    WriteFile(site() / "site.yaml", "title: Test\n");
    WriteFile(out() / ".clerk-site", "clerk\n");
    WriteFile(out() / "index.html", "home");
  }
};

std::optional<std::string> Check(const Layout& l, const fs::path& target) {
  return CheckTargetPlace(target.string() + "/", l.out().string(), l.site().string());
}

}  // namespace

TEST_CASE("deploy place: a target inside the built site is refused", "[publish][place]") {
  Layout l;
  auto error = Check(l, l.out() / "mirror");
  REQUIRE(error);
  CHECK(*error == "the deploy target " + (l.out() / "mirror").string() +
                      " is inside the built site " + l.out().string() +
                      "/: each deploy would copy the one before into itself; deploy to a "
                      "folder outside it");
  // Other spellings of the same folder.
  CHECK(Check(l, l.out() / "../public/mirror"));
  CHECK(Check(l, l.out() / "./mirror/deeper/"));
  fs::create_directory_symlink(l.out(), l.dir.path() / "link");
  CHECK(Check(l, l.dir.path() / "link/mirror"));
  // --out spelled through a link and with '..' too.
  CHECK(CheckTargetPlace((l.out() / "mirror").string(), (l.dir.path() / "link").string(),
                         l.site().string()));
  CHECK(CheckTargetPlace((l.out() / "mirror").string(),
                         (l.site() / "content/../public/").string(), l.site().string()));
}

TEST_CASE("deploy place: the built site itself, or a target holding it, is refused",
          "[publish][place]") {
  Layout l;
  auto same = Check(l, l.out());
  REQUIRE(same);
  CHECK(same->find("is the built site") != std::string::npos);
  CHECK(Check(l, l.site() / "public/."));
  auto around = Check(l, l.dir.path());
  REQUIRE(around);
  CHECK(around->find("is inside the deploy target " + l.dir.path().string()) !=
        std::string::npos);
  CHECK(Check(l, "/"));
}

TEST_CASE("deploy place: a target inside or around the site's sources is refused",
          "[publish][place]") {
  Layout l;
  // The built site elsewhere, so only the sources are in the way.
  TempDir other;
  fs::path out = other.path() / "built";
  WriteFile(out / ".clerk-site", "clerk\n");
  auto inside =
      CheckTargetPlace((l.site() / "www").string(), out.string(), l.site().string());
  REQUIRE(inside);
  CHECK(inside->find("is inside the site's source folder") != std::string::npos);
  CHECK(CheckTargetPlace(l.site().string(), out.string(), l.site().string()));
  CHECK(CheckTargetPlace((l.site() / "content/..").string(), out.string(),
                         l.site().string()));
  auto around = CheckTargetPlace((l.site() / "content/../..").string(), out.string(),
                                 l.site().string());
  REQUIRE(around);
  CHECK(*around ==
        "the site's source folder " + l.site().string() +
            " is inside the deploy target " + l.dir.path().string() +
            ": a deploy would write into it; deploy to a folder apart from it");
  // The folder around --out is the site's too when it holds site.yaml, also
  // when --source is not given (the working folder is elsewhere).
  auto beside = CheckTargetPlace((l.site() / "www").string(), l.out().string(),
                                 other.path().string());
  REQUIRE(beside);
  CHECK(*beside == "the deploy target " + (l.site() / "www").string() +
                       " is inside the site's source folder " + l.site().string() +
                       ": a deploy would write the site among its sources; deploy to a "
                       "folder outside it");
  // A folder is checked as the source only when it holds site.yaml (with
  // --to, --source defaults to the working folder).
  fs::remove(l.site() / "site.yaml");
  CHECK_FALSE(
      CheckTargetPlace((l.site() / "www").string(), out.string(), l.site().string()));
}

TEST_CASE("deploy place: folders apart, or only sharing a name's start, are fine",
          "[publish][place]") {
  Layout l;
  CHECK_FALSE(Check(l, l.dir.path() / "www"));
  CHECK_FALSE(Check(l, l.dir.path() / "site-mirror"));  // not inside site/
  CHECK_FALSE(Check(l, l.site().string() + "2/public"));
}

TEST_CASE("clerk deploy --to a folder inside --out exits 2 and deploys nothing",
          "[publish][place]") {
  Layout l;
  fs::create_directories(l.out() / "mirror");
  auto run = [&](const std::string& to) {
    return RunClerk("deploy --to 'file://" + to + "' --out public --yes", l.site());
  };
  auto r = run((l.out() / "../public/mirror").string());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("clerk deploy: error: the deploy target " +
                      (l.out() / "mirror").string() +
                      " is inside the built site public/") != std::string::npos);
  CHECK(fs::is_empty(l.out() / "mirror"));
  r = run(l.site().string());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("(" + l.out().string() + ") is inside the deploy target") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(l.site() / ".clerk-manifest"));
  // Apart from both: deployed.
  r = run((l.dir.path() / "www").string());
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(l.dir.path() / "www/index.html"));
}
