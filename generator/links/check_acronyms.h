// Acronyms residents cannot be expected to know: every word of two or more
// capitals (CAMHS, DfE, OoCD) in the text must be in the glossary, which
// explains it on the page. Reported as warnings; --strict makes them errors.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

void CheckAcronyms(const Site& site, Diagnostics& diag);

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
