// Acronyms residents cannot be expected to know: every word of two or more
// capitals (CAMHS, DfE, OoCD) in the text must be in the glossary, which
// explains it on the page. Reported as warnings; --strict makes them errors.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/fingerprint.h"
#include "model/model.h"

namespace clerk {

// Fingerprints of files (a meeting's agenda, a paper, a set of minutes)
// whose scan found nothing: each covers the file's texts and their places,
// the glossary's words and the clerk binary.
using AcronymScans = std::set<Fingerprint>;

// Scans every text of the site. A file whose fingerprint is in
// `clean_before` (what the last build found clean) is not scanned again:
// it would report nothing. `clean_now`, if given, receives the fingerprints
// of this build's clean files. Returns the number of files scanned.
size_t CheckAcronyms(const Site& site, Diagnostics& diag,
                     const AcronymScans* clean_before = nullptr,
                     AcronymScans* clean_now = nullptr);

// The acronym-like words of `text` with their 0-based offsets: two or more
// capitals, and at least half the letters capitals (so "McErlane" and
// "SharePoint" are names, not acronyms). Plurals and possessives are
// stripped: "SLAs" -> "SLA", "YJB's" -> "YJB".
struct AcronymHit {
  std::string word;
  size_t offset = 0;
};
std::vector<AcronymHit> FindAcronyms(const std::string& text);

}  // namespace clerk
