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
// and entities between them ("ADS&amp;FS" is one word).
size_t WordEnd(const std::string& html, size_t start, size_t end) {
  size_t j = start;
  while (j < end) {
    if (IsAlnum(html[j])) {
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

// Elements whose text is left as it is.
constexpr std::string_view kSkipped[] = {
    "a",  "abbr", "code", "pre", "script", "style", "h1",     "h2",
    "h3", "h4",   "h5",   "h6",  "dfn",    "title", "button", "caption"};

// The element the tag at html[lt] opens or closes, if its text is left as
// it is (compared without case); "" otherwise. No allocation: a page has
// hundreds of tags.
std::string_view SkippedElement(const std::string& html, size_t lt, bool* closing) {
  size_t i = lt + 1;
  *closing = i < html.size() && html[i] == '/';
  if (*closing) ++i;
  size_t start = i;
  while (i < html.size() && ascii::IsAlnum(html[i])) ++i;
  const size_t n = i - start;
  for (std::string_view name : kSkipped) {
    if (name.size() != n) continue;
    bool same = true;
    for (size_t k = 0; k < n && same; ++k)
      same = ascii::ToLower(html[start + k]) == name[k];
    if (same) return name;
  }
  return {};
}

}  // namespace

std::string GlossaryExpander::TermAnchor(const std::string& term) {
  return "term-" + Slugify(term);
}

GlossaryExpander::GlossaryExpander(const std::map<std::string, GlossaryTerm>& glossary) {
  for (const auto& [text, term] : glossary) {
    std::string key = EscapeHtml(text);
    if (key.empty()) continue;
    const auto first = static_cast<unsigned char>(key[0]);
    starts_term_[first] = true;
    longest_ = std::max(longest_, key.size() + 1);  // + a plural "s"
    if (key.size() == 1) {
      single_term_[first] = true;  // plurals are of terms of two letters or more
    } else {
      starts_pair_.set(first * 256u + static_cast<unsigned char>(key[1]));
    }
    by_text_[key] = {&term, EscapeHtml(term.expansion), TermAnchor(text)};
  }
}

bool GlossaryExpander::MayBeTerm(std::string_view word) const {
  const auto first = static_cast<unsigned char>(word[0]);
  if (!starts_term_[first] || word.size() > longest_) return false;
  if (word.size() == 1) return single_term_[first];
  return starts_pair_.test(first * 256u + static_cast<unsigned char>(word[1]));
}

std::string GlossaryExpander::Expand(const std::string& html,
                                     const std::string& glossary_href) const {
  if (by_text_.empty()) return html;
  size_t main_open = html.find("<main");
  size_t main_close = html.rfind("</main>");
  if (main_open == std::string::npos || main_close == std::string::npos) return html;

  std::string out = html.substr(0, main_open);
  out.reserve(html.size() + html.size() / 8);
  std::set<std::string> seen;
  std::vector<std::string_view> skipping;  // open skipped elements
  size_t i = main_open;
  while (i < main_close) {
    if (html[i] == '<') {
      size_t gt = html.find('>', i);
      if (gt == std::string::npos || gt > main_close) break;
      bool closing = false;
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
      if (!MayBeTerm(view)) continue;
      std::string suffix;
      auto entry = by_text_.find(view);
      if (entry == by_text_.end() && view.size() > 2 && view.back() == 's') {
        entry = by_text_.find(view.substr(0, view.size() - 1));  // plural: "SLAs"
        if (entry != by_text_.end()) {
          suffix = "s";
          view.remove_suffix(1);
        }
      }
      if (entry == by_text_.end()) continue;
      out.append(html, copied, start - copied);
      copied = j;
      std::string word(view);
      const Entry& e = entry->second;
      std::string abbr =
          "<abbr title=\"" + e.escaped_expansion + "\">" + word + "</abbr>";
      if (seen.insert(word).second) {
        // Already written out just before: "... Services (CAMHS".
        std::string before = Lower(out.substr(
            out.size() - std::min(out.size(), e.escaped_expansion.size() + 2)));
        if (before == Lower(e.escaped_expansion) + " (") {
          out += abbr + suffix;
        } else {
          out += e.escaped_expansion + " (" + abbr + suffix + ")";
        }
      } else {
        out += "<a class=\"glossary-term\" href=\"" + glossary_href + "#" + e.anchor +
               "\">" + abbr + "</a>" + suffix;
      }
    }
    out.append(html, copied, next_tag - copied);
    i = next_tag;
  }
  out.append(html, main_close, std::string::npos);
  return out;
}

}  // namespace clerk
