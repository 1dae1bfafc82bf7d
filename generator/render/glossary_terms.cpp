#include "render/glossary_terms.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>
#include <string_view>
#include <vector>

#include "model/ascii.h"
#include "render/html_text.h"
#include "render/page_finish.h"

namespace clerk {
namespace {

bool IsAlnum(char c) {
  return ascii::IsAlnum(c);
}

// End of the word starting at `start` (an alphanumeric): letters and digits,
// and entities and hyphens between them ("ADS&amp;FS" and "COVID-19" are one
// word each).
size_t WordEnd(std::string_view html, size_t start, size_t end) {
  size_t j = start;
  while (j < end) {
    if (IsAlnum(html[j])) {
      ++j;
    } else if (html[j] == '-' && j > start && j + 1 < end && IsAlnum(html[j + 1])) {
      ++j;
    } else if (html[j] == '&') {
      size_t semi = html.find(';', j);
      if (semi == std::string_view::npos || semi - j > 8 || semi + 1 >= end ||
          !IsAlnum(html[semi + 1]))
        break;
      j = semi + 1;
    } else {
      break;
    }
  }
  return j;
}

using ascii::Lower;

// Where the term of several words `phrase` (HTML-escaped, words separated by
// one space) ends if it starts at html[start]: a space in it matches any run
// of white space (a line break in the source). npos when it is not there
// whole.
size_t PhraseEnd(std::string_view html, size_t start, size_t end,
                 const std::string& phrase) {
  size_t j = start;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (phrase[k] == ' ') {
      if (j >= end || !std::isspace(static_cast<unsigned char>(html[j])))
        return std::string::npos;
      while (j < end && std::isspace(static_cast<unsigned char>(html[j]))) ++j;
      continue;
    }
    if (j >= end || html[j] != phrase[k]) return std::string::npos;
    ++j;
  }
  // A whole word: no letter, digit or joining hyphen after it.
  if (j < end &&
      (IsAlnum(html[j]) || (html[j] == '-' && j + 1 < end && IsAlnum(html[j + 1]))))
    return std::string::npos;
  return j;
}

// The name of the tag at html[lt], as written.
std::string_view TagName(std::string_view html, size_t lt, bool* closing) {
  size_t i = lt + 1;
  *closing = i < html.size() && html[i] == '/';
  if (*closing) ++i;
  size_t start = i;
  while (i < html.size() && ascii::IsAlnum(html[i])) ++i;
  return std::string_view(html.data() + start, i - start);
}

// What an element is to the expander: a block begins and ends a run of
// text read together (what is "just before" a term, and the brackets it is
// in, are looked for in its block); a skipped element's text is left as it
// is.
struct ElementRole {
  std::string_view name;  // lower case
  bool block = false;
  bool skipped = false;
};

// Sorted by name, for a binary search: a page has hundreds of tags, and
// this was a scan of 48 names at each.
constexpr ElementRole kRoles[] = {
    {"a", false, true},       {"abbr", false, true},       {"article", true, false},
    {"aside", true, false},   {"blockquote", true, false}, {"br", true, false},
    {"button", false, true},  {"caption", true, true},     {"code", false, true},
    {"dd", true, false},      {"details", true, false},    {"dfn", false, true},
    {"div", true, false},     {"dt", true, false},         {"figcaption", true, false},
    {"figure", true, false},  {"footer", true, false},     {"h1", true, true},
    {"h2", true, true},       {"h3", true, true},          {"h4", true, true},
    {"h5", true, true},       {"h6", true, true},          {"header", true, false},
    {"li", true, false},      {"main", true, false},       {"nav", true, false},
    {"ol", true, false},      {"p", true, false},          {"pre", true, true},
    {"script", false, true},  {"section", true, false},    {"style", false, true},
    {"summary", true, false}, {"table", true, false},      {"td", true, false},
    {"th", true, false},      {"title", false, true},      {"tr", true, false},
    {"ul", true, false},
};
static_assert(std::is_sorted(std::begin(kRoles), std::end(kRoles),
                             [](const ElementRole& a, const ElementRole& b) {
                               return a.name < b.name;
                             }));

// Where each first letter's names lie in kRoles: a tag's name is compared
// with those few alone (a page has hundreds of tags, most of them "p", "a",
// "li", "span").
struct RoleRanges {
  unsigned char begin[256] = {}, end[256] = {};
};
constexpr RoleRanges kRoleRanges = [] {
  RoleRanges r;
  for (size_t k = std::size(kRoles); k-- > 0;) {
    const auto first = static_cast<unsigned char>(kRoles[k].name[0]);
    if (r.end[first] == 0) r.end[first] = static_cast<unsigned char>(k + 1);
    r.begin[first] = static_cast<unsigned char>(k);
  }
  return r;
}();

// The role of the element named `written` (any case); none for others.
const ElementRole* RoleOf(std::string_view written) {
  if (written.empty()) return nullptr;
  const auto first = static_cast<unsigned char>(ascii::ToLower(written[0]));
  for (size_t k = kRoleRanges.begin[first]; k < kRoleRanges.end[first]; ++k) {
    const std::string_view name = kRoles[k].name;
    if (name.size() != written.size()) continue;
    size_t i = 1;
    while (i < name.size() && ascii::ToLower(written[i]) == name[i]) ++i;
    if (i == name.size()) return &kRoles[k];
  }
  return nullptr;
}

bool IsBlock(std::string_view written) {
  const ElementRole* role = RoleOf(written);
  return role && role->block;
}

// The text from html[at] to the end of its block, tags left out (at most a
// few hundred bytes: enough for a bracket after a term).
std::string TextAfter(std::string_view html, size_t at, size_t end) {
  std::string text;
  while (at < end && text.size() < 400) {
    if (html[at] == '<') {
      bool closing = false;
      if (IsBlock(TagName(html, at, &closing))) break;
      size_t gt = html.find('>', at);
      if (gt == std::string_view::npos || gt >= end) break;
      at = gt + 1;
      continue;
    }
    text += html[at++];
  }
  return text;
}

// Open brackets in a block's text: '(' not yet closed.
}  // namespace

std::string GlossaryExpander::TermAnchor(const std::string& term) {
  return "term-" + Slugify(term);
}

GlossaryExpander::GlossaryExpander(const Site& site) : site_(&site) {
  for (const auto& [text, term] : site.glossary) Add(text, term);
}

GlossaryExpander::GlossaryExpander(const std::map<std::string, GlossaryTerm>& glossary) {
  for (const auto& [text, term] : glossary) Add(text, term);
}

void GlossaryExpander::Add(const std::string& text, const GlossaryTerm& term) {
  // Names are never expanded; a term without words has nothing to say. A
  // name of several words ("Power BI") is still found whole, so a term
  // inside it ("BI") is not expanded there.
  std::string key = EscapeHtml(text);
  if (key.empty() || !IsAlnum(key[0])) return;
  const bool several_words = key.find(' ') != std::string::npos;
  if ((term.name && !several_words) ||
      (!term.name && term.meanings.empty() && term.expansion.empty()))
    return;
  by_text_[key] = {&term, EscapeHtml(term.expansion), TermAnchor(text)};
  if (size_t space = key.find(' '); space != std::string::npos) {
    std::vector<std::string>& list = phrases_[key.substr(0, space)];
    list.push_back(key);
    std::stable_sort(
        list.begin(), list.end(),
        [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return;
  }
  const auto first = static_cast<unsigned char>(key[0]);
  starts_term_[first] = true;
  longest_ = std::max(longest_, key.size() + 1);  // + a plural "s"
  if (key.size() == 1) {
    single_term_[first] = true;  // plurals are of terms of two letters or more
  } else {
    starts_pair_.set(first * 256u + static_cast<unsigned char>(key[1]));
  }
}

GlossaryPlace GlossaryExpander::PlaceOfPage(const Site& site, const std::string& key) {
  std::vector<std::string_view> parts;
  for (size_t at = 0; at <= key.size();) {
    size_t slash = key.find('/', at);
    if (slash == std::string::npos) slash = key.size();
    parts.push_back(std::string_view(key).substr(at, slash - at));
    at = slash + 1;
  }
  if (parts.size() < 3) return {};
  const std::string id(parts[1]);
  if (parts[0] == "committees" || parts[0] == "decisions")
    return site.committees.count(id) ? GlossaryPlace{id, nullptr} : GlossaryPlace{};
  if (parts[0] == "work-programmes") {
    auto wp = site.work_programmes.find(id);
    return wp == site.work_programmes.end()
               ? GlossaryPlace{}
               : GlossaryPlace{wp->second.committee.id, nullptr};
  }
  if (parts[0] != "meetings") return {};
  auto meeting = site.meetings.find(id);
  if (meeting == site.meetings.end()) return {};
  if (parts.size() == 4) {
    auto doc = site.documents.find(id + "/" + std::string(parts[2]));
    if (doc != site.documents.end()) return PlaceOf(meeting->second, &doc->second);
  }
  return PlaceOf(meeting->second);
}

bool GlossaryExpander::MayBeTerm(std::string_view word) const {
  const auto first = static_cast<unsigned char>(word[0]);
  if (!starts_term_[first] || word.size() > longest_) return false;
  if (word.size() == 1) return single_term_[first];
  return starts_pair_.test(first * 256u + static_cast<unsigned char>(word[1]));
}

namespace {

// A word of a page's text, or the words of a term of several.
struct Word {
  size_t start = 0;
  size_t end = 0;         // past it, and past a plural's "s"
  std::string_view text;  // as written, without a plural's "s"
  std::string suffix;     // "s" for a plural ("SLAs"), else ""
};

// Past text[j], which starts no word: an entity is passed over whole, so
// "&amp;" never starts a word.
size_t PastNonWord(std::string_view text, size_t j) {
  if (text[j] == '&') {
    size_t semi = text.find(';', j);
    if (semi != std::string_view::npos && semi - j <= 8) return semi + 1;
  }
  return j + 1;
}

// The glossary entry (in `by_text`) of the word at text[start], an
// alphanumeric: a term of several words if one (listed in `phrases` under
// its first word) is there whole, else the word itself, or its singular.
// by_text.end() if it is none. `word` receives where it is. A template on
// the expander's maps, whose entries are private to it, so that it needs
// no declaration in the header.
template <typename ByText, typename Phrases, typename MayBeTerm>
typename ByText::const_iterator FindTerm(const ByText& by_text, const Phrases& phrases,
                                         MayBeTerm may_be_term, std::string_view text,
                                         size_t start, Word& word) {
  const size_t end = text.size();
  word.start = start;
  word.end = WordEnd(text, start, end);
  word.text = text.substr(start, word.end - start);
  word.suffix.clear();
  auto entry = by_text.end();
  if (!phrases.empty()) {
    if (auto list = phrases.find(word.text); list != phrases.end()) {
      for (const std::string& phrase : list->second) {
        size_t phrase_end = PhraseEnd(text, start, end, phrase);
        if (phrase_end == std::string::npos) continue;
        entry = by_text.find(phrase);
        word.end = phrase_end;
        word.text = text.substr(start, phrase_end - start);
        break;
      }
    }
  }
  if (entry == by_text.end() && !may_be_term(word.text)) return entry;
  if (entry == by_text.end()) entry = by_text.find(word.text);
  if (entry == by_text.end() && word.text.size() > 2 && word.text.back() == 's') {
    entry = by_text.find(word.text.substr(0, word.text.size() - 1));  // plural: "SLAs"
    if (entry != by_text.end()) {
      word.suffix = "s";
      word.text.remove_suffix(1);
    }
  }
  return entry;
}

// What `term` means on this page, HTML-escaped: its one meaning
// (`escaped`), or of several, the one the page uses (made in `chosen`).
// Null where none applies: the word is left as it is rather than guessed.
const std::string* ExpansionOn(const GlossaryTerm& term, const std::string& escaped,
                               const GlossaryPlace& place, std::string& chosen) {
  if (term.meanings.empty()) return &escaped;
  GlossarySense sense = MeaningAt(term, place);
  if (!sense.known || sense.expansion->empty()) return nullptr;
  chosen = EscapeHtml(*sense.expansion);
  return &chosen;
}

}  // namespace

// What the walk through one page's <main> knows: the terms it has said in
// full, the elements it is in, and the text of its block so far.
struct GlossaryExpander::Walk::State {
  State(const GlossaryExpander& e, const std::string& href, GlossaryPlace p)
      : expander(e), glossary_href(href), place(p) {}
  const GlossaryExpander& expander;
  std::string glossary_href;
  GlossaryPlace place;
  std::set<std::string> seen;
  std::vector<std::string_view> skipping;  // open skipped elements
  std::string block;                       // the text of this block so far
  bool in_cell = false;                    // in a table cell

  // Writes the glossary term `key` (its anchor and meaning) found as `w` in
  // `text`: written out at its first use, marked if the text says it,
  // linked to the glossary otherwise. `ahead` is the page from text[0] on.
  void Term(const std::string& key, const std::string& anchor,
            const std::string& expansion, const Word& w, std::string_view text,
            std::string_view ahead, std::string& out) {
    std::string word(w.text);
    std::string abbr = "<abbr title=\"" + expansion + "\">" + word + "</abbr>";
    std::string link = "<a class=\"glossary-term\" href=\"" + glossary_href + "#" +
                       anchor + "\">" + abbr + "</a>" + w.suffix;
    if (seen.count(key)) {
      out += link;
      return;
    }
    std::string before = block;
    before.append(text.substr(0, w.start));
    switch (GlossaryFirstUse(before, TextAfter(ahead, w.end, ahead.size()), word,
                             expansion, in_cell)) {
      case GlossaryUse::kWritten:  // the text says it: nothing to add
        seen.insert(key);
        out += abbr + w.suffix;
        break;
      case GlossaryUse::kNotHere:  // it would read badly here: the next use says it
        out += link;
        break;
      case GlossaryUse::kExpand: {
        seen.insert(key);
        std::string meaning = expansion;
        if (!w.suffix.empty() && meaning.back() != 's') meaning += w.suffix;  // "CCGs"
        out += meaning + " (" + abbr + w.suffix + ")";
        break;
      }
    }
  }
};

GlossaryExpander::Walk::Walk(const GlossaryExpander& expander,
                             const std::string& glossary_href,
                             const std::string& page_key)
    : state_(std::make_unique<State>(
          expander, glossary_href,
          expander.site_ ? PlaceOfPage(*expander.site_, page_key) : GlossaryPlace{})) {}

GlossaryExpander::Walk::~Walk() = default;

void GlossaryExpander::Walk::Tag(std::string_view tag, std::string& out) {
  State& s = *state_;
  bool closing = false;
  const ElementRole* role = RoleOf(TagName(tag, 0, &closing));
  if (role && role->block) {
    s.block.clear();
    if (role->name == "td" || role->name == "th") s.in_cell = !closing;
  }
  const std::string_view name = role && role->skipped ? role->name : std::string_view();
  const bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
  if (!name.empty() && !self_closing) {
    if (!closing) {
      s.skipping.push_back(name);
    } else if (!s.skipping.empty() && s.skipping.back() == name) {
      s.skipping.pop_back();
    }
  }
  out.append(tag);
}

void GlossaryExpander::Walk::Text(std::string_view text, std::string_view ahead,
                                  std::string& out) {
  State& s = *state_;
  if (s.skipping.empty())
    Expand(text, ahead, out);
  else
    out.append(text);
  s.block.append(text);
}

// Writes `text` with its glossary terms, copied in runs up to each term.
void GlossaryExpander::Walk::Expand(std::string_view text, std::string_view ahead,
                                    std::string& out) {
  State& s = *state_;
  const GlossaryExpander& g = s.expander;
  auto may_be_term = [&g](std::string_view word) { return g.MayBeTerm(word); };
  size_t j = 0;
  size_t copied = 0;  // text[copied, j) is yet to be copied as it is
  Word word;
  while (j < text.size()) {
    if (!IsAlnum(text[j])) {
      j = PastNonWord(text, j);
      continue;
    }
    auto entry = FindTerm(g.by_text_, g.phrases_, may_be_term, text, j, word);
    j = word.end;
    if (entry == g.by_text_.end()) continue;
    const Entry& e = entry->second;
    if (e.term->name) continue;  // a name of several words, left as written
    std::string chosen;
    const std::string* expansion =
        ExpansionOn(*e.term, e.escaped_expansion, s.place, chosen);
    if (!expansion) continue;
    out.append(text, copied, word.start - copied);
    copied = j;
    s.Term(entry->first, e.anchor, *expansion, word, text, ahead, out);
  }
  out.append(text, copied, std::string_view::npos);
}

std::string GlossaryExpander::Expand(const std::string& html,
                                     const std::string& glossary_href,
                                     const std::string& page_key) const {
  PageFinish finish;
  finish.glossary = this;
  finish.glossary_href = glossary_href;
  finish.page_key = page_key;
  return FinishPage(html, finish);
}

}  // namespace clerk
