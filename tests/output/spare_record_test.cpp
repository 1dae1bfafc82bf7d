// The record that lets a build in a new process bring the spare folder up
// to date by the last build's changes (output/spare_record.h), and the site
// writer using it only while neither folder was changed by anyone else.
#include "output/spare_record.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "output/site_writer.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk;

namespace {

// A log of `paths`, as a build leaves it.
BuildLog LogOf(const std::vector<std::string>& paths) {
  BuildLog log;
  for (const std::string& path : paths) log.Set(path, BuildLogEntry{});
  return log;
}

// Past a clock tick: what is changed after this is changed after `since`.
int64_t Settled() {
  std::this_thread::sleep_for(std::chrono::milliseconds(25));
  const int64_t now = NowNs();
  std::this_thread::sleep_for(std::chrono::milliseconds(25));
  return now;
}

// Every file under `dir` (but Clerk's bookkeeping) -> its bytes.
std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string rel = fs::relative(e.path(), dir).string();
    if (e.is_regular_file() && rel.rfind(".clerk", 0) != 0)
      files[rel] = testing::ReadFile(e.path());
  }
  return files;
}

// One build in its own process, as `clerk build` runs it: writes `files`
// (path -> bytes) as the whole new site. Returns whether it brought the
// spare up to date from the last build's record.
bool Build(const fs::path& out, const std::map<std::string, std::string>& files) {
  Diagnostics diag;
  SiteWriter writer(out.string());
  REQUIRE(writer.Begin(diag));
  for (const auto& [path, bytes] : files) {
    const Fingerprint inputs = FingerprintOf(bytes);
    if (!writer.UpToDate(path, inputs)) writer.Put(path, inputs, bytes);
  }
  REQUIRE(writer.Commit(diag));
  writer.SaveSpareRecord();
  return writer.spare_from_record();
}

// A site built once, then edited once (so it has a spare and a record).
struct EditedSite {
  testing::TempDir dir;
  fs::path out = dir.path() / "public";
  fs::path spare = dir.path() / "public.old-spare";
  std::map<std::string, std::string> files{{"index.html", "home"},
                                           {"a/index.html", "a"},
                                           {"a/b/index.html", "b"},
                                           {"c/index.html", "c"}};
  EditedSite() {
    CHECK_FALSE(Build(out, files));  // fresh
    files["a/index.html"] = "a, edited";
    files.erase("c/index.html");
    files["d/e/index.html"] = "new";
    CHECK_FALSE(Build(out, files));  // mirrors: the first build left no record
    REQUIRE(fs::exists(out / kSpareRecordFile));
  }
};

}  // namespace

TEST_CASE("spare record: read back as written, and a damaged one is none",
          "[output][spare]") {
  testing::TempDir dir;
  const std::string file = (dir.path() / "record").string();
  SpareRecord record{7,
                     42,
                     1234567890123,
                     {"a", "index.html"},
                     {"a", "c"},
                     {"a/index.html", "d/e f.html"},
                     {"c/index.html"},
                     {"d/e f.html"}};
  REQUIRE(WriteSpareRecord(file, record));
  const std::optional<SpareRecord> read = ReadSpareRecord(file);
  REQUIRE(read);
  CHECK(read->device == 7);
  CHECK(read->inode == 42);
  CHECK(read->made_ns == 1234567890123);
  CHECK(read->site_top == record.site_top);
  CHECK(read->spare_top == record.spare_top);
  CHECK(read->written == record.written);
  CHECK(read->gone == record.gone);
  CHECK(read->added == record.added);
  for (const char* text : {"", "# clerk spare v1\n1 2 3\n", "# clerk spare v2\n1 2\n",
                           "# clerk spare v2\n1 2 3\nwritten\n",
                           "# clerk spare v2\n1 2 3\nsomething a.html\n"}) {
    INFO(text);
    testing::WriteFile(file, text);
    CHECK_FALSE(ReadSpareRecord(file));
  }
  CHECK_FALSE(ReadSpareRecord((dir.path() / "none").string()));
}

TEST_CASE("spare record: a folder holding a logged file, changed since, is seen",
          "[output][spare]") {
  testing::TempDir dir;
  const fs::path tree = dir.path() / "site";
  for (const char* file :
       {"index.html", "a/index.html", "a/b/index.html", "x/y/new.html"})
    testing::WriteFile(tree / file, "x");
  fs::create_directories(tree / "hand");
  // A copy of a folder, as it was before the record's time.
  fs::copy(tree / "a", dir.path() / "a-copy", fs::copy_options::recursive);
  const BuildLog log =
      LogOf({"index.html", "a/index.html", "a/b/index.html", "x/y/new.html"});
  const std::vector<std::string> skip{"x/y/new.html"};
  int64_t since = Settled();
  CHECK(FoldersUnchangedSince(tree.string(), LoggedFolders(log, {}), since, 2));

  SECTION("a file added") {
    testing::WriteFile(tree / "a/b/hand.txt", "by hand");
  }
  SECTION("a file removed") {
    fs::remove(tree / "a/b/index.html");
  }
  SECTION("a file renamed") {
    fs::rename(tree / "a/index.html", tree / "a/other.html");
  }
  SECTION("a folder of folders") {
    fs::create_directories(tree / "a/new-folder");
  }
  SECTION("a folder gone") {
    fs::remove_all(tree / "a/b");
  }
  SECTION("a folder made a link to a copy of it, untouched since") {
    fs::rename(tree / "a", dir.path() / "a-gone");
    fs::create_directory_symlink(dir.path() / "a-copy", tree / "a");
  }
  CHECK_FALSE(FoldersUnchangedSince(tree.string(), LoggedFolders(log, {}), since, 2));
  CHECK_FALSE(FoldersUnchangedSince(tree.string(), LoggedFolders(log, {}), since, 1));
}

TEST_CASE(
    "spare record: folders that hold only skipped files, or none, are not looked at",
    "[output][spare]") {
  testing::TempDir dir;
  const fs::path tree = dir.path() / "site";
  for (const char* file : {"index.html", "x/y/new.html"})
    testing::WriteFile(tree / file, "x");
  fs::create_directories(tree / "hand");
  const BuildLog log = LogOf({"index.html", "x/y/new.html"});
  int64_t since = Settled();
  testing::WriteFile(tree / "x/y/other.html", "x");
  testing::WriteFile(tree / "hand/file.txt", "x");
  CHECK(FoldersUnchangedSince(tree.string(), LoggedFolders(log, {"x/y/new.html"}), since,
                              2));
  CHECK_FALSE(FoldersUnchangedSince(tree.string(), LoggedFolders(log, {}), since, 2));
  // The top is not looked at by time (Clerk writes its bookkeeping there
  // after the record): its names are (TopNames), but not the cache folder.
  testing::WriteFile(tree / ".clerk-cache/records/x", "x");
  CHECK(TopNames(tree.string()) == std::vector<std::string>{"hand", "index.html", "x"});
}

TEST_CASE(
    "spare record: an edit build brings the spare up to date by the last one's changes",
    "[output][spare]") {
  EditedSite site;
  site.files["a/b/index.html"] = "b, edited";
  site.files.erase("d/e/index.html");
  site.files["f/index.html"] = "newer";
  CHECK(Build(site.out, site.files));
  CHECK(Files(site.out) == site.files);
  // And again: the spare is the site before this edit, the record says how.
  site.files["index.html"] = "home, edited";
  CHECK(Build(site.out, site.files));
  CHECK(Files(site.out) == site.files);
  // A build that changes no file leaves the record as it was.
  CHECK(Build(site.out, site.files));
  site.files["c/index.html"] = "c again";
  CHECK(Build(site.out, site.files));
  CHECK(Files(site.out) == site.files);
  // The record is read once: a build that finds none mirrors.
  fs::remove(site.out / kSpareRecordFile);
  site.files["a/index.html"] = "a, edited again";
  CHECK_FALSE(Build(site.out, site.files));
  CHECK(Files(site.out) == site.files);
}

TEST_CASE(
    "spare record: a folder changed by anyone else since means a mirror, and nothing is "
    "lost",
    "[output][spare]") {
  EditedSite site;
  std::map<std::string, std::string> expected;
  SECTION("a file put in the site by hand is kept") {
    testing::WriteFile(site.out / "a/b/hand.txt", "by hand");
    site.files["a/index.html"] = "a, edited twice";
    expected = site.files;
    expected["a/b/hand.txt"] = "by hand";
  }
  SECTION("a file put at the top of the site by hand is kept") {
    testing::WriteFile(site.out / "hand.txt", "by hand");
    site.files["a/index.html"] = "a, edited twice";
    expected = site.files;
    expected["hand.txt"] = "by hand";
  }
  SECTION("a file taken out of the spare comes back") {
    fs::remove(site.spare / "a/b/index.html");
    site.files["index.html"] = "home, edited";
    expected = site.files;
  }
  SECTION("a spare folder made anew") {
    fs::rename(site.spare, site.dir.path() / "elsewhere");
    fs::create_directories(site.spare);
    fs::copy(site.dir.path() / "elsewhere", site.spare, fs::copy_options::recursive);
    site.files["index.html"] = "home, edited";
    expected = site.files;
  }
  CHECK_FALSE(Build(site.out, site.files));
  CHECK(Files(site.out) == expected);
}
