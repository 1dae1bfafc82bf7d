// An in-memory Disk for unit tests, as ninja's VirtualFileSystem: a tree of
// files and folders held in a map, reads and writes that can be made to fail
// on purpose with an errno reason, and counts of what was read, looked at
// and listed, so a test can load a site with no file on the real disk and
// say what the loader touched.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files/disk.h"

namespace clerk::testing {

class FakeDisk : public Disk {
 public:
  // Adds a file, and the folders above it, replacing a file there.
  void AddFile(const std::string& path, std::string bytes);
  // Adds a folder, and the folders above it.
  void AddFolder(const std::string& path);

  // From now on, reading (or listing) `path` fails with errno `error`.
  void FailReads(const std::string& path, int error);
  // From now on, writing, making or removing `path` fails with `error`.
  void FailWrites(const std::string& path, int error);
  // From now on, renaming onto or from `path` fails with `error`.
  void FailRenames(const std::string& path, int error);

  // The bytes of the file at `path`; nullopt if there is no file there.
  std::optional<std::string> Contents(const std::string& path) const;
  // How many times `path` was read, stat'ed or listed.
  int Reads(const std::string& path) const;
  int Stats(const std::string& path) const;
  int Lists(const std::string& path) const;
  // Every ReadFile call so far, on any path.
  int TotalReads() const;

  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override;
  FileStat Stat(const std::string& path) override;
  bool ListFolder(const std::string& path, std::vector<FolderEntry>* entries,
                  std::string* error) override;
  bool WriteFile(const std::string& path, std::string_view bytes,
                 std::string* error) override;
  bool Rename(const std::string& from, const std::string& to,
              std::string* error) override;
  bool MakeFolders(const std::string& path, std::string* error) override;
  bool Remove(const std::string& path) override;

 private:
  struct Node {
    bool folder = false;
    std::string bytes;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
  };

  // "a/./b/" and "a/b" are one path; "" and "." the current folder.
  static std::string Normal(const std::string& path);
  // Adds the folders that hold `path` (normal), up to the root; mutex_ held.
  void AddParents(const std::string& path);
  // Puts a node at `path` (normal), as a change made now; mutex_ held.
  void Put(const std::string& path, bool folder, std::string bytes);
  const Node* Find(const std::string& path) const;  // mutex_ held
  // What `map` holds for `path` (normal): an errno or a count; 0 if none.
  static int Lookup(const std::map<std::string, int>& map, const std::string& path);

  mutable std::mutex mutex_;  // the loader reads folders in parallel
  std::map<std::string, Node> nodes_;
  std::map<std::string, int> read_failures_, write_failures_, rename_failures_;
  std::map<std::string, int> reads_, stats_, lists_;
  int total_reads_ = 0;
  std::int64_t clock_ = 0;  // a logical clock: each change is one tick later
  std::uint64_t next_inode_ = 1;
};

}  // namespace clerk::testing
