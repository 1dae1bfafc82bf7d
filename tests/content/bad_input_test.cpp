// The bad-input corpus: tests/bad-input/<case>/ holds the files that differ
// from tests/bad-input/base/ (a small valid site) and expect.txt, the
// diagnostics `clerk check` must print for them, one per line, exactly.
// Each case is built from base + its files in a temporary folder.
#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(line);
  return lines;
}

fs::path Corpus() {
  return SourceDir() / "tests" / "bad-input";
}

// A line of the excerpt printed under a diagnostic ("   |", "14 | text").
bool IsExcerptLine(const std::string& line) {
  static const std::regex excerpt(R"(^ *[0-9]* \|( .*)?$)");
  return std::regex_match(line, excerpt);
}

// Each diagnostic at a line of a file there is followed by that line and a
// caret under its column (checked where the line shows as it is: plain
// ASCII, no tab, not cut).
void CheckExcerpts(const std::vector<std::string>& printed, const fs::path& site) {
  static const std::regex diagnostic(
      R"(^([^:]+):([0-9]+):([0-9]+): (error|warning): .*)");
  for (size_t i = 0; i < printed.size(); ++i) {
    std::smatch m;
    if (!std::regex_match(printed[i], m, diagnostic)) continue;
    const fs::path file = site / m[1].str();
    const int line = std::stoi(m[2]), column = std::stoi(m[3]);
    if (!fs::is_regular_file(file)) continue;
    std::istringstream in(ReadFile(file));
    std::string text;
    int read = 0;
    while (read < line && std::getline(in, text)) ++read;
    if (read < line) continue;  // a place past the last line: no excerpt
    if (!text.empty() && text.back() == '\r') text.pop_back();
    INFO(printed[i]);
    REQUIRE(i + 3 < printed.size());
    const std::string number = std::to_string(line);
    CHECK(printed[i + 1] == std::string(number.size(), ' ') + " |");
    CHECK(printed[i + 2].rfind(number + " |", 0) == 0);
    bool plain = text.size() < 100 && text.find('\t') == std::string::npos &&
                 std::all_of(text.begin(), text.end(),
                             [](char c) { return c >= 0x20 && c < 0x7F; });
    if (!plain) continue;
    CHECK(printed[i + 2] == number + " |" + (text.empty() ? "" : " " + text));
    CHECK(printed[i + 3] == std::string(number.size(), ' ') + " | " +
                                std::string(static_cast<size_t>(column - 1), ' ') + "^");
  }
}

}  // namespace

TEST_CASE("the base site of the bad-input corpus is clean", "[bad-input]") {
  TempDir dir;
  CopyTree(Corpus() / "base", dir.path());
  CommandResult r = RunClerk("check --today 2024-04-01", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find(": error:") == std::string::npos);
  CHECK(r.output.find(": warning:") == std::string::npos);
}

TEST_CASE("each bad-input case reports its errors at file:line:col", "[bad-input]") {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(Corpus()))
    if (entry.is_directory() && entry.path().filename() != "base")
      cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 20);

  for (const fs::path& case_dir : cases) {
    DYNAMIC_SECTION(case_dir.filename().string()) {
      TempDir dir;
      CopyTree(Corpus() / "base", dir.path());
      CopyTree(case_dir, dir.path());
      fs::remove(dir.path() / "expect.txt");
      std::vector<std::string> expected = Lines(ReadFile(case_dir / "expect.txt"));
      REQUIRE(!expected.empty());

      CommandResult r = RunClerk("check --today 2024-04-01", dir.path());
      INFO("output:\n" << r.output);
      bool only_warnings = std::none_of(
          expected.begin(), expected.end(),
          [](const auto& l) { return l.find(": error: ") != std::string::npos; });
      CHECK(r.exit_code == (only_warnings ? 0 : 1));
      for (const std::string& line : expected) {
        INFO("expected: " << line);
        CHECK(r.output.find(line + "\n") != std::string::npos);
      }
      // Every diagnostic printed is one the case expects: nothing spurious.
      for (const std::string& line : Lines(r.output)) {
        if (line.rfind("clerk check:", 0) == 0 || IsExcerptLine(line)) continue;
        INFO("unexpected: " << line);
        CHECK(std::find(expected.begin(), expected.end(), line) != expected.end());
      }
      // Under each, the line it is about (cli/diagnostic_printer.h).
      CheckExcerpts(Lines(r.output), dir.path());
      // --strict makes warnings fail the run.
      if (only_warnings)
        CHECK(RunClerk("check --strict --today 2024-04-01", dir.path()).exit_code == 1);
      // `clerk check` writes nothing.
      CHECK(!fs::exists(dir.path() / "public"));
    }
  }
}
