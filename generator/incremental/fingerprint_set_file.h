// A set of fingerprints kept in a file between builds: what a check found
// clean last time (links/check_acronyms.h), so an edit build redoes only the
// work whose inputs changed.
//
// Binary: the line "clerk fingerprints v1 <kind>\n", the count (8 bytes,
// little-endian), then 16 bytes per fingerprint in ascending order. A file
// that is missing, of another kind, or damaged gives an empty set: the work
// is simply done again.
#pragma once

#include <set>
#include <string>

#include "incremental/state_files.h"
#include "model/fingerprint.h"

namespace clerk {

std::set<Fingerprint> LoadFingerprintSet(const std::string& path,
                                         const std::string& kind);

// Through a temporary file and a rename; false if it could not be written.
bool SaveFingerprintSet(const std::set<Fingerprint>& set, const std::string& path,
                        const std::string& kind);

}  // namespace clerk
