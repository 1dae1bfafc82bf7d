// The one list of Clerk's bookkeeping files (incremental/state_files.h): a
// deploy leaves every one of them out, and no folder of generator/ but
// incremental/ spells out a ".clerk-" name of its own.
#include "incremental/state_files.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "publish/manifest.h"
#include "test_support.h"

namespace fs = std::filesystem;
using clerk::testing::TempDir;
using clerk::testing::WriteFile;

namespace {

// A file standing for `entry`: the file itself, or one inside its folder.
std::string Example(const clerk::StateFile& entry) {
  return std::string(entry.path) + (entry.folder ? "/part/x.bin" : "");
}

}  // namespace

TEST_CASE("no file of the state list is deployed", "[incremental][publish]") {
  TempDir dir;
  WriteFile(dir.path() / "index.html", "home");
  WriteFile(dir.path() / "pagefind/standard.json", "{}");  // the site's own
  for (const clerk::StateFile& entry : clerk::kStateFiles) {
    WriteFile(dir.path() / Example(entry), "bookkeeping");
    if (!entry.folder) WriteFile(dir.path() / (std::string(entry.path) + ".tmp"), "half");
  }
  std::string error;
  auto manifest = clerk::publish::ScanSite(dir.path().string(), 2, &error);
  REQUIRE(manifest);
  CHECK(manifest->size() == 2);
  CHECK(manifest->count("index.html") == 1);
  CHECK(manifest->count("pagefind/standard.json") == 1);
}

TEST_CASE("the state list tells its files from the site's", "[incremental]") {
  CHECK(clerk::IsStateFile(".clerk-build-log"));
  CHECK(clerk::IsStateFile(".clerk-build-log.tmp"));
  CHECK(clerk::IsStateFile(".clerk-cache/records/2024-01-01-cyp.rec"));
  CHECK_FALSE(clerk::IsStateFile(".clerk-build-log2"));
  CHECK_FALSE(clerk::IsStateFile(".clerk-sitemap"));
  CHECK_FALSE(clerk::IsStateFile("pagefind/standard.json"));
  CHECK(clerk::IsRewrittenStateFile(".clerk-bodies"));
  CHECK_FALSE(clerk::IsRewrittenStateFile(".clerk-cache/acronym-scans"));
}

TEST_CASE("no .clerk- name is spelt out in generator/ outside incremental/",
          "[incremental]") {
  const fs::path root = fs::path(CLERK_SOURCE_DIR) / "generator";
  std::vector<std::string> offenders;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    if (!e.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
    const std::string rel = fs::relative(e.path(), root).generic_string();
    if (rel.rfind("incremental/", 0) == 0) continue;
    std::ifstream in(e.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      // Only code: a comment may name a file for the reader.
      const std::string code = line.substr(0, line.find("//"));
      if (code.find(".clerk-") != std::string::npos)
        offenders.push_back(rel + ":" + std::to_string(n) + ": " + line);
    }
  }
  for (const std::string& o : offenders) UNSCOPED_INFO(o);
  CHECK(offenders.empty());
}
