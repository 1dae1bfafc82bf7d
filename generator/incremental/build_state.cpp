#include "incremental/build_state.h"

#include "incremental/fingerprint_set_file.h"
#include "incremental/source_stamp.h"
#include "incremental/state_files.h"

namespace clerk {

namespace {
// The kind line of the acronym scans file (incremental/fingerprint_set_file.h).
constexpr const char* kAcronymsKind = "acronyms";
}  // namespace

BuildState::BuildState(std::string out_dir) : out_dir_(std::move(out_dir)) {}

void BuildState::Load() {
  clean_before_ = LoadFingerprintSet(out_dir_ + "/" + kAcronymScansFile, kAcronymsKind);
  last_stamp_ = SavedStamp(out_dir_);
}

void BuildState::BeginBuild() {
  std::lock_guard<std::mutex> lock(mutex_);
  clean_now_.clear();
}

bool BuildState::WasCleanForAcronyms(const Fingerprint& key) const {
  return clean_before_.count(key) > 0;  // not changed during a build
}

void BuildState::CleanForAcronyms(const Fingerprint& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  clean_now_.insert(key);
}

bool BuildState::FinishBuild(std::optional<Fingerprint> stamp) {
  std::lock_guard<std::mutex> lock(mutex_);
  clean_before_ = std::move(clean_now_);
  clean_now_.clear();
  bool ok = SaveFingerprintSet(clean_before_, out_dir_ + "/" + kAcronymScansFile,
                               kAcronymsKind);
  // The stamp goes last: it says the rest is whole.
  if (stamp) {
    ok = SaveStamp(out_dir_, *stamp) && ok;
    last_stamp_ = ok ? stamp : std::nullopt;
  } else {
    RemoveStamp(out_dir_);
    last_stamp_.reset();
  }
  return ok;
}

void BuildState::AbandonBuild() {
  std::lock_guard<std::mutex> lock(mutex_);
  clean_now_.clear();
}

}  // namespace clerk
