// Committees list each person once at a time; venue ids 'tbc' and 'tba' are
// reserved; an id error states the whole rule.
#include <catch2/catch.hpp>

#include "content/record_loaders.h"
#include "test_support.h"

using clerk::testing::TempDir;
using clerk::testing::WriteFile;

namespace {

std::vector<std::string> LoadCommitteeText(const std::string& text) {
  TempDir dir;
  WriteFile(dir.path() / "c.yaml", "name: Planning\norganisation: Test Council\n" + text);
  clerk::Site site;
  clerk::Diagnostics diag;
  clerk::LoadCommittee("c", (dir.path() / "c.yaml").string(), "c.yaml", site, diag);
  std::vector<std::string> lines;
  for (const auto& d : diag.Sorted()) lines.push_back(clerk::FormatDiagnostic(d));
  return lines;
}

std::vector<std::string> LoadVenuesText(const std::string& text) {
  TempDir dir;
  WriteFile(dir.path() / "venues.yaml", text);
  clerk::Site site;
  clerk::Diagnostics diag;
  clerk::LoadVenues((dir.path() / "venues.yaml").string(), "venues.yaml", site, diag);
  std::vector<std::string> lines;
  for (const auto& d : diag.Sorted()) lines.push_back(clerk::FormatDiagnostic(d));
  return lines;
}

}  // namespace

TEST_CASE("a person twice in one committee for the same dates is an error at the second",
          "[content][registers]") {
  std::vector<std::string> chair_twice = LoadCommitteeText(
      "members:\n  - person: alex\n    role: chair\n    from: 2023-05-01\n"
      "  - person: alex\n    role: vice-chair\n    from: 2024-01-01\n");
  REQUIRE(chair_twice.size() == 1);
  CHECK(chair_twice[0] ==
        "c.yaml:7:13: error: 'alex' is already listed as a member on line 4 for the same "
        "dates: list each person once, or give each entry 'from' and 'to' dates that do "
        "not overlap");

  std::vector<std::string> coopted = LoadCommitteeText(
      "members:\n  - person: bo\nco_optees:\n  - person: bo\n    represents: Parishes\n");
  REQUIRE(coopted.size() == 1);
  CHECK(coopted[0].rfind(
            "c.yaml:6:13: error: 'bo' is already listed as a member on line 4", 0) == 0);
}

TEST_CASE("a role handed over, or held again later, is not a duplicate",
          "[content][registers]") {
  CHECK(LoadCommitteeText("members:\n"
                          "  - person: alex\n    role: vice-chair\n    to: 2024-05-01\n"
                          "  - person: alex\n    role: chair\n    from: 2024-05-01\n")
            .empty());
  CHECK(LoadCommitteeText("members:\n"
                          "  - person: alex\n    from: 2019-05-01\n    to: 2020-05-01\n"
                          "  - person: alex\n    from: 2022-05-01\n")
            .empty());
}

TEST_CASE("venue ids: tbc is reserved, and the id rule is stated whole",
          "[content][registers]") {
  std::vector<std::string> tbc =
      LoadVenuesText("tbc:\n  name: Annexe\n  address: 1 Street\n");
  REQUIRE(tbc.size() == 1);
  CHECK(tbc[0] ==
        "venues.yaml:1:1: error: venue id 'tbc' is reserved: 'venue: tbc' in a meeting "
        "means "
        "the venue is to be confirmed: give this venue another id");
  std::vector<std::string> hyphens =
      LoadVenuesText("civic-centre--old:\n  name: Old\n  address: 1 Street\n");
  REQUIRE(hyphens.size() == 1);
  CHECK(
      hyphens[0] ==
      "venues.yaml:1:1: error: venue id 'civic-centre--old' must be lower case letters, "
      "digits and single hyphens, with no hyphen at the start or end");
}
