#include "output/site_writer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>

#include "incremental/known_bodies.h"
#include "model/parallel.h"
#include "output/folder_swap.h"
#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

TEST_CASE("a written site replaces the previous one whole", "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"index.html", "one"}, {"old/index.html", "stale"}}, out.string(), 2,
                    diag));
  REQUIRE(
      WriteSite({{"index.html", "two"}, {"a/b/c.html", "deep"}}, out.string(), 2, diag));
  CHECK(testing::ReadFile(out / "index.html") == "two");
  CHECK(testing::ReadFile(out / "a/b/c.html") == "deep");
  CHECK(!fs::exists(out / "old"));  // stale files do not linger
  CHECK(fs::exists(out / kSiteMarker));
  // No temporary folders are left beside it: only the previous site, as
  // hard links, for the next edit build.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path()))
    entries += e.path() != out && e.path() != SpareFolder(out.string());
  CHECK(entries == 0);
  CHECK(testing::ReadFile(SpareFolder(out.string()) + "/old/index.html") == "stale");
}

TEST_CASE("a failed write leaves the previous site untouched", "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"index.html", "good"}}, out.string(), 1, diag));
  // A file where a folder must go makes the second write fail.
  Diagnostics failed;
  CHECK(!WriteSite({{"x", "file"}, {"x/index.html", "cannot"}, {"index.html", "bad"}},
                   out.string(), 1, failed));
  CHECK(failed.HasErrors());
  CHECK(testing::ReadFile(out / "index.html") == "good");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) entries += e.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("an output folder Clerk did not make is never replaced", "[output]") {
  testing::TempDir dir;
  Diagnostics diag;
  testing::WriteFile(dir.path() / "notes/precious.txt", "keep me");
  CHECK(!CheckOutputDir((dir.path() / "notes").string(), dir.path().string(), diag));
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].message.find("not a site Clerk built") != std::string::npos);
  // The source folder itself, or one inside content/, is refused too.
  Diagnostics source;
  CHECK(!CheckOutputDir(dir.path().string(), dir.path().string(), source));
  Diagnostics inside;
  CHECK(
      !CheckOutputDir((dir.path() / "content/x").string(), dir.path().string(), inside));
  // An empty or missing folder, or a previous site, is fine.
  Diagnostics fine;
  CHECK(CheckOutputDir((dir.path() / "public").string(), dir.path().string(), fine));
  CHECK(testing::ReadFile(dir.path() / "notes/precious.txt") == "keep me");
}

TEST_CASE("what is known of paper bodies reads back, without unclean ones", "[output]") {
  testing::TempDir dir;
  std::map<std::string, BodySummary> bodies;
  bodies["m/report"] = {
      FingerprintOf("report"),
      std::vector<SiteLink>{
          {{"site/content/meetings/m/report with space.md", 12, 3},
           "@/meetings/m/plan#para-4"},
          {{"site/content/meetings/m/report with space.md", 14, 1}, "@/committees/cyp"}},
      true};
  bodies["m/plan"] = {FingerprintOf("plan"), {}, true};
  bodies["m/warned"] = {FingerprintOf("warned"), {}, false};
  std::string path = (dir.path() / kKnownBodiesName).string();
  REQUIRE(SaveKnownBodies(bodies, path));
  auto known = LoadKnownBodies(dir.path().string());
  REQUIRE(known);
  const std::map<std::string, BodySummary>* back = &known->bodies;
  CHECK(back->size() == 2);  // the one with warnings is rendered next time
  REQUIRE(back->count("m/report"));
  const BodySummary& report = back->at("m/report");
  CHECK(report.source == FingerprintOf("report"));
  REQUIRE(report.site_links.size() == 2);
  CHECK(report.site_links[0].pos.path == "site/content/meetings/m/report with space.md");
  CHECK(report.site_links[0].pos.line == 12);
  CHECK(report.site_links[0].pos.column == 3);
  CHECK(report.site_links[0].target == "@/meetings/m/plan#para-4");
  CHECK(report.site_links[1].target == "@/committees/cyp");
  CHECK(back->at("m/plan").site_links.empty());
  // Cut short or foreign: nothing is known.
  std::string text = testing::ReadFile(path);
  testing::WriteFile(path, text.substr(0, text.find("# end")));
  CHECK(!LoadKnownBodies(dir.path().string()));
  testing::WriteFile(path, "# clerk known bodies v0\n# end 0\n");
  CHECK(!LoadKnownBodies(dir.path().string()));
}

TEST_CASE("an edit appends only the paper bodies that changed", "[output]") {
  testing::TempDir dir;
  const std::string path = (dir.path() / kKnownBodiesName).string();
  std::map<std::string, BodySummary> bodies;
  for (int i = 0; i < 50; ++i)
    bodies["m/paper-" + std::to_string(i)] = {FingerprintOf(std::to_string(i)), {}, true};
  REQUIRE(SaveKnownBodies(bodies, path));
  const std::string whole = testing::ReadFile(path);
  std::optional<KnownBodies> before = LoadKnownBodies(dir.path().string());
  REQUIRE(before);
  // One paper edited (now with a link), one gone, one new, one now warned.
  bodies["m/paper-3"] = {
      FingerprintOf("3 edited"),
      std::vector<SiteLink>{{{"content/meetings/m/paper-3.md", 4, 2}, "@/people/ann"}},
      true};
  bodies.erase("m/paper-7");
  bodies["m/paper-new"] = {FingerprintOf("new"), {}, true};
  bodies["m/paper-9"].clean = false;
  REQUIRE(SaveKnownBodies(bodies, path, &*before));
  const std::string appended = testing::ReadFile(path);
  CHECK(appended.compare(0, whole.size(), whole) == 0);
  CHECK(appended.size() - whole.size() < 300);
  std::optional<KnownBodies> after = LoadKnownBodies(dir.path().string());
  REQUIRE(after);
  bodies.erase("m/paper-9");  // warned: rendered again next time
  CHECK(after->bodies.size() == bodies.size());
  for (const auto& [key, body] : bodies) {
    REQUIRE(after->bodies.count(key));
    CHECK(after->bodies.at(key).source == body.source);
    CHECK(after->bodies.at(key).site_links == body.site_links);
  }
  // Nothing changed: nothing written.
  REQUIRE(SaveKnownBodies(bodies, path, &*after));
  CHECK(testing::ReadFile(path) == appended);
  // A batch cut short is not read: what the file held before it.
  testing::WriteFile(path, appended.substr(0, appended.size() - 3));
  std::optional<KnownBodies> cut = LoadKnownBodies(dir.path().string());
  REQUIRE(cut);
  CHECK(cut->bodies.size() == 50);
  CHECK(cut->bodies.at("m/paper-3").source == FingerprintOf("3"));
}

TEST_CASE("a rebuild skips up-to-date files and writes only changed ones", "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"a.html", "one"}, {"b.html", "two"}, {"c/d.html", "three"}},
                    out.string(), 2, diag));
  {
    SiteWriter writer(out.string());
    REQUIRE(writer.Begin(diag));
    CHECK(!writer.fresh());
    CHECK(writer.UpToDate("a.html", FingerprintOf("one")));
    CHECK(!writer.UpToDate("b.html", FingerprintOf("two, changed")));
    writer.Put("b.html", FingerprintOf("two, changed"), "two, changed");
    // c/d.html is not produced: it is stale and goes, with its folder.
    REQUIRE(writer.Commit(diag));
    CHECK(writer.counts().written == 1);
    CHECK(writer.counts().unchanged == 1);
    CHECK(writer.counts().removed == 1);
  }
  CHECK(testing::ReadFile(out / "b.html") == "two, changed");
  CHECK(!fs::exists(out / "c"));
  // A file changed behind clerk's back is not up to date any more.
  testing::WriteFile(out / "a.html", "edited");
  SiteWriter writer(out.string());
  REQUIRE(writer.Begin(diag));
  CHECK(!writer.UpToDate("a.html", FingerprintOf("one")));
  // New inputs with the same bytes: kept, not written.
  CHECK(!writer.UpToDate("b.html", FingerprintOf("new inputs")));
  writer.Put("b.html", FingerprintOf("new inputs"), "two, changed");
  writer.Put("a.html", FingerprintOf("one"), "one");
  REQUIRE(writer.Commit(diag));
  CHECK(writer.counts().written == 1);
  CHECK(writer.counts().unchanged == 1);
  CHECK(testing::ReadFile(out / "a.html") == "one");
}

TEST_CASE("ParallelFor hands every item to exactly one thread", "[output]") {
  std::vector<int> hits(10000, 0);
  ParallelFor(hits.size(), 4, [&](size_t i, int) { ++hits[i]; });
  CHECK(std::count(hits.begin(), hits.end(), 1) == 10000);
}

TEST_CASE("the linked ids of a kept page come from .clerk-page-ids while its bytes match",
          "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  const std::string page = "<h2 id=\"a\">A</h2><p id=\"b\">B</p><p id=\"c\">C</p>";
  const std::vector<std::string> all = {"a", "b", "c"};
  Diagnostics diag;
  {
    SiteWriter first(out.string());
    REQUIRE(first.Begin(diag));
    first.Put("p/index.html", FingerprintOf("inputs"), page);
    first.RecordIds("p/index.html", all, {"a"});  // only "a" is linked
    REQUIRE(first.Commit(diag));
  }
  std::optional<KnownPageIds> known = LoadKnownPageIds(out.string());
  REQUIRE(known);
  std::map<std::string, PageIds> saved = known->pages;
  REQUIRE(saved.size() == 1);
  CHECK(saved["p/index.html"].content == FingerprintOf(page));
  CHECK(saved["p/index.html"].ids == std::vector<std::string>{"a"});

  // What the file says is taken without reading the page, while it holds
  // every linked id...
  saved["p/index.html"].ids = {"a", "remembered"};
  REQUIRE(SaveKnownPageIds(saved, (out / kKnownPageIdsName).string()));
  {
    SiteWriter again(out.string());
    REQUIRE(again.Begin(diag));
    REQUIRE(again.UpToDate("p/index.html", FingerprintOf("inputs")));
    CHECK(again.ExistingIds("p/index.html", {"a"}) ==
          std::vector<std::string>{"a", "remembered"});
    // ... not when a link points at an id it does not hold: then the page
    // is read, for every id (a missing anchor's "did you mean").
    CHECK(again.ExistingIds("p/index.html", {"a", "b"}) == all);
    CHECK(again.ExistingIds("p/index.html", {"zz"}) == all);
    again.Abort();
  }
  // Nor for other bytes.
  saved["p/index.html"].content = FingerprintOf("other bytes");
  REQUIRE(SaveKnownPageIds(saved, (out / kKnownPageIdsName).string()));
  {
    SiteWriter read(out.string());
    REQUIRE(read.Begin(diag));
    CHECK(read.ExistingIds("p/index.html", {"a", "c"}) == all);
    REQUIRE(read.Commit(diag));
  }
  // Only the linked ids are remembered.
  CHECK(LoadKnownPageIds(out.string())->pages["p/index.html"].ids ==
        std::vector<std::string>{"a", "c"});

  // A damaged file is not used.
  std::string text = testing::ReadFile(out / kKnownPageIdsName);
  REQUIRE(text.find("\nP ") != std::string::npos);
  text[text.find("\nP ") + 1] = 'X';
  testing::WriteFile(out / kKnownPageIdsName, text);
  CHECK_FALSE(LoadKnownPageIds(out.string()));
}

TEST_CASE("an edit appends the changed page ids to .clerk-page-ids", "[output]") {
  testing::TempDir dir;
  const fs::path out = dir.path() / "public";
  fs::create_directories(out);
  const std::string file = (out / kKnownPageIdsName).string();
  std::map<std::string, PageIds> pages;
  for (int i = 0; i < 50; ++i)
    pages["m" + std::to_string(i) + "/index.html"] = {
        FingerprintOf(std::to_string(i)), {"item-1", "minute-" + std::to_string(i)}};
  REQUIRE(SaveKnownPageIds(pages, file));
  const std::string whole = testing::ReadFile(file);
  std::optional<KnownPageIds> before = LoadKnownPageIds(out.string());
  REQUIRE(before);
  CHECK(before->pages == pages);

  // Nothing changed: nothing written.
  REQUIRE(SaveKnownPageIds(pages, file, &*before));
  CHECK(testing::ReadFile(file) == whole);

  // One page's ids change, one page is gone, one is new, one holds a space
  // in an id (left out, so it is read next time).
  std::vector<std::string> more = pages["m3/index.html"].ids.get();
  more.push_back("minute-99");
  pages["m3/index.html"].ids = std::move(more);
  pages.erase("m4/index.html");
  pages["new/index.html"] = {FingerprintOf("new"), {"a"}};
  pages["odd/index.html"] = {FingerprintOf("odd"), {"has space"}};
  REQUIRE(SaveKnownPageIds(pages, file, &*before));
  const std::string appended = testing::ReadFile(file);
  REQUIRE(appended.rfind(whole, 0) == 0);  // the earlier batch is kept as it was
  CHECK(appended.substr(whole.size()) ==
        "P " + FingerprintOf("3").Hex() + " m3/index.html\titem-1 minute-3 minute-99\n" +
            "R m4/index.html\n" + "P " + FingerprintOf("new").Hex() +
            " new/index.html\ta\n# end 3\n");
  std::optional<KnownPageIds> after = LoadKnownPageIds(out.string());
  REQUIRE(after);
  pages.erase("odd/index.html");
  CHECK(after->pages == pages);

  // A batch cut short is not read; the next save writes over it.
  testing::WriteFile(file, appended.substr(0, appended.size() - 4));
  std::optional<KnownPageIds> cut = LoadKnownPageIds(out.string());
  REQUIRE(cut);
  CHECK(cut->pages == before->pages);
  REQUIRE(SaveKnownPageIds(pages, file, &*cut));
  CHECK(testing::ReadFile(file) == appended);
}

namespace {

// The paths of the warnings in `diag` that name `file`.
bool Warned(const Diagnostics& diag, const std::string& file) {
  for (const auto& d : diag.All())
    if (d.severity == Severity::kWarning && d.message.find(file) != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE(
    "Clerk removes only files it wrote: files put in the site by hand survive an edit "
    "build, and a build whose log is gone or damaged keeps every file and names them",
    "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(
      WriteSite({{"index.html", "one"}, {"a/page.html", "a"}}, out.string(), 2, diag));
  testing::WriteFile(out / "hand/notes.txt", "by hand");
  testing::WriteFile(out / "a/by-hand.txt", "beside a page");

  // An edit build: its stale page goes, files put by hand stay.
  REQUIRE(WriteSite({{"index.html", "two"}, {"b/new.html", "b"}}, out.string(), 2, diag));
  CHECK(!fs::exists(out / "a/page.html"));
  CHECK(testing::ReadFile(out / "hand/notes.txt") == "by hand");
  CHECK(testing::ReadFile(out / "a/by-hand.txt") == "beside a page");
  CHECK(diag.WarningCount() == 0);

  for (const char* damage : {"gone", "damaged"}) {
    INFO("the build log is " << damage);
    if (std::string(damage) == "gone")
      fs::remove(out / kBuildLogName);
    else
      testing::WriteFile(out / kBuildLogName, "# clerk build log v4\nnonsense\n");
    Diagnostics fresh;
    REQUIRE(
        WriteSite({{"index.html", "three"}, {"c.html", "c"}}, out.string(), 2, fresh));
    CHECK(testing::ReadFile(out / "index.html") == "three");
    CHECK(testing::ReadFile(out / "hand/notes.txt") == "by hand");
    CHECK(testing::ReadFile(out / "a/by-hand.txt") == "beside a page");
    // Written by an earlier build, but nothing says so any more: kept, and named.
    CHECK(testing::ReadFile(out / "b/new.html") == "b");
    CHECK(fresh.WarningCount() == 1);
    CHECK(Warned(fresh, "b/new.html"));
    CHECK(Warned(fresh, "hand/notes.txt"));
    CHECK(!Warned(fresh, kSiteMarker));
  }
  // With a log again, the next edit build removes its own stale page only.
  Diagnostics again;
  REQUIRE(WriteSite({{"index.html", "four"}}, out.string(), 2, again));
  CHECK(!fs::exists(out / "c.html"));
  CHECK(fs::exists(out / "b/new.html"));
  CHECK(fs::exists(out / "hand/notes.txt"));
}

TEST_CASE(
    "a file put by hand where the new site needs a folder fails the build unchanged",
    "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"index.html", "one"}}, out.string(), 1, diag));
  testing::WriteFile(out / "news", "by hand");
  Diagnostics failed;
  CHECK(!WriteSite({{"index.html", "two"}, {"news/index.html", "page"}}, out.string(), 1,
                   failed));
  REQUIRE(failed.ErrorCount() == 1);
  CHECK(failed.All()[0].message.find("news") != std::string::npos);
  CHECK(testing::ReadFile(out / "news") == "by hand");
  CHECK(testing::ReadFile(out / "index.html") == "one");
}

TEST_CASE(
    "a build clears the folders a killed build left beside the site, and only those",
    "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"index.html", "one"}}, out.string(), 1, diag));
  // Left by killed builds (pids that are not running): a staging folder, an
  // old site, an empty staging folder.
  testing::WriteFile(dir.path() / "public.tmp-4000001" / kSiteMarker, "");
  testing::WriteFile(dir.path() / "public.tmp-4000001/index.html", "half");
  testing::WriteFile(dir.path() / "public.old-4000002" / kSiteMarker, "");
  fs::create_directories(dir.path() / "public.tmp-4000003");
  // Not Clerk's: no marker, another name, another site's.
  testing::WriteFile(dir.path() / "public.tmp-4000004/mine.txt", "someone's");
  testing::WriteFile(dir.path() / "public.tmp-12x" / kSiteMarker, "");
  testing::WriteFile(dir.path() / "other.tmp-4000005" / kSiteMarker, "");
  // A running clerk's: a process named clerk-something.
  fs::path sleeper = dir.path() / "clerk-sleeper";
  fs::create_symlink("/bin/sleep", sleeper);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(sleeper.c_str(), sleeper.c_str(), "30", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  fs::path running = dir.path() / ("public.tmp-" + std::to_string(pid));
  testing::WriteFile(running / kSiteMarker, "");
  ::usleep(100000);  // until it runs as clerk-sleeper

  REQUIRE(WriteSite({{"index.html", "two"}}, out.string(), 1, diag));
  CHECK(!fs::exists(dir.path() / "public.tmp-4000001"));
  CHECK(!fs::exists(dir.path() / "public.old-4000002"));
  CHECK(!fs::exists(dir.path() / "public.tmp-4000003"));
  CHECK(fs::exists(dir.path() / "public.tmp-4000004/mine.txt"));
  CHECK(fs::exists(dir.path() / "public.tmp-12x"));
  CHECK(fs::exists(dir.path() / "other.tmp-4000005"));
  CHECK(fs::exists(running / kSiteMarker));
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
}

TEST_CASE(
    "a build killed between moving the old site aside and the new one in gets the old "
    "site back",
    "[output]") {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  Diagnostics diag;
  REQUIRE(WriteSite({{"index.html", "old"}, {"page.html", "p"}}, out.string(), 1, diag));
  testing::WriteFile(out / "hand.txt", "by hand");
  // Where renameat2 cannot swap folders: old aside, then killed.
  fs::rename(out, dir.path() / "public.old-4000001");
  testing::WriteFile(dir.path() / "public.tmp-4000001" / kSiteMarker, "");
  testing::WriteFile(dir.path() / "public.tmp-4000001/index.html", "new");

  SiteWriter writer(out.string());
  REQUIRE(writer.Begin(diag));
  CHECK(!writer.fresh());  // the old site and its log are back
  writer.Put("index.html", FingerprintOf("x"), "newer");
  writer.Keep("page.html");
  REQUIRE(writer.Commit(diag));
  CHECK(testing::ReadFile(out / "index.html") == "newer");
  CHECK(testing::ReadFile(out / "page.html") == "p");
  CHECK(testing::ReadFile(out / "hand.txt") == "by hand");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path()))
    entries += e.path() != out && e.path() != SpareFolder(out.string());
  CHECK(entries == 0);
}

TEST_CASE("what a save of bodies and ids leaves is what reading the file gives",
          "[output][memory]") {
  testing::TempDir dir;
  const std::string out = dir.path().string();
  const std::string bodies_path = out + "/" + kKnownBodiesName;
  const std::string ids_path = out + "/" + kKnownPageIdsName;
  std::map<std::string, BodySummary> bodies;
  std::map<std::string, PageIds> ids;
  for (int i = 0; i < 40; ++i) {
    bodies["m/p" + std::to_string(i)] = {FingerprintOf(std::to_string(i)), {}, true};
    ids["m/p" + std::to_string(i) + "/index.html"] = {FingerprintOf(std::to_string(i)),
                                                      {"item-1"}};
  }
  auto same_as_read = [&](const KnownBodies& bodies_saved,
                          const KnownPageIds& ids_saved) {
    std::optional<KnownBodies> read_bodies = LoadKnownBodies(out);
    std::optional<KnownPageIds> read_ids = LoadKnownPageIds(out);
    REQUIRE(read_bodies);
    REQUIRE(read_ids);
    CHECK(bodies_saved.read.size == read_bodies->read.size);
    CHECK(bodies_saved.read.records == read_bodies->read.records);
    REQUIRE(bodies_saved.bodies.size() == read_bodies->bodies.size());
    for (const auto& [key, body] : read_bodies->bodies) {
      REQUIRE(bodies_saved.bodies.count(key));
      CHECK(bodies_saved.bodies.at(key).source == body.source);
      CHECK(bodies_saved.bodies.at(key).site_links == body.site_links);
    }
    CHECK(ids_saved.read.size == read_ids->read.size);
    CHECK(ids_saved.read.records == read_ids->read.records);
    CHECK(ids_saved.pages == read_ids->pages);
  };
  // Written whole.
  batch_file::Extent bodies_end, ids_end;
  REQUIRE(SaveKnownBodies(bodies, bodies_path, nullptr, &bodies_end));
  REQUIRE(SaveKnownPageIds(ids, ids_path, nullptr, &ids_end));
  KnownBodies known_bodies = KnownBodiesAsSaved(bodies, bodies_end);
  KnownPageIds known_ids = KnownPageIdsAsSaved(ids, ids_end);
  same_as_read(known_bodies, known_ids);
  // Appended: a change, one left out (warned), one gone, one unwritable.
  bodies["m/p3"].source = FingerprintOf("edited");
  bodies["m/p4"].clean = false;
  bodies.erase("m/p5");
  std::vector<std::string> more = ids["m/p3/index.html"].ids.get();
  more.push_back("item-2");
  ids["m/p3/index.html"].ids = std::move(more);
  ids["m/odd/index.html"] = {FingerprintOf("odd"), {"has space"}};
  ids.erase("m/p5/index.html");
  REQUIRE(SaveKnownBodies(bodies, bodies_path, &known_bodies, &bodies_end));
  REQUIRE(SaveKnownPageIds(ids, ids_path, &known_ids, &ids_end));
  known_bodies = KnownBodiesAsSaved(bodies, bodies_end);
  known_ids = KnownPageIdsAsSaved(ids, ids_end);
  same_as_read(known_bodies, known_ids);
  // Nothing changed: the file ends where it did.
  REQUIRE(SaveKnownBodies(bodies, bodies_path, &known_bodies, &bodies_end));
  REQUIRE(SaveKnownPageIds(ids, ids_path, &known_ids, &ids_end));
  same_as_read(KnownBodiesAsSaved(bodies, bodies_end), KnownPageIdsAsSaved(ids, ids_end));
}

TEST_CASE("a writer hands its bookkeeping to the next build, used only while current",
          "[output][memory]") {
  testing::TempDir dir;
  const std::string out = (dir.path() / "public").string();
  Diagnostics diag;
  // A build writes the site whole; an edit build after it leaves its
  // bookkeeping in memory (the first build's is read back from the files).
  auto build = [&](const std::vector<OutputFile>& files, WriterMemory* memory,
                   bool* from_memory = nullptr) {
    SiteWriter writer(out);
    REQUIRE(writer.Begin(diag, memory));
    if (from_memory) *from_memory = writer.began_from_memory();
    for (const OutputFile& f : files) {
      Fingerprint inputs = FingerprintOf(f.content);
      if (!writer.UpToDate(f.path, inputs)) writer.Put(f.path, inputs, f.content);
    }
    REQUIRE(writer.Commit(diag));
    return writer.TakeMemory();
  };
  WriterMemory memory = build({{"index.html", "one"}, {"a.html", "a"}}, nullptr);
  CHECK(!memory.log);  // a first build: the next one reads the log
  memory = build({{"index.html", "two"}, {"a.html", "a"}}, nullptr);
  REQUIRE(memory.log);
  REQUIRE(memory.bodies);
  REQUIRE(memory.ids);
  // What is handed over is what the files hold.
  std::optional<BuildLog> read = BuildLog::Load(out);
  REQUIRE(read);
  CHECK(memory.log->size() == read->size());
  CHECK(memory.log->file_size() == read->file_size());
  read->ForEach([&](const std::string& path, const BuildLogEntry& entry) {
    REQUIRE(memory.log->Find(path));
    CHECK(*memory.log->Find(path) == entry);
  });
  bool from_memory = false;
  memory = build({{"index.html", "three"}, {"b.html", "b"}}, &memory, &from_memory);
  CHECK(from_memory);
  CHECK(testing::ReadFile(fs::path(out) / "index.html") == "three");
  CHECK(!fs::exists(fs::path(out) / "a.html"));
  // A log changed behind the writer's back is read from the file instead.
  testing::WriteFile(fs::path(out) / kBuildLogName,
                     testing::ReadFile(fs::path(out) / kBuildLogName) + "\n");
  memory = build({{"index.html", "four"}, {"b.html", "b"}}, &memory, &from_memory);
  CHECK(!from_memory);
  CHECK(testing::ReadFile(fs::path(out) / "index.html") == "four");
}
