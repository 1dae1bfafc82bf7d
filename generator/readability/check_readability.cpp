#include "readability/check_readability.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "files/source_files.h"
#include "content/yaml_reader.h"
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

// Where the words of a sentence Clerk built come from: a title or name that
// the sentence holds ("Read <the paper's title>."), so a title too long for
// easy read is reported at the title, not at the page that shows it (a list
// page would otherwise point at site.yaml:1:1). Built when first needed.
class TextSources {
 public:
  explicit TextSources(const Site& site) : site_(site) {}

  // The position of the record text that the sentence holds the most words
  // of (in order; acronyms aside, as easy read writes them out), if any.
  std::optional<SourcePos> Find(const std::string& sentence) {
    if (sources_.empty()) Collect();
    std::vector<std::string> words;
    for (const std::string& w : Words(sentence)) words.push_back(Lower(w));
    const Source* best = nullptr;
    size_t best_words = 0;
    for (const Source& source : sources_) {
      std::vector<std::string> want;
      for (const std::string& w : Words(source.text))
        if (!IsAcronym(w)) want.push_back(Lower(w));
      if (want.size() < 3 || want.size() <= best_words) continue;
      size_t k = 0;
      for (size_t i = 0; i < words.size() && k < want.size(); ++i)
        if (words[i] == want[k]) ++k;
      if (k == want.size()) {
        best = &source;
        best_words = want.size();
      }
    }
    if (!best) return std::nullopt;
    return Locate(*best);
  }

 private:
  struct Source {
    std::string text;
    SourcePos record;               // the record, or the value itself if no keys
    std::vector<std::string> keys;  // where the text is in the record
  };

  void Add(const std::string& text, const SourcePos& record,
           std::vector<std::string> keys) {
    if (!text.empty()) sources_.push_back({text, record, std::move(keys)});
  }

  void AddItems(const std::vector<AgendaItem>& items) {
    for (const AgendaItem& item : items) {
      Add(item.title, item.pos, {"title"});
      AddItems(item.sub_items);
    }
  }

  void Collect() {
    for (const auto& [id, c] : site_.committees) {
      Add(c.name, c.pos, {"name"});
      Add(c.short_name, c.pos, {"short_name"});
    }
    for (const auto& [id, m] : site_.meetings) {
      Add(m.title, m.pos, {"title"});
      AddItems(m.agenda);
    }
    for (const auto& [key, d] : site_.documents) {
      // Front matter starts on the file's second line.
      Add(d.title, {d.path, 2, 1}, {"title"});
      Add(d.summary, {d.path, 2, 1}, {"summary"});
    }
    for (const auto& [id, p] : site_.people) Add(p.name, p.pos, {"name"});
    for (const auto& [id, t] : site_.topics) Add(t.title, t.pos, {id, "title"});
    for (const auto& [id, wp] : site_.work_programmes) {
      Add(wp.title, wp.pos, {"title"});
      for (const WorkProgrammeRow& row : wp.rows) Add(row.topic, row.pos, {"topic"});
    }
    for (const auto& [word, t] : site_.glossary) {
      Add(t.expansion, t.pos, {word, "expansion"});
      Add(t.plain, t.pos, {word, "plain"});
    }
    if (sources_.empty()) sources_.push_back({"", {}, {}});  // collected
  }

  // The text's own key in its file, else its record.
  SourcePos Locate(const Source& source) {
    auto [it, fresh] = files_.try_emplace(source.record.path);
    if (fresh) {
      Diagnostics ignored;  // read and reported by the loader
      if (!ReadTextFile(source.record.path, source.record.path, &it->second, ignored))
        it->second.clear();
    }
    std::optional<SourcePos> at = source.record;
    for (const std::string& key : source.keys) {
      at = FindKeyValue(it->second, *at, key);
      if (!at) return source.record;
    }
    return *at;
  }

  const Site& site_;
  std::vector<Source> sources_;
  std::map<std::string, std::string> files_;
};

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
  TextSources sources(site);
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
              std::optional<SourcePos> from = person ? std::nullopt : sources.Find(sentence);
              diag.Warning(from ? *from : where, "easy read: a sentence of " + std::to_string(words.size()) +
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
