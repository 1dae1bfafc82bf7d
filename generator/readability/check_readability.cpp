#include "readability/check_readability.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include "render/easy_read.h"
#include "render/site_index.h"

namespace clerk {
namespace {

constexpr int kMaxWords = 15;

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '&' ||
        (c == '-' && !w.empty())) {
      w += c;
    } else if (!w.empty()) {
      while (!w.empty() && (w.back() == '-' || w.back() == '\'')) w.pop_back();
      if (!w.empty()) out.push_back(w);
      w.clear();
    }
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsAcronym(const std::string& w) {
  int upper = 0;
  for (char c : w) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::islower(u) || std::isdigit(u)) return false;
    if (std::isupper(u)) ++upper;
  }
  return upper >= 2;
}

// Long words that are still plain (GOV.UK and easy-read practice).
const std::set<std::string>& PlainLongWords() {
  static const std::set<std::string> words = {
      "everyone",     "everything",  "information", "councillor",  "councillors",
      "committee",    "committees",  "september",   "november",    "december",
      "february",     "january",     "community",   "education",   "activity",
      "activities",   "already",     "anyone",      "anything",    "another",
      "usually",      "especially",  "definitely",  "television",  "university",
      "area",         "areas",       "really",      "family",      "families",
      "different",    "difficult",   "important",   "interesting", "accessibility",
      "easy",         "agenda",      "minutes",     "meeting",     "variety",
      "categories",   "category",    "february",    "ability",     "opportunity",
      "energy",       "library",     "libraries",   "secondary",   "primary",
      "ordinary",     "every",       "elementary",  "necessary",   "politician",
      "politicians",  "america",     "available",   "individual",  "situation",
      "organisation", "organisations"};
  return words;
}

}  // namespace

int CountSyllables(const std::string& word) {
  std::string w = Lower(word);
  std::string letters;
  for (char c : w) {
    if (std::isalpha(static_cast<unsigned char>(c))) letters += c;
  }
  if (letters.empty()) return 1;
  if (letters.size() <= 3) return 1;
  auto vowel = [](char c) { return std::string("aeiouy").find(c) != std::string::npos; };
  int count = 0;
  bool prev = false;
  for (char c : letters) {
    bool v = vowel(c);
    if (v && !prev) ++count;
    prev = v;
  }
  // Silent final e ("care", "make"), but not "-le" ("people", "table").
  if (letters.back() == 'e' && letters.size() > 2 && !(letters[letters.size() - 2] == 'l' &&
                                                       !vowel(letters[letters.size() - 3]))) {
    --count;
  }
  // "-ed" after a consonant other than t/d is usually silent ("helped").
  if (letters.size() > 3 && letters.compare(letters.size() - 2, 2, "ed") == 0) {
    char before = letters[letters.size() - 3];
    if (!vowel(before) && before != 't' && before != 'd') --count;
  }
  return count < 1 ? 1 : count;
}

double FleschReadingEase(int words, int sentences, int syllables) {
  if (words == 0 || sentences == 0) return 0;
  return 206.835 - 1.015 * (static_cast<double>(words) / sentences) -
         84.6 * (static_cast<double>(syllables) / words);
}

ReadabilityReport CheckReadability(const Site& site, Diagnostics& diag) {
  ReadabilityReport report;
  SiteIndex index(site);
  std::set<std::string> glossary_words;
  for (const auto& [term, t] : site.glossary) {
    glossary_words.insert(Lower(term));
    for (const std::string& w : Words(t.expansion)) glossary_words.insert(Lower(w));
  }
  double flesch_sum = 0;
  for (const auto& [key, page] : BuildEasyReadPages(index)) {
    ReadabilityPage r;
    r.page = "easy-read/" + key;
    for (const EasySection& section : page.sections) {
      for (const EasyRow& row : section.rows) {
        // A word is explained when the row says what it means.
        std::string row_text;
        for (const EasyLine& line : row.lines) row_text += " " + Lower(line.text);
        bool explains = row_text.find(" means ") != std::string::npos;
        for (const EasyLine& line : row.lines) {
          bool person = !line.pos.path.empty();
          SourcePos where = person ? line.pos : page.source;
          for (const std::string& sentence : SplitSentences(line.text)) {
            std::vector<std::string> words = Words(sentence);
            if (words.empty()) continue;
            if (!line.label) {
              ++r.sentences;
              r.words += static_cast<int>(words.size());
              for (const std::string& w : words) r.syllables += CountSyllables(w);
            }
            if (static_cast<int>(words.size()) > kMaxWords) {
              ++r.long_sentences;
              diag.Warning(where, "easy read: a sentence of " + std::to_string(words.size()) +
                                      " words (at most " + std::to_string(kMaxWords) +
                                      "; one idea a sentence): \"" + sentence + "\"");
            }
            for (const std::string& w : words) {
              if (!page.glossary && IsAcronym(w)) {
                ++r.acronyms;
                if (person)
                  diag.Warning(where, "easy read: acronym '" + w +
                                          "': write the words out (the glossary's expansion)");
              } else if (!line.label && CountSyllables(w) >= 4 &&
                         !PlainLongWords().count(Lower(w)) && !explains &&
                         !glossary_words.count(Lower(w)) &&
                         !std::isupper(static_cast<unsigned char>(w[0]))) {
                ++r.hard_words;
                if (person)
                  diag.Warning(where, "easy read: hard word '" + w +
                                          "': use a plainer word or say what it means");
              }
            }
          }
        }
      }
    }
    r.flesch = FleschReadingEase(r.words, r.sentences, r.syllables);
    flesch_sum += r.flesch;
    report.long_sentences += r.long_sentences;
    report.acronyms += r.acronyms;
    report.hard_words += r.hard_words;
    report.pages.push_back(r);
  }
  if (!report.pages.empty()) report.mean_flesch = flesch_sum / report.pages.size();
  return report;
}

nlohmann::json ReadabilityReport::ToJson() const {
  nlohmann::json list = nlohmann::json::array();
  for (const ReadabilityPage& p : pages) {
    list.push_back({{"page", p.page},
                    {"sentences", p.sentences},
                    {"words", p.words},
                    {"syllables", p.syllables},
                    {"flesch_reading_ease", std::round(p.flesch * 10) / 10},
                    {"sentences_over_15_words", p.long_sentences},
                    {"acronyms", p.acronyms},
                    {"hard_words", p.hard_words}});
  }
  return {{"easy_read_pages", pages.size()},
          {"mean_flesch_reading_ease", std::round(mean_flesch * 10) / 10},
          {"sentences_over_15_words", long_sentences},
          {"acronyms", acronyms},
          {"hard_words", hard_words},
          {"pages", list}};
}

std::string ReadabilityReport::Summary() const {
  char flesch[32];
  std::snprintf(flesch, sizeof flesch, "%.1f", mean_flesch);
  return std::to_string(pages.size()) + " easy-read pages, mean Flesch reading ease " + flesch +
         ", " + std::to_string(long_sentences) + " sentences over 15 words, " +
         std::to_string(acronyms) + " acronyms, " + std::to_string(hard_words) + " hard words";
}

}  // namespace clerk
