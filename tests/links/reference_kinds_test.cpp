// Every kind of reference in the reference syntax, valid and broken, in a
// paper of the small test site: the valid ones build, each broken one is an
// error at its own line.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk::testing;

namespace {

const char* const kTargets[] = {
    "@/",                                                      // home
    "@/committees/planning",                                   // committee
    "@/meetings/2024-03-04-planning",                          // meeting
    "@/meetings/2024-03-04-planning#item-2",                   // agenda item
    "@/meetings/2024-03-04-planning/local-plan",               // document
    "@/meetings/2024-03-04-planning/local-plan#rec-a",         // recommendation
    "@/meetings/2024-03-04-planning/links#para-1",             // numbered paragraph
    "@/meetings/2024-03-04-planning/minutes#minute-13",        // minute
    "@/meetings/2024-03-04-planning/minutes#resolution-13-1",  // resolution
    "@/people/sam-clerk",                                      // person
    "@/glossary#term-send",                                    // glossary term
    "@/work-programmes/planning-2024#row-2",                   // work programme row
    "@/decisions",                                             // decisions register
    "@/decisions/planning",                                    // a committee's decisions
};

std::string Paper(const std::string& suffix) {
  std::string text =
      "---\nkind: briefing\ntitle: Links\n---\n\n1. A numbered paragraph.\n\n";
  for (const char* target : kTargets)
    text += "- [a link](" + std::string(target) + suffix + ")\n";
  return text;
}

void AddPaper(const std::filesystem::path& site, const std::string& text) {
  WriteFile(site / "content/meetings/2024-03-04-planning/links.md", text);
  std::string meeting =
      ReadFile(site / "content/meetings/2024-03-04-planning/meeting.yaml");
  size_t at = meeting.find("documents: [local-plan]");
  meeting.replace(at, 23, "documents: [local-plan, links]");
  WriteFile(site / "content/meetings/2024-03-04-planning/meeting.yaml", meeting);
}

}  // namespace

TEST_CASE("each kind of reference resolves", "[links]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests/bad-input/base", dir.path());
  AddPaper(dir.path(), Paper(""));
  CommandResult r = RunClerk("build", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 0);
  std::string page =
      ReadFile(dir.path() / "public/meetings/2024-03-04-planning/links/index.html");
  CHECK(page.find("href=\"../../../work-programmes/planning-2024/index.html#row-2\"") !=
        std::string::npos);
  CHECK(page.find("href=\"../minutes/index.html#resolution-13-1\"") != std::string::npos);
}

TEST_CASE("each kind of broken reference is an error at its line", "[links]") {
  TempDir dir;
  CopyTree(SourceDir() / "tests/bad-input/base", dir.path());
  // "-x" makes every page or anchor one that does not exist.
  std::string text = Paper("");
  std::string broken;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    size_t close = line.rfind(')');
    if (line.rfind("- [a link](@/", 0) == 0) line.insert(close, "-x");
    broken += line + "\n";
  }
  AddPaper(dir.path(), broken);
  CommandResult r = RunClerk("check", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  int line_number = 8;  // the first link's line in the file
  for (const char* target : kTargets) {
    std::string where =
        "content/meetings/2024-03-04-planning/links.md:" + std::to_string(line_number++) +
        ":3: error: '" + std::string(target) + "-x'";
    INFO(where);
    CHECK(r.output.find(where) != std::string::npos);
  }
}
