// BuildState: what one build leaves for the next, in one object, so the
// caller of a build (`clerk build` once, `clerk serve` for every rebuild)
// holds it and stages ask it narrow questions instead of opening
// bookkeeping files themselves (incremental/state_files.h lists the files).
//
// Contract (after leveldb's DB comments):
// - Ownership. The caller of the build owns the BuildState and hands it to
//   the stages by reference; it outlives the builds it serves. It belongs to
//   one output folder. It is not thread-safe between builds, but during one
//   build the questions below may be asked from several threads at once.
// - Lifetime across builds. Load() once (it reads the files the last
//   process left); then, for every build, BeginBuild(), the stages' questions
//   and notes, and exactly one of FinishBuild() or AbandonBuild(). A process
//   that builds again (`clerk serve`) keeps the object: the next build asks
//   the memory, not the disk.
// - Saving. FinishBuild() is called only after a build succeeded and its
//   site was swapped in; it makes this build's findings the "last build"
//   for the next one in memory, and writes them to the output folder (each
//   file through a temporary file and a rename). Nothing is written before.
// - A failed build. AbandonBuild() forgets what the failed build found and
//   keeps the last good build's state, in memory and on disk, exactly as it
//   was: a failed build neither teaches nor damages the next one.
// - Old or damaged files are ignored (the work is simply done again); they
//   never stop a build.
#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "model/fingerprint.h"

namespace clerk {

class BuildState {
 public:
  // `out_dir`: the output folder whose bookkeeping this is.
  explicit BuildState(std::string out_dir);

  // Reads what the last build left in the output folder.
  void Load();

  // Starts a build: the findings of the one before are the reference.
  void BeginBuild();

  // "Was this file clean for acronyms?": true if the last good build found
  // the file with this key (its bytes and what the check depends on) clean.
  bool WasCleanForAcronyms(const Fingerprint& key) const;
  // Notes that this build found the file with `key` clean.
  void CleanForAcronyms(const Fingerprint& key);

  // The last good build's stamp of the sources (incremental/source_stamp.h),
  // if it left one: equal to this build's, nothing changed.
  std::optional<Fingerprint> last_stamp() const { return last_stamp_; }

  // After a successful build (see the contract above): `stamp` is saved
  // only if given (a build with warnings, or whose search index is not
  // whole, saves none, so the next one is not "nothing changed").
  // False if a file could not be written (the next build then does more).
  bool FinishBuild(std::optional<Fingerprint> stamp);
  // After a failed build: keeps the last good state.
  void AbandonBuild();

  // The sets as they are: for tests and for the acronym check's interface.
  const std::set<Fingerprint>& clean_before() const { return clean_before_; }

 private:
  std::string out_dir_;
  std::set<Fingerprint> clean_before_;  // the last good build's
  std::set<Fingerprint> clean_now_;     // this build's, so far
  mutable std::mutex mutex_;            // guards clean_now_ during a build
  std::optional<Fingerprint> last_stamp_;
};

}  // namespace clerk
