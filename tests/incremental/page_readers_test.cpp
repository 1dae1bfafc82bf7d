#include "incremental/page_readers.h"

#include <catch2/catch.hpp>

using namespace clerk;

namespace {

// A page's log entry that read `bodies` (no deps recorded if `deps` is
// false: a page that is built on every edit).
BuildLogEntry Page(std::vector<std::string> bodies, bool deps = true) {
  BuildLogEntry e;
  e.inputs = FingerprintOf("inputs");
  if (deps) e.deps = FingerprintOf("deps");
  e.bodies = std::move(bodies);
  return e;
}

}  // namespace

TEST_CASE("page readers name the pages that read a changed body", "[output]") {
  BuildLog log;
  log.Set("theme/site.css", BuildLogEntry{});  // not a page: no deps
  log.Set("a/index.html", Page({"m/report"}));
  log.Set("b/index.html", Page({"m/report", "m/appendix"}));
  log.Set("c/index.html", Page({"n/report"}));
  log.Set("d/index.html", Page({}, false));
  const std::vector<std::string> pages = {"c/index.html", "b/index.html", "a/index.html",
                                          "d/index.html", "e/index.html"};
  PageReaders readers = PageReaders::Make(log, pages, 7, 2);
  REQUIRE(readers.Fits(log, pages, 7));
  // d has no deps and e is not in the log: built whatever changed.
  CHECK(readers.Reading({}) == std::vector<size_t>{3, 4});
  CHECK(readers.Reading({"m/report"}) == std::vector<size_t>{1, 2, 3, 4});
  CHECK(readers.Reading({"m/appendix", "n/report"}) == std::vector<size_t>{0, 1, 3, 4});
  CHECK(readers.Reading({"x/unknown"}) == std::vector<size_t>{3, 4});
  CHECK(readers.slots()[2] == log.IndexOf("a/index.html"));

  SECTION("a page built again is moved to the bodies it reads now") {
    std::vector<size_t> again = readers.Reading({"m/appendix"});
    readers.Rebuilding(log, again, pages);
    // The commit: b no longer reads the appendix but n/report; d and e now
    // have deps.
    log.Set("b/index.html", Page({"n/report"}));
    log.Set("d/index.html", Page({"m/appendix"}));
    log.Set("e/index.html", Page({}));
    readers.Update(log);
    REQUIRE(readers.Fits(log, pages, 7));
    CHECK(readers.Reading({}).empty());
    CHECK(readers.Reading({"m/appendix"}) == std::vector<size_t>{3});
    CHECK(readers.Reading({"m/report"}) == std::vector<size_t>{2});
    CHECK(readers.Reading({"n/report"}) == std::vector<size_t>{0, 1});
  }

  SECTION("another page list or log does not fit") {
    std::vector<std::string> other = pages;
    std::swap(other[0], other[1]);
    CHECK_FALSE(readers.Fits(log, other, 7));
    other = pages;
    other.pop_back();
    CHECK_FALSE(readers.Fits(log, other, 7));
    // Another list, or e now in the log, which the readers do not know.
    CHECK_FALSE(readers.Fits(log, pages, 8));
    log.Set("e/index.html", Page({"m/report"}));
    CHECK_FALSE(readers.Fits(log, pages, 7));
  }
}
