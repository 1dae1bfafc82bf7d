// A paper may be called index.md: it is a paper like any other, at
// /meetings/<id>/index/ (it was once skipped, then reported as missing by the
// agenda item that named it).
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk::testing;

TEST_CASE("a paper named index.md is loaded, checked and published", "[index-paper]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests/bad-input/base", dir.path());
  const auto meeting = dir.path() / "content/meetings/2024-03-04-planning";
  std::string yaml = ReadFile(meeting / "meeting.yaml");
  const std::string named = "documents: [local-plan]";
  REQUIRE(yaml.find(named) != std::string::npos);
  yaml.replace(yaml.find(named), named.size(), "documents: [local-plan, index]");
  WriteFile(meeting / "meeting.yaml", yaml);
  WriteFile(meeting / "index.md",
            "---\nkind: appendix\ntitle: Index of the local plan\nitem: \"2\"\n---\n\n"
            "The chapters of the local plan, in order.\n");
  CommandResult check = RunClerk("check --today 2024-04-01", dir.path());
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK(check.output.find("index") == std::string::npos);
  CommandResult build =
      RunClerk("build --today 2024-04-01 --no-search --out out", dir.path());
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  const auto out = dir.path() / "out/meetings/2024-03-04-planning";
  CHECK(ReadFile(out / "index/index.html").find("Index of the local plan") !=
        std::string::npos);
  CHECK(ReadFile(out / "index.html").find("href=\"index/index.html\"") !=
        std::string::npos);
}
