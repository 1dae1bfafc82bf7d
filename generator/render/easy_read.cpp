#include "render/easy_read.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <memory>
#include <set>

#include "model/ascii.h"
#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/large_print.h"
#include "render/pictograms.h"
#include "render/plan_text.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

namespace {

constexpr int kMaxWords = 15;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

using ascii::Lower;

bool IsWordChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return ascii::IsAlnum(c) || c == '&' || u >= 0x80;
}

// Glossary acronyms written out: "SEND provision" -> "Special Educational
// Needs and Disabilities provision". Kept as written if that would make the
// text longer than an easy-read sentence.
std::string Expand(const std::string& text, const Site& site) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordChar(text[i])) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordChar(text[j])) ++j;
    // A hyphenated term is one word: "COVID-19" is written out if the
    // glossary has it, and a code with digits after a hyphen is left as it
    // is, never "COVID" written out and then "-19".
    size_t k = j;
    bool digits_part = false;
    while (k + 1 < text.size() && text[k] == '-' && ascii::IsAlnum(text[k + 1])) {
      size_t part = ++k;
      while (k < text.size() && IsWordChar(text[k])) ++k;
      bool digits = true;
      for (size_t d = part; d < k; ++d) digits &= ascii::IsDigit(text[d]);
      digits_part |= digits;
    }
    if (k > j) {
      std::string whole = text.substr(i, k - i);
      auto term = site.glossary.find(whole);
      if (term != site.glossary.end() && !term->second.expansion.empty()) {
        out += term->second.expansion;
        i = k;
        continue;
      }
      if (digits_part) {
        out += whole;
        i = k;
        continue;
      }
    }
    std::string word = text.substr(i, j - i);
    int upper = 0;
    for (char c : word) upper += ascii::IsUpper(c) ? 1 : 0;
    auto it = site.glossary.find(word);
    if (upper >= 2 && it != site.glossary.end() && !it->second.expansion.empty()) {
      out += it->second.expansion;
    } else {
      out += word;
    }
    i = j;
  }
  if (CountWords(out) > kMaxWords && CountWords(text) <= kMaxWords) return text;
  return out;
}

EasyLine Say(const std::string& text) {
  return EasyLine{text, EasyLine::Target::kNone, "", {}, false};
}
EasyLine Label(const std::string& text) {
  return EasyLine{text, EasyLine::Target::kNone, "", {}, true};
}
EasyLine LinkTo(const std::string& text, const std::string& key) {
  return EasyLine{text, EasyLine::Target::kPage, key, {}, false};
}
EasyLine LinkStandard(const std::string& text, const std::string& key) {
  return EasyLine{text, EasyLine::Target::kStandardPage, key, {}, false};
}
EasyLine External(const std::string& text, const std::string& url) {
  return EasyLine{text, EasyLine::Target::kExternal, url, {}, false};
}

EasyRow Row(const std::string& picture, std::vector<EasyLine> lines) {
  return EasyRow{picture, std::move(lines), ""};
}

// A person's words: one line per sentence, each remembering where it was written.
std::vector<EasyLine> Written(const std::string& text, const SourcePos& pos) {
  std::vector<EasyLine> lines;
  for (const std::string& s : SplitSentences(text)) {
    EasyLine line = Say(s);
    line.pos = pos;
    lines.push_back(line);
  }
  return lines;
}

std::string DayDate(const Date& d) {
  return LongDate(d);
}

bool Contains(const std::string& text, const char* word) {
  return text.find(word) != std::string::npos;
}

bool StartsWithNoCase(const std::string& text, const std::string& lead) {
  return text.size() >= lead.size() && Lower(text.substr(0, lead.size())) == lead;
}

// Markdown as plain words: emphasis and code marks gone, a link's words kept,
// all on one line.
std::string PlainMarkdown(const std::string& md) {
  std::string out;
  for (size_t i = 0; i < md.size(); ++i) {
    char c = md[i];
    if (c == '*' || c == '_' || c == '`') continue;
    if (c == '[') {
      size_t close = md.find("](", i);
      size_t end = close == std::string::npos ? close : md.find(')', close);
      if (end != std::string::npos) {
        out += md.substr(i + 1, close - i - 1);
        i = end;
        continue;
      }
    }
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  return Trim(out);
}

// "The report" -> "the report", but "Cabinet" and "SEND" stay as written.
std::string LowerFirstWord(const std::string& s) {
  static const std::set<std::string> kCommon = {
      "the",     "a",   "an",       "this",    "these",       "that",
      "those",   "its", "their",    "all",     "any",         "each",
      "further", "no",  "officers", "members", "councillors", "a"};
  size_t end = s.find(' ');
  std::string first = s.substr(0, end);
  if (!kCommon.count(Lower(first))) return s;
  return Lower(first) + (end == std::string::npos ? "" : s.substr(end));
}

std::string UpperFirst(std::string s) {
  if (!s.empty())
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The words of a resolution or recommendation after its lead: "**Resolved:**
// that the report be noted." -> "the report be noted". Empty when it is not
// one short sentence (several sentences, or a list follows).
std::string DecisionClause(const std::string& markdown, bool with_list) {
  if (with_list) return "";
  std::string s = PlainMarkdown(markdown);
  if (StartsWithNoCase(s, "resolved")) {
    s = s.substr(8);
    if (!s.empty() && s[0] == ' ' && s.find('(') == 1) {  // "RESOLVED (unanimously):"
      size_t close = s.find(')');
      if (close != std::string::npos) s = s.substr(close + 1);
    }
    size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == ':' || s[b] == '-' || s[b] == ',' ||
                            s[b] == '.' || static_cast<unsigned char>(s[b]) >= 0x80))
      ++b;  // ": ", " - ", " – " (a dash is UTF-8)
    s = s.substr(b);
  }
  if (StartsWithNoCase(s, "that ")) s = s.substr(5);
  s = Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ';')) s.pop_back();
  if (s.empty() || SplitSentences(s + ".").size() != 1 || Contains(s, ":")) return "";
  return s;
}

// "a report be brought back" -> "a report should be brought back".
std::string ShouldBe(const std::string& clause) {
  static const std::set<std::string> kModal = {
      "should", "will", "would", "to", "must", "can", "could", "may", "might", "not"};
  std::string out;
  size_t i = 0;
  bool done = false;
  while (i < clause.size()) {
    size_t end = clause.find(' ', i);
    if (end == std::string::npos) end = clause.size();
    std::string word = clause.substr(i, end - i);
    if (!done && word == "be" && !out.empty()) {
      size_t prev = out.find_last_of(' ', out.size() - 2);
      std::string before = Lower(Trim(out.substr(prev == std::string::npos ? 0 : prev)));
      if (!kModal.count(before)) out += "should ";
      done = true;
    }
    out += word + (end < clause.size() ? " " : "");
    i = end + 1;
  }
  return out;
}

// A resolution said plainly in the past tense, or "" when it is long or
// does not fit a plain pattern (the page then says a decision was made and
// links to it). "the report be noted" -> "They took note of the report."
std::string PlainResolution(const MinuteResolution& r) {
  std::string s = DecisionClause(r.text, r.with_list);
  if (s.empty()) return "";
  std::string low = Lower(s);
  // "<something> be noted / agreed / approved ..."
  static const std::vector<std::pair<std::string, std::string>> kPassive = {
      {"noted", "took note of"}, {"received", "took note of"}, {"agreed", "agreed"},
      {"approved", "agreed"},    {"adopted", "agreed"},        {"accepted", "agreed"},
      {"endorsed", "agreed"},    {"supported", "supported"},   {"welcomed", "welcomed"},
      {"confirmed", "confirmed"}};
  for (const char* aux : {" be ", " is ", " are ", " was ", " were "}) {
    size_t at = low.find(aux);
    if (at == std::string::npos || at == 0) continue;
    std::string rest = low.substr(at + std::string(aux).size());
    for (const auto& [verb, past] : kPassive) {
      if (rest.rfind(verb, 0) != 0) continue;
      std::string tail = rest.substr(verb.size());
      bool record = tail.rfind(" as a correct record", 0) == 0 ||
                    tail.rfind(" as a true record", 0) == 0 ||
                    tail.rfind(" as an accurate record", 0) == 0;
      if (!tail.empty() && !record) continue;
      return "They " + past + " " + LowerFirstWord(s.substr(0, at)) + ".";
    }
  }
  // "The committee notes the update" -> "They took note of the update."
  static const std::vector<std::pair<std::string, std::string>> kActive = {
      {"noted", "took note of"},  {"notes", "took note of"}, {"note", "took note of"},
      {"agreed", "agreed"},       {"agrees", "agreed"},      {"agree", "agreed"},
      {"approved", "agreed"},     {"approves", "agreed"},    {"approve", "agreed"},
      {"endorsed", "agreed"},     {"endorses", "agreed"},    {"endorse", "agreed"},
      {"supported", "supported"}, {"supports", "supported"}, {"support", "supported"},
      {"welcomed", "welcomed"},   {"welcomes", "welcomed"},  {"welcome", "welcomed"},
      {"recommended", "asked"},   {"recommends", "asked"},   {"recommend", "asked"},
      {"requested", "asked"},     {"requests", "asked"},     {"request", "asked"},
      {"asked", "asked"},         {"asks", "asked"},         {"ask", "asked"},
      {"thanked", "thanked"},     {"thanks", "thanked"},     {"thank", "thanked"}};
  static const std::vector<std::string> kBodies = {
      "the committee ", "the board ",   "the panel ", "the sub-committee ",
      "the cabinet ",   "the council ", "members ",   "the members ",
      "the group ",     "committee ",   "board ",     "panel ",
      "cabinet ",       "council "};
  for (const std::string& body : kBodies) {
    if (low.rfind(body, 0) != 0) continue;
    std::string rest = s.substr(body.size());
    for (const auto& [verb, past] : kActive) {
      if (Lower(rest).rfind(verb + " ", 0) != 0) continue;
      return "They " + past + " " + ShouldBe(rest.substr(verb.size() + 1)) + ".";
    }
    break;
  }
  if (CountWords(s) > 12) return "";
  return "They decided that " + ShouldBe(LowerFirstWord(s)) + ".";
}

// A recommendation of a paper in plain words, or "" when it is long.
std::string PlainRecommendation(const Recommendation& r) {
  std::string s = DecisionClause(r.text, false);
  if (s.empty() || CountWords(s) > 11) return "";
  return "It suggests that " + ShouldBe(LowerFirstWord(s)) + ".";
}

std::set<std::string> GlossaryTerms(const Site& site) {
  std::set<std::string> terms;
  for (const auto& [term, entry] : site.glossary) terms.insert(term);
  return terms;
}

// A title as easy read shows it: blocks of capitals in sentence case,
// "Request(s)" as "Requests", "(if any)" left out, and "a/b/c" as
// "a, b or c" (a number such as "2021/22" is kept). `acronyms`: the
// glossary's terms (GlossaryTerms), made once, not once per title.
std::string PlainTitle(const std::string& title, const std::set<std::string>& acronyms) {
  std::string t = title;
  bool capitals =
      std::none_of(t.begin(), t.end(), [](char c) { return ascii::IsLower(c); });
  for (const char* drop : {" (if any)", " (if applicable)", " (if required)"}) {
    std::string low = Lower(t);
    for (size_t at = low.find(drop); at != std::string::npos; at = low.find(drop)) {
      t.erase(at, std::string(drop).size());
      low.erase(at, std::string(drop).size());
    }
  }
  for (size_t at = Lower(t).find("(s)"); at != std::string::npos;
       at = Lower(t).find("(s)"))
    t.replace(at, 3, t.substr(at + 1, 1));
  std::vector<size_t> slashes;
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    if (t[i] == '/' && !ascii::IsDigit(t[i - 1]) && !ascii::IsDigit(t[i + 1]) &&
        t.find("://") == std::string::npos)
      slashes.push_back(i);
  }
  for (size_t n = slashes.size(); n-- > 0;) {
    size_t at = slashes[n];
    std::string with = n + 1 < slashes.size() ? ", " : capitals ? " OR " : " or ";
    size_t b = at, e = at + 1;
    while (b > 0 && t[b - 1] == ' ') --b;
    while (e < t.size() && t[e] == ' ') ++e;
    t.replace(b, e - b, with);
  }
  for (const char* double_or : {"and or ", "AND OR "}) {
    for (size_t at = t.find(double_or); at != std::string::npos; at = t.find(double_or))
      t.erase(at, 4);  // "and/or" -> "or"
  }
  if (t.find('<') == std::string::npos) t = SentenceCaseCapitals(t, acronyms);
  return t;
}

// The simple past of a verb: "look" -> "looked", "hear" -> "heard".
std::string PastOf(const std::string& verb) {
  static const std::map<std::string, std::string> kIrregular = {
      {"begin", "began"},   {"bring", "brought"},
      {"build", "built"},   {"buy", "bought"},
      {"choose", "chose"},  {"come", "came"},
      {"cut", "cut"},       {"do", "did"},
      {"feel", "felt"},     {"find", "found"},
      {"get", "got"},       {"give", "gave"},
      {"go", "went"},       {"have", "had"},
      {"hear", "heard"},    {"hold", "held"},
      {"keep", "kept"},     {"know", "knew"},
      {"lead", "led"},      {"leave", "left"},
      {"let", "let"},       {"make", "made"},
      {"meet", "met"},      {"pay", "paid"},
      {"put", "put"},       {"read", "read"},
      {"run", "ran"},       {"say", "said"},
      {"see", "saw"},       {"send", "sent"},
      {"set", "set"},       {"sit", "sat"},
      {"speak", "spoke"},   {"spend", "spent"},
      {"take", "took"},     {"tell", "told"},
      {"think", "thought"}, {"understand", "understood"},
      {"write", "wrote"}};
  static const std::set<std::string> kDouble = {
      "plan",   "stop",  "chat",   "drop",  "ship",   "shop", "plot",
      "commit", "admit", "submit", "refer", "prefer", "occur"};
  if (auto it = kIrregular.find(verb); it != kIrregular.end()) return it->second;
  if (kDouble.count(verb)) return verb + verb.back() + "ed";
  if (verb.empty()) return verb;
  if (verb.back() == 'e') return verb + "d";
  if (verb.size() > 1 && verb.back() == 'y' &&
      std::string("aeiou").find(verb[verb.size() - 2]) == std::string::npos)
    return verb.substr(0, verb.size() - 1) + "ied";
  return verb + "ed";
}

// A person's easy-read sentence, written before the meeting, told in the
// meeting's tense: "Councillors will look at the plan." becomes "Councillors
// looked at the plan." (held) or "Councillors planned to look at the plan."
// (cancelled, or no record). Only a sentence whose subject is the people at
// the meeting is changed; "Young people will live there." stays as it is.
std::string Retense(const std::string& sentence, bool past) {
  static const std::set<std::string> kPlural = {"councillors",
                                                "they",
                                                "we",
                                                "members",
                                                "the members",
                                                "staff",
                                                "council staff",
                                                "officers",
                                                "people",
                                                "you",
                                                "the councillors",
                                                "councillors from the committee"};
  static const std::set<std::string> kSingular = {
      "the committee", "the board", "the panel", "the meeting", "the chair",
      "someone",       "everyone",  "one",       "the group",   "the councillor"};
  std::vector<std::string> words;
  for (size_t i = 0; i < sentence.size();) {
    size_t end = sentence.find(' ', i);
    if (end == std::string::npos) end = sentence.size();
    if (end > i) words.push_back(sentence.substr(i, end - i));
    i = end + 1;
  }
  size_t will = 0;
  while (will < words.size() && Lower(words[will]) != "will") ++will;
  if (will == 0 || will + 1 >= words.size()) return sentence;
  std::string subject;
  for (size_t i = 0; i < will; ++i) subject += (i ? " " : "") + Lower(words[i]);
  bool plural = kPlural.count(subject) > 0;
  if (!plural && !kSingular.count(subject)) return sentence;
  std::vector<std::string> out(words.begin(), words.begin() + will);
  size_t v = will + 1;
  bool negative = Lower(words[v]) == "not";
  if (negative) ++v;
  std::string adverb;
  if (v < words.size() && (Lower(words[v]) == "also" || Lower(words[v]) == "then" ||
                           Lower(words[v]) == "first"))
    adverb = words[v++];
  if (v >= words.size()) return sentence;
  std::string verb = words[v];
  std::string tail;
  while (!verb.empty() && !ascii::IsAlnum(verb.back())) {
    tail.insert(tail.begin(), verb.back());
    verb.pop_back();
  }
  if (verb.empty() || !ascii::IsLower(verb[0])) return sentence;
  if (!past) {
    out.push_back(negative ? "did not plan to" : "planned to");
    if (!adverb.empty()) out.push_back(adverb);
    out.push_back(verb + tail);
  } else if (negative) {
    out.push_back("did not");
    if (!adverb.empty()) out.push_back(adverb);
    out.push_back((verb == "be" ? "be" : verb) + tail);
  } else {
    if (!adverb.empty()) out.push_back(adverb);
    out.push_back((verb == "be" ? (plural ? "were" : "was") : PastOf(verb)) + tail);
  }
  for (size_t i = v + 1; i < words.size(); ++i)
    out.push_back(Lower(words[i]) == "will" ? "would" : words[i]);
  std::string joined;
  for (const std::string& w : out) joined += (joined.empty() ? "" : " ") + w;
  return joined;
}

// One sentence longer than easy read allows, split where its clauses meet:
// "..., such as abuse." -> "...", "For example, abuse." A part with no place
// to split is kept as written (never dropped; `clerk check` reports it).
std::vector<std::string> SplitLongSentence(const std::string& sentence) {
  if (CountWords(sentence) <= kMaxWords) return {sentence};
  struct Joint {
    const char* at;    // where to split
    const char* lead;  // the second part's first words, replacing `at`
  };
  static const Joint kJoints[] = {{"; ", ""},
                                  {": ", ""},
                                  {" – ", ""},
                                  {" - ", ""},
                                  {", such as ", "For example, "},
                                  {", for example ", "For example, "},
                                  {", for example, ", "For example, "},
                                  {", including ", "This includes "},
                                  {", which ", "This "},
                                  {", who ", "They "},
                                  {", but ", "But "},
                                  {", so ", "So "},
                                  {", and ", "And "},
                                  {", or ", "Or "}};
  std::string best_first, best_second;
  int best = 1 << 30;
  for (const Joint& j : kJoints) {
    for (size_t at = sentence.find(j.at); at != std::string::npos;
         at = sentence.find(j.at, at + 1)) {
      std::string first = Trim(sentence.substr(0, at));
      std::string second = Trim(sentence.substr(at + std::string(j.at).size()));
      if (CountWords(first) < 3 || CountWords(second) < 3) continue;
      if (*j.lead) {
        second = j.lead + second;
      } else {
        second = UpperFirst(second);
      }
      int balance = std::abs(CountWords(first) - CountWords(second));
      if (balance < best) {
        best = balance;
        best_first = first;
        best_second = second;
      }
    }
    if (best < (1 << 30)) break;  // the first kind of joint that splits it
  }
  if (best_first.empty()) return {sentence};
  while (!best_first.empty() && (best_first.back() == ',' || best_first.back() == ';' ||
                                 best_first.back() == ':'))
    best_first.pop_back();
  if (best_first.back() != '.' && best_first.back() != '?' && best_first.back() != '!')
    best_first += ".";
  std::vector<std::string> out = SplitLongSentence(best_first);
  for (const std::string& s : SplitLongSentence(best_second)) out.push_back(s);
  return out;
}

class Builder {
 public:
  // `acronyms`: GlossaryTerms(index.site()), made once for every page.
  Builder(const SiteIndex& index, const std::set<std::string>& acronyms)
      : index_(index), site_(index.site()), acronyms_(acronyms) {}

  // The words of `job`'s page, or nullopt for a kind of page without its
  // own.
  std::optional<EasyPage> Page(const PageJob& job) const {
    switch (job.kind) {
      case PageKind::kHome:
        return Home();
      case PageKind::kCommitteeIndex:
        return Committees();
      case PageKind::kCommittee:
        return CommitteePage(RecordOf(site_.committees, job));
      case PageKind::kMeetingIndex:
        return MeetingsPage();
      case PageKind::kMeeting:
        return MeetingPage(RecordOf(site_.meetings, job));
      case PageKind::kDocument:
        return DocumentPage(RecordOf(site_.documents, job));
      case PageKind::kMinutes:
        return MinutesPage(RecordOf(site_.minutes, job));
      case PageKind::kPeopleIndex:
        return PeoplePage();
      case PageKind::kPerson:
        return PersonPage(RecordOf(site_.people, job));
      case PageKind::kWorkProgramme:
        return WorkProgrammePage(RecordOf(site_.work_programmes, job));
      case PageKind::kForwardPlanIndex:
        return ForwardPlansPage();
      case PageKind::kForwardPlan:
        return ForwardPlanPage(RecordOf(site_.forward_plans, job));
      case PageKind::kGlossary:
        return GlossaryPage();
      case PageKind::kAccessibility:
        return AccessibilityPage();
      case PageKind::kNotFound:
        return NotFound();
      case PageKind::kDecisions:
      case PageKind::kYearDecisions:
      case PageKind::kTopicIndex:
      case PageKind::kTopic:
      case PageKind::kCommitteeDecisions:
      case PageKind::kSearch:
        break;
    }
    return std::nullopt;
  }

 public:
  std::string X(const std::string& text) const { return Expand(text, site_); }

  std::string CommitteeName(const Meeting& m) const {
    const Committee* c = index_.CommitteeOf(m);
    return X(PlainTitle(c ? c->name : index_.MeetingTitle(m), acronyms_));
  }

  // A title in easy read's words: acronyms written out, capitals and
  // jargon's brackets and slashes tidied.
  std::string T(const std::string& title) const {
    return X(PlainTitle(title, acronyms_));
  }

  // How a meeting is spoken of. kPast: it was held (or its minutes are here).
  // kPlanned: it was cancelled or moved, or its date has passed and the site
  // has no record of it yet, so nothing may be said to have happened or to
  // be going to happen. kFuture: it is still to come.
  enum class When { kFuture, kPast, kPlanned };
  When WhenOf(const Meeting& m) const {
    if (m.status == MeetingStatus::kHeld || m.has_minutes) return When::kPast;
    if (m.status == MeetingStatus::kCancelled || m.status == MeetingStatus::kPostponed)
      return When::kPlanned;
    if (m.start.date < site_.today) return When::kPlanned;
    return When::kFuture;
  }

  // The line a list of meetings adds for a meeting that will not happen as
  // planned (its picture alone says nothing to a screen reader), or nothing.
  std::vector<EasyLine> StatusLines(const Meeting& m) const {
    if (m.status == MeetingStatus::kCancelled)
      return {Say("This meeting has been cancelled.")};
    if (m.status == MeetingStatus::kPostponed)
      return {Say("This meeting has been moved to another day.")};
    if (WhenOf(m) == When::kPlanned && m.kind != MeetingKind::kReferenced)
      return {Say("This website has no record of it yet.")};
    return {};
  }

  std::string ListPicture(const Meeting& m) const {
    return m.status == MeetingStatus::kCancelled || m.status == MeetingStatus::kPostponed
               ? "cancelled"
               : "date";
  }

  // The last section of every page: whom to ask, and how.
  EasySection Help(const std::string& contact_id, bool fuller) const {
    EasySection s{"help", "How can I get help?", {}};
    const Person* p = contact_id.empty() ? nullptr : index_.FindPerson(contact_id);
    std::string name = p ? index_.PersonName(contact_id) : site_.config.contact.name;
    std::string email = p && !p->email.empty() ? p->email : site_.config.contact.email;
    std::string phone = p && !p->phone.empty() ? p->phone : site_.config.contact.phone;
    std::vector<EasyLine> ask;
    if (fuller) {
      ask.push_back(Say("You can ask for a fuller easy read version of these papers."));
    } else {
      ask.push_back(Say("You can ask us about anything on this page."));
    }
    if (!name.empty()) ask.push_back(Say("Ask " + name + "."));
    s.rows.push_back(Row("help", ask));
    if (!email.empty())
      s.rows.push_back(
          Row("email", {Say("Send an email to:"), External(email, "mailto:" + email)}));
    if (!phone.empty())
      s.rows.push_back(Row("phone", {Say("Or phone:"), External(phone, TelHref(phone))}));
    return s;
  }

  EasySection FullVersion(const std::string& key, const std::string& what) const {
    return EasySection{
        "full-version",
        "Where are all the details?",
        {Row("document", {Say("This page is a short easy read version."),
                          LinkStandard("Read the full " + what + ".", key)})}};
  }

  EasyPage Page(const std::string& key, const std::string& title,
                const SourcePos& source) const {
    EasyPage p;
    p.key = key;
    p.title = title;
    p.source = source;
    return p;
  }

  EasyPage Home() const {
    EasyPage p = Page(urls::Home(), site_.config.title, site_.config.pos);
    p.sections.push_back(
        {"about",
         "What is this website?",
         {Row("website", {Say("This website has papers for council meetings."),
                          Say("Councillors meet to check the work of the council."),
                          Say("Anyone can read the papers.")})}});
    EasySection next{"upcoming", "What meetings are coming up?", {}};
    for (const Meeting* m : index_.meetings_by_date) {
      // Coming up: still planned, and not dated before the build's day.
      if (!IsUpcoming(*m) || WhenOf(*m) != When::kFuture) continue;
      next.rows.push_back(
          Row("date", {Label(DayDate(m->start.date)),
                       LinkTo(CommitteeName(*m) + " meeting.", urls::Meeting(m->id))}));
    }
    if (next.rows.empty())
      next.rows.push_back(Row("date", {Say("No meetings are planned now.")}));
    p.sections.push_back(next);
    p.sections.push_back(
        {"find",
         "How do I find a meeting?",
         {Row("calendar", {LinkTo("See all meetings.", urls::Meetings())}),
          Row("group", {LinkTo("See all committees.", urls::Committees())})}});
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage Committees() const {
    EasyPage p = Page(urls::Committees(), "Committees", site_.config.pos);
    EasySection s{
        "committees",
        "What are the committees?",
        {Row("group", {Say("A committee is a group of councillors."),
                       Say("Each committee checks one part of the council's work.")})}};
    for (const auto& [id, c] : site_.committees) {
      s.rows.push_back(Row("group", {LinkTo(T(c.name) + ".", urls::Committee(id))}));
    }
    p.sections.push_back(s);
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage CommitteePage(const Committee& c) const {
    EasyPage p = Page(urls::Committee(c.id), T(c.name), c.pos);
    p.sections.push_back(
        {"about",
         "What is this committee?",
         {Row("group", {Say("It is a group of councillors."),
                        Say("It checks the work of the council."),
                        Say("It can ask questions and make suggestions.")})}});
    EasySection who{"members", "Who is in it?", {}};
    std::set<std::string> seen;
    for (const Membership& mem : c.members) {
      if (!IsCurrent(mem.from, mem.to, site_.today) || !seen.insert(mem.person.id).second)
        continue;
      std::string name = index_.PersonName(mem.person.id);
      std::string role = mem.role == MemberRole::kChair       ? "is the chair."
                         : mem.role == MemberRole::kViceChair ? "is the vice-chair."
                                                              : "is a member.";
      who.rows.push_back(
          Row("councillor", {LinkTo(name + " " + role, urls::Person(mem.person.id))}));
    }
    for (const CoOptee& co : c.co_optees) {
      if (!IsCurrent(co.from, co.to, site_.today) || !seen.insert(co.person.id).second)
        continue;
      who.rows.push_back(Row(
          "person", {LinkTo(index_.PersonName(co.person.id) + " is a co-opted member.",
                            urls::Person(co.person.id)),
                     Say("This means they are not a councillor.")}));
    }
    if (!who.rows.empty()) p.sections.push_back(who);
    EasySection when{"meetings", "When does it meet?", {}};
    if (auto it = index_.committee_meetings.find(c.id);
        it != index_.committee_meetings.end()) {
      for (auto m = it->second.rbegin(); m != it->second.rend(); ++m) {
        std::string text = "Meeting on " + DayDate((*m)->start.date) + ".";
        EasyRow row = Row(ListPicture(**m), {LinkTo(text, urls::Meeting((*m)->id))});
        for (EasyLine& l : StatusLines(**m)) row.lines.push_back(l);
        when.rows.push_back(row);
      }
    }
    if (!when.rows.empty()) p.sections.push_back(when);
    if (auto it = index_.committee_work_programmes.find(c.id);
        it != index_.committee_work_programmes.end()) {
      EasySection plans{"plans", "What will it look at?", {}};
      for (const std::string& wp : it->second) {
        plans.rows.push_back(
            Row("plan", {LinkTo("Read the plan of topics.", urls::WorkProgramme(wp))}));
      }
      p.sections.push_back(plans);
    }
    p.sections.push_back(FullVersion(urls::Committee(c.id), "page about this committee"));
    p.sections.push_back(Help(c.contact.id, false));
    return p;
  }

  EasyPage MeetingsPage() const {
    EasyPage p = Page(urls::Meetings(), "Meetings", site_.config.pos);
    EasySection s{"meetings", "What meetings are there?", {}};
    for (auto it = index_.meetings_by_date.rbegin(); it != index_.meetings_by_date.rend();
         ++it) {
      const Meeting& m = **it;
      EasyRow row = Row(ListPicture(m),
                        {Label(DayDate(m.start.date)),
                         LinkTo(CommitteeName(m) + " meeting.", urls::Meeting(m.id))});
      for (EasyLine& l : StatusLines(m)) row.lines.push_back(l);
      s.rows.push_back(row);
    }
    p.sections.push_back(s);
    p.sections.push_back(Help("", false));
    return p;
  }

  // What happens at an item, in fixed sentences chosen by its title, in the
  // meeting's tense. A meeting that did not happen (or that the site has no
  // record of) gets no sentences: nothing can be said to have been done.
  // A person's words about a meeting or item, in the meeting's tense.
  std::vector<EasyLine> WrittenIn(const std::string& text, const SourcePos& pos,
                                  When when) const {
    std::vector<EasyLine> lines = Written(text, pos);
    if (when != When::kFuture)
      for (EasyLine& l : lines) l.text = Retense(l.text, when == When::kPast);
    return lines;
  }

  std::vector<EasyLine> ItemSentences(const AgendaItem& item, When when) const {
    if (!item.easy_read.empty())
      return WrittenIn(item.easy_read, item.easy_read_pos, when);
    if (when == When::kPlanned) return {};
    bool past = when == When::kPast;
    std::string t = Lower(item.title);
    auto has = [&](const char* w) { return Contains(t, w); };
    std::vector<EasyLine> out;
    auto say = [&](const char* future, const char* then) {
      out.push_back(Say(past ? then : future));
    };
    // Standing items that name several things at once ("Request(s) for call
    // in/councillor call for action/petitions received (if any)"): each said.
    if (has("call in") || has("call-in"))
      say("Councillors can ask to look again at a decision.",
          "Councillors could ask to look again at a decision.");
    if (has("call for action"))
      say("A councillor can ask the committee to look at a local problem.",
          "A councillor could ask the committee to look at a local problem.");
    if (has("petition")) {
      out.push_back(Say("A petition is a request signed by many people."));
      say("The committee will hear about any petitions.",
          "The committee heard about any petitions.");
    }
    if (!out.empty()) return out;
    if (has("apolog"))
      say("Councillors will say if they cannot come.",
          "Councillors said if they could not come.");
    else if (has("substitut"))
      say("A councillor may send another councillor in their place.",
          "A councillor could send another councillor in their place.");
    else if (has("declaration") || has("interest"))
      say("Councillors will say if they have a personal link to a topic.",
          "Councillors said if they had a personal link to a topic.");
    else if (has("minutes"))
      say("Councillors will check the notes of the last meeting.",
          "Councillors checked the notes of the last meeting.");
    else if (has("public") && has("question"))
      say("People who live here can ask questions.",
          "People who live here could ask questions.");
    else if (has("question"))
      say("Councillors can ask questions.", "Councillors could ask questions.");
    else if (has("next meeting"))
      say("They will say when the next meeting is.",
          "They said when the next meeting would be.");
    else if (has("work programme"))
      say("Councillors will plan what they look at next.",
          "Councillors planned what they would look at next.");
    else
      say("Councillors will talk about this.", "Councillors talked about this.");
    return out;
  }

  // What a meeting decided, from the resolutions its minutes were parsed
  // into: each short one in plain words ("They took note of the report."),
  // and a link to the words as written. `link` is the page (and anchor) to
  // read them at.
  std::vector<EasyLine> DecisionLines(
      const std::vector<MinuteResolution>& resolutions,
      const std::function<EasyLine(const std::string&)>& link) const {
    std::vector<EasyLine> lines;
    if (resolutions.empty()) return lines;
    std::vector<std::string> plain;
    for (const MinuteResolution& r : resolutions) {
      std::string said = X(PlainResolution(r));
      if (!said.empty() && CountWords(said) <= kMaxWords) plain.push_back(said);
    }
    size_t n = resolutions.size();
    if (n > 1 || plain.empty())
      lines.push_back(Say(n == 1 ? "They made 1 decision."
                                 : "They made " + std::to_string(n) + " decisions."));
    for (const std::string& said : plain) lines.push_back(Say(said));
    lines.push_back(link(plain.size() < n ? "Read what they decided."
                         : n == 1         ? "Read the decision as written."
                                          : "Read the decisions as written."));
    return lines;
  }

  const MinuteSection* SectionOf(const Meeting& m, const std::string& item) const {
    auto mins = site_.minutes.find(m.id);
    if (mins == site_.minutes.end()) return nullptr;
    for (const MinuteSection& s : mins->second.sections)
      if (s.item == item) return &s;
    return nullptr;
  }

  void AddItems(const Meeting& m, const std::vector<AgendaItem>& items, When when,
                EasySection& s) const {
    for (const AgendaItem& item : items) {
      std::string picture = !item.picture.empty() && IsPictogram(item.picture)
                                ? item.picture
                                : ChoosePictogram(item.title, "meeting");
      EasyRow row{
          picture, {Label("Item " + item.full_number + ": " + T(item.title))}, ""};
      for (EasyLine& l : ItemSentences(item, when)) row.lines.push_back(l);
      if (item.exempt && when != When::kPlanned) {
        if (when == When::kPast) {
          row.lines.push_back(Say("This part of the meeting may have been private."));
        } else {
          row.lines.push_back(Say("This part of the meeting may be private."));
          row.lines.push_back(Say("The public may be asked to leave."));
        }
      }
      row.id = urls::ItemAnchor(item.full_number);
      std::string key = m.id + "/" + item.full_number;
      if (auto it = index_.item_documents.find(key); it != index_.item_documents.end()) {
        for (const std::string& doc_id : it->second) {
          if (const Document* d = index_.FindDocument(m.id, doc_id)) {
            row.lines.push_back(LinkTo(T(d->title), urls::Document(m.id, doc_id)));
          }
        }
      }
      if (m.has_minutes) {
        if (auto it = index_.item_minutes.find(key); it != index_.item_minutes.end()) {
          std::string anchor = urls::Minutes(m.id) + "#" + urls::MinuteAnchor(it->second);
          const MinuteSection* section = SectionOf(m, item.full_number);
          std::vector<EasyLine> decided;
          if (section)
            decided = DecisionLines(section->resolutions, [&](const std::string& text) {
              return LinkTo(text, anchor);
            });
          if (decided.empty()) decided.push_back(LinkTo("Read what they said.", anchor));
          for (EasyLine& l : decided) row.lines.push_back(l);
        }
      }
      s.rows.push_back(row);
      AddItems(m, item.sub_items, when, s);
    }
  }

  // A meeting's notice ("the meeting may be filmed", "ask for large print",
  // "to speak, register by ...") as easy read can say it: what it is about,
  // in fixed sentences, and a link to the notice as written.
  std::optional<EasySection> NoticeSection(const Meeting& m, When when) const {
    if (m.notice.empty()) return std::nullopt;
    std::string n = Lower(m.notice);
    auto has = [&](const char* w) { return Contains(n, w); };
    EasySection s{"notice", "Is there anything else to know?", {}};
    bool planned = when == When::kPlanned;
    if (!planned && (has("film") || has("broadcast") || has("webcast") || has("stream") ||
                     has("recorded") || has("photograph"))) {
      s.rows.push_back(Row(
          "webcast", {Say(when == When::kPast ? "The meeting may have been filmed."
                                              : "The meeting may be filmed."),
                      Say(when == When::kPast ? "It may have been shown on the internet."
                                              : "It may be shown on the internet.")}));
    }
    if (has("large print") || has("braille") || has("format") || has("language") ||
        has("easy read") || has("audio")) {
      s.rows.push_back(
          Row("document", {Say("You can ask for the papers in another form."),
                           Say("For example, large print or another language.")}));
    }
    if (when == When::kFuture && (has("speak") || has("deputation") ||
                                  has("public participation") || has("register"))) {
      s.rows.push_back(Row("public", {Say("You may be able to speak at the meeting."),
                                      Say("You must ask to speak before a set time."),
                                      Say("The note below says when.")}));
    }
    if (has("assumed") || has("not taken from") || has("usual")) {
      s.rows.push_back(Row("warning", {Say("Some details on this page are a best guess."),
                                       Say("The note below says which.")}));
    }
    s.rows.push_back(
        Row("information",
            {Say("There is a note about this meeting."),
             LinkStandard("Read the note.", urls::Meeting(m.id) + "#banner-title")}));
    return s;
  }

  EasyPage MeetingPage(const Meeting& m) const {
    std::string committee = CommitteeName(m);
    EasyPage p = Page(urls::Meeting(m.id), committee + " meeting", m.pos);
    const When when = WhenOf(m);
    const bool past = when == When::kPast;
    const bool future = when == When::kFuture;
    const bool cancelled = m.status == MeetingStatus::kCancelled;
    const bool postponed = m.status == MeetingStatus::kPostponed;
    const bool referenced = m.kind == MeetingKind::kReferenced;
    const bool date_passed = past || m.start.date < site_.today;

    EasySection about{"about", "What is this meeting about?", {}};
    if (!m.easy_read.empty()) {
      about.rows.push_back(Row("meeting", WrittenIn(m.easy_read, m.easy_read_pos, when)));
    } else if (referenced) {
      // Another body's meeting: only what the records say.
      std::vector<EasyLine> lines = {Say("Another group runs this meeting."),
                                     Say("Papers on this website talk about it."),
                                     Say("This website does not have its papers.")};
      if (!m.papers_url.empty())
        lines.push_back(External("Read its papers on its own website.", m.papers_url));
      about.rows.push_back(Row("meeting", lines));
    } else if (m.kind == MeetingKind::kInformal) {
      about.rows.push_back(
          Row("meeting", {Say("This is an informal meeting."),
                          Say("It is not a formal committee meeting.")}));
    } else {
      about.rows.push_back(Row("meeting", {Say("This is a meeting of councillors."),
                                           Say("They check the work of the council.")}));
    }
    p.sections.push_back(about);

    EasySection whens{"when", future ? "When is it?" : "When was it?", {}};
    if (cancelled) {
      whens.rows.push_back(Row("cancelled", {Say("This meeting has been cancelled."),
                                             Say(date_passed ? "It did not happen."
                                                             : "It will not happen.")}));
    } else if (postponed) {
      whens.rows.push_back(
          Row("cancelled", {Say("This meeting has been moved to another day.")}));
      const Meeting* to =
          m.moved_to.empty() ? nullptr : index_.FindMeeting(m.moved_to.id);
      if (to)
        whens.rows.back().lines.push_back(
            LinkTo("The new meeting is on " + DayDate(to->start.date) + ".",
                   urls::Meeting(to->id)));
      else
        whens.rows.back().lines.push_back(
            Say("This website does not have the new date."));
    }
    std::string date = DayDate(m.start.date);
    if (past) {
      whens.rows.push_back(Row("date", {Say("The meeting was on " + date + ".")}));
    } else if (future) {
      whens.rows.push_back(Row("date", {Say("The meeting is on " + date + ".")}));
    } else {
      std::vector<EasyLine> lines = {Say("The meeting was planned for " + date + ".")};
      if (!cancelled && !postponed) {
        lines.push_back(Say("This date has passed."));
        if (!referenced)
          lines.push_back(Say("This website does not say yet if it happened."));
      }
      whens.rows.push_back(Row("date", lines));
    }
    // A time the papers do not give is said to be unknown.
    std::vector<EasyLine> time;
    if (m.start.time && past)
      time.push_back(Say("It started at " + TimeInWords(*m.start.time) + "."));
    else if (m.start.time && future)
      time.push_back(Say("It starts at " + TimeInWords(*m.start.time) + "."));
    else if (m.start.time && !cancelled && !postponed)
      time.push_back(
          Say("It was planned to start at " + TimeInWords(*m.start.time) + "."));
    else if (future)
      time.push_back(Say("The time has not been decided yet."));
    if (m.end && past) time.push_back(Say("It ended at " + TimeInWords(*m.end) + "."));
    if (!time.empty()) whens.rows.push_back(Row("time", time));
    if (past)
      whens.rows.push_back(Row("meeting", {Say("This meeting has already happened.")}));
    p.sections.push_back(whens);

    // Where: nothing for a meeting that will not take place.
    if (!cancelled && !postponed) {
      EasySection where{"where", future ? "Where is it?" : "Where was it?", {}};
      auto venue = site_.venues.find(m.venue.id);
      if (m.venue_tbc) {
        where.rows.push_back(
            Row("place", {Say(future ? "The place has not been decided yet."
                                     : "This website does not say where it was.")}));
      } else if (venue != site_.venues.end()) {
        const Venue& v = venue->second;
        std::string address = v.address + (v.postcode.empty() ? "" : ", " + v.postcode);
        std::vector<EasyLine> lines = {Say((past     ? "It was at "
                                            : future ? "It is at "
                                                     : "It was planned to be at ") +
                                           v.name + ".")};
        if (!Trim(address).empty() && address != v.postcode)
          lines.push_back(Say("The address is " + address + "."));
        else if (!v.postcode.empty())
          lines.push_back(Say("The postcode is " + v.postcode + "."));
        where.rows.push_back(Row("place", lines));
      }
      if (!m.webcast.empty()) {
        where.rows.push_back(
            Row("webcast", {Say(future ? "You can watch the meeting on the internet."
                                       : "There may be a film of it on the internet."),
                            External("Watch the meeting online.", m.webcast)}));
      }
      if (!where.rows.empty()) p.sections.push_back(where);
    }

    if (std::optional<EasySection> notice = NoticeSection(m, when))
      p.sections.push_back(*notice);

    // Who: only for a meeting that happened or is still to come, and only
    // what the records (or the meeting's kind) say.
    if (past || future) {
      EasySection who{"who", past ? "Who was there?" : "Who will be there?", {}};
      if (past && !m.attendance.present.empty()) {
        who.rows.push_back(
            Row("councillor", {Say(std::to_string(m.attendance.present.size()) +
                                   " members of the committee came.")}));
        if (!m.attendance.apologies.empty()) {
          who.rows.push_back(
              Row("apologies", {Say(std::to_string(m.attendance.apologies.size()) +
                                    " members said they could not come.")}));
        }
        if (!m.attendance.also_attending.empty()) {
          who.rows.push_back(
              Row("officer", {Say("Council staff came to answer questions.")}));
        }
      } else if (referenced) {
        // Another body's members: the site does not know who.
      } else if (past) {
        who.rows.push_back(
            Row("councillor", {Say("Councillors from the committee were there.")}));
      } else {
        who.rows.push_back(
            Row("councillor", {Say("Councillors from the committee will be there.")}));
        who.rows.push_back(
            Row("officer", {Say("Council staff will be there to answer questions.")}));
      }
      if (std::optional<bool> open = OpenToPublic(m)) {
        if (*open)
          who.rows.push_back(Row("public", {Say(past ? "Anyone could come and watch."
                                                     : "Anyone can come and watch.")}));
        else
          who.rows.push_back(
              Row("public", {Say(past ? "The public could not come to it."
                                      : "The public cannot come to it.")}));
      }
      if (!who.rows.empty()) p.sections.push_back(who);
    }

    if (!m.agenda.empty()) {
      EasySection items{"agenda",
                        past     ? "What did they talk about?"
                        : future ? "What will they talk about?"
                                 : "What was planned?",
                        {}};
      items.rows.push_back(
          Row("list", {Say("The list of things to talk about is called the agenda.")}));
      if (!past && !future)
        items.rows.back().lines.push_back(Say("These things were on the list."));
      AddItems(m, m.agenda, when, items);
      p.sections.push_back(items);
    }
    if (m.has_minutes) {
      auto mins = site_.minutes.find(m.id);
      bool notes =
          mins != site_.minutes.end() && mins->second.kind == MinutesKind::kActionNotes;
      p.sections.push_back(
          {"minutes",
           notes ? "What did they agree to do?" : "What did they decide?",
           {Row("minutes",
                {Say(notes ? "The notes of this meeting are called action notes."
                           : "The notes of a meeting are called the minutes."),
                 LinkTo(notes ? "Read the action notes." : "Read the minutes.",
                        urls::Minutes(m.id))})}});
    }
    p.sections.push_back(FullVersion(urls::Meeting(m.id), "page about this meeting"));
    std::string contact = m.contact.id;
    if (contact.empty()) {
      if (const Committee* c = index_.CommitteeOf(m)) contact = c->contact.id;
    }
    p.sections.push_back(Help(contact, true));
    return p;
  }

  // "## Question?" headings and paragraphs; "(picture: money)" at the start
  // of a paragraph chooses its pictogram.
  void PersonWritten(const EasyReadVersion& v, EasyPage& p) const {
    EasySection current{"easy-1", "What is this paper about?", {}};
    int n = 1;
    int line_no = v.body_line;
    std::string para;
    int para_line = 0;
    auto flush = [&]() {
      std::string text = Trim(para);
      para.clear();
      if (text.empty()) return;
      std::string picture;
      if (text.rfind("(picture:", 0) == 0) {
        size_t close = text.find(')');
        if (close != std::string::npos) {
          picture = Trim(text.substr(9, close - 9));
          text = Trim(text.substr(close + 1));
        }
      }
      if (picture.empty() || !IsPictogram(picture))
        picture = ChoosePictogram(text, "information");
      current.rows.push_back(
          Row(picture, Written(text, SourcePos{v.path, para_line, 1})));
    };
    size_t start = 0;
    const std::string& body = v.body;
    while (start <= body.size()) {
      size_t end = body.find('\n', start);
      if (end == std::string::npos) end = body.size();
      std::string line = body.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.rfind("## ", 0) == 0 || line.rfind("# ", 0) == 0) {
        flush();
        if (!current.rows.empty()) p.sections.push_back(current);
        current = EasySection{
            "easy-" + std::to_string(++n), Trim(line.substr(line.find(' '))), {}};
      } else if (Trim(line).empty()) {
        flush();
      } else {
        if (para.empty()) para_line = line_no;
        para += line + " ";
      }
      ++line_no;
      start = end + 1;
    }
    flush();
    if (!current.rows.empty()) p.sections.push_back(current);
  }

  EasyPage DocumentPage(const Document& d) const {
    EasyPage p = Page(urls::Document(d.meeting_id, d.id), T(d.title), d.pos);
    const Meeting* m = index_.FindMeeting(d.meeting_id);
    auto version = site_.easy_read_versions.find(d.meeting_id + "/" + d.id);
    if (version != site_.easy_read_versions.end()) {
      p.person_written = true;
      p.out_of_date = version->second.out_of_date;
      p.source = version->second.pos;
    }

    EasySection what{"what", "What is this paper?", {}};
    std::string kind = d.kind == DocumentKind::kAppendix   ? "an extra paper"
                       : d.kind == DocumentKind::kBriefing ? "a short note"
                       : d.kind == DocumentKind::kPlan     ? "a plan"
                       : d.kind == DocumentKind::kReport   ? "a report"
                                                           : "a paper";
    std::vector<EasyLine> lines = {Say("This is " + kind + " for a meeting.")};
    if (m) {
      When when = WhenOf(*m);
      std::string date = DayDate(m->start.date);
      lines.push_back(LinkTo(when == When::kPast ? "The meeting was on " + date + "."
                             : when == When::kFuture
                                 ? "The meeting is on " + date + "."
                                 : "The meeting was planned for " + date + ".",
                             urls::Meeting(m->id)));
    }
    what.rows.push_back(
        Row(d.kind == DocumentKind::kReport ? "report" : "document", lines));
    for (const PaperPerson& author : d.authors) {
      std::string name =
          author.person.empty() ? author.name : index_.PersonName(author.person.id);
      if (!name.empty())
        what.rows.push_back(Row("officer", {Say(X(name) + " wrote it.")}));
    }
    if (d.key_decision && *d.key_decision) {
      what.rows.push_back(Row("decision", {Say("It is about an important decision.")}));
    }
    if (d.status == DocumentStatus::kDraft) {
      what.rows.push_back(
          Row("warning", {Say("This paper is a draft."), Say("It may change.")}));
    }
    p.sections.push_back(what);

    if (p.person_written) {
      if (p.out_of_date) {
        p.sections.push_back(
            {"out-of-date",
             "Is this easy read version up to date?",
             {Row("warning", {Say("The full paper has changed since this was written."),
                              Say("This easy read version may be out of date.")})}});
      }
      PersonWritten(version->second, p);
    } else {
      EasySection says{"about", "What is it about?", {}};
      const AgendaItem* item =
          m && !d.item.empty() ? index_.FindItem(*m, d.item) : nullptr;
      if (d.exempt) {
        says.rows.push_back(
            Row("private", {Say("This paper is private."),
                            Say("The law says it cannot be shown to the public.")}));
      } else {
        // What the paper is, from its own records: never the summary of
        // its agenda item (an appendix is not what its item is about).
        // (Its title is the page's heading.)
        if (!d.recommendations.empty()) {
          std::vector<EasyLine> recs;
          std::vector<std::string> plain;
          for (const Recommendation& r : d.recommendations) {
            std::string said = X(PlainRecommendation(r));
            if (!said.empty() && CountWords(said) <= kMaxWords) plain.push_back(said);
          }
          size_t n = d.recommendations.size();
          if (plain.size() < n)
            recs.push_back(Say(n == 1
                                   ? "It makes 1 suggestion."
                                   : "It makes " + std::to_string(n) + " suggestions."));
          for (const std::string& said : plain) recs.push_back(Say(said));
          recs.push_back(LinkStandard(n == 1 ? "Read the suggestion as written."
                                             : "Read the suggestions as written.",
                                      p.key + "#recommendations"));
          says.rows.push_back(Row("decision", recs));
        }
        if (item) {
          says.rows.push_back(Row(
              "meeting",
              {LinkTo(
                  "It is for item " + item->full_number + " of the meeting.",
                  urls::Meeting(m->id) + "#" + urls::ItemAnchor(item->full_number))}));
        }
        says.rows.push_back(
            Row("help", {Say("There is no easy read version of this paper yet."),
                         Say("You can ask us to write one.")}));
      }
      p.sections.push_back(says);
    }
    p.sections.push_back(FullVersion(p.key, "paper"));
    std::string contact;
    if (m) {
      contact = m->contact.id;
      if (contact.empty()) {
        if (const Committee* c = index_.CommitteeOf(*m)) contact = c->contact.id;
      }
    }
    p.sections.push_back(Help(contact, true));
    return p;
  }

  // The words for one action of the minutes: only what they say.
  std::vector<EasyLine> ActionSentences(const MinuteAction& a) const {
    std::vector<EasyLine> lines;
    std::string who = a.owner_text;
    if (who.empty() && !a.owner.empty())
      if (auto p = site_.people.find(a.owner.id); p != site_.people.end())
        who = p->second.name;
    if (!who.empty() && a.due)
      lines.push_back(Say(X(who) + " should do it by " + DayDate(*a.due) + "."));
    else if (!who.empty())
      lines.push_back(Say(X(who) + " should do it."));
    else if (a.due)
      lines.push_back(Say("It should be done by " + DayDate(*a.due) + "."));
    switch (a.status) {
      case ActionStatus::kNotGiven:
        break;
      case ActionStatus::kOpen:
        lines.push_back(Say("It is not done yet."));
        break;
      case ActionStatus::kInProgress:
        lines.push_back(Say("It has been started."));
        break;
      case ActionStatus::kDone:
        lines.push_back(Say("It has been done."));
        break;
      case ActionStatus::kOverdue:
        lines.push_back(Say("It is late."));
        break;
      case ActionStatus::kCancelled:
        lines.push_back(Say("It will not be done now."));
        break;
    }
    return lines;
  }

  // What a minute (or the text before the first) decided and left to do,
  // from the records the minutes were parsed into.
  void RecordLines(const Minutes& mins, const std::vector<MinuteResolution>& resolutions,
                   const std::vector<MinuteAction>& actions, EasyRow& row) const {
    const std::string page = urls::Minutes(mins.meeting_id);
    if (!resolutions.empty()) {
      for (EasyLine& l : DecisionLines(resolutions, [&](const std::string& text) {
             return LinkStandard(text, page + "#" + resolutions.front().id);
           }))
        row.lines.push_back(l);
    }
    if (!actions.empty()) {
      size_t n = actions.size();
      row.lines.push_back(Say(n == 1 ? "There is 1 thing to do after the meeting."
                                     : "There are " + std::to_string(n) +
                                           " things to do after the meeting."));
      for (const MinuteAction& a : actions)
        for (EasyLine& l : ActionSentences(a)) row.lines.push_back(l);
    }
  }

  EasyPage MinutesPage(const Minutes& mins) const {
    const Meeting* m = index_.FindMeeting(mins.meeting_id);
    std::string date = m ? DayDate(m->start.date) : mins.meeting_id;
    bool notes = mins.kind == MinutesKind::kActionNotes;
    std::string these = notes ? "These action notes" : "These minutes";
    EasyPage p = Page(
        urls::Minutes(mins.meeting_id),
        std::string(notes ? "Action notes" : "Minutes") + " of the meeting on " + date,
        mins.pos);
    EasySection what{"what", notes ? "What are action notes?" : "What are minutes?", {}};
    if (notes) {
      what.rows.push_back(
          Row("minutes", {Say("Action notes are short notes of a meeting."),
                          Say("They say what people agreed to do.")}));
    } else {
      what.rows.push_back(
          Row("minutes", {Say("Minutes are the notes of a meeting."),
                          Say("They say what the councillors decided.")}));
    }
    if (mins.status == MinutesStatus::kDraft) {
      what.rows.push_back(Row(
          "warning",
          {Say(these + " are a draft."), Say("The committee has not agreed them yet.")}));
    } else {
      what.rows.push_back(
          Row("decision", {Say("The committee agreed " + Lower(these) + " are right.")}));
    }
    p.sections.push_back(what);
    EasySection items{"minutes", "What did they talk about?", {}};
    if (!mins.resolutions.empty() || !mins.actions.empty()) {
      EasyRow row{"decision", {Label(notes ? "The action notes" : "The minutes")}, ""};
      RecordLines(mins, mins.resolutions, mins.actions, row);
      items.rows.push_back(row);
    }
    std::set<std::string> used;
    for (const MinuteSection& s : mins.sections) {
      const AgendaItem* item = m ? index_.FindItem(*m, s.item) : nullptr;
      std::string title = item ? item->title : s.title;
      EasyRow row{ChoosePictogram(title, "minutes"),
                  {Label("Minute " + std::to_string(s.number) + ": " + T(title))},
                  ""};
      if (item) {
        for (EasyLine& l : ItemSentences(*item, When::kPast)) row.lines.push_back(l);
      }
      RecordLines(mins, s.resolutions, s.actions, row);
      row.lines.push_back(LinkStandard(
          "Read this minute in full.",
          urls::Minutes(mins.meeting_id) + "#" + urls::MinuteAnchor(s.number)));
      row.id = urls::MinuteAnchor(s.number);
      items.rows.push_back(row);
    }
    if (!items.rows.empty()) p.sections.push_back(items);
    if (m) {
      p.sections.push_back({"meeting",
                            "Which meeting is this?",
                            {Row("meeting", {LinkTo("Go to the meeting on " + date + ".",
                                                    urls::Meeting(m->id))})}});
    }
    p.sections.push_back(FullVersion(p.key, notes ? "action notes" : "minutes"));
    p.sections.push_back(Help(m && !m->contact.empty() ? m->contact.id : "", true));
    return p;
  }

  EasyPage PeoplePage() const {
    EasyPage p = Page(urls::People(), "People", site_.config.pos);
    EasySection s{"people",
                  "Who are the people?",
                  {Row("people", {Say("These people go to the meetings."),
                                  Say("Some are councillors."),
                                  Say("Some work for the council.")})}};
    for (const auto& [id, person] : site_.people) {
      s.rows.push_back(Row(person.honorific == "Councillor" ? "councillor" : "person",
                           {LinkTo(index_.PersonName(id) + ".", urls::Person(id))}));
    }
    p.sections.push_back(s);
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage PersonPage(const Person& person) const {
    std::string name = index_.PersonName(person.id);
    EasyPage p = Page(urls::Person(person.id), name, person.pos);
    EasySection who{"who", "Who is this?", {}};
    bool councillor = person.honorific == "Councillor";
    if (councillor) {
      who.rows.push_back(Row("councillor", {Say(name + " is a councillor."),
                                            Say("People in the area voted for them.")}));
    } else if (!person.job_title.empty() && CountWords(person.job_title) <= 10) {
      who.rows.push_back(
          Row("officer", {Say("Their job is " + X(person.job_title) + ".")}));
    } else {
      who.rows.push_back(Row("person", {Say(name + " takes part in meetings.")}));
    }
    if (!person.organisation.empty()) {
      who.rows.push_back(
          Row("group", {Say("They work with " + X(person.organisation) + ".")}));
    }
    p.sections.push_back(who);
    for (const auto& [cid, c] : site_.committees) {
      for (const Membership& mem : c.members) {
        if (mem.person.id != person.id || !IsCurrent(mem.from, mem.to, site_.today))
          continue;
        std::string role = mem.role == MemberRole::kChair ? "They are the chair of "
                           : mem.role == MemberRole::kViceChair
                               ? "They are the vice-chair of "
                               : "They are a member of ";
        p.sections.back().rows.push_back(
            Row("group", {LinkTo(role + X(c.name) + ".", urls::Committee(cid))}));
        break;
      }
    }
    if (auto it = index_.attendance.find(person.id); it != index_.attendance.end()) {
      int came = 0, sorry = 0;
      for (const AttendanceRecord& r : it->second) {
        if (r.kind == "apologies")
          ++sorry;
        else
          ++came;
      }
      EasySection att{"meetings", "Which meetings did they go to?", {}};
      if (came)
        att.rows.push_back(
            Row("meeting", {Say("They went to " + std::to_string(came) +
                                (came == 1 ? " meeting." : " meetings."))}));
      if (sorry)
        att.rows.push_back(
            Row("apologies", {Say("They could not come to " + std::to_string(sorry) +
                                  (sorry == 1 ? " meeting." : " meetings."))}));
      if (!att.rows.empty()) p.sections.push_back(att);
    }
    p.sections.push_back(FullVersion(p.key, "page about this person"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage WorkProgrammePage(const WorkProgramme& wp) const {
    EasyPage p = Page(urls::WorkProgramme(wp.id), "Plan of topics", wp.pos);
    p.sections.push_back(
        {"what",
         "What is this plan?",
         {Row("plan", {Say("This is a list of topics for the committee."),
                       Say("It says when they will look at each one.")})}});
    EasySection rows{"topics", "What will they look at?", {}};
    for (const WorkProgrammeRow& r : wp.rows) {
      EasyRow row{ChoosePictogram(r.topic, "plan"), {Label(X(r.topic))}, ""};
      if (r.when == WhenKind::kMeeting) {
        if (const Meeting* m = index_.FindMeeting(r.meeting.id)) {
          row.lines.push_back(LinkTo("At the meeting on " + DayDate(m->start.date) + ".",
                                     urls::Meeting(m->id)));
        }
      } else if (r.when == WhenKind::kStanding) {
        // How often only when the papers say: a standing item is not
        // "every meeting" unless its cadence says so.
        row.lines.push_back(Say("This topic comes back regularly."));
        if (!r.cadence.empty() && CountWords(r.cadence) <= 8)
          row.lines.push_back(Say("How often: " + X(r.cadence) + "."));
      } else if (r.when == WhenKind::kMonth) {
        row.lines.push_back(
            Say("They plan to look at this in " + MonthYear(r.year, r.month) + "."));
      } else {
        row.lines.push_back(Say("The date is not fixed yet."));
      }
      rows.rows.push_back(row);
    }
    p.sections.push_back(rows);
    p.sections.push_back(FullVersion(p.key, "plan"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage ForwardPlansPage() const {
    EasyPage p = Page(urls::ForwardPlans(), "Decisions to come", site_.config.pos);
    p.sections.push_back(
        {"what",
         "What are these lists?",
         {Row("decision", {Say("The council must say which big decisions are coming."),
                           Say("It says so at least 28 days before.")})}});
    EasySection plans{"plans", "Which lists are there?", {}};
    for (const auto& [id, plan] : site_.forward_plans) {
      std::string text = plan.published
                             ? "The list from " + DayDate(*plan.published) + "."
                             : "Read the list.";
      plans.rows.push_back(Row("list", {LinkTo(text, urls::ForwardPlan(id))}));
    }
    if (!plans.rows.empty()) p.sections.push_back(plans);
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage ForwardPlanPage(const ForwardPlan& plan) const {
    EasyPage p = Page(urls::ForwardPlan(plan.id), "Decisions to come", plan.pos);
    EasySection what{"what", "What is this list?", {}};
    what.rows.push_back(
        Row("decision", {Say("This is a list of decisions the council plans."),
                         Say("It says who will decide and when.")}));
    if (plan.published)
      what.rows.push_back(Row("date", {Say("The council published it on " +
                                           DayDate(*plan.published) + ".")}));
    p.sections.push_back(what);
    EasySection list{"decisions", "What will they decide?", {}};
    for (const ForwardPlanEntry& e : plan.entries) {
      EasyRow row{ChoosePictogram(e.title, "decision"), {Label(X(e.title))}, ""};
      row.id = urls::ForwardPlanEntryAnchor(e.id);
      std::string maker = DecisionMakerName(site_, e);
      if (!maker.empty() && CountWords(maker) <= 10)
        row.lines.push_back(Say("Who decides: " + X(maker) + "."));
      switch (e.expected) {
        case ExpectedKind::kDate:
          row.lines.push_back(
              Say("They plan to decide on " + DayDate(e.expected_date) + "."));
          break;
        case ExpectedKind::kMonth:
          row.lines.push_back(Say("They plan to decide in " +
                                  MonthYear(e.expected_date.year, e.expected_date.month) +
                                  "."));
          break;
        case ExpectedKind::kTbc:
          row.lines.push_back(Say("The date is not fixed yet."));
          break;
      }
      if (e.key_decision == KeyDecision::kYes) {
        row.lines.push_back(Say("The law calls this a key decision."));
        row.lines.push_back(Say("It is a big decision."));
      }
      if (e.access == DecisionAccess::kExempt || e.access == DecisionAccess::kPartExempt)
        row.lines.push_back(Say("Some of the papers may be private."));
      if (!e.meeting.empty()) {
        if (const Meeting* m = index_.FindMeeting(e.meeting.id))
          row.lines.push_back(
              LinkTo("Go to the meeting on " + DayDate(m->start.date) + ".",
                     urls::Meeting(m->id)));
      }
      list.rows.push_back(row);
    }
    if (!list.rows.empty()) p.sections.push_back(list);
    p.sections.push_back(FullVersion(p.key, "list of decisions"));
    p.sections.push_back(Help(plan.contact.id, false));
    return p;
  }

  EasyPage GlossaryPage() const {
    EasyPage p = Page(urls::Glossary(), "What words mean", site_.config.pos);
    p.glossary = true;
    p.sections.push_back(
        {"about",
         "What is this page?",
         {Row("information", {Say("Council papers use some hard words."),
                              Say("Some words are short forms made of capital letters."),
                              Say("This page says what they mean.")})}});
    EasySection words{"words", "What do the words mean?", {}};
    for (const auto& [term, t] : site_.glossary) {
      if (t.name && t.plain.empty()) continue;  // a name with nothing to say
      EasyRow row{"information", {Label(t.term)}, ""};
      // Each meaning's words, placed at its entry in glossary.yaml, so that
      // what `clerk check` says of them points there.
      auto add = [&](const std::string& expansion, const std::string& plain,
                     const SourcePos& pos, const char* intro) {
        if (!expansion.empty() && expansion != t.term) {
          row.lines.push_back(Say(intro + expansion + "."));
          row.lines.back().pos = pos;
        }
        // A sentence too long for easy read is split where its clauses
        // meet; what cannot be split is kept as written, and `clerk check`
        // reports it at the entry (never dropped).
        bool too_long = false;
        for (const std::string& sentence : SplitSentences(plain)) {
          for (const std::string& part : SplitLongSentence(sentence)) {
            row.lines.push_back(Say(part));
            row.lines.back().pos = pos;
            row.lines.back().check_only = CountWords(part) > kMaxWords;
            too_long |= row.lines.back().check_only;
          }
        }
        if (too_long) {
          row.lines.push_back(Say("Part of what it means is too long for easy read."));
          row.lines.push_back(LinkStandard(
              "Read what it means.",
              urls::Glossary() + "#" + GlossaryExpander::TermAnchor(t.term)));
        }
      };
      if (t.meanings.empty()) add(t.expansion, t.plain, t.pos, "It means ");
      for (const GlossaryMeaning& m : t.meanings)
        add(m.expansion, m.plain, m.pos, "In some papers, it means ");
      words.rows.push_back(row);
    }
    p.sections.push_back(words);
    p.sections.push_back(FullVersion(p.key, "list of words"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage AccessibilityPage() const {
    EasyPage p = Page(urls::Accessibility(), "Accessibility", site_.config.pos);
    p.sections.push_back(
        {"about",
         "Can everyone use this website?",
         {Row("website", {Say("We want everyone to be able to use this website.")}),
          Row("document", {Say("Every page has a large print version."),
                           Say("Every page has an easy read version.")}),
          Row("warning", {Say("Tell us if something does not work for you.")})}});
    p.sections.push_back(FullVersion(p.key, "accessibility statement"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage Fallback(const std::string& key, const std::string& title) const {
    EasyPage p = Page(key, X(title), site_.config.pos);
    if (key.rfind("decisions/", 0) == 0) {
      p.title = "What the committees decided";
      p.sections.push_back(
          {"about",
           "What is on this page?",
           {Row("decision",
                {Say("Committees make decisions at their meetings."),
                 Say("The minutes of each meeting say what they decided.")})}});
      EasySection list{"minutes", "Where can I read the decisions?", {}};
      for (auto it = index_.meetings_by_date.rbegin();
           it != index_.meetings_by_date.rend(); ++it) {
        const Meeting& m = **it;
        auto mins = site_.minutes.find(m.id);
        if (mins == site_.minutes.end()) continue;
        std::string committee =
            key == "decisions/index.html" ? "" : key.substr(10, key.find('/', 10) - 10);
        if (!committee.empty() && m.committee.id != committee) continue;
        // The resolutions the minutes were parsed into: a meeting that
        // decided nothing is not listed.
        size_t n = mins->second.resolutions.size();
        for (const MinuteSection& s : mins->second.sections) n += s.resolutions.size();
        if (n == 0) continue;
        list.rows.push_back(Row(
            "minutes", {Label(CommitteeName(m)),
                        Say(n == 1 ? "They made 1 decision."
                                   : "They made " + std::to_string(n) + " decisions."),
                        LinkTo("Read what they decided on " + DayDate(m.start.date) + ".",
                               urls::Minutes(m.id))}));
      }
      if (!list.rows.empty()) p.sections.push_back(list);
    } else {
      p.sections.push_back(
          {"about",
           "Is this page in easy read?",
           {Row("information", {Say("This page is not in easy read yet."),
                                LinkStandard("Go to the page.", key)})}});
    }
    p.sections.push_back(FullVersion(key, "page"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage NotFound() const {
    EasyPage p = Page(urls::NotFound(), "We cannot find this page", site_.config.pos);
    p.sections.push_back(
        {"what-now",
         "What can I do?",
         {Row("warning", {Say("The web address may be wrong.")}),
          Row("website", {LinkTo("Go to the home page.", urls::Home()),
                          LinkTo("See all meetings.", urls::Meetings())})}});
    return p;
  }

  const SiteIndex& index_;
  const Site& site_;
  const std::set<std::string>& acronyms_;  // the glossary's terms, for PlainTitle
};

}  // namespace

std::vector<std::string> SplitSentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::string t = text;
  for (char& c : t) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  for (size_t i = 0; i < t.size(); ++i) {
    current += t[i];
    bool end = (t[i] == '.' || t[i] == '!' || t[i] == '?') &&
               (i + 1 == t.size() || t[i + 1] == ' ');
    if (end) {
      std::string s = Trim(current);
      if (!s.empty()) out.push_back(s);
      current.clear();
    }
  }
  std::string s = Trim(current);
  if (!s.empty()) out.push_back(s);
  return out;
}

int CountWords(const std::string& sentence) {
  int words = 0;
  bool in_word = false, has_alnum = false;
  for (size_t i = 0; i <= sentence.size(); ++i) {
    char c = i < sentence.size() ? sentence[i] : ' ';
    unsigned char u = static_cast<unsigned char>(c);
    bool part = ascii::IsAlnum(c) || c == '\'' || c == '-' || c == '&' || u >= 0x80;
    if (part) {
      in_word = true;
      has_alnum |= ascii::IsAlnum(c) || u >= 0x80;
    } else if (in_word) {
      if (has_alnum) ++words;
      in_word = has_alnum = false;
    }
  }
  return words;
}

std::string TimeInWords(const TimeOfDay& t) {
  if (t.hour == 12 && t.minute == 0) return "12 noon";
  if (t.hour == 0 && t.minute == 0) return "midnight";
  int hour = t.hour;
  int minute = t.minute;
  std::string part;
  int next = hour + 1;
  auto h12 = [](int h) { return std::to_string(h % 12 == 0 ? 12 : h % 12); };
  auto when = [](int h) {
    return h < 12 ? " in the morning" : h < 18 ? " in the afternoon" : " in the evening";
  };
  if (minute == 0) return h12(hour) + " o'clock" + when(hour);
  if (minute == 15) return "quarter past " + h12(hour) + when(hour);
  if (minute == 30) return "half past " + h12(hour) + when(hour);
  if (minute == 45) return "quarter to " + h12(next) + when(next);
  if (minute < 30)
    return std::to_string(minute) + " minutes past " + h12(hour) + when(hour);
  return std::to_string(60 - minute) + " minutes to " + h12(next) + when(next);
}

EasyPage FallbackEasyPage(const std::string& key, const std::string& title,
                          const SiteIndex& index) {
  const std::set<std::string> acronyms = GlossaryTerms(index.site());
  return Builder(index, acronyms).Fallback(key, title);
}

EasyReadPages::EasyReadPages(const SiteIndex& index)
    : index_(index), acronyms_(GlossaryTerms(index.site())) {}

EasyReadPages::~EasyReadPages() = default;

std::optional<EasyPage> EasyReadPages::Find(const PageJob& job) const {
  return Builder(index_, acronyms_).Page(job);
}

std::map<std::string, EasyPage> BuildEasyReadPages(const SiteIndex& index) {
  EasyReadPages pages(index);
  std::map<std::string, EasyPage> all;
  for (const PageJob& job : PageJobs(index.site())) {
    std::optional<EasyPage> page = pages.Find(job);
    if (page) all.emplace(job.key, std::move(*page));
  }
  return all;
}

json EasyReadJson(const EasyPage& page, const std::string& page_path,
                  const Rendition& rendition, const std::vector<Rendition>& renditions) {
  Rendition standard{"standard", "Standard", ""};
  for (const Rendition& r : renditions) {
    if (r.id == "standard") standard = r;
  }
  auto href = [&](const EasyLine& l) -> std::string {
    switch (l.target) {
      case EasyLine::Target::kPage:
        return urls::Relative(page_path, urls::Page(rendition, l.href));
      case EasyLine::Target::kStandardPage:
        return urls::Relative(page_path, urls::Page(standard, l.href));
      case EasyLine::Target::kExternal:
        return l.href;
      default:
        return "";
    }
  };
  std::string picture_dir =
      urls::Relative(page_path, urls::ThemeAsset("pictograms/x.svg"));
  picture_dir.resize(picture_dir.size() - 5);
  json sections = json::array();
  for (const EasySection& s : page.sections) {
    json rows = json::array();
    for (const EasyRow& r : s.rows) {
      json lines = json::array();
      for (const EasyLine& l : r.lines) {
        if (l.check_only) continue;
        lines.push_back({{"text", l.text}, {"href", href(l)}, {"label", l.label}});
      }
      rows.push_back({{"picture", picture_dir + r.picture + ".svg"},
                      {"lines", lines},
                      {"id", r.id}});
    }
    sections.push_back({{"id", "easy-" + s.id}, {"heading", s.heading}, {"rows", rows}});
  }
  return {{"title", page.title},
          {"person_written", page.person_written},
          {"out_of_date", page.out_of_date},
          {"sections", sections}};
}

}  // namespace clerk
