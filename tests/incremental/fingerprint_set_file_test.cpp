#include "incremental/fingerprint_set_file.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk;

TEST_CASE("a fingerprint set is read back as written, and only as its own kind",
          "[output]") {
  testing::TempDir dir;
  const std::string path = (dir.path() / "cache" / "scans").string();
  std::set<Fingerprint> set = {
      FingerprintOf("a"), FingerprintOf("b"), {0, 1}, {~0ull, 0}};
  REQUIRE(SaveFingerprintSet(set, path, "acronyms"));  // makes the folder too
  CHECK(LoadFingerprintSet(path, "acronyms") == set);
  CHECK(LoadFingerprintSet(path, "other").empty());
  CHECK(LoadFingerprintSet(path + "-missing", "acronyms").empty());
  CHECK(!std::filesystem::exists(path + ".tmp"));

  // Cut short, or with bytes added: not used.
  std::string bytes = testing::ReadFile(path);
  testing::WriteFile(path, bytes.substr(0, bytes.size() - 1));
  CHECK(LoadFingerprintSet(path, "acronyms").empty());
  testing::WriteFile(path, bytes + "x");
  CHECK(LoadFingerprintSet(path, "acronyms").empty());
  testing::WriteFile(path, bytes);
  CHECK(LoadFingerprintSet(path, "acronyms").size() == 4);

  REQUIRE(SaveFingerprintSet({}, path, "acronyms"));
  CHECK(LoadFingerprintSet(path, "acronyms").empty());
}
