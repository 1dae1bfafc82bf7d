// Papers' and minutes' bodies left in their files once checked (LeaveBodiesInFiles), so
// a large site's Markdown is not held through the render: read back the
// same, and a file changed since it was loaded is an error, not a page
// built from other words than were checked.
#include "content/paper_body.h"

#include <catch2/catch.hpp>

#include "content/loader.h"
#include "test_support.h"

using namespace clerk;

TEST_CASE("bodies left in their files are read back as they were loaded",
          "[content][paper-body]") {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  REQUIRE(diag.ErrorCount() == 0);
  Document& doc = site.documents.at("2024-03-04-planning/local-plan");
  const std::string loaded = doc.body;
  REQUIRE(!loaded.empty());

  LeaveBodiesInFiles(site);
  for (const auto& [key, each] : site.documents) {
    CHECK(each.body.empty());
    CHECK(each.body_in_file_only);
  }
  Diagnostics read_diag;
  std::optional<std::string> back = PaperBody(doc, read_diag);
  REQUIRE(back);
  CHECK(*back == loaded);
  CHECK(read_diag.ErrorCount() == 0);

  // Changed after it was loaded and checked: said, not rendered.
  testing::WriteFile(doc.path, testing::ReadFile(doc.path) + "\nA sentence added.\n");
  Diagnostics changed_diag;
  CHECK_FALSE(PaperBody(doc, changed_diag));
  CHECK(changed_diag.ErrorCount() == 1);
}

TEST_CASE("minutes left in their files are read back as they were loaded",
          "[content][paper-body]") {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  REQUIRE(diag.ErrorCount() == 0);
  Minutes& minutes = site.minutes.at("2024-03-04-planning");
  const std::string loaded = minutes.body;
  REQUIRE(!loaded.empty());

  LeaveBodiesInFiles(site);
  CHECK(minutes.body.empty());
  CHECK(minutes.body_in_file_only);
  Diagnostics read_diag;
  std::optional<std::string> back = MinutesBody(minutes, read_diag);
  REQUIRE(back);
  CHECK(*back == loaded);
  CHECK(read_diag.ErrorCount() == 0);

  testing::WriteFile(minutes.path, testing::ReadFile(minutes.path) + "\nAdded.\n");
  Diagnostics changed_diag;
  CHECK_FALSE(MinutesBody(minutes, changed_diag));
  REQUIRE(changed_diag.ErrorCount() == 1);
  CHECK(changed_diag.All()[0].message.find("minutes file changed") != std::string::npos);
}
