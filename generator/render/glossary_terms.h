// Acronyms and hard words explained where they are used. In a page's main
// content, the first use of each glossary term is written out: "Child and
// Adolescent Mental Health Services (<abbr>CAMHS</abbr>)", unless the text
// already says so just before or just after (compared as MeaningWords:
// case, markup, line breaks, "&", apostrophes and plurals aside), or the
// words would read badly there: in brackets (never nested brackets), just
// before a bracket, or alone in a table cell (a code); such a use links to
// the glossary and the next use is written out. Later uses link to the
// term's entry in the glossary.
// Headings, links, code and the glossary page itself are left alone. A term
// is a whole word, hyphens and digits included ("COVID-19" is not "COVID"
// then "-19"), or several words ("Section 106"); names (`name: true`,
// `not_acronyms`) are never expanded.
#pragma once

#include <bitset>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "model/glossary.h"
#include "model/model.h"

namespace clerk {

class GlossaryExpander {
 public:
  // A site's glossary: each page uses the meanings of its committee and
  // paper (model/glossary.h).
  explicit GlossaryExpander(const Site& site);
  // A glossary alone: pages have no committee. The expander points into
  // `glossary` (and `site` above), which must outlive it.
  explicit GlossaryExpander(const std::map<std::string, GlossaryTerm>& glossary);

  // `glossary_href` is the link from this page to the glossary page;
  // `page_key` ("meetings/x/report/index.html") says whose page it is, for
  // terms of several meanings. A term with no meaning there is left as it is.
  // The page alone: render/page_finish.h does this with the rest of a
  // page's finish, in the same walk.
  std::string Expand(const std::string& page_html, const std::string& glossary_href,
                     const std::string& page_key = "") const;

  // One page's walk through its <main>: its tags and the text between them,
  // in order, as they are written (render/page_finish.cpp drives it).
  class Walk {
   public:
    Walk(const GlossaryExpander& expander, const std::string& glossary_href,
         const std::string& page_key);
    ~Walk();
    // Writes `tag` ("<td class=x>") to `out`, noting the block or skipped
    // element it opens or closes.
    void Tag(std::string_view tag, std::string& out);
    // Writes the text between two tags to `out`, with its terms. `ahead` is
    // the page from the text on, as rendered, up to </main>: what follows a
    // term, which says whether the page already spells it out.
    void Text(std::string_view text, std::string_view ahead, std::string& out);

   private:
    struct State;
    void Expand(std::string_view text, std::string_view ahead, std::string& out);
    std::unique_ptr<State> state_;
  };

  // True when no term is ever expanded (a site without a glossary).
  bool Empty() const { return by_text_.empty(); }

  // The glossary page's anchor for a term: "term-camhs".
  static std::string TermAnchor(const std::string& term);

  // The committee and paper a page belongs to, from its key.
  static GlossaryPlace PlaceOfPage(const Site& site, const std::string& page_key);

 private:
  struct Entry {
    const GlossaryTerm* term;
    std::string escaped_expansion;  // one meaning; "" when it has `meanings`
    std::string anchor;
  };
  void Add(const std::string& text, const GlossaryTerm& term);
  const Site* site_ = nullptr;
  // HTML-escaped term -> entry; looked up by string_view (no copy per word).
  std::map<std::string, Entry, std::less<>> by_text_;
  // Terms of several words ("Section 106"), longest first, under their
  // first word.
  std::map<std::string, std::vector<std::string>, std::less<>> phrases_;
  // Quick "no": most words of a page start with a letter no term starts
  // with, or are longer than every term.
  bool starts_term_[256] = {};
  size_t longest_ = 0;
  // A second quick "no", for words that start like a term ("The" and
  // "TfL"): the first two bytes of every term of two or more, and which
  // single bytes are terms.
  std::bitset<65536> starts_pair_;
  bool single_term_[256] = {};
  bool MayBeTerm(std::string_view word) const;
};

}  // namespace clerk
