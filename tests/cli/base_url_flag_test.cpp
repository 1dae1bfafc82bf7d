// --base-url obeys the rule of base_url in site.yaml (config/base_url.h): a
// script scheme or a line break is a usage error, before anything is built.
#include <catch2/catch.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

TEST_CASE("clerk build --base-url refuses a script or a line break and writes nothing",
          "[cli][base-url]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests" / "bad-input" / "base", dir.path());
  for (const std::string& url :
       {std::string("'javascript:alert(1)'"),
        std::string("\"$(printf 'https://x.example/\\r\\nX-EVIL:1')\""),
        std::string("/relative/")}) {
    INFO(url);
    CommandResult r =
        RunClerk("build --no-search --base-url " + url + " --out out", dir.path());
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("--base-url") != std::string::npos);
    CHECK(!fs::exists(dir.path() / "out"));
  }
  CommandResult ok = RunClerk(
      "build --no-search --today 2024-04-01 --base-url https://Papers.Example.org --out "
      "out",
      dir.path());
  INFO(ok.output);
  CHECK(ok.exit_code == 0);
  // The host lower-cased and the final slash added, as in site.yaml.
  CHECK(
      ReadFile(dir.path() / "out" / "sitemap.xml").find("https://papers.example.org/") !=
      std::string::npos);
}
