#include "incremental/build_log.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "incremental/batch_file.h"
#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

namespace {

BuildLogEntry Entry(const std::string& inputs, uint64_t size = 10) {
  BuildLogEntry e;
  e.inputs = FingerprintOf(inputs);
  e.content = FingerprintOf("bytes of " + inputs);
  e.size = size;
  e.mtime_ns = 1700000000000000000;
  return e;
}

size_t Batches(const fs::path& file) {
  std::string text = testing::ReadFile(file);
  size_t n = 0;
  for (size_t at = text.find("# end "); at != std::string::npos;
       at = text.find("# end ", at + 1))
    ++n;
  return n;
}

// A log of `n` pages, saved whole in `dir`, and read back.
BuildLog SavedLog(const fs::path& dir, int n) {
  BuildLog log;
  for (int i = 0; i < n; ++i)
    log.Set("p" + std::to_string(i) + "/index.html", Entry(std::to_string(i)));
  REQUIRE(log.Save((dir / kBuildLogName).string()));
  std::optional<BuildLog> back = BuildLog::Load(dir.string());
  REQUIRE(back);
  return std::move(*back);
}

}  // namespace

TEST_CASE("the build log reads back what was saved and rejects damage", "[output]") {
  testing::TempDir dir;
  BuildLog log;
  BuildLogEntry page;
  page.inputs = FingerprintOf("inputs");
  page.content = FingerprintOf("bytes");
  page.deps = FingerprintOf("deps");
  page.bodies = {"2019-09-16-cyp/report", "2019-09-16-cyp/appendix-a"};
  page.size = 12;
  page.mtime_ns = 34;
  log.Set("a b/index.html", page);
  BuildLogEntry asset;
  asset.content = FingerprintOf("css");
  asset.mtime_ns = -5;  // before 1970: a restored backup
  log.Set("theme/css/standard.css", asset);
  REQUIRE(log.Save((dir.path() / kBuildLogName).string()));
  std::optional<BuildLog> back = BuildLog::Load(dir.path().string());
  REQUIRE(back);
  const BuildLogEntry* e = back->Find("a b/index.html");
  REQUIRE(e);
  CHECK(e->inputs == FingerprintOf("inputs"));
  CHECK(e->content == FingerprintOf("bytes"));
  CHECK(e->size == 12);
  CHECK(e->mtime_ns == 34);
  CHECK(e->deps == FingerprintOf("deps"));
  CHECK(e->bodies == page.bodies);
  const BuildLogEntry* css = back->Find("theme/css/standard.css");
  REQUIRE(css);
  CHECK(css->bodies.empty());
  CHECK(css->deps == Fingerprint{});
  CHECK(css->mtime_ns == -5);
  // A truncated or foreign log is no log: everything is built afresh.
  std::string text = testing::ReadFile(dir.path() / kBuildLogName);
  testing::WriteFile(dir.path() / kBuildLogName, text.substr(0, text.size() - 20));
  CHECK(!BuildLog::Load(dir.path().string()));
  testing::WriteFile(dir.path() / kBuildLogName, "something else\n");
  CHECK(!BuildLog::Load(dir.path().string()));
}

TEST_CASE("an edit appends only what changed to the build log", "[output]") {
  testing::TempDir dir;
  const fs::path file = dir.path() / kBuildLogName;
  BuildLog log = SavedLog(dir.path(), 100);
  const std::string before = testing::ReadFile(file);
  REQUIRE(log.Update(
      file.string(),
      {{"p3/index.html", Entry("three again", 11)}, {"new/index.html", Entry("new")}},
      {"p7/index.html"}));
  // The old lines stay as they were; one small batch follows them.
  const std::string after = testing::ReadFile(file);
  CHECK(after.compare(0, before.size(), before) == 0);
  CHECK(after.size() - before.size() < 400);
  CHECK(Batches(file) == 2);
  std::optional<BuildLog> back = BuildLog::Load(dir.path().string());
  REQUIRE(back);
  CHECK(back->size() == 100);
  REQUIRE(back->Find("p3/index.html"));
  CHECK(*back->Find("p3/index.html") == Entry("three again", 11));
  CHECK(*back->Find("new/index.html") == Entry("new"));
  CHECK(!back->Find("p7/index.html"));
  CHECK(*back->Find("p8/index.html") == Entry("8"));
  // The log in memory is the log on disk.
  CHECK(*log.Find("p3/index.html") == Entry("three again", 11));
  CHECK(!log.Find("p7/index.html"));
  // A later edit appends again, after the last batch.
  REQUIRE(back->Update(file.string(), {{"p7/index.html", Entry("back")}}, {}));
  std::optional<BuildLog> third = BuildLog::Load(dir.path().string());
  REQUIRE(third);
  CHECK(*third->Find("p7/index.html") == Entry("back"));
  CHECK(third->size() == 101);
  CHECK(Batches(file) == 3);
}

TEST_CASE("a batch cut short is ignored, then cut off by the next update", "[output]") {
  testing::TempDir dir;
  const fs::path file = dir.path() / kBuildLogName;
  BuildLog log = SavedLog(dir.path(), 10);
  const std::string whole = testing::ReadFile(file);
  REQUIRE(log.Update(file.string(), {{"p1/index.html", Entry("one again")}},
                     {"p2/index.html"}));
  const std::string appended = testing::ReadFile(file);
  // A crash at any byte of the appended batch: the log reads as before it.
  for (size_t cut = whole.size() + 1; cut < appended.size(); cut += 7) {
    testing::WriteFile(file, appended.substr(0, cut));
    std::optional<BuildLog> back = BuildLog::Load(dir.path().string());
    REQUIRE(back);
    CHECK(*back->Find("p1/index.html") == Entry("1"));
    CHECK(back->Find("p2/index.html"));
  }
  // The next update writes over the broken tail.
  testing::WriteFile(file, appended.substr(0, appended.size() - 5));
  std::optional<BuildLog> back = BuildLog::Load(dir.path().string());
  REQUIRE(back);
  REQUIRE(back->Update(file.string(), {{"p4/index.html", Entry("four again")}}, {}));
  std::optional<BuildLog> fixed = BuildLog::Load(dir.path().string());
  REQUIRE(fixed);
  CHECK(*fixed->Find("p4/index.html") == Entry("four again"));
  CHECK(*fixed->Find("p1/index.html") == Entry("1"));
  CHECK(Batches(file) == 2);
  // Damage inside a batch that was completed is not a crash: no log.
  std::string text = testing::ReadFile(file);
  text.replace(text.find("p5/index.html") - 20, 4, "zzzz");
  testing::WriteFile(file, text);
  CHECK(!BuildLog::Load(dir.path().string()));
}

TEST_CASE("the build log is written afresh once many of its lines are replaced",
          "[output]") {
  testing::TempDir dir;
  const fs::path file = dir.path() / kBuildLogName;
  BuildLog log = SavedLog(dir.path(), 200);
  // A theme change: every page's inputs change.
  for (int round = 0; round < 3; ++round) {
    std::vector<std::pair<std::string, BuildLogEntry>> all;
    for (int i = 0; i < 200; ++i)
      all.emplace_back("p" + std::to_string(i) + "/index.html",
                       Entry(std::to_string(round) + "/" + std::to_string(i)));
    REQUIRE(log.Update(file.string(), all, {}));
    CHECK(Batches(file) == 1);
  }
  std::optional<BuildLog> back = BuildLog::Load(dir.path().string());
  REQUIRE(back);
  CHECK(back->size() == 200);
  CHECK(*back->Find("p9/index.html") == Entry("2/9"));
}

TEST_CASE("a record field holds none of the separators, or is left out", "[output]") {
  CHECK(batch_file::HoldsNone("meetings/x/index.html", "\t\n\r"));
  CHECK(batch_file::HoldsNone("", "\t\n\r"));
  CHECK_FALSE(batch_file::HoldsNone("a\tb", "\t\n\r"));
  CHECK_FALSE(batch_file::HoldsNone("line\r", "\t\n\r"));
  CHECK_FALSE(batch_file::HoldsNone("two words", " \t"));
  CHECK(batch_file::HoldsNone("two words", "\t"));
}

TEST_CASE("the build log finds the entries made from the same deps", "[output]") {
  testing::TempDir dir;
  const fs::path file = dir.path() / kBuildLogName;
  auto with_deps = [](const std::string& inputs, const std::string& deps) {
    BuildLogEntry e = Entry(inputs);
    e.deps = FingerprintOf(deps);
    return e;
  };
  BuildLog log;
  log.Set("feed.xml", with_deps("feed", "records"));
  log.Set("p/index.html", with_deps("p", "page"));
  log.Set("meetings.ics", with_deps("ics", "records"));
  log.Set("data/a.json", with_deps("a", "records"));
  REQUIRE(log.Save(file.string()));
  std::optional<BuildLog> back = BuildLog::Load(dir.path().string());
  REQUIRE(back);
  auto paths = [](const BuildLog& l, const std::string& deps) {
    std::vector<std::string> found;
    for (size_t slot : l.SlotsWithDeps(FingerprintOf(deps)))
      found.push_back(l.PathAt(slot));
    std::sort(found.begin(), found.end());
    return found;
  };
  using Paths = std::vector<std::string>;
  CHECK(paths(*back, "records") == Paths{"data/a.json", "feed.xml", "meetings.ics"});
  CHECK(paths(*back, "page") == Paths{"p/index.html"});
  // Replaced with other deps, removed, added: as the entries now are.
  REQUIRE(back->Update(file.string(),
                       {{"feed.xml", with_deps("feed", "other")},
                        {"data/b.json", with_deps("b", "records")}},
                       {"meetings.ics"}));
  CHECK(paths(*back, "records") == Paths{"data/a.json", "data/b.json"});
  CHECK(paths(*back, "other") == Paths{"feed.xml"});
  CHECK(paths(*back, "none").empty());
}
