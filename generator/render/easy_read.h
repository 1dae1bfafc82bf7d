// The easy-read rendition's words: every page rebuilt as short sentences
// (15 words or fewer), one idea a row, a pictogram beside each row, under
// headings that are questions. Sources, best first: a person-written
// <document>.easy.md, the `easy_read:` summaries in meeting.yaml, and
// otherwise fixed sentence patterns filled from the records ("The meeting is
// on Monday 16 September 2019." "It starts at quarter past 10 in the
// morning."). Every page ends with how to get help and how to ask for a
// fuller easy-read version.
//
// Built sentences say only what the records say, in the meeting's tense:
// held (or with minutes) is past, and what was decided is said from the
// minutes' resolutions; cancelled, postponed, or dated before Site::today
// without a record is "planned" (nothing is said to happen or to have
// happened); otherwise future. A time or place the papers do not give is
// "not decided yet"; another body's meeting gets no words about who attends.
//
// The pages are built once as plain structs (the readability checks of
// `clerk check` read them), then turned into template data per page.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/model.h"
#include "render/page_jobs.h"
#include "render/site_index.h"
#include "render/site_renderer.h"

namespace clerk {

// One sentence (or a short label) of an easy-read page, possibly a link.
struct EasyLine {
  enum class Target { kNone, kPage, kStandardPage, kExternal };
  std::string text;
  Target target = Target::kNone;
  std::string href;  // kPage / kStandardPage: a page key ("meetings/x/index.html#y");
                     // kExternal: URL
  SourcePos pos;  // where a person wrote it (YAML, .easy.md); empty for built sentences
  bool label = false;  // a title or name rather than a sentence (shown in bold)
  // A person's sentence too long for easy read that could not be split: not
  // shown (the row links to the full words instead), but read by `clerk
  // check`, which reports it where it was written.
  bool check_only = false;
};

struct EasyRow {
  std::string picture;  // pictogram name
  std::vector<EasyLine> lines;
  std::string id;  // an anchor other pages link to ("minute-609"), or ""
};

struct EasySection {
  std::string id;
  std::string heading;  // a question: "When is it?"
  std::vector<EasyRow> rows;
};

struct EasyPage {
  std::string key;    // rendition-independent page path
  std::string title;  // the page's h1
  SourcePos source;   // the record the page comes from
  bool person_written = false;
  bool out_of_date = false;  // person-written, from an older version of the document
  bool glossary = false;     // the glossary names acronyms on purpose
  std::vector<EasySection> sections;
};

// The easy-read words of every page kind that has its own, each made only
// when asked for (an incremental build asks only for the pages it builds).
// Find may be called from several threads at once.
class EasyReadPages {
 public:
  explicit EasyReadPages(const SiteIndex& index);
  ~EasyReadPages();
  // The words of `job`'s page (its record looked up in the index's site),
  // or nullopt for a page without its own (see FallbackEasyPage).
  std::optional<EasyPage> Find(const PageJob& job) const;

 private:
  const SiteIndex& index_;
  std::set<std::string> acronyms_;  // GlossaryTerms, for every page's Builder
};

// Every easy-read page, keyed by page key.
std::map<std::string, EasyPage> BuildEasyReadPages(const SiteIndex& index);

// The easy-read page for a page kind that has no easy-read words of its own
// (decisions register, search ...): what it is, a link to it, and help.
EasyPage FallbackEasyPage(const std::string& key, const std::string& title,
                          const SiteIndex& index);

// Template data for one page of the easy-read rendition at output path
// `page_path`: {title, sections: [{id, heading, rows: [{picture, lines}]}]}.
nlohmann::json EasyReadJson(const EasyPage& page, const std::string& page_path,
                            const Rendition& rendition,
                            const std::vector<Rendition>& renditions);

// Sentences of a text: split after . ! ? followed by a space or the end.
std::vector<std::string> SplitSentences(const std::string& text);
// Words of a sentence: runs of letters, digits, apostrophes and hyphens that hold a
// letter or digit.
int CountWords(const std::string& sentence);
// "quarter past 10 in the morning", "2 o'clock in the afternoon", "12 noon".
std::string TimeInWords(const TimeOfDay& time);

}  // namespace clerk
