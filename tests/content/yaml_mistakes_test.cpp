// A corpus of YAML mistakes people make in council records
// (tests/content/yaml-mistakes/): each file holds one, and expect.txt the
// one diagnostic it must give, "file:line:col: message", at the place to
// change and in plain words (issue 19 point 4).
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "content/yaml_reader.h"
#include "test_support.h"

using namespace clerk;
using namespace clerk::testing;
namespace fs = std::filesystem;

TEST_CASE("each YAML mistake of the corpus is explained where it is",
          "[yaml-syntax][yaml-mistakes]") {
  const fs::path corpus = SourceDir() / "tests" / "content" / "yaml-mistakes";
  std::map<std::string, std::string> expected;  // file name -> its line of expect.txt
  std::istringstream lines(ReadFile(corpus / "expect.txt"));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) expected[line.substr(0, line.find(':'))] = line;

  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    INFO(name);
    REQUIRE(expected.count(name) == 1);
    Diagnostics diag;
    CHECK(!ParseYaml(ReadFile(entry.path()), name, 1, diag));
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(FormatDiagnostic(diag.All()[0]) ==
          expected[name].insert(expected[name].find(": ", name.size() + 1), ": error"));
  }
  // Every expectation has its file.
  CHECK(files == expected.size());
  CHECK(files >= 16);
}
