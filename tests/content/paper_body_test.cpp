// Papers' and minutes' bodies left in their files once checked (LeaveBodiesInFiles), so
// a large site's Markdown is not held through the render: read back the
// same, and a file changed since it was loaded is an error, not a page
// built from other words than were checked.
#include "content/paper_body.h"

#include <catch2/catch.hpp>

#include "content/loader.h"
#include "test_support.h"

using namespace clerk;

namespace {

// `record` of `site`, whose body LeaveBodiesInFiles has just left in its
// file: `read` gives back the text `loaded`, and once the file changes an
// error naming `what` (the "paper", the "minutes file"), not other words.
template <typename Record>
void CheckReadBack(const Record& record, const std::string& loaded,
                   std::optional<std::string> (*read)(const Record&, Diagnostics&),
                   const std::string& what) {
  CHECK(record.body.empty());
  CHECK(record.body_in_file_only);
  Diagnostics read_diag;
  std::optional<std::string> back = read(record, read_diag);
  REQUIRE(back);
  CHECK(*back == loaded);
  CHECK(read_diag.ErrorCount() == 0);

  // Changed after it was loaded and checked: said, not rendered.
  testing::WriteFile(record.path,
                     testing::ReadFile(record.path) + "\nA sentence added.\n");
  Diagnostics changed_diag;
  CHECK_FALSE(read(record, changed_diag));
  REQUIRE(changed_diag.ErrorCount() == 1);
  CHECK(changed_diag.All()[0].message.find("the " + what + " changed") !=
        std::string::npos);
}

// A copy of the small site of tests/bad-input/base in `dir`, loaded clean.
Site LoadedCopy(const testing::TempDir& dir) {
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  REQUIRE(diag.ErrorCount() == 0);
  return site;
}

}  // namespace

TEST_CASE("bodies left in their files are read back as they were loaded",
          "[content][paper-body]") {
  testing::TempDir dir;
  Site site = LoadedCopy(dir);
  const Document& doc = site.documents.at("2024-03-04-planning/local-plan");
  const Minutes& minutes = site.minutes.at("2024-03-04-planning");
  const std::string paper_loaded = doc.body, minutes_loaded = minutes.body;
  REQUIRE(!paper_loaded.empty());
  REQUIRE(!minutes_loaded.empty());

  LeaveBodiesInFiles(site);
  for (const auto& [key, each] : site.documents) CHECK(each.body_in_file_only);
  for (const auto& [key, each] : site.minutes) CHECK(each.body_in_file_only);
  SECTION("papers") {
    CheckReadBack(doc, paper_loaded, PaperBody, "paper");
  }
  SECTION("minutes") {
    CheckReadBack(minutes, minutes_loaded, MinutesBody, "minutes file");
  }
}

TEST_CASE("an edit of some meetings leaves only their bodies in their files",
          "[content][paper-body]") {
  testing::TempDir dir;
  Site site = LoadedCopy(dir);
  const std::string with_papers = "2024-03-04-planning";
  REQUIRE(site.minutes.count(with_papers));
  REQUIRE(site.documents.count(with_papers + "/local-plan"));
  auto left = [&] {
    size_t n = 0;
    for (const auto& [key, doc] : site.documents) n += doc.body_in_file_only;
    for (const auto& [meeting, minutes] : site.minutes) n += minutes.body_in_file_only;
    return n;
  };

  // The records of the meetings not named stand for those read back from
  // the record cache: not looked at, so their bodies stay where they are.
  const std::set<std::string> other = {"2024-05-06-planning"};
  LeaveBodiesInFiles(site, &other);
  CHECK(left() == 0);
  CHECK_FALSE(site.documents.at(with_papers + "/local-plan").body.empty());

  const std::set<std::string> only = {with_papers};
  LeaveBodiesInFiles(site, &only);
  for (const auto& [key, doc] : site.documents) {
    INFO(key);
    CHECK(doc.body_in_file_only == (doc.meeting_id == with_papers));
    if (doc.meeting_id == with_papers) CHECK(doc.body.empty());
  }
  CHECK(site.minutes.at(with_papers).body_in_file_only);
  CHECK(site.minutes.at(with_papers).body.empty());
}
