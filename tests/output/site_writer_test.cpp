#include "output/site_writer.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

TEST_CASE("a written site replaces the previous one whole", "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"index.html", "one"}, {"old/index.html", "stale"}}, out.string(), 2,
                    diag));
  REQUIRE(
      WriteSite({{"index.html", "two"}, {"a/b/c.html", "deep"}}, out.string(), 2, diag));
  CHECK(testing::ReadFile(out / "index.html") == "two");
  CHECK(testing::ReadFile(out / "a/b/c.html") == "deep");
  CHECK(!fs::exists(out / "old"));  // stale files do not linger
  CHECK(fs::exists(out / kSiteMarker));
  // No temporary folders are left beside it.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) entries += e.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("a failed write leaves the previous site untouched", "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"index.html", "good"}}, out.string(), 1, diag));
  // A file where a folder must go makes the second write fail.
  Diagnostics failed;
  CHECK(!WriteSite({{"x", "file"}, {"x/index.html", "cannot"}, {"index.html", "bad"}},
                   out.string(), 1, failed));
  CHECK(failed.HasErrors());
  CHECK(testing::ReadFile(out / "index.html") == "good");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) entries += e.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("an output folder Clerk did not make is never replaced", "[output]") {
  testing::TempDir dir;
  Diagnostics diag;
  testing::WriteFile(dir.path() / "notes/precious.txt", "keep me");
  CHECK(!CheckOutputDir((dir.path() / "notes").string(), dir.path().string(), diag));
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].message.find("not a site Clerk built") != std::string::npos);
  // The source folder itself, or one inside content/, is refused too.
  Diagnostics source;
  CHECK(!CheckOutputDir(dir.path().string(), dir.path().string(), source));
  Diagnostics inside;
  CHECK(
      !CheckOutputDir((dir.path() / "content/x").string(), dir.path().string(), inside));
  // An empty or missing folder, or a previous site, is fine.
  Diagnostics fine;
  CHECK(CheckOutputDir((dir.path() / "public").string(), dir.path().string(), fine));
  CHECK(testing::ReadFile(dir.path() / "notes/precious.txt") == "keep me");
}
