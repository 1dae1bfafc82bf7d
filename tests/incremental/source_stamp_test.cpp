#include "incremental/source_stamp.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

namespace {

// A site tree with folders three deep, as content/meetings/<id>/ has.
void MakeTree(const fs::path& root) {
  fs::create_directories(root / "content/meetings/2024-01-01-cabinet/files");
  fs::create_directories(root / "content/people");
  testing::WriteFile(root / "site.yaml", "title: x\n");
  testing::WriteFile(root / "content/meetings/2024-01-01-cabinet/meeting.yaml", "a\n");
  testing::WriteFile(root / "content/meetings/2024-01-01-cabinet/files/plan.pdf", "p\n");
  testing::WriteFile(root / "content/people/ann.yaml", "name: Ann\n");
}

Fingerprint Stamp(const fs::path& root, const std::string& extra = "") {
  return StampSources({(root / "site.yaml").string(), (root / "content").string(),
                       (root / "assets").string()},
                      extra, 2);
}

}  // namespace

TEST_CASE("the source stamp changes with any file at any depth", "[output]") {
  testing::TempDir dir;
  const fs::path root = dir.path();
  MakeTree(root);
  const Fingerprint first = Stamp(root);
  CHECK(Stamp(root) == first);  // the same tree, the same stamp
  CHECK(!(Stamp(root, "--noindex") == first));

  // A file three folders down, edited to the same size.
  const fs::path deep = root / "content/meetings/2024-01-01-cabinet/files/plan.pdf";
  const auto time = fs::last_write_time(deep);
  testing::WriteFile(deep, "q\n");
  fs::last_write_time(deep, time + std::chrono::seconds(1));
  const Fingerprint edited = Stamp(root);
  CHECK(!(edited == first));

  // A new file in a new folder, then gone again.
  fs::create_directories(root / "content/meetings/2024-02-01-cabinet");
  testing::WriteFile(root / "content/meetings/2024-02-01-cabinet/meeting.yaml", "b\n");
  const Fingerprint added = Stamp(root);
  CHECK(!(added == edited));
  fs::remove_all(root / "content/meetings/2024-02-01-cabinet");
  CHECK(Stamp(root) == edited);

  // The assets folder appearing counts too (it was missing).
  fs::create_directories(root / "assets");
  testing::WriteFile(root / "assets/logo.svg", "<svg/>");
  CHECK(!(Stamp(root) == edited));
}

TEST_CASE("the source stamp follows links to files, not to folders", "[output]") {
  testing::TempDir dir;
  const fs::path root = dir.path();
  MakeTree(root);
  testing::WriteFile(root / "outside.md", "one\n");
  fs::create_symlink(root / "outside.md", root / "content/people/linked.md");
  const Fingerprint linked = Stamp(root);
  testing::WriteFile(root / "outside.md", "longer now\n");
  CHECK(!(Stamp(root) == linked));  // the linked file's own size counts

  // A link to a folder is not walked (it could loop back on itself).
  const Fingerprint before = Stamp(root);
  fs::create_directory_symlink(root / "content", root / "content/people/loop");
  CHECK(Stamp(root) == before);
}
