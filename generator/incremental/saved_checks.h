// What the record checks and the acronym check found, saved by a build that
// succeeded, for the next build in a new process. A build whose records are
// all as they were (the same fingerprint, incremental/records_fingerprint.h,
// the same clerk and the same date: SavedChecks::key) takes these findings
// instead of checking 10,000 meetings' references again, and scans for
// acronyms only the meeting folders whose files changed since (their
// record-cache stamps; clerk serve does the same from memory:
// builder/stages.h, CheckMemo).
//
// Kept in <out>/kSavedChecksFile, written by a build in its own process
// after it succeeded, beside the record cache.
//
// Binary: the line "clerk checks v1\n", the key (16 bytes), the folders'
// stamps (a count, then each folder's name and 16 bytes), then the findings: each list of
// diagnostics as a count, then per diagnostic its severity, path, line, column and
// message (numbers 8 bytes little-endian, texts as their length and bytes). Missing,
// foreign or damaged: nullopt, and the checks are simply run.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "incremental/state_files.h"
#include "model/diagnostics.h"
#include "model/fingerprint.h"

namespace clerk {

struct SavedChecks {
  Fingerprint key;
  // Each meeting folder's record-cache stamp (its files' names, sizes and
  // times: RecordCache::stamps) when its findings were made: a folder whose
  // stamp is not the same now (a paper's body edited, by clerk serve too)
  // is scanned again.
  std::map<std::string, Fingerprint> folder_stamps;
  Diagnostics records;  // references and minute numbers
  // The acronym check's findings: site-wide, and by meeting folder.
  Diagnostics acronyms_site_wide;
  std::map<std::string, Diagnostics> acronyms_by_folder;
};

std::optional<SavedChecks> LoadSavedChecks(const std::string& path);
// Through a temporary file and a rename; false if it could not be written.
bool SaveSavedChecks(const SavedChecks& checks, const std::string& path);

}  // namespace clerk
