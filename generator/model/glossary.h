// Which meaning of a glossary term a text uses. A term of one meaning has it
// everywhere; a term with `meanings:` has the one the paper chooses
// (`glossary:` in its front matter), else the one that lists the committee
// whose text it is, else the one that lists no committee. Where none
// applies, Clerk does not guess: the term is not expanded, and `clerk check`
// warns at the use.
#pragma once

#include <string>
#include <vector>

#include "model/fingerprint.h"
#include "model/model.h"

namespace clerk {

// Where a text is read: the committee whose record, meeting or paper it
// belongs to ("" for pages of no committee: home, people), and the choices
// of the paper it is in (nullptr outside a paper).
struct GlossaryPlace {
  std::string committee;
  const std::vector<GlossaryChoice>* choices = nullptr;
};

// What a term means at a place.
struct GlossarySense {
  bool known = false;  // false: the term has meanings and none applies here
  const std::string* expansion = nullptr;  // set when known; may be empty (names)
  const std::string* plain = nullptr;
};
GlossarySense MeaningAt(const GlossaryTerm& term, const GlossaryPlace& place);

// The place of a text in a meeting folder (agenda, minutes: `doc` null; a
// paper: its choices).
GlossaryPlace PlaceOf(const Meeting& meeting, const Document* doc = nullptr);

// Everything about the glossary that changes what a page or check shows:
// every term with its meanings, names and patterns, and every paper's
// choices.
void AddGlossary(Hasher& h, const Site& site);

}  // namespace clerk
