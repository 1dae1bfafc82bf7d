#include "links/check_acronyms.h"

#include <atomic>
#include <cctype>
#include <set>
#include <vector>

#include "content/paper_body.h"
#include "model/ascii.h"
#include "model/parallel.h"
#include "model/program_identity.h"

namespace clerk {
namespace {

bool IsWordChar(char c) {
  return ascii::IsAlnum(c) || c == '&' || c == '\'' || c == '_';
}

class Scanner {
 public:
  Scanner(const Site& site, Diagnostics& diag) : site_(site), diag_(diag) {}

  // Scans a text that starts at `start` in its file. Markdown code, link
  // targets and web addresses are skipped.
  void Scan(const std::string& text, const SourcePos& start) {
    int line = start.line;
    size_t line_start = 0;
    bool in_fence = false;
    while (line_start <= text.size()) {
      size_t end = text.find('\n', line_start);
      std::string current = text.substr(
          line_start, end == std::string::npos ? std::string::npos : end - line_start);
      if (current.rfind("```", 0) == 0 || current.rfind("~~~", 0) == 0)
        in_fence = !in_fence;
      if (!in_fence)
        ScanLine(current, start.path, line, line == start.line ? start.column : 1);
      if (end == std::string::npos) break;
      line_start = end + 1;
      ++line;
    }
  }

 private:
  void ScanLine(std::string line, const std::string& path, int line_number,
                int first_column) {
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
    for (const AcronymHit& hit : FindAcronyms(line)) {
      if (site_.glossary.count(hit.word)) continue;
      // One warning per word and file is enough to act on.
      if (!reported_.insert(path + "\n" + hit.word).second) continue;
      diag_.Warning(
          {path, line_number, first_column + static_cast<int>(hit.offset)},
          "'" + hit.word +
              "' is not in the glossary: add it to "
              "content/glossary.yaml with its expansion and a plain explanation");
    }
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

  const Site& site_;
  Diagnostics& diag_;
  std::set<std::string> reported_;
};

}  // namespace

std::vector<AcronymHit> FindAcronyms(const std::string& text) {
  std::vector<AcronymHit> hits;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordChar(text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    int raw_upper = 0;
    while (i < text.size() && IsWordChar(text[i])) {
      raw_upper += ascii::IsUpper(text[i]) ? 1 : 0;
      ++i;
    }
    if (raw_upper < 2) continue;  // most words: no acronym, no copy
    std::string word = text.substr(start, i - start);
    // Trim quotes around the word, then a possessive and a plural.
    while (!word.empty() && word.back() == '\'') word.pop_back();
    size_t lead = 0;
    while (lead < word.size() && word[lead] == '\'') ++lead;
    word = word.substr(lead);
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0)
      word.resize(word.size() - 2);
    int upper = 0, letters = 0;
    for (char c : word) {
      if (ascii::IsAlpha(c)) ++letters;
      if (ascii::IsUpper(c)) ++upper;
    }
    if (upper >= 2 && word.back() == 's' && upper == letters - 1) word.pop_back();
    if (upper >= 2 && upper * 2 >= letters && ascii::IsUpper(word[0]))
      hits.push_back({word, start + lead});
  }
  return hits;
}

namespace {

// The texts of one file (a meeting's agenda, a paper, a set of minutes) as
// the scan sees them, with where each starts: what its warnings depend on,
// beside the glossary and the clerk binary.
class FileTexts {
 public:
  explicit FileTexts(const Fingerprint& glossary) { key_.Add(glossary); }
  void Add(const std::string& text, const SourcePos& pos) {
    texts_.push_back({&text, pos});
    key_.Add(text).Add(pos);
  }
  // A paper's body: in the key by its fingerprint, as it may be left in
  // its file (content/paper_body.h) and read only if it must be scanned.
  void AddBody(const Document& doc) {
    body_ = &doc;
    key_.Add(doc.body_fingerprint).Add(SourcePos{doc.path, doc.body_line, 1});
  }
  Fingerprint Key() const { return key_.Finish(); }
  void ScanAll(Scanner& scan, Diagnostics& diag) const {
    for (const auto& [text, pos] : texts_) scan.Scan(*text, pos);
    if (!body_) return;
    if (std::optional<std::string> body = PaperBody(*body_, diag))
      scan.Scan(*body, {body_->path, body_->body_line, 1});
  }

 private:
  Hasher key_;
  std::vector<std::pair<const std::string*, SourcePos>> texts_;
  const Document* body_ = nullptr;
};

void AddAgenda(const Meeting& meeting, FileTexts& texts) {
  std::vector<const AgendaItem*> items;
  for (const AgendaItem& item : meeting.agenda) items.push_back(&item);
  for (size_t i = 0; i < items.size(); ++i) {
    texts.Add(items[i]->title, items[i]->pos);
    texts.Add(items[i]->purpose, items[i]->pos);
    for (const AgendaItem& sub : items[i]->sub_items) items.push_back(&sub);
  }
}

}  // namespace

size_t CheckAcronyms(const Site& site, Diagnostics& diag,
                     const AcronymScans* clean_before, AcronymScans* clean_now) {
  Scanner scan(site, diag);
  for (const auto& [id, committee] : site.committees)
    scan.Scan(committee.remit, committee.remit_pos);

  // Agendas, papers and minutes are most of the text: each file is scanned
  // on any free core into its own part, and the parts are joined in order,
  // so the warnings come out as they would from one thread. A file scanned
  // clean before, with the same texts and glossary, is not scanned again.
  Hasher glossary_key;
  glossary_key.Add(ProgramIdentity()).Add("acronyms");
  for (const auto& [word, term] : site.glossary) glossary_key.Add(word);
  const Fingerprint glossary = glossary_key.Finish();
  std::vector<const Meeting*> meetings;
  for (const auto& [id, m] : site.meetings) meetings.push_back(&m);
  std::vector<const Document*> docs;
  for (const auto& [key, doc] : site.documents) docs.push_back(&doc);
  std::vector<const Minutes*> minutes;
  for (const auto& [id, m] : site.minutes) minutes.push_back(&m);
  const size_t files = meetings.size() + docs.size() + minutes.size();
  std::vector<Diagnostics> parts(files);
  std::vector<Fingerprint> keys(files);
  std::atomic<size_t> scanned{0};
  ParallelFor(files, DefaultJobs(), [&](size_t i, int) {
    FileTexts texts(glossary);
    if (i < meetings.size()) {
      AddAgenda(*meetings[i], texts);
    } else if (i < meetings.size() + docs.size()) {
      const Document& doc = *docs[i - meetings.size()];
      texts.Add(doc.title, doc.pos);
      texts.Add(doc.summary, doc.pos);
      for (const Recommendation& r : doc.recommendations) texts.Add(r.text, r.pos);
      texts.AddBody(doc);
    } else {
      const Minutes& m = *minutes[i - meetings.size() - docs.size()];
      texts.Add(m.body, {m.path, m.body_line, 1});
    }
    keys[i] = texts.Key();
    if (clean_before && clean_before->count(keys[i])) return;
    Scanner file_scan(site, parts[i]);  // one file: its own "reported once"
    texts.ScanAll(file_scan, parts[i]);
    ++scanned;
  });
  for (size_t i = 0; i < files; ++i) {
    if (clean_now && parts[i].ErrorCount() == 0 && parts[i].WarningCount() == 0)
      clean_now->insert(keys[i]);
    diag.Merge(parts[i]);
  }
  for (const auto& [id, wp] : site.work_programmes) {
    for (const WorkProgrammeRow& row : wp.rows) {
      scan.Scan(row.topic, row.pos);
      scan.Scan(row.description, row.pos);
    }
  }
  return scanned;
}

}  // namespace clerk
