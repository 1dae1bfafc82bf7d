// The build log: for every file of the built site, the fingerprint of the
// inputs it was made from and the size and modification time it had when
// written (ninja's .ninja_log is the model). The next build skips a page
// whose inputs hash the same and whose file is still as it was written, and
// deletes files the site no longer has.
//
// Stored as text in <out>/.clerk-build-log, in batches (batch_file.h):
//   # clerk build log v4
//   <inputs, 32 hex> <content, 32 hex> <deps, 32 hex> <size> <mtime in ns>
//     <bodies read, comma-separated, or -> <path>        (one line per file)
//   removed <path>                                      (a file gone)
//   # end <number of lines in the batch>
// A later line for a path replaces an earlier one. The first batch is a
// whole log; each build after it appends one batch with only what changed
// (Update), so an edit writes a few lines, not the whole log of a large
// site. Once replaced lines would be more than a quarter of the live ones,
// the whole log is written afresh. (deps and bodies: see PageDeps in
// render/site_renderer.h; zero and "-" for files that are not pages.)
//
// A batch cut short (a crash while appending) is ignored, and cut off by the
// next Update: the files it described no longer match their old lines, so
// they are built again. A missing, unreadable or foreign log means "nothing
// is known": everything is built afresh.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "incremental/state_files.h"
#include "model/fingerprint.h"

namespace clerk {

struct BuildLogEntry {
  Fingerprint inputs;               // what the file was made from
  Fingerprint content;              // the bytes written
  Fingerprint deps;                 // PageDeps::fingerprint; zero if none recorded
  std::vector<std::string> bodies;  // PageDeps::bodies
  uint64_t size = 0;
  int64_t mtime_ns = 0;

  bool operator==(const BuildLogEntry&) const = default;
};

class BuildLog {
 public:
  static constexpr size_t npos = static_cast<size_t>(-1);

  BuildLog() = default;
  // Moves only: the index points into the entries' storage.
  BuildLog(BuildLog&&) = default;
  BuildLog& operator=(BuildLog&&) = default;
  BuildLog(const BuildLog&) = delete;
  BuildLog& operator=(const BuildLog&) = delete;

  // Reads <out>/.clerk-build-log; nullopt if there is none or it is damaged.
  static std::optional<BuildLog> Load(const std::string& out_dir);

  // Writes the whole log to `path` as one batch (through a temporary file
  // and a rename, so a crash leaves the old log or the new one).
  bool Save(const std::string& path) const;

  // For a log read from `path` by Load: sets `changed` entries, drops
  // `removed` paths, and appends them to the file as one batch (or writes
  // the whole log afresh, see above). False if the file cannot be written;
  // the log in memory is then updated all the same.
  bool Update(const std::string& path,
              std::vector<std::pair<std::string, BuildLogEntry>> changed,
              const std::vector<std::string>& removed);

  // Entries are numbered 0..slots()-1 for as long as the log lives, so a
  // caller can keep a flag per entry; a removed entry's slot stays empty.
  size_t IndexOf(std::string_view path) const;
  size_t slots() const { return items_.size(); }
  // The entry in `slot`, or nullptr if it was removed.
  const BuildLogEntry* At(size_t slot) const {
    return items_[slot].live ? &items_[slot].entry : nullptr;
  }
  const std::string& PathAt(size_t slot) const { return items_[slot].path; }

  const BuildLogEntry* Find(std::string_view path) const;
  // The slots of the live entries whose deps are `deps`, in slot order: a
  // scan of one small array, not of every entry (an edit build of clerk
  // serve asks it once, for the files made from the site's records; 221,000
  // entries at 10,000 meetings took 7 ms to walk).
  std::vector<size_t> SlotsWithDeps(const Fingerprint& deps) const;
  void Set(std::string path, BuildLogEntry entry);
  size_t size() const { return index_.size(); }
  // The length of the file as loaded or last written (Update), up to its
  // last complete batch.
  uint64_t file_size() const { return file_size_; }
  // Every live entry, in no particular order.
  void ForEach(
      const std::function<void(const std::string&, const BuildLogEntry&)>& f) const;

 private:
  struct Item {
    std::string path;
    BuildLogEntry entry;
    bool live = true;
  };
  bool Remove(std::string_view path);

  std::deque<Item> items_;         // a deque: its elements never move
  std::vector<Fingerprint> deps_;  // by slot: its entry's deps (zero if removed)
  std::unordered_map<std::string_view, size_t> index_;  // path -> slot
  // The file as loaded or last written: its length up to the last complete
  // batch, and the number of entry lines in it.
  uint64_t file_size_ = 0;
  size_t file_lines_ = 0;
};

// The size and modification time of a file now, or nullopt if it is gone
// (or not a regular file).
std::optional<BuildLogEntry> StatFile(const std::string& path);
// The same for `path` relative to the open folder `dir_fd` (from
// OpenFolder): a build checks every file of the site, and this saves
// walking the output folder's own path each time.
std::optional<BuildLogEntry> StatFileAt(int dir_fd, const std::string& path);
// A descriptor for StatFileAt, or -1 (then use StatFile).
int OpenFolder(const std::string& path);

}  // namespace clerk
