// Acronyms residents cannot be expected to know: every word of two or more
// capitals (CAMHS, DfE, OoCD, COVID-19) in the text must be in the glossary,
// which explains it on the page, unless the glossary names it as a name
// (`not_acronyms`, `name: true`) or a code (`ignore_patterns`). A term of
// several meanings must have one where it is used (model/glossary.h). The
// glossary's own mistakes (a paper choosing a meaning a term does not have)
// are errors; the rest are warnings, which --strict makes errors.
#pragma once

#include <functional>
#include <map>
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

// What one check found, by where it was found. clerk serve keeps it from
// one build to the next: an edit that changed only papers' bodies has the
// folders it touched scanned again and the rest of the findings replayed.
struct AcronymFindings {
  // Papers' glossary choices; committees' remits, work programmes, forward
  // plans.
  Diagnostics site_wide;
  // Meeting folder -> what the scans of its files (agenda, papers, minutes)
  // found; a folder whose files found nothing is not listed.
  std::map<std::string, Diagnostics> folders;
};

// Scans every text of the site. A file whose fingerprint is in
// `clean_before` (what the last build found clean) is not scanned again:
// it would report nothing. `clean_now`, if given, receives the fingerprints
// of this build's clean files. Files are scanned on `jobs` threads (0: one
// per core). Returns the number of files scanned.
//
// `found`, if given, receives what was found, by where. With `only_folders`
// as well, `found` must hold what the last check of this site found, and
// the site's records must be as they were then except for the bodies of
// papers in `only_folders` (the records' fingerprints tell: see
// incremental/records_fingerprint.h): only those folders' files are looked
// at; every other finding is taken from `found`, and `clean_now` receives
// the fingerprints of only the files looked at.
size_t CheckAcronyms(const Site& site, Diagnostics& diag,
                     const AcronymScans* clean_before = nullptr,
                     AcronymScans* clean_now = nullptr, int jobs = 0,
                     AcronymFindings* found = nullptr,
                     const std::set<std::string>* only_folders = nullptr);

// The acronym-like words of `text` with their 0-based offsets: two or more
// capitals, and at least half the letters capitals (so "McErlane" and
// "SharePoint" are names, not acronyms). Plurals and possessives are
// stripped: "SLAs" -> "SLA", "YJB's" -> "YJB". Hyphens and digits belong to
// a word: "COVID-19" is one word, not "COVID" and "19"; a hyphenated word
// that is not all capitals and digits ("CAMHS-led") gives its parts that
// are acronyms. A word for which `is_entry` says true (a glossary term or
// name) is given whole, whatever its letters.
struct AcronymHit {
  std::string word;
  size_t offset = 0;
};
std::vector<AcronymHit> FindAcronyms(
    const std::string& text,
    const std::function<bool(const std::string&)>& is_entry = {});

}  // namespace clerk
