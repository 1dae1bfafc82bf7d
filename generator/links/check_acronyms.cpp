#include "links/check_acronyms.h"

#include <cctype>
#include <set>
#include <vector>

#include "model/parallel.h"

namespace clerk {
namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '&' || c == '\'' || c == '_';
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
      raw_upper += std::isupper(static_cast<unsigned char>(text[i])) ? 1 : 0;
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
      if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
      if (std::isupper(static_cast<unsigned char>(c))) ++upper;
    }
    if (upper >= 2 && word.back() == 's' && upper == letters - 1) word.pop_back();
    if (upper >= 2 && upper * 2 >= letters &&
        std::isupper(static_cast<unsigned char>(word[0])))
      hits.push_back({word, start + lead});
  }
  return hits;
}

void CheckAcronyms(const Site& site, Diagnostics& diag) {
  Scanner scan(site, diag);
  for (const auto& [id, committee] : site.committees)
    scan.Scan(committee.remit, committee.remit_pos);
  for (const auto& [id, meeting] : site.meetings) {
    std::vector<const AgendaItem*> items;
    for (const AgendaItem& item : meeting.agenda) items.push_back(&item);
    for (size_t i = 0; i < items.size(); ++i) {
      scan.Scan(items[i]->title, items[i]->pos);
      scan.Scan(items[i]->purpose, items[i]->pos);
      for (const AgendaItem& sub : items[i]->sub_items) items.push_back(&sub);
    }
  }
  // Papers and minutes are most of the text: each file is scanned on any
  // free core into its own part, and the parts are joined in order, so the
  // warnings come out as they would from one thread.
  std::vector<const Document*> docs;
  for (const auto& [key, doc] : site.documents) docs.push_back(&doc);
  std::vector<const Minutes*> minutes;
  for (const auto& [id, m] : site.minutes) minutes.push_back(&m);
  std::vector<Diagnostics> parts(docs.size() + minutes.size());
  ParallelFor(parts.size(), DefaultJobs(), [&](size_t i, int) {
    Scanner file_scan(site, parts[i]);  // one file: its own "reported once"
    if (i < docs.size()) {
      const Document& doc = *docs[i];
      file_scan.Scan(doc.title, doc.pos);
      file_scan.Scan(doc.summary, doc.pos);
      for (const Recommendation& r : doc.recommendations) file_scan.Scan(r.text, r.pos);
      file_scan.Scan(doc.body, {doc.path, doc.body_line, 1});
    } else {
      const Minutes& m = *minutes[i - docs.size()];
      file_scan.Scan(m.body, {m.path, m.body_line, 1});
    }
  });
  for (Diagnostics& part : parts) diag.Merge(part);
  for (const auto& [id, wp] : site.work_programmes) {
    for (const WorkProgrammeRow& row : wp.rows) {
      scan.Scan(row.topic, row.pos);
      scan.Scan(row.description, row.pos);
    }
  }
}

}  // namespace clerk
