// MirrorTree: the mirror ends holding exactly what the source holds, every
// file a hard link to the source's, whatever it held before, walked on one
// thread or several.
#include "output/carry_over.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

namespace {

// Every entry under `root`, as "d path" or "f path inode".
std::set<std::string> Listing(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string rel = fs::relative(entry.path(), root).generic_string();
    if (entry.is_directory()) {
      out.insert("d " + rel);
    } else {
      struct stat st;
      ::lstat(entry.path().c_str(), &st);
      out.insert("f " + rel + " " + std::to_string(st.st_ino));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a mirrored tree holds exactly the source's files, as links to them",
          "[output][carry]") {
  for (int jobs : {1, 2, 4}) {
    INFO("jobs " << jobs);
    testing::TempDir dir;
    const fs::path source = dir.path() / "site", mirror = dir.path() / "spare";
    // A source of several levels, wide enough that a level is shared out.
    for (int m = 0; m < 40; ++m) {
      const fs::path meeting = source / "meetings" / ("m" + std::to_string(m));
      fs::create_directories(meeting / "paper");
      testing::WriteFile(meeting / "index.html", "meeting " + std::to_string(m));
      testing::WriteFile(meeting / "paper" / "index.html", "paper " + std::to_string(m));
    }
    fs::create_directories(source / "empty");
    testing::WriteFile(source / "index.html", "home");
    // The mirror as an older site left it: a file changed since (another
    // file), one gone since, a folder gone since, and a file where the
    // source now has a folder.
    fs::create_directories(mirror / "meetings" / "m1");
    testing::WriteFile(mirror / "meetings" / "m1" / "index.html", "older");
    testing::WriteFile(mirror / "gone.html", "gone");
    fs::create_directories(mirror / "old" / "deep");
    testing::WriteFile(mirror / "old" / "deep" / "x.html", "x");
    testing::WriteFile(mirror / "empty", "a file, not a folder");
    fs::create_hard_link(source / "index.html", mirror / "index.html");  // already there

    std::string error;
    REQUIRE(MirrorTree(source.string(), mirror.string(), &error, jobs));
    CHECK(error.empty());
    CHECK(Listing(mirror) == Listing(source));
    // Again: nothing to do, nothing changes.
    REQUIRE(MirrorTree(source.string(), mirror.string(), &error, jobs));
    CHECK(Listing(mirror) == Listing(source));
  }
}

TEST_CASE("a mirror that cannot be made says where", "[output][carry]") {
  testing::TempDir dir;
  std::string error;
  CHECK(!MirrorTree((dir.path() / "missing").string(), dir.path().string(), &error, 2));
  CHECK(error.find("No such file") != std::string::npos);
}
