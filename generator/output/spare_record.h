// What a build leaves so the next one, in a new process, can bring the
// spare folder up to date by the last build's changes alone instead of
// mirroring the whole site into it (site_writer.h; at 10,000 meetings the
// mirror is 220,000 links and 200,000 folders, 1.5 s of a 4 s edit).
//
// After a build swaps its new site in, the site it replaced is the spare
// folder: it differs from the site by exactly the files the build wrote and
// the ones it removed. That holds only while nobody else changes either
// folder. Adding, removing or renaming anything in a folder sets the
// folder's modification time, and Clerk never rewrites a file in place, so
// the next build checks that no folder holding a file of the build log has
// been changed since the record was made (in either folder), and that the
// names at the top of each are the same; else it mirrors, as without a
// record. The record's time is taken after the build's last change to those
// folders, and the build then waits 20 ms before it exits, longer than a
// clock tick (4 or 10 ms): a change made after the record cannot carry a
// time at or before it (git's "racily clean" files are the same problem).
// A clock set back between builds could hide a change; a tool that copies
// folders with their times kept could too, but only into Clerk's spare.
//
// Kept in <out>/kSpareRecordFile (incremental/state_files.h), read
// and removed by the next build before it changes anything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "incremental/build_log.h"
#include "incremental/state_files.h"

namespace clerk {

struct SpareRecord {
  uint64_t device = 0, inode = 0;  // the spare folder
  int64_t made_ns = 0;             // when (ns since the epoch, the system clock)
  // The names at the top of the site and of the spare (TopNames).
  std::vector<std::string> site_top, spare_top;
  // What the spare lacks: files written (new or changed) and removed by
  // the build; `added`, the written files it did not have at all.
  std::vector<std::string> written, gone, added;
};

// nullopt if missing or damaged.
std::optional<SpareRecord> ReadSpareRecord(const std::string& path);
// Through a temporary file and a rename.
bool WriteSpareRecord(const std::string& path, const SpareRecord& record);

// The names at the top of `tree`, sorted, but the cache folder (written
// after the record); nullopt if it cannot be listed.
std::optional<std::vector<std::string>> TopNames(const std::string& tree);

// Every folder below the top that holds a file of `log` (at any depth),
// leaving out the files of `skip` (sorted); views into the log's paths.
std::vector<std::string_view> LoggedFolders(const BuildLog& log,
                                            const std::vector<std::string>& skip);

// Whether each of `folders` (LoggedFolders) exists in `tree` and was last
// changed at or before `since_ns`. `jobs` threads look.
bool FoldersUnchangedSince(const std::string& tree,
                           const std::vector<std::string_view>& folders, int64_t since_ns,
                           int jobs);

// The system clock now, in ns since the epoch (as folder times are).
int64_t NowNs();

}  // namespace clerk
