// The Disk seam (files/disk.h): the real disk does what the helpers before
// it did, and an atomic write keeps the old file when its rename fails.
#include "files/disk.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>

#include "files/atomic_write.h"
#include "files/fake_disk.h"
#include "files/source_files.h"
#include "test_support.h"

using namespace clerk;

namespace {
std::vector<std::string> Names(const std::vector<FolderEntry>& entries) {
  std::vector<std::string> names;
  for (const FolderEntry& e : entries) names.push_back(e.name);
  return names;
}
}  // namespace

TEST_CASE("RealDisk refuses to read a named pipe and says what it is", "[files][disk]") {
  testing::TempDir dir;
  const std::string pipe = (dir.path() / "agenda.md").string();
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  std::string bytes = "left alone", error;
  CHECK_FALSE(RealDiskInstance().ReadFile(pipe, &bytes, &error));
  CHECK(error.find("not a regular file but a named pipe (FIFO)") == 0);
  CHECK(bytes == "left alone");
  CHECK(RealDiskInstance().Stat(pipe).kind == FileKind::kOther);
}

TEST_CASE(
    "RealDisk reads a whole file, and names the reason a missing one cannot be read",
    "[files][disk]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "paper.md", "---\ntitle: A\n---\nbody\n");
  std::string bytes, error;
  CHECK(RealDiskInstance().ReadFile((dir.path() / "paper.md").string(), &bytes, &error));
  CHECK(bytes == "---\ntitle: A\n---\nbody\n");
  CHECK_FALSE(
      RealDiskInstance().ReadFile((dir.path() / "gone.md").string(), &bytes, &error));
  CHECK(error == "cannot read file: No such file or directory");
}

TEST_CASE("RealDisk lists a folder sorted by name, each entry with its kind",
          "[files][disk]") {
  testing::TempDir dir;
  for (const char* name : {"b.md", "C.yaml", "a.md", ".hidden"})
    testing::WriteFile(dir.path() / name, "x");
  std::filesystem::create_directory(dir.path() / "d-folder");
  std::filesystem::create_directory_symlink(dir.path() / "d-folder", dir.path() / "link");
  testing::WriteFile(dir.path() / "caf\xE9.md", "x");

  std::vector<FolderEntry> entries;
  REQUIRE(RealDiskInstance().ListFolder(dir.path().string(), &entries, nullptr));
  CHECK(Names(entries) == std::vector<std::string>{".hidden", "C.yaml", "a.md", "b.md",
                                                   "caf\xE9.md", "d-folder", "link"});
  CHECK(entries[1].kind == FileKind::kFile);
  CHECK(entries[5].kind == FileKind::kFolder);
  CHECK(entries[6].kind == FileKind::kFolder);  // a link, followed
  // The listings the loaders use leave out hidden and non-UTF-8 names.
  CHECK(ListFiles(dir.path().string()) ==
        std::vector<std::string>{"C.yaml", "a.md", "b.md"});
  CHECK(ListDirectories(dir.path().string()) ==
        std::vector<std::string>{"d-folder", "link"});
  // Both from one listing, the same.
  FolderNames both = ListFolderNames(RealDiskInstance(), dir.path().string());
  CHECK(both.files == std::vector<std::string>{"C.yaml", "a.md", "b.md"});
  CHECK(both.folders == std::vector<std::string>{"d-folder", "link"});
  std::string error;
  CHECK_FALSE(
      RealDiskInstance().ListFolder((dir.path() / "a.md").string(), &entries, &error));
  CHECK(ListFiles((dir.path() / "missing").string()).empty());
}

TEST_CASE("RealDisk stat gives the kind, size, time and inode of what is there",
          "[files][disk]") {
  testing::TempDir dir;
  const std::string file = (dir.path() / "minutes.md").string();
  testing::WriteFile(file, "12345");
  struct stat st;
  REQUIRE(::stat(file.c_str(), &st) == 0);
  FileStat s = RealDiskInstance().Stat(file);
  CHECK(s.kind == FileKind::kFile);
  CHECK(s.size == 5);
  CHECK(s.inode == st.st_ino);
  CHECK(s.mtime_ns == st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
  CHECK(RealDiskInstance().Stat(dir.path().string()).kind == FileKind::kFolder);
  FileStat missing = RealDiskInstance().Stat((dir.path() / "none").string());
  CHECK(missing.kind == FileKind::kMissing);
  CHECK(missing.error == ENOENT);
  CHECK_FALSE(CannotLook(missing));
}

TEST_CASE("RealDisk writes atomically, renames and makes folders", "[files][disk]") {
  testing::TempDir dir;
  Disk& disk = RealDiskInstance();
  const std::string log = (dir.path() / "state/build.log").string();
  REQUIRE(disk.MakeFolders((dir.path() / "state").string(), nullptr));
  testing::WriteFile(log, "old");
  REQUIRE(WriteFileAtomically(disk, log, "new"));
  CHECK(testing::ReadFile(log) == "new");
  CHECK_FALSE(std::filesystem::exists(log + ".tmp"));
  REQUIRE(disk.Rename(log, log + ".1", nullptr));
  CHECK(testing::ReadFile(log + ".1") == "new");
  CHECK(disk.Stat(log).kind == FileKind::kMissing);
  // Into a folder that is not there: nothing written, no temporary file.
  const std::string lost = (dir.path() / "no-such-folder/x.log").string();
  CHECK_FALSE(WriteFileAtomically(disk, lost, "x"));
  CHECK_FALSE(std::filesystem::exists(lost + ".tmp"));
  CHECK(disk.Remove(log + ".1"));
  CHECK_FALSE(std::filesystem::exists(log + ".1"));
}

TEST_CASE("an atomic write whose rename fails leaves the old file as it was",
          "[files][disk]") {
  testing::FakeDisk disk;
  disk.AddFile("out/.clerk-build.log", "old log");
  disk.FailRenames("out/.clerk-build.log", ENOSPC);
  CHECK_FALSE(WriteFileAtomically(disk, "out/.clerk-build.log", "new log"));
  CHECK(disk.Contents("out/.clerk-build.log") == "old log");
  // The temporary file was written, then removed.
  CHECK_FALSE(disk.Contents("out/.clerk-build.log.tmp"));
}

TEST_CASE("FakeDisk fails a read on purpose with the reason given, and counts it",
          "[files][disk]") {
  testing::FakeDisk disk;
  disk.AddFile("site/content/meetings/m/paper.md", "text");
  disk.FailReads("site/content/meetings/m/paper.md", EACCES);
  std::string bytes, error;
  CHECK_FALSE(ReadWholeFile(disk, "site/content/meetings/m/paper.md", &bytes, &error));
  CHECK(error == "cannot read file: Permission denied");
  CHECK(disk.Reads("site/content/meetings/./m/paper.md") == 1);
  CHECK(ListDirectories(disk, "site/content/meetings") == std::vector<std::string>{"m"});
  CHECK(ListFiles(disk, "site/content/meetings/m") ==
        std::vector<std::string>{"paper.md"});
  CHECK(disk.Stat("site/content").kind == FileKind::kFolder);
}

TEST_CASE(
    "a folder relisted from its last listing and the names changed since is "
    "the folder listed again",
    "[files][disk]") {
  testing::TempDir dir;
  const std::filesystem::path root = dir.path();
  std::filesystem::create_directories(root / "2024-01-10-cabinet");
  std::filesystem::create_directories(root / "2024-02-14-cabinet");
  testing::WriteFile(root / "stray.md", "x");
  const FolderNames before = ListFolderNames(RealDiskInstance(), root.string());
  // Changes a watcher names: a folder made, one removed, a file turned into
  // a folder, a link to nothing, a hidden file, a name that is not text,
  // and a name that was never there.
  std::filesystem::create_directories(root / "2024-03-13-cabinet");
  std::filesystem::remove_all(root / "2024-02-14-cabinet");
  std::filesystem::remove(root / "stray.md");
  std::filesystem::create_directories(root / "stray.md");
  REQUIRE(::symlink("nowhere", (root / "dangling").c_str()) == 0);
  testing::WriteFile(root / ".swp", "x");
  testing::WriteFile(root / "caf\xE9", "x");
  const std::set<std::string> changed = {"2024-03-13-cabinet",
                                         "2024-02-14-cabinet",
                                         "stray.md",
                                         "dangling",
                                         ".swp",
                                         "caf\xE9",
                                         "never-there"};
  const FolderNames now = ListFolderNames(RealDiskInstance(), root.string());
  const FolderNames relisted =
      RelistFolderNames(RealDiskInstance(), root.string(), {&before, &changed});
  CHECK(relisted.folders == now.folders);
  CHECK(relisted.files == now.files);
  CHECK(now.folders ==
        std::vector<std::string>{"2024-01-10-cabinet", "2024-03-13-cabinet", "stray.md"});
  CHECK(now.files == std::vector<std::string>{"dangling"});
  // A change it is not told of is not seen: the caller's promise.
  testing::WriteFile(root / "unseen.md", "x");
  const std::set<std::string> none;
  CHECK(RelistFolderNames(RealDiskInstance(), root.string(), {&now, &none}).files ==
        std::vector<std::string>{"dangling"});
}
