// Old Mac line ends (a CR alone) were dropped like the CR of CR LF, which
// joined every line of the file into one: YAML then read something else
// than was written, and Markdown lost its paragraphs.
#include <catch2/catch.hpp>

#include "files/source_files.h"
#include "test_support.h"

using namespace clerk;

TEST_CASE("a line ended by a carriage return alone is an error at it", "[content][cr]") {
  testing::TempDir dir;
  std::string path = (dir.path() / "meeting.yaml").string();
  testing::WriteFile(path, "committee: planning\r\nstatus: héld\rvenue: town-hall\r");
  Diagnostics diag;
  std::string text;
  CHECK(!ReadTextFile(path, "meeting.yaml", &text, diag));
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(
      FormatDiagnostic(diag.All()[0]) ==
      "meeting.yaml:2:13: error: a line ends here with a carriage return alone (old Mac "
      "line ends), which Clerk does not read as a line end: save the file with ordinary "
      "line ends (LF, or CR LF)");
}

TEST_CASE("CR LF line ends are read as LF", "[content][cr]") {
  testing::TempDir dir;
  std::string path = (dir.path() / "meeting.yaml").string();
  testing::WriteFile(path, "committee: planning\r\nstatus: held\r\n");
  Diagnostics diag;
  std::string text;
  CHECK(ReadTextFile(path, "meeting.yaml", &text, diag));
  CHECK(diag.ErrorCount() == 0);
  CHECK(text == "committee: planning\nstatus: held\n");
}
