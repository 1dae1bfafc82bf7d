// Papers of an agenda item taken in private (links/check_exempt_papers.h):
// a paper, or an appendix of one, that is not marked exempt is an error,
// and nothing of a paper marked exempt reaches the built site (pages, large
// print, easy read, search index, open data, feeds).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

using namespace clerk::testing;
namespace fs = std::filesystem;

namespace {

const char kMeeting[] = "content/meetings/2024-03-04-planning/";

// The bad-input base site with item 2 taken in private.
void ExemptSite(const fs::path& root) {
  CopyTree(SourceDir() / "tests/bad-input/base", root);
  std::string yaml = ReadFile(root / kMeeting / "meeting.yaml");
  yaml += "    exempt:\n      paragraph: 3\n      reason: Financial affairs.\n";
  WriteFile(root / kMeeting / "meeting.yaml", yaml);
}

// Every file under `dir` that holds `phrase`.
std::string FilesHolding(const fs::path& dir, const std::string& phrase) {
  std::string found;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() &&
        ReadFile(entry.path()).find(phrase) != std::string::npos)
      found += entry.path().string() + "\n";
  return found;
}

}  // namespace

TEST_CASE("exempt item: a paper not marked exempt is an error at the item", "[exempt]") {
  TempDir dir;
  ExemptSite(dir.path());
  CommandResult r = RunClerk("check --today 2024-04-01", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find(std::string(kMeeting) +
                      "meeting.yaml:13:17: error: agenda item 2 is exempt (paragraph 3 "
                      "of Schedule 12A), but its paper 'local-plan' is not marked "
                      "exempt") != std::string::npos);
  // The build refuses too, and writes nothing.
  CHECK(RunClerk("build --today 2024-04-01 --out out", dir.path()).exit_code == 1);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("exempt item: an open appendix of its exempt paper is an error", "[exempt]") {
  TempDir dir;
  ExemptSite(dir.path());
  fs::path paper = dir.path() / kMeeting / "local-plan.md";
  std::string text = ReadFile(paper);
  text.replace(text.find("kind: report\n"), 13,
               "kind: report\nclassification: exempt\nappendices: [valuation]\n");
  WriteFile(paper, text);
  WriteFile(dir.path() / kMeeting / "valuation.md",
            "---\nkind: appendix\ntitle: Valuation\n---\n\nThe site is worth a lot.\n");
  CommandResult r = RunClerk("check --today 2024-04-01", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("local-plan.md:4:14: error: agenda item 2 is exempt (paragraph 3 "
                      "of Schedule 12A), but its paper's appendix 'valuation' is not "
                      "marked exempt") != std::string::npos);
}

TEST_CASE("exempt item: nothing of its exempt papers reaches the built site",
          "[exempt]") {
  TempDir dir;
  ExemptSite(dir.path());
  fs::path paper = dir.path() / kMeeting / "local-plan.md";
  std::string text = ReadFile(paper);
  text.replace(text.find("kind: report\n"), 13,
               "kind: report\nclassification: exempt\nappendices: [valuation]\n");
  text.replace(text.find("the committee notes"), 19, "Frobrecommend is paid");
  text.replace(text.find("author:"), 7, "summary: Wibblesummary.\nauthor:");
  text += "\nThe bidder Zanzibarquux Holdings offered a sum.\n";
  WriteFile(paper, text);
  WriteFile(dir.path() / kMeeting / "valuation.md",
            "---\nkind: appendix\nclassification: exempt\ntitle: Valuation\n---\n\n"
            "Quuxvaluation puts the site at a sum.\n");
  CommandResult r = RunClerk("build --today 2024-04-01 --out out", dir.path());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  for (const char* phrase :
       {"Zanzibarquux", "Quuxvaluation", "Wibblesummary", "Frobrecommend"}) {
    INFO(phrase);
    CHECK(FilesHolding(dir.path() / "out", phrase).empty());
  }
}

TEST_CASE("exempt paper: an easy-read version of it is an error, never published",
          "[exempt]") {
  TempDir dir;
  ExemptSite(dir.path());
  fs::path paper = dir.path() / kMeeting / "local-plan.md";
  std::string text = ReadFile(paper);
  text.replace(text.find("kind: report\n"), 13, "kind: report\nclassification: exempt\n");
  WriteFile(paper, text);
  WriteFile(dir.path() / kMeeting / "local-plan.easy.md",
            "---\nwritten_from: 0\n---\n\nWe talk about Plughbidder money.\n");
  CommandResult r = RunClerk("build --today 2024-04-01 --out out", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("local-plan.easy.md:1:1: error: 'local-plan' is exempt") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}
