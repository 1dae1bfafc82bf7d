// Which meaning of a glossary term a text uses. A term of one meaning has it
// everywhere; a term with `meanings:` has the one the paper chooses
// (`glossary:` in its front matter), else the one that lists the committee
// whose text it is, else the one that lists no committee. Where none
// applies, Clerk does not guess: the term is not expanded, and `clerk check`
// warns at the use.
#pragma once

#include <string>
#include <string_view>
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

// The words of a text as a reader compares a meaning: lower case, markup
// (HTML tags and entities, Markdown's `*`, `_`, brackets) and line breaks
// left out, "&" (or "&amp;") read as "and", apostrophes (straight and
// curly) dropped, hyphens between words, and a plural "s" taken off:
// "**Children’s** Services &amp; Disabilities" -> "children", "service",
// "and", "disability".
std::vector<std::string> MeaningWords(std::string_view text);

// How the first use of a glossary term is written, given the text of its
// paragraph (or table cell) before it and the text after it, markup left
// in or out: the meaning is written out before the term in brackets, unless
// the text already says it just before or just after, or the words would
// read badly there.
enum class GlossaryUse {
  kExpand,   // "Youth Justice Board for England and Wales (YJB)"
  kWritten,  // the text says it: "the Youth Justice Board for England and
             // Wales (YJB)", "YJB (Youth Justice Board for England and
             // Wales)", or the term alone in brackets after the author's
             // own words ("the Board (YJB)")
  kNotHere,  // in brackets ("(see YJB report)": never nested brackets),
             // just before a bracket ("CAMHS (2gether trust)"), alone in a
             // table cell (a code): left for the next use
};
GlossaryUse GlossaryFirstUse(std::string_view before, std::string_view after,
                             std::string_view term, std::string_view meaning,
                             bool in_cell);

// Words of substance ("youth", "board", not "the", "of", "and") the two
// have in common.
size_t SharedWords(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace clerk
