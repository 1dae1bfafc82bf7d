// Meeting folders as loaded, kept between builds. Parsing YAML is most of
// loading, and an edit touches one folder: a folder whose files all have
// the names, sizes and modification times they had when it last loaded
// without a problem is read back from the cache instead of being parsed.
//
// One file per folder, <cache dir>/<folder>.rec, binary, headed by the
// folder's stamp; so an edit rewrites only its own folder's entry. A missing,
// damaged, foreign or stale entry is simply not used.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "files/source_files.h"
#include "incremental/state_files.h"
#include "model/fingerprint.h"
#include "model/model.h"

namespace clerk {

// The entry that holds every work programme (content/work-programmes/, a
// thousand YAML files on a large site); no meeting folder can have this name.
inline constexpr const char* kWorkProgrammesEntry = "@work-programmes";
// People and committees (content/people/, content/committees/): a few
// hundred small files, which only a session takes as they were loaded
// (Reuse); they are never written to the cache's files.
inline constexpr const char* kPeopleEntry = "@people";
inline constexpr const char* kCommitteesEntry = "@committees";

// The site the last build of this process loaded (clerk serve's build
// worker keeps it), and which of its meeting folders (and
// kWorkProgrammesEntry) the next build may take as they are: those that
// loaded without a problem and that the file watcher has not seen change.
struct LoadedBefore {
  Site site;
  std::set<std::string> reusable;
  FolderNames meetings_listing;  // what content/meetings held (LoadOptions)
};

class RecordCache {
 public:
  // `dir` empty: no cache (Find finds nothing, Save keeps nothing).
  explicit RecordCache(std::string dir) : dir_(std::move(dir)) {}

  // What the folder's records depend on: its files' names, sizes and times,
  // the clerk binary, and where the folder is (positions name it).
  static std::string Stamp(const std::string& dir, const std::string& display_dir);

  // Fills `part` (meetings, documents, minutes, easy-read versions) from the
  // entry for `folder` if it was made with this stamp. Safe from several
  // threads at once.
  bool Find(const std::string& folder, const std::string& stamp, Site& part) const;
  // Notes that `folder` was parsed with this stamp without any diagnostic;
  // safe from several threads at once.
  void Loaded(const std::string& folder, const std::string& stamp);
  // Notes that `entry` (kPeopleEntry, kCommitteesEntry) loaded without any
  // diagnostic: a session may Reuse it; nothing is saved.
  void LoadedInMemory(const std::string& entry) { NoteClean(entry); }
  // Writes an entry for each folder noted, from the loaded `site`: called
  // once the build has succeeded, so a failed build leaves the cache as it
  // was. Returns the files it may have changed, by name in the cache's
  // folder ("<folder>.rec").
  std::vector<std::string> Save(const Site& site) const;

  // Takes folders from `before` (see Reuse) for this build; `before` must
  // outlive the load.
  void ReuseFrom(LoadedBefore* before) { before_ = before; }
  // Moves the records of `entry` (kWorkProgrammesEntry, kPeopleEntry,
  // kCommitteesEntry) from the site loaded before into `part` if it is
  // reusable there: no file is read or even looked at. Safe from several
  // threads at once. Meeting folders: ReuseMeetingFolders.
  bool Reuse(const std::string& entry, Site& part);
  // Reuse for meeting folders, many at once: takes every reusable one of
  // `folders` into `site` and leaves the others in `folders`. The maps of
  // the site loaded before are moved whole, and the entries of the folders
  // not taken put back there (a few on an edit): no walk of the 85,000
  // records of a large site, and no move of each of its 10,000 folders.
  // One thread only.
  void ReuseMeetingFolders(std::vector<std::string>& folders, Site& site);
  // The folders this build took clean from the cache, from before, or
  // parsed without a problem (Loaded).
  std::set<std::string> clean() const;

  // The stamp of each folder (and kWorkProgrammesEntry) this build looked
  // for (Find), as a fingerprint.
  std::map<std::string, Fingerprint> stamps() const;

  size_t hits() const { return hits_; }  // meeting folders found so far

  // The records of `part` written out and read back: for tests.
  static bool RoundTrip(const Site& part, Site& back);

 private:
  void Write(const std::string& folder, const std::string& stamp, const Site& part) const;
  // Adds `folder` to clean() (loading threads call it side by side).
  void NoteClean(const std::string& folder) const;

  std::string dir_;
  mutable std::atomic<size_t> hits_{0};
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::string>> loaded_;  // folder, stamp
  LoadedBefore* before_ = nullptr;
  mutable std::mutex clean_mutex_;
  mutable std::set<std::string> clean_;                // see clean()
  mutable std::map<std::string, Fingerprint> stamps_;  // see stamps(); clean_mutex_
};

}  // namespace clerk
