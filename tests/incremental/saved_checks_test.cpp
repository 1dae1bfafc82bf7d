// The checks' findings kept for the next build: read back as written, and
// a file cut short, damaged or foreign is not taken (the checks just run).
#include "incremental/saved_checks.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk;

namespace {

SavedChecks Sample() {
  SavedChecks checks;
  checks.key = FingerprintOf("the records");
  checks.folder_stamps["2024-03-04-planning"] = FingerprintOf("stamp one");
  checks.folder_stamps["2024-05-01-cabinet"] = FingerprintOf("stamp two");
  checks.records.Error({"content/meetings/2024-03-04-planning/meeting.yaml", 12, 7},
                       "'@/meetings/2024-13-01-x' is not a page of this site");
  checks.records.Warning({"content/committees/cabinet.yaml", 0, 0},
                         "a message with \"quotes\", é, and\na second line");
  checks.acronyms_site_wide.Warning({"content/work-programmes/x.yaml", 3, 20},
                                    "'QZX' is not explained");
  checks.acronyms_by_folder["2024-03-04-planning"].Warning(
      {"content/meetings/2024-03-04-planning/report.md", 40, 1},
      "'YJB' is not explained");
  checks.acronyms_by_folder["2024-05-01-cabinet"];  // a folder that found nothing
  return checks;
}

void CheckSame(const Diagnostics& a, const Diagnostics& b) {
  REQUIRE(a.All().size() == b.All().size());
  CHECK(a.ErrorCount() == b.ErrorCount());
  for (size_t i = 0; i < a.All().size(); ++i) {
    CHECK(a.All()[i].severity == b.All()[i].severity);
    CHECK(a.All()[i].pos == b.All()[i].pos);
    CHECK(a.All()[i].message == b.All()[i].message);
  }
}

}  // namespace

TEST_CASE("saved checks are read back as they were written", "[incremental][checks]") {
  testing::TempDir dir;
  const std::string path = (dir.path() / ".clerk-cache" / "checks").string();
  const SavedChecks written = Sample();
  REQUIRE(SaveSavedChecks(written, path));
  std::optional<SavedChecks> read = LoadSavedChecks(path);
  REQUIRE(read);
  CHECK(read->key == written.key);
  CHECK(read->folder_stamps == written.folder_stamps);
  CheckSame(read->records, written.records);
  CheckSame(read->acronyms_site_wide, written.acronyms_site_wide);
  REQUIRE(read->acronyms_by_folder.size() == 2);
  for (const auto& [folder, diag] : written.acronyms_by_folder)
    CheckSame(read->acronyms_by_folder.at(folder), diag);
}

TEST_CASE("saved checks cut short, damaged or foreign are not taken",
          "[incremental][checks]") {
  testing::TempDir dir;
  const std::string path = (dir.path() / "checks").string();
  REQUIRE(SaveSavedChecks(Sample(), path));
  const std::string whole = testing::ReadFile(path);
  CHECK(!LoadSavedChecks((dir.path() / "missing").string()));
  // Every length short of the whole: a crash while writing cannot happen
  // (the file is renamed into place) but a disk can lose the end.
  for (size_t size = 0; size < whole.size(); ++size) {
    testing::WriteFile(path, whole.substr(0, size));
    INFO("cut at " << size);
    CHECK(!LoadSavedChecks(path));
  }
  testing::WriteFile(path, whole + "x");  // something after the end
  CHECK(!LoadSavedChecks(path));
  std::string foreign = whole;
  foreign[7] = 'X';  // "clerk cXecks v1"
  testing::WriteFile(path, foreign);
  CHECK(!LoadSavedChecks(path));
  // A count far past the file's end (the first folder stamp's): refused
  // without reserving or reading past it.
  std::string huge = whole;
  const size_t count_at = std::string("clerk checks v1\n").size() + 16;
  for (size_t i = 0; i < 8; ++i) huge[count_at + i] = '\xff';
  testing::WriteFile(path, huge);
  CHECK(!LoadSavedChecks(path));
}
