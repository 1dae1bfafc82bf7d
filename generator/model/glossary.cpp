#include "model/glossary.h"

#include <algorithm>
#include <set>

#include "model/ascii.h"

namespace clerk {

GlossarySense MeaningAt(const GlossaryTerm& term, const GlossaryPlace& place) {
  if (term.meanings.empty()) return {true, &term.expansion, &term.plain};
  auto sense = [](const GlossaryMeaning& m) {
    return GlossarySense{true, &m.expansion, &m.plain};
  };
  if (place.choices) {
    for (const GlossaryChoice& choice : *place.choices) {
      if (choice.term != term.term) continue;
      for (const GlossaryMeaning& m : term.meanings)
        if (m.expansion == choice.expansion) return sense(m);
    }
  }
  const GlossaryMeaning* everywhere = nullptr;
  for (const GlossaryMeaning& m : term.meanings) {
    if (m.committees.empty()) everywhere = &m;
    if (place.committee.empty()) continue;
    for (const Ref& c : m.committees)
      if (c.id == place.committee) return sense(m);
  }
  if (everywhere) return sense(*everywhere);
  return {};
}

GlossaryPlace PlaceOf(const Meeting& meeting, const Document* doc) {
  return {meeting.committee.id, doc ? &doc->glossary : nullptr};
}

void AddGlossary(Hasher& h, const Site& site) {
  h.Add("glossary");
  for (const auto& [key, t] : site.glossary) {
    h.Add(key).Add(t.expansion).Add(t.plain).Add(t.name ? "name" : "term");
    h.Add(std::to_string(t.meanings.size()));
    for (const GlossaryMeaning& m : t.meanings) {
      h.Add(m.expansion).Add(m.plain).Add(std::to_string(m.committees.size()));
      for (const Ref& c : m.committees) h.Add(c.id);
    }
  }
  h.Add("ignore");
  for (const GlossaryPattern& p : site.glossary_ignore) h.Add(p.pattern);
  h.Add("choices");
  for (const auto& [key, doc] : site.documents) {
    if (doc.glossary.empty()) continue;
    h.Add(key);
    for (const GlossaryChoice& c : doc.glossary) h.Add(c.term).Add(c.expansion);
  }
}

namespace {

void EndWord(std::string& word, std::vector<std::string>& words) {
  if (word.empty()) return;
  // A plural: "services" -> "service", but not "ss" ("business").
  if (word.size() > 4 && word.compare(word.size() - 3, 3, "ies") == 0) {
    word.replace(word.size() - 3, 3, "y");  // "disabilities" -> "disability"
  } else if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
    word.pop_back();
  }
  words.push_back(std::move(word));
  word.clear();
}

}  // namespace

std::vector<std::string> MeaningWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '<') {  // a tag: not words, and not a break between letters
      size_t gt = text.find('>', i);
      if (gt == std::string_view::npos) break;
      i = gt + 1;
      continue;
    }
    if (c == '&') {
      size_t semi = text.find(';', i);
      std::string_view entity = semi != std::string_view::npos && semi - i <= 8
                                    ? text.substr(i, semi + 1 - i)
                                    : text.substr(i, 1);
      i += entity.size();
      if (entity == "&rsquo;" || entity == "&lsquo;" || entity == "&#39;" ||
          entity == "&#x27;" || entity == "&apos;" || entity == "&#8217;")
        continue;  // an apostrophe
      EndWord(word, words);
      if (entity == "&" || entity == "&amp;") words.push_back("and");
      continue;
    }
    if (c == '\'') {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const auto third = static_cast<unsigned char>(text[i + 2]);
      i += 3;
      if (third == 0x98 || third == 0x99) continue;  // curly apostrophes
      EndWord(word, words);                          // dashes, quotes, spaces
      continue;
    }
    if (ascii::IsAlnum(text[i]) || c >= 0x80) {
      word += ascii::ToLower(text[i]);
    } else {
      EndWord(word, words);
    }
    ++i;
  }
  EndWord(word, words);
  return words;
}

namespace {

// Whether `words` hold `meaning`, word for word, anywhere.
bool HasWords(const std::vector<std::string>& words,
              const std::vector<std::string>& meaning) {
  return !meaning.empty() && std::search(words.begin(), words.end(), meaning.begin(),
                                         meaning.end()) != words.end();
}

int OpenBrackets(std::string_view text) {
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
  }
  return depth;
}

}  // namespace

GlossaryUse GlossaryFirstUse(std::string_view before, std::string_view after,
                             std::string_view term, std::string_view meaning,
                             bool in_cell) {
  const std::vector<std::string> words = MeaningWords(meaning);
  // A name the glossary spells as it is: "NEXUS (NEXUS)" says nothing.
  if (words == MeaningWords(term)) return GlossaryUse::kWritten;
  // Written out just before ("Youth Justice Board for England and Wales
  // (YJB)", across markup and line breaks), or a few words before or after
  // ("**Strengths and Difficulties Questionnaire.** High SDQ scores").
  const size_t near = words.size() + 3;
  const size_t tail = std::min(before.size(), meaning.size() * 2 + 96);
  std::vector<std::string> last = MeaningWords(before.substr(before.size() - tail));
  if (last.size() > near) last.erase(last.begin(), last.end() - near);
  std::vector<std::string> next = MeaningWords(after.substr(0, meaning.size() * 2 + 96));
  if (next.size() > near) next.resize(near);
  if (HasWords(last, words) || HasWords(next, words)) return GlossaryUse::kWritten;
  // A bracket just after: "YJB (Youth Justice Board for England and
  // Wales)" says it; any other bracket ("CAMHS (2gether trust)") would
  // make two brackets in a row.
  size_t lead = after.find_first_not_of(" \t\r\n");
  if (lead != std::string_view::npos && after[lead] == '(') {
    size_t close = after.find(')', lead);
    std::string_view inside =
        after.substr(lead + 1, close == std::string_view::npos ? std::string_view::npos
                                                               : close - lead - 1);
    return MeaningWords(inside) == words ? GlossaryUse::kWritten : GlossaryUse::kNotHere;
  }
  // In brackets: "(YJB)" alone follows the author's own words for it;
  // "(see YJB report)" would nest brackets.
  if (OpenBrackets(before) > 0) {
    size_t last = before.find_last_not_of(" \t\r\n");
    size_t next = after.find_first_not_of(" \t\r\n");
    bool alone = last != std::string_view::npos && before[last] == '(' &&
                 next != std::string_view::npos && after[next] == ')';
    return alone ? GlossaryUse::kWritten : GlossaryUse::kNotHere;
  }
  // A table cell holding only the term is a code ("Q1" as a column
  // heading), not a sentence.
  if (in_cell && before.find_first_not_of(" \t\r\n") == std::string_view::npos &&
      after.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return GlossaryUse::kNotHere;
  return GlossaryUse::kExpand;
}

size_t SharedWords(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  static const std::set<std::string, std::less<>> kSmall = {
      "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"};
  std::set<std::string_view> in_b;
  for (const std::string& w : b)
    if (!kSmall.count(w)) in_b.insert(w);
  std::set<std::string_view> shared;
  for (const std::string& w : a)
    if (in_b.count(w)) shared.insert(w);
  return shared.size();
}

}  // namespace clerk
