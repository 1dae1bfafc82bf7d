// The record of what each search part was indexed from
// (incremental/search_parts_file.h): read back as written, and anything
// else read as empty, so every part is indexed again.
#include "incremental/search_parts_file.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace {

clerk::Fingerprint Of(const char* text) {
  return clerk::Hasher().Add(text).Finish();
}

}  // namespace

TEST_CASE("search parts file: read back as written", "[incremental][search]") {
  clerk::SearchPartsState state;
  state["standard/site"] = {Of("site"),
                            {{"index.html", {Of("home"), "en-gb_1a2b3c"}},
                             {"404.html", {Of("404"), ""}},
                             {"a folder/with spaces.html", {Of("odd"), "en_9"}}}};
  state["standard/recent"] = {Of("recent"), {}};
  clerk::testing::TempDir dir;
  const auto file = dir.path() / "parts";
  clerk::testing::WriteFile(file, clerk::FormatSearchPartsFile(state));
  const clerk::SearchPartsState read = clerk::ReadSearchPartsFile(file.string());
  REQUIRE(read.size() == 2);
  const clerk::IndexedPart& site = read.at("standard/site");
  CHECK(site.stamp == Of("site"));
  REQUIRE(site.pages.size() == 3);
  CHECK(site.pages.at("index.html").id == "en-gb_1a2b3c");
  CHECK(site.pages.at("index.html").content == Of("home"));
  CHECK(site.pages.at("404.html").id.empty());  // no fragment: written as "-"
  CHECK(site.pages.at("a folder/with spaces.html").id == "en_9");
  CHECK(read.at("standard/recent").pages.empty());
  CHECK(clerk::FormatSearchPartsFile(read) == clerk::FormatSearchPartsFile(state));
}

TEST_CASE("search parts file: missing, older or damaged reads as empty",
          "[incremental][search]") {
  clerk::testing::TempDir dir;
  const auto file = dir.path() / "parts";
  CHECK(clerk::ReadSearchPartsFile(file.string()).empty());
  const std::string part = "part " + Of("x").Hex() + " standard/site\n";
  const std::string page = "page " + Of("y").Hex() + " en_1 index.html\n";
  for (const std::string& text :
       {"# clerk search parts v1\n" + Of("x").Hex() + " standard/site\n",
        "# clerk search parts v2\n" + page,                      // a page before any part
        "# clerk search parts v2\n" + part + "page nonsense\n",  // no fingerprint
        "# clerk search parts v2\n" + part + "page " + Of("y").Hex() +
            " en_1\n",  // no path
        "# clerk search parts v2\n" + part + "something else\n"}) {
    INFO(text);
    clerk::testing::WriteFile(file, text);
    CHECK(clerk::ReadSearchPartsFile(file.string()).empty());
  }
  clerk::testing::WriteFile(file, "# clerk search parts v2\n" + part + page);
  CHECK(clerk::ReadSearchPartsFile(file.string()).at("standard/site").pages.size() == 1);
}
