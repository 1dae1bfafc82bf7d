// The build log: for every file of the built site, the fingerprint of the
// inputs it was made from and the size and modification time it had when
// written (ninja's .ninja_log is the model). The next build skips a page
// whose inputs hash the same and whose file is still as it was written, and
// deletes files the site no longer has.
//
// Stored as text in <out>/.clerk-build-log, one file per line:
//   <inputs, 32 hex> <content, 32 hex> <deps, 32 hex> <size> <mtime in ns>
//   <bodies read, comma-separated, or -> <path>
// (deps and bodies: see PageDeps in render/site_renderer.h; zero and "-"
// for files that are not pages, or when the build had warnings), and last
// "# end <number of entries>".
// A missing, unreadable or foreign log means "nothing is known": everything
// is built afresh.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/fingerprint.h"

namespace clerk {

inline constexpr const char* kBuildLogName = ".clerk-build-log";

struct BuildLogEntry {
  Fingerprint inputs;               // what the file was made from
  Fingerprint content;              // the bytes written
  Fingerprint deps;                 // PageDeps::fingerprint; zero if none recorded
  std::vector<std::string> bodies;  // PageDeps::bodies
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

class BuildLog {
 public:
  // Reads <out>/.clerk-build-log; nullopt if there is none or it is damaged.
  static std::optional<BuildLog> Load(const std::string& out_dir);

  // Writes the log to `path` (through a temporary file and a rename, so a
  // crash leaves the old log or the new one, never half of one).
  bool Save(const std::string& path) const;

  const BuildLogEntry* Find(const std::string& path) const;
  void Set(const std::string& path, const BuildLogEntry& entry) {
    entries_[path] = entry;
  }
  const std::unordered_map<std::string, BuildLogEntry>& entries() const {
    return entries_;
  }
  std::unordered_map<std::string, BuildLogEntry>& mutable_entries() { return entries_; }

 private:
  std::unordered_map<std::string, BuildLogEntry> entries_;
};

// The size and modification time of a file now, or nullopt if it is gone
// (or not a regular file).
std::optional<BuildLogEntry> StatFile(const std::string& path);

}  // namespace clerk
