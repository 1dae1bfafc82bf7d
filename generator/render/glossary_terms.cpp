#include "render/glossary_terms.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <vector>

#include "model/ascii.h"
#include "render/html_text.h"

namespace clerk {
namespace {

bool IsAlnum(char c) {
  return ascii::IsAlnum(c);
}

// End of the word starting at `start` (an alphanumeric): letters and digits,
// and entities and hyphens between them ("ADS&amp;FS" and "COVID-19" are one
// word each).
size_t WordEnd(const std::string& html, size_t start, size_t end) {
  size_t j = start;
  while (j < end) {
    if (IsAlnum(html[j])) {
      ++j;
    } else if (html[j] == '-' && j > start && j + 1 < end && IsAlnum(html[j + 1])) {
      ++j;
    } else if (html[j] == '&') {
      size_t semi = html.find(';', j);
      if (semi == std::string::npos || semi - j > 8 || semi + 1 >= end ||
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
size_t PhraseEnd(const std::string& html, size_t start, size_t end,
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

// Elements whose text is left as it is.
constexpr std::string_view kSkipped[] = {
    "a",  "abbr", "code", "pre", "script", "style", "h1",     "h2",
    "h3", "h4",   "h5",   "h6",  "dfn",    "title", "button", "caption"};

// Elements that begin and end a run of text read together: what is "just
// before" a term, and the brackets it is in, are looked for in its block.
constexpr std::string_view kBlocks[] = {
    "p",       "li",         "td",      "th",     "dd",     "dt",      "div",
    "section", "blockquote", "tr",      "table",  "ul",     "ol",      "h1",
    "h2",      "h3",         "h4",      "h5",     "h6",     "caption", "figcaption",
    "pre",     "main",       "article", "header", "footer", "nav",     "summary",
    "details", "aside",      "figure",  "br"};

// The name of the tag at html[lt], as written.
std::string_view TagName(const std::string& html, size_t lt, bool* closing) {
  size_t i = lt + 1;
  *closing = i < html.size() && html[i] == '/';
  if (*closing) ++i;
  size_t start = i;
  while (i < html.size() && ascii::IsAlnum(html[i])) ++i;
  return std::string_view(html.data() + start, i - start);
}

// Whether a tag's name is `name` (lower case), compared without case. No
// allocation: a page has hundreds of tags.
bool SameName(std::string_view written, std::string_view name) {
  if (written.size() != name.size()) return false;
  for (size_t k = 0; k < name.size(); ++k)
    if (ascii::ToLower(written[k]) != name[k]) return false;
  return true;
}

// The element the tag at html[lt] opens or closes, if its text is left as
// it is; "" otherwise.
std::string_view SkippedElement(const std::string& html, size_t lt, bool* closing) {
  std::string_view written = TagName(html, lt, closing);
  for (std::string_view name : kSkipped)
    if (SameName(written, name)) return name;
  return {};
}

bool IsBlock(std::string_view written) {
  for (std::string_view name : kBlocks)
    if (SameName(written, name)) return true;
  return false;
}

// The text from html[at] to the end of its block, tags left out (at most a
// few hundred bytes: enough for a bracket after a term).
std::string TextAfter(const std::string& html, size_t at, size_t end) {
  std::string text;
  while (at < end && text.size() < 400) {
    if (html[at] == '<') {
      bool closing = false;
      if (IsBlock(TagName(html, at, &closing))) break;
      size_t gt = html.find('>', at);
      if (gt == std::string::npos || gt >= end) break;
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

std::string GlossaryExpander::Expand(const std::string& html,
                                     const std::string& glossary_href,
                                     const std::string& page_key) const {
  if (by_text_.empty()) return html;
  const GlossaryPlace place = site_ ? PlaceOfPage(*site_, page_key) : GlossaryPlace{};
  size_t main_open = html.find("<main");
  size_t main_close = html.rfind("</main>");
  if (main_open == std::string::npos || main_close == std::string::npos) return html;

  std::string out = html.substr(0, main_open);
  out.reserve(html.size() + html.size() / 8);
  std::set<std::string> seen;
  std::vector<std::string_view> skipping;  // open skipped elements
  std::string block;                       // the text of this block so far
  bool in_cell = false;                    // in a table cell
  size_t i = main_open;
  while (i < main_close) {
    if (html[i] == '<') {
      size_t gt = html.find('>', i);
      if (gt == std::string::npos || gt > main_close) break;
      bool closing = false;
      std::string_view written = TagName(html, i, &closing);
      if (IsBlock(written)) {
        block.clear();
        if (SameName(written, "td") || SameName(written, "th")) in_cell = !closing;
      }
      std::string_view name = SkippedElement(html, i, &closing);
      bool self_closing = html[gt - 1] == '/';
      if (!name.empty() && !self_closing) {
        if (!closing) {
          skipping.push_back(name);
        } else if (!skipping.empty() && skipping.back() == name) {
          skipping.pop_back();
        }
      }
      out.append(html, i, gt + 1 - i);
      i = gt + 1;
      continue;
    }
    size_t next_tag = html.find('<', i);
    if (next_tag == std::string::npos || next_tag > main_close) next_tag = main_close;
    if (!skipping.empty()) {
      out.append(html, i, next_tag - i);
      block.append(html, i, next_tag - i);
      i = next_tag;
      continue;
    }
    // Text: look at each word. Text is copied in runs, up to a term.
    size_t j = i;
    size_t copied = i;  // html[copied, j) is yet to be copied as it is
    while (j < next_tag) {
      if (!IsAlnum(html[j])) {
        // An entity is passed over whole, so "&amp;" never starts a word.
        if (html[j] == '&') {
          size_t semi = html.find(';', j);
          if (semi != std::string::npos && semi < next_tag && semi - j <= 8) {
            j = semi + 1;
            continue;
          }
        }
        ++j;
        continue;
      }
      size_t start = j;
      j = WordEnd(html, j, next_tag);
      std::string_view view(html.data() + start, j - start);
      std::string suffix;
      auto entry = by_text_.end();
      if (!phrases_.empty()) {
        if (auto list = phrases_.find(view); list != phrases_.end()) {
          for (const std::string& phrase : list->second) {
            size_t end = PhraseEnd(html, start, next_tag, phrase);
            if (end == std::string::npos) continue;
            entry = by_text_.find(phrase);
            j = end;
            view = std::string_view(html.data() + start, j - start);
            break;
          }
        }
      }
      if (entry == by_text_.end() && !MayBeTerm(view)) continue;
      if (entry == by_text_.end()) entry = by_text_.find(view);
      if (entry == by_text_.end() && view.size() > 2 && view.back() == 's') {
        entry = by_text_.find(view.substr(0, view.size() - 1));  // plural: "SLAs"
        if (entry != by_text_.end()) {
          suffix = "s";
          view.remove_suffix(1);
        }
      }
      if (entry == by_text_.end()) continue;
      const Entry& e = entry->second;
      if (e.term->name) continue;  // a name of several words, left as written
      // A term of several meanings: the one this page uses, if any; where
      // none applies, the word is left as it is rather than guessed.
      std::string chosen;
      if (!e.term->meanings.empty()) {
        GlossarySense sense = MeaningAt(*e.term, place);
        if (!sense.known || sense.expansion->empty()) continue;
        chosen = EscapeHtml(*sense.expansion);
      }
      const std::string& expansion =
          e.term->meanings.empty() ? e.escaped_expansion : chosen;
      out.append(html, copied, start - copied);
      copied = j;
      std::string word(view);
      std::string abbr = "<abbr title=\"" + expansion + "\">" + word + "</abbr>";
      std::string link = "<a class=\"glossary-term\" href=\"" + glossary_href + "#" +
                         e.anchor + "\">" + abbr + "</a>" + suffix;
      if (seen.count(entry->first)) {
        out += link;
        continue;
      }
      switch (GlossaryFirstUse(block + html.substr(i, start - i),
                               TextAfter(html, j, main_close), word, expansion,
                               in_cell)) {
        case GlossaryUse::kWritten:  // the text says it: nothing to add
          seen.insert(entry->first);
          out += abbr + suffix;
          break;
        case GlossaryUse::kNotHere:  // it would read badly here: the next use says it
          out += link;
          break;
        case GlossaryUse::kExpand: {
          seen.insert(entry->first);
          std::string meaning = expansion;
          if (!suffix.empty() && meaning.back() != 's') meaning += suffix;  // "CCGs"
          out += meaning + " (" + abbr + suffix + ")";
          break;
        }
      }
    }
    out.append(html, copied, next_tag - copied);
    block.append(html, i, next_tag - i);
    i = next_tag;
  }
  out.append(html, main_close, std::string::npos);
  return out;
}

}  // namespace clerk
