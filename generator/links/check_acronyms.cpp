#include "links/check_acronyms.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <deque>
#include <iterator>
#include <regex>
#include <set>
#include <string_view>
#include <variant>
#include <vector>

#include "content/paper_body.h"
#include "content/yaml_reader.h"
#include "files/program_identity.h"
#include "model/ascii.h"
#include "model/glossary.h"
#include "model/parallel.h"
#include "model/word_pattern.h"

namespace clerk {
namespace {

bool IsWordChar(char c) {
  return ascii::IsAlnum(c) || c == '&' || c == '\'' || c == '_';
}

// What the check knows of the glossary, made once per run: the terms and
// names, the terms of several words, and the compiled ignore patterns.
class GlossaryWords {
 public:
  explicit GlossaryWords(const Site& site) : site_(site) {
    for (const auto& [key, term] : site.glossary)
      if (key.find(' ') != std::string::npos) phrases_.push_back(&term);
    // Longest first, so "NHS England Midlands" wins over "NHS England".
    std::stable_sort(phrases_.begin(), phrases_.end(),
                     [](const GlossaryTerm* a, const GlossaryTerm* b) {
                       return a->term.size() > b->term.size();
                     });
    for (const GlossaryPattern& p : site.glossary_ignore) {
      // A pattern of a dangerous shape was reported when the glossary was
      // loaded; it is never run (model/word_pattern.h).
      if (!PatternShapeProblem(p.pattern).empty()) continue;
      try {
        patterns_.emplace_back(p.pattern, std::regex::ECMAScript | std::regex::optimize);
      } catch (const std::regex_error&) {
        // Reported when the glossary was loaded.
      }
    }
  }
  const GlossaryTerm* Find(const std::string& word) const {
    auto it = site_.glossary.find(word);
    return it == site_.glossary.end() ? nullptr : &it->second;
  }
  // A code such as a table row id ("ASL1"): the whole word matches a pattern.
  bool Ignored(const std::string& word) const {
    if (word.size() > kMaxPatternWord) return false;  // std::regex recurses per byte
    for (const std::regex& re : patterns_)
      if (std::regex_match(word, re)) return true;
    return false;
  }
  const std::vector<const GlossaryTerm*>& phrases() const { return phrases_; }

 private:
  const Site& site_;
  std::vector<const GlossaryTerm*> phrases_;  // terms of several words
  std::vector<std::regex> patterns_;
};

class Scanner {
 public:
  Scanner(const GlossaryWords& words, Diagnostics& diag) : words_(words), diag_(diag) {}

  // Scans a text that starts at `start` in its file, read at `place` (for
  // terms with several meanings). Markdown code, link targets and web
  // addresses are skipped. A text from YAML gives `yaml`, which places each
  // word at its own line and column (a block scalar, a folded line).
  void Scan(const std::string& text, const SourcePos& start, const GlossaryPlace& place,
            const YamlTextPositions* yaml = nullptr) {
    yaml_ = yaml;
    int line = yaml ? 1 : start.line;
    size_t line_start = 0;
    bool in_fence = false;
    while (line_start <= text.size()) {
      size_t end = text.find('\n', line_start);
      std::string current = text.substr(
          line_start, end == std::string::npos ? std::string::npos : end - line_start);
      if (current.rfind("```", 0) == 0 || current.rfind("~~~", 0) == 0)
        in_fence = !in_fence;
      text_ = &text;
      line_offset_ = line_start;
      if (!in_fence)
        ScanLine(current, start.path, line,
                 !yaml && line == start.line ? start.column : 1, place);
      if (end == std::string::npos) break;
      line_start = end + 1;
      ++line;
    }
    yaml_ = nullptr;
    text_ = nullptr;
  }

 private:
  void ScanLine(std::string line, const std::string& path, int line_number,
                int first_column, const GlossaryPlace& place) {
    // Blank out what is not prose: `code`, ](link targets), and URLs.
    Blank(line, '`', '`');
    Blank(line, "](", ')');
    for (const char* scheme : {"http://", "https://", "mailto:"}) {
      for (size_t at = line.find(scheme); at != std::string::npos;
           at = line.find(scheme, at)) {
        while (at < line.size() && !std::isspace(static_cast<unsigned char>(line[at])))
          line[at++] = ' ';
      }
    }
    // Terms of several words ("Section 106", "NHS England") are whole: their
    // words are not looked at one by one.
    for (const GlossaryTerm* phrase : words_.phrases()) {
      const std::string& t = phrase->term;
      for (size_t at = line.find(t); at != std::string::npos; at = line.find(t, at + 1)) {
        size_t end = at + t.size();
        if ((at > 0 && (IsWordChar(line[at - 1]) || line[at - 1] == '-')) ||
            (end < line.size() && (IsWordChar(line[end]) || line[end] == '-')))
          continue;
        Check(*phrase, path, line_number, first_column + static_cast<int>(at), place, at,
              t.size());
        for (size_t i = at; i < end; ++i) line[i] = ' ';
      }
    }
    for (const AcronymHit& hit : FindAcronyms(line, [&](const std::string& word) {
           return words_.Find(word) != nullptr;
         })) {
      const int column = first_column + static_cast<int>(hit.offset);
      if (const GlossaryTerm* term = words_.Find(hit.word)) {
        Check(*term, path, line_number, column, place, hit.offset, hit.word.size());
        continue;
      }
      if (words_.Ignored(hit.word)) continue;
      // One warning per word and file is enough to act on.
      if (!reported_.insert(path + "\n" + hit.word).second) continue;
      diag_.Warning(
          Where(path, line_number, column),
          "'" + hit.word +
              "' is not in the glossary: add it to "
              "content/glossary.yaml with its expansion and a plain explanation");
    }
  }

  // A use of a glossary term, at line[at, at + length): a term of several
  // meanings must have one here, and its first use in the file should read
  // well written out.
  void Check(const GlossaryTerm& term, const std::string& path, int line, int column,
             const GlossaryPlace& place, size_t at, size_t length) {
    if (term.name) return;
    const GlossarySense sense = MeaningAt(term, place);
    if (sense.known) {
      if (!sense.expansion->empty())
        CheckFirstUse(term, *sense.expansion, path, line, column, at, length);
      return;
    }
    if (!reported_.insert(path + "\n" + term.term).second) return;
    std::string where =
        place.committee.empty() ? "here" : "for committee '" + place.committee + "'";
    diag_.Warning(Where(path, line, column),
                  "'" + term.term + "' has " + std::to_string(term.meanings.size()) +
                      " meanings in the glossary and none is chosen " + where +
                      ", so it is not explained: add the committee to one meaning's "
                      "committees in content/glossary.yaml" +
                      (place.choices ? ", or choose one in the paper's front matter "
                                       "(glossary: {" +
                                           term.term + ": <expansion>})"
                                     : ""));
  }

  // The first use of a term in a file is where a page writes its meaning
  // out (render/glossary_terms.h). Warned: a use where that would read
  // badly (in brackets, just before a bracket), and a meaning the text
  // gives nearby in other words than the glossary's.
  void CheckFirstUse(const GlossaryTerm& term, const std::string& meaning,
                     const std::string& path, int line, int column, size_t at,
                     size_t length) {
    if (!text_ || !reported_.insert(path + "\nfirst use\n" + term.term).second) return;
    const std::string& text = *text_;
    const size_t begin = line_offset_ + at;
    size_t end = std::min(text.size(), begin + length);
    // The term's plural or possessive ("CCGs", "YJB's") is part of it.
    while (end < text.size() && (ascii::IsAlnum(text[end]) || text[end] == '\'')) ++end;
    // Its paragraph, or its cell in a Markdown table row.
    size_t line_end = text.find('\n', begin);
    if (line_end == std::string::npos) line_end = text.size();
    const size_t line_start = line_offset_;
    std::string before, after;
    bool in_cell = false;
    const size_t first = text.find_first_not_of(" \t", line_start);
    if (first < line_end && text[first] == '|') {
      in_cell = true;
      size_t left = text.rfind('|', begin);
      size_t right = text.find('|', end);
      before = text.substr(left + 1, begin - left - 1);
      after = text.substr(end, (right < line_end ? right : line_end) - end);
    } else {
      size_t para = text.rfind("\n\n", begin);
      para = para == std::string::npos ? 0 : para + 2;
      size_t para_end = text.find("\n\n", end);
      if (para_end == std::string::npos) para_end = text.size();
      before = Prose(text.substr(para, begin - para));
      after = Prose(text.substr(end, std::min<size_t>(para_end - end, 400)));
    }
    const std::string quoted = "'" + term.term + "'";
    const std::vector<std::string> words = MeaningWords(meaning);
    // Other words for it, in brackets just after ("YJB (Youth Justice
    // Board)") or just before it alone in brackets ("the Board (YJB)").
    std::vector<std::string> other;
    bool said_at_end = false;
    const size_t lead = after.find_first_not_of(" \t\r\n");
    const size_t last = before.find_last_not_of(" \t\r\n");
    if (lead != std::string::npos && after[lead] == '(') {
      other = MeaningWords(after.substr(lead + 1, after.find(')', lead) - lead - 1));
    } else if (last != std::string::npos && before[last] == '(' &&
               lead != std::string::npos && after[lead] == ')') {
      other = MeaningWords(before.substr(0, last));
      said_at_end = true;
      if (other.size() > words.size())
        other.erase(other.begin(), other.end() - words.size());
    }
    if (!other.empty() && other != words && SharedWords(other, words) > 0) {
      // As written, from its first word of substance: "the Board" ->
      // "Board".
      std::string_view raw = said_at_end ? std::string_view(before).substr(0, last)
                                         : std::string_view(after).substr(lead + 1);
      if (!said_at_end) raw = raw.substr(0, raw.find(')'));
      size_t from = 0;
      for (size_t k = 0; k < raw.size();) {
        size_t space = raw.find_first_of(" \t\n", k);
        if (space == std::string_view::npos) space = raw.size();
        if (said_at_end) {
          std::vector<std::string> rest = MeaningWords(raw.substr(k));
          if (rest.size() <= other.size() && SharedWords(rest, words) > 0 &&
              SharedWords(MeaningWords(raw.substr(k, space - k)), words) > 0) {
            from = k;
            break;
          }
        }
        k = space + 1;
      }
      std::string said(raw.substr(from));
      std::replace(said.begin(), said.end(), '\n', ' ');
      while (!said.empty() && std::isspace(static_cast<unsigned char>(said.back())))
        said.pop_back();
      diag_.Warning(Where(path, line, column),
                    quoted + " is written with '" + said +
                        "', not the glossary's meaning '" + meaning +
                        "': the page keeps the text's words and does not write the "
                        "meaning out; use the glossary's words here, or change its "
                        "expansion in content/glossary.yaml");
      return;
    }
    if (GlossaryFirstUse(before, after, term.term, meaning, in_cell) ==
            GlossaryUse::kNotHere &&
        !in_cell)
      diag_.Warning(Where(path, line, column),
                    quoted +
                        " is first used in brackets or just before a bracket, "
                        "where its meaning written out would make nested or "
                        "doubled brackets, so the page explains it at a later use: "
                        "write '" +
                        meaning + " (" + term.term +
                        ")' at its first use, outside brackets");
  }

  // Markdown as read: a link's target is not text ("[x](url)" -> "[x]").
  static std::string Prose(std::string text) {
    for (size_t at = text.find("]("); at != std::string::npos; at = text.find("](", at)) {
      size_t close = text.find(')', at);
      if (close == std::string::npos) break;
      text.erase(at + 1, close - at);
      ++at;
    }
    return text;
  }

  static void Blank(std::string& line, const std::string& open, char close) {
    for (size_t at = line.find(open); at != std::string::npos; at = line.find(open, at)) {
      size_t end = line.find(close, at + open.size());
      if (end == std::string::npos) break;
      for (size_t i = at + open.size(); i < end; ++i) line[i] = ' ';
      at = end + 1;
    }
  }
  static void Blank(std::string& line, char open, char close) {
    Blank(line, std::string(1, open), close);
  }

  const GlossaryWords& words_;
  Diagnostics& diag_;
  const YamlTextPositions* yaml_ = nullptr;  // the text being scanned, if from YAML
  const std::string* text_ = nullptr;        // the text being scanned
  size_t line_offset_ = 0;                   // where its current line starts

  SourcePos Where(const std::string& path, int line, int column) const {
    return yaml_ ? yaml_->At(line, column) : SourcePos{path, line, column};
  }
  std::set<std::string> reported_;
};

}  // namespace

namespace {

// Quotes around a word, then a possessive: "'YJB's'" -> "YJB". Returns how
// many bytes were cut from the front.
size_t TrimWord(std::string& word) {
  while (!word.empty() && word.back() == '\'') word.pop_back();
  size_t lead = 0;
  while (lead < word.size() && word[lead] == '\'') ++lead;
  word.erase(0, lead);
  if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0)
    word.resize(word.size() - 2);
  return lead;
}

// Two or more capitals, at least half the letters capitals, a capital first;
// a plural "s" is dropped ("SLAs" -> "SLA").
bool AcronymLike(std::string& word) {
  if (word.empty()) return false;
  int upper = 0, letters = 0;
  for (char c : word) {
    if (ascii::IsAlpha(c)) ++letters;
    if (ascii::IsUpper(c)) ++upper;
  }
  if (upper >= 2 && word.back() == 's' && upper == letters - 1) word.pop_back();
  return upper >= 2 && upper * 2 >= letters && ascii::IsUpper(word[0]);
}

bool AllDigits(const std::string& word) {
  if (word.empty()) return false;
  for (char c : word)
    if (!ascii::IsDigit(c)) return false;
  return true;
}

// Ordinary words that minutes and agendas print in capitals ("RESOLVED",
// "APOLOGIES FOR ABSENCE"), which are not acronyms.
constexpr const char* kOrdinaryInCapitals[] = {"AN",
                                               "ARE",
                                               "AS",
                                               "BE",
                                               "CALL",
                                               "COUNCILLOR",
                                               "COUNCILLORS",
                                               "HAS",
                                               "IF",
                                               "IS",
                                               "PETITION",
                                               "PETITIONS",
                                               "RECEIVED",
                                               "REQUEST",
                                               "REQUESTS",
                                               "WAS",
                                               "WERE",
                                               "ABSENCE",
                                               "ACTION",
                                               "ACTIONS",
                                               "AGENDA",
                                               "AGREED",
                                               "ALL",
                                               "AND",
                                               "ANY",
                                               "APOLOGIES",
                                               "APPENDIX",
                                               "APPROVED",
                                               "ARISING",
                                               "AT",
                                               "BUSINESS",
                                               "BY",
                                               "CARRIED",
                                               "CHAIR",
                                               "CHAIRMAN",
                                               "CLOSE",
                                               "CONFIDENTIAL",
                                               "DATE",
                                               "DECIDED",
                                               "DECISION",
                                               "DECISIONS",
                                               "DECLARATIONS",
                                               "DEFERRED",
                                               "EXEMPT",
                                               "FOR",
                                               "FROM",
                                               "IN",
                                               "INFORMATION",
                                               "INTEREST",
                                               "INTERESTS",
                                               "ITEM",
                                               "ITEMS",
                                               "LOST",
                                               "MATTERS",
                                               "MEETING",
                                               "MINUTES",
                                               "NEXT",
                                               "NIL",
                                               "NONE",
                                               "NOT",
                                               "NOTE",
                                               "NOTED",
                                               "NOTICE",
                                               "OF",
                                               "ON",
                                               "OR",
                                               "OTHER",
                                               "PART",
                                               "PLACE",
                                               "PREVIOUS",
                                               "PRIVATE",
                                               "PUBLIC",
                                               "PUBLICATION",
                                               "QUESTIONS",
                                               "RECOMMENDATION",
                                               "RECOMMENDATIONS",
                                               "RECOMMENDED",
                                               "REFUSED",
                                               "REPORT",
                                               "RESOLVED",
                                               "THAT",
                                               "THE",
                                               "TIME",
                                               "TO",
                                               "URGENT",
                                               "VENUE",
                                               "WELCOME",
                                               "WITH",
                                               "WITHDRAWN"};

bool OrdinaryInCapitals(const std::string& word) {
  static const std::set<std::string> kWords(std::begin(kOrdinaryInCapitals),
                                            std::end(kOrdinaryInCapitals));
  return kWords.count(word) > 0;
}

// What may stand between two words of a phrase in capitals: spaces and
// punctuation, and single capitals ("REQUEST(S) FOR CALL IN/COUNCILLOR").
bool JoinsCapitals(std::string_view gap) {
  for (size_t i = 0; i < gap.size(); ++i) {
    char c = gap[i];
    if (c == ' ' || c == '/' || c == '(' || c == ')' || c == ',' || c == '-' || c == '&')
      continue;
    bool single = ascii::IsUpper(c) && (i == 0 || !ascii::IsAlpha(gap[i - 1])) &&
                  (i + 1 == gap.size() || !ascii::IsAlpha(gap[i + 1]));
    if (!single) return false;
  }
  return true;
}

// Drops the hits that are words in capitals, not acronyms: an ordinary word
// ("RESOLVED"), and in a run of words in capitals that holds one ("REQUEST
// FOR CALL IN"), each word of four letters or more. Glossary entries and
// short unknown capitals ("REPORT OF THE ICB") stay.
void DropWordsInCapitals(const std::string& text, std::vector<AcronymHit>& hits,
                         const std::function<bool(const std::string&)>& is_entry) {
  std::vector<AcronymHit> kept;
  for (size_t first = 0; first < hits.size();) {
    size_t last = first;  // the run: hits separated by spaces only
    while (last + 1 < hits.size()) {
      size_t end = hits[last].offset + hits[last].word.size();
      size_t next = hits[last + 1].offset;
      if (next <= end || !JoinsCapitals(std::string_view(text).substr(end, next - end)))
        break;
      ++last;
    }
    bool shouted = false;
    for (size_t h = first; h <= last; ++h) shouted |= OrdinaryInCapitals(hits[h].word);
    for (size_t h = first; h <= last; ++h) {
      const std::string& word = hits[h].word;
      bool entry = is_entry && is_entry(word);
      if (!entry && (OrdinaryInCapitals(word) ||
                     (shouted && last > first && word.size() >= 4 &&
                      std::all_of(word.begin(), word.end(), ascii::IsUpper))))
        continue;
      kept.push_back(std::move(hits[h]));
    }
    first = last + 1;
  }
  hits = std::move(kept);
}

}  // namespace

std::vector<AcronymHit> FindAcronyms(
    const std::string& text, const std::function<bool(const std::string&)>& is_entry) {
  std::vector<AcronymHit> hits;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!IsWordChar(text[i])) {
      ++i;
      continue;
    }
    // A token: word characters, and hyphens between letters or digits
    // ("COVID-19", "CAMHS-led").
    size_t start = i;
    int raw_upper = 0;
    bool hyphen = false;
    while (i < n) {
      if (IsWordChar(text[i])) {
        raw_upper += ascii::IsUpper(text[i]) ? 1 : 0;
        ++i;
      } else if (text[i] == '-' && i + 1 < n && ascii::IsAlnum(text[i + 1]) &&
                 ascii::IsAlnum(text[i - 1])) {
        hyphen = true;
        ++i;
      } else {
        break;
      }
    }
    if (raw_upper < 2) continue;  // most words: no acronym, no copy
    std::string word = text.substr(start, i - start);
    const size_t lead = TrimWord(word);
    if (is_entry && !word.empty() && is_entry(word)) {
      hits.push_back({word, start + lead});
      continue;
    }
    if (!hyphen) {
      if (AcronymLike(word)) hits.push_back({word, start + lead});
      continue;
    }
    // A hyphenated token that is not a term: a code ("COVID-19", every part
    // capitals or digits) is one word; otherwise ("CAMHS-led") each part is
    // a word of its own.
    struct Part {
      std::string word;
      size_t offset;
      bool acronym;
    };
    std::vector<Part> parts;
    bool code = true, any_acronym = false;
    for (size_t at = 0; at <= word.size();) {
      size_t dash = word.find('-', at);
      if (dash == std::string::npos) dash = word.size();
      Part part{word.substr(at, dash - at), at, false};
      part.acronym = AcronymLike(part.word);
      any_acronym |= part.acronym;
      code &= part.acronym || AllDigits(part.word);
      parts.push_back(std::move(part));
      at = dash + 1;
    }
    if (code && any_acronym) {
      hits.push_back({word, start + lead});
      continue;
    }
    for (Part& part : parts) {
      if (!part.acronym) continue;
      std::string trimmed = part.word;
      const size_t part_lead = TrimWord(trimmed);
      hits.push_back({trimmed, start + lead + part.offset + part_lead});
    }
  }
  if (!hits.empty()) DropWordsInCapitals(text, hits, is_entry);
  return hits;
}

namespace {

// The texts of one file (a meeting's agenda, a paper, a set of minutes) as
// the scan sees them, with where each starts: what its warnings depend on,
// beside the glossary and the clerk binary.
class FileTexts {
 public:
  FileTexts(const Fingerprint& glossary, GlossaryPlace place) : place_(std::move(place)) {
    key_.Add(glossary).Add(place_.committee);
    if (place_.choices)
      for (const GlossaryChoice& c : *place_.choices) key_.Add(c.term).Add(c.expansion);
  }
  // `key`: where the text is in the YAML record at `pos` (its warnings are
  // placed there); null for a text that is not YAML. Nothing is copied: a
  // file is only scanned if its key is new, and most are not.
  void Add(const std::string& text, const SourcePos& pos, const char* key = nullptr) {
    texts_.push_back({&text, &pos, key});
    key_.Add(text).Add(pos);
  }
  // A paper's or minutes' body: in the key by its fingerprint, as it may be
  // left in its file (content/paper_body.h) and read only if it must be
  // scanned.
  template <typename Record>
  void AddBody(const Record& record) {
    body_ = &record;
    key_.Add(record.body_fingerprint).Add(SourcePos{record.path, record.body_line, 1});
  }
  // A position made for a text (not one of a record's), kept as long as this.
  const SourcePos& Place(SourcePos pos) {
    return positions_.emplace_back(std::move(pos));
  }
  Fingerprint Key() const { return key_.Finish(); }
  void ScanAll(Scanner& scan, Diagnostics& diag) const {
    for (const Text& t : texts_) {
      if (!t.key) {
        scan.Scan(*t.text, *t.pos, place_);
      } else {
        YamlTextPositions yaml(*t.pos, {t.key}, *t.text);
        scan.Scan(*t.text, *t.pos, place_, &yaml);
      }
    }
    std::visit(
        [&](const auto* record) {
          if (!record) return;
          if (std::optional<std::string> body = ReadBody(*record, diag))
            scan.Scan(*body, {record->path, record->body_line, 1}, place_);
        },
        body_);
  }

 private:
  GlossaryPlace place_;
  Hasher key_;
  struct Text {
    const std::string* text;
    const SourcePos* pos;  // in the record, or FileTexts::positions_
    const char* key;
  };
  std::vector<Text> texts_;
  std::deque<SourcePos> positions_;  // a deque: Place's references stay valid
  std::variant<const Document*, const Minutes*> body_;  // a null Document*: none

  static std::optional<std::string> ReadBody(const Document& doc, Diagnostics& diag) {
    return PaperBody(doc, diag);
  }
  static std::optional<std::string> ReadBody(const Minutes& m, Diagnostics& diag) {
    return MinutesBody(m, diag);
  }
};

void AddAgenda(const Meeting& meeting, FileTexts& texts) {
  std::vector<const AgendaItem*> items;
  for (const AgendaItem& item : meeting.agenda) items.push_back(&item);
  for (size_t i = 0; i < items.size(); ++i) {
    texts.Add(items[i]->title, items[i]->pos, "title");
    texts.Add(items[i]->purpose, items[i]->pos, "purpose");
    for (const AgendaItem& sub : items[i]->sub_items) items.push_back(&sub);
  }
}

}  // namespace

namespace {

// A paper's `glossary:` choices name a term of several meanings and one of
// its meanings.
void CheckGlossaryChoices(const Site& site, Diagnostics& diag) {
  for (const auto& [key, doc] : site.documents) {
    for (const GlossaryChoice& choice : doc.glossary) {
      auto it = site.glossary.find(choice.term);
      if (it == site.glossary.end()) {
        diag.Error(choice.pos, "'" + choice.term +
                                   "' is not in the glossary, so it has no meaning to "
                                   "choose");
        continue;
      }
      const GlossaryTerm& term = it->second;
      if (term.meanings.empty()) {
        diag.Warning(choice.pos, "'" + choice.term +
                                     "' has one meaning in the glossary: there is "
                                     "nothing to choose");
        continue;
      }
      std::vector<std::string> expansions;
      for (const GlossaryMeaning& m : term.meanings) expansions.push_back(m.expansion);
      if (std::find(expansions.begin(), expansions.end(), choice.expansion) !=
          expansions.end())
        continue;
      std::string list;
      for (size_t i = 0; i < expansions.size(); ++i)
        list += (i == 0                       ? ""
                 : i + 1 == expansions.size() ? " or "
                                              : ", ") +
                ("'" + expansions[i] + "'");
      diag.Error(choice.pos, "'" + choice.term + "' has no meaning '" + choice.expansion +
                                 "' in the glossary: write one of " + list);
    }
  }
}

}  // namespace

namespace {

// Committees' remits, work programmes and forward plans: the texts outside
// the meeting folders, scanned as one (a word is reported once among them).
void ScanSiteWide(const Site& site, const GlossaryWords& words, Diagnostics& diag) {
  Scanner scan(words, diag);
  for (const auto& [id, committee] : site.committees) {
    YamlTextPositions remit(committee.remit_pos, {}, committee.remit, true);
    scan.Scan(committee.remit, committee.remit_pos, {id, nullptr}, &remit);
  }
  for (const auto& [id, wp] : site.work_programmes) {
    for (const WorkProgrammeRow& row : wp.rows) {
      YamlTextPositions topic(row.pos, {"topic"}, row.topic);
      YamlTextPositions description(row.pos, {"description"}, row.description);
      scan.Scan(row.topic, row.pos, {wp.committee.id, nullptr}, &topic);
      scan.Scan(row.description, row.pos, {wp.committee.id, nullptr}, &description);
      YamlTextPositions notes(row.pos, {"notes"}, row.notes);
      scan.Scan(row.notes, row.pos, {wp.committee.id, nullptr}, &notes);
      for (const std::string& visit : row.visits)
        scan.Scan(visit, row.pos, {wp.committee.id, nullptr});
    }
  }
  for (const auto& [id, plan] : site.forward_plans) {
    scan.Scan(plan.title, plan.title_pos, {"", nullptr});
    for (const ForwardPlanEntry& e : plan.entries) {
      scan.Scan(e.title, e.title_pos, {e.decision_maker.id, nullptr});
      scan.Scan(e.description, e.description_pos, {e.decision_maker.id, nullptr});
    }
  }
}

// The files of meeting folders a check scans one by one: agendas, papers,
// minutes, in that order.
struct FolderFiles {
  std::vector<const Meeting*> meetings;
  std::vector<const Document*> docs;
  std::vector<const Minutes*> minutes;

  size_t size() const { return meetings.size() + docs.size() + minutes.size(); }
  // The meeting folder file `i` is in.
  const std::string& Folder(size_t i) const {
    if (i < meetings.size()) return meetings[i]->id;
    if (i < meetings.size() + docs.size()) return docs[i - meetings.size()]->meeting_id;
    return minutes[i - meetings.size() - docs.size()]->meeting_id;
  }
};

// Every folder's files, or (`only` given) those of the folders in `only`.
FolderFiles FilesOf(const Site& site, const std::set<std::string>* only) {
  FolderFiles files;
  if (!only) {
    for (const auto& [id, m] : site.meetings) files.meetings.push_back(&m);
    for (const auto& [key, doc] : site.documents) files.docs.push_back(&doc);
    for (const auto& [id, m] : site.minutes) files.minutes.push_back(&m);
    return files;
  }
  for (const std::string& folder : *only) {
    if (auto it = site.meetings.find(folder); it != site.meetings.end())
      files.meetings.push_back(&it->second);
    for (const auto& [key, doc] : OfMeeting(site.documents, folder))
      files.docs.push_back(&doc);
    if (auto it = site.minutes.find(folder); it != site.minutes.end())
      files.minutes.push_back(&it->second);
  }
  return files;
}

// What the scan of a folder's file depends on besides its texts: the
// glossary and the clerk binary.
Fingerprint GlossaryKey(const Site& site) {
  Hasher glossary_key;
  glossary_key.Add(ProgramIdentity()).Add("acronyms");
  AddGlossary(glossary_key, site);
  return glossary_key.Finish();
}

// The glossary place of a file in meeting folder `meeting_id` (`doc`: a
// paper's); a folder with no meeting has no committee.
GlossaryPlace PlaceIn(const Site& site, const std::string& meeting_id,
                      const Document* doc) {
  auto it = site.meetings.find(meeting_id);
  return it == site.meetings.end() ? GlossaryPlace{"", doc ? &doc->glossary : nullptr}
                                   : PlaceOf(it->second, doc);
}

void AddPaper(const Document& doc, FileTexts& texts) {
  texts.Add(doc.title, doc.pos, "title");
  texts.Add(doc.summary, doc.pos, "summary");
  for (const Recommendation& r : doc.recommendations) texts.Add(r.text, r.pos, "text");
  texts.AddBody(doc);
}

// What the scans of a FolderFiles found, file by file.
struct FileScans {
  std::vector<Diagnostics> parts;  // each file's own warnings
  std::vector<Fingerprint> keys;   // each file's texts and glossary
  size_t scanned = 0;              // the files scanned (not clean before)
};

// Agendas, papers and minutes are most of the text: each file is scanned
// on any free core into its own part, and the parts are joined in order,
// so the warnings come out as they would from one thread. A file scanned
// clean before, with the same texts and glossary, is not scanned again.
FileScans ScanFiles(const Site& site, const GlossaryWords& words,
                    const FolderFiles& files, const AcronymScans* clean_before,
                    int jobs) {
  const Fingerprint glossary = GlossaryKey(site);
  FileScans out;
  out.parts.resize(files.size());
  out.keys.resize(files.size());
  std::atomic<size_t> scanned{0};
  // Looked up once per file (64,000 at N = 10,000): a sorted array searched
  // by halves is quicker than the set's tree, whose nodes are spread over
  // the heap. A set iterates in order, so the copy is sorted.
  const std::vector<Fingerprint> clean_sorted =
      clean_before ? std::vector<Fingerprint>(clean_before->begin(), clean_before->end())
                   : std::vector<Fingerprint>();
  auto Scan = [&](const FileTexts& texts, size_t i) {
    out.keys[i] = texts.Key();
    if (std::binary_search(clean_sorted.begin(), clean_sorted.end(), out.keys[i])) return;
    Scanner file_scan(words, out.parts[i]);  // one file: its own "reported once"
    texts.ScanAll(file_scan, out.parts[i]);
    ++scanned;
  };
  const size_t n_meetings = files.meetings.size(), n_docs = files.docs.size();
  ParallelFor(files.size(), jobs > 0 ? jobs : DefaultJobs(), [&](size_t i, int) {
    if (i < n_meetings) {
      FileTexts texts(glossary, PlaceOf(*files.meetings[i]));
      AddAgenda(*files.meetings[i], texts);
      Scan(texts, i);
    } else if (i < n_meetings + n_docs) {
      const Document& doc = *files.docs[i - n_meetings];
      FileTexts texts(glossary, PlaceIn(site, doc.meeting_id, &doc));
      AddPaper(doc, texts);
      Scan(texts, i);
    } else {
      const Minutes& m = *files.minutes[i - n_meetings - n_docs];
      FileTexts texts(glossary, PlaceIn(site, m.meeting_id, nullptr));
      texts.AddBody(m);
      Scan(texts, i);
    }
  });
  out.scanned = scanned;
  return out;
}

bool FoundNothing(const Diagnostics& part) {
  return part.ErrorCount() == 0 && part.WarningCount() == 0;
}

// The keys of the files that found nothing into `clean_now`.
void KeepClean(const FileScans& scans, AcronymScans& clean_now) {
  std::vector<Fingerprint> clean;
  for (size_t i = 0; i < scans.parts.size(); ++i)
    if (FoundNothing(scans.parts[i])) clean.push_back(scans.keys[i]);
  // In order, each at the end: no search down the tree for each.
  std::sort(clean.begin(), clean.end());
  for (const Fingerprint& key : clean) clean_now.insert(clean_now.end(), key);
}

// The files' warnings into `diag`, in order; with `found`, by way of their
// folders' findings.
void JoinScans(const FileScans& scans, const FolderFiles& files, AcronymFindings* found,
               Diagnostics& diag) {
  for (size_t i = 0; i < files.size(); ++i) {
    if (!found)
      diag.Merge(scans.parts[i]);
    else if (!FoundNothing(scans.parts[i]))
      found->folders[files.Folder(i)].Merge(scans.parts[i]);
  }
  // Files of different folders are different files, so merging by folder
  // gives what merging file by file gives once diag is sorted.
  if (found)
    for (const auto& [folder, part] : found->folders) diag.Merge(part);
}

}  // namespace

size_t CheckAcronyms(const Site& site, Diagnostics& diag,
                     const AcronymScans* clean_before, AcronymScans* clean_now, int jobs,
                     AcronymFindings* found, const std::set<std::string>* only_folders) {
  const GlossaryWords words(site);
  AcronymFindings own;
  AcronymFindings& findings = found ? *found : own;
  const bool replay = found && only_folders;
  if (!replay) {
    findings = AcronymFindings{};
    CheckGlossaryChoices(site, findings.site_wide);
    ScanSiteWide(site, words, findings.site_wide);
  }
  diag.Merge(findings.site_wide);

  const FolderFiles files = FilesOf(site, replay ? only_folders : nullptr);
  const FileScans scans = ScanFiles(site, words, files, clean_before, jobs);
  if (replay)
    for (const std::string& folder : *only_folders) findings.folders.erase(folder);
  JoinScans(scans, files, found, diag);
  if (clean_now) KeepClean(scans, *clean_now);
  return scans.scanned;
}

}  // namespace clerk
