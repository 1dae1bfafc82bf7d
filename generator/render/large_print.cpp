#include "render/large_print.h"

#include <cctype>
#include <cstring>
#include <string_view>
#include <vector>

#include "model/ascii.h"
#include "render/page_finish.h"

namespace clerk {
namespace {

bool IsUpperWord(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (ascii::IsLower(c) || ascii::IsDigit(c))
      return false;  // postcodes, codes: as written
    if (ascii::IsUpper(c)) ++letters;
  }
  return letters >= 2;
}

}  // namespace

bool SentenceCase(std::string_view text, const std::set<std::string>& acronyms,
                  std::string& out) {
  // A run needs two capital words of two capitals each: text with fewer
  // capitals (most of a page) is left as it is.
  int capitals = 0;
  for (char c : text) capitals += ascii::IsUpper(c) ? 1 : 0;
  if (capitals < 4) return false;
  // Words with their positions; whether a word is a known acronym matters
  // only for capital words.
  struct Word {
    size_t begin, end;
    bool upper, acronym;
  };
  std::vector<Word> words;
  for (size_t i = 0; i < text.size();) {
    if (!ascii::IsAlnum(text[i]) && text[i] != '\'') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && (ascii::IsAlnum(text[j]) || text[j] == '\'')) ++j;
    std::string_view w = text.substr(i, j - i);
    bool upper = IsUpperWord(w);
    words.push_back({i, j, upper, upper && acronyms.count(std::string(w)) > 0});
    i = j;
  }
  out.assign(text);
  bool changed = false;
  // Runs of consecutive capital words, separated only by spaces or light punctuation.
  size_t k = 0;
  while (k < words.size()) {
    if (!words[k].upper) {
      ++k;
      continue;
    }
    size_t e = k;
    while (e + 1 < words.size() && words[e + 1].upper) {
      std::string_view gap = text.substr(words[e].end, words[e + 1].begin - words[e].end);
      if (gap.find_first_not_of(" -,:&/") != std::string_view::npos) break;
      ++e;
    }
    int plain = 0;
    for (size_t w = k; w <= e; ++w) plain += words[w].acronym ? 0 : 1;
    if (e > k && plain >= 2) {
      for (size_t w = k; w <= e; ++w) {
        if (words[w].acronym) continue;
        bool first = w == k && text.find_first_not_of(" \n\t") == words[w].begin;
        if (w == k) {
          // Sentence start: the start of the text, or after ". ", ": ".
          size_t before = text.find_last_not_of(
              " \n\t", words[w].begin == 0 ? 0 : words[w].begin - 1);
          if (words[w].begin == 0 || before == std::string_view::npos ||
              text[before] == '.' || text[before] == ':' || text[before] == '>')
            first = true;
        }
        for (size_t c = words[w].begin + (first ? 1 : 0); c < words[w].end; ++c) {
          changed |= ascii::IsUpper(out[c]);
          out[c] = ascii::ToLower(out[c]);
        }
      }
    }
    k = e + 1;
  }
  return changed;
}

std::string SentenceCaseCapitals(const std::string& html,
                                 const std::set<std::string>& acronyms) {
  PageFinish finish;
  finish.sentence_case = &acronyms;
  return FinishPage(html, finish);
}

namespace {

// Small HTML scanners for the tables cmark-gfm writes (regular, known
// markup). std::regex was most of a large build's time: it recompiled
// patterns and backtracked over whole pages.

// True if html[at...] opens element `name` ("<tr" then a space or '>').
bool OpensTag(const std::string& html, size_t at, const char* name) {
  size_t n = std::strlen(name);
  if (html.compare(at, n + 1, std::string("<") + name) != 0) return false;
  char next = at + n + 1 < html.size() ? html[at + n + 1] : '\0';
  return next == '>' || next == ' ' || next == '\t' || next == '\n';
}

// Each element `name` in `html`: its content, without the tags.
std::vector<std::string> Elements(const std::string& html, const char* name) {
  std::vector<std::string> out;
  std::string close = std::string("</") + name + ">";
  for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    if (!OpensTag(html, at, name)) continue;
    size_t body = html.find('>', at);
    if (body == std::string::npos) break;
    size_t end = html.find(close, body);
    if (end == std::string::npos) break;
    out.push_back(html.substr(body + 1, end - body - 1));
    at = end;
  }
  return out;
}

std::string StripTags(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      out += c;
  }
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A cell with no text and no picture (a status shape has its word).
bool IsBlankCell(const std::string& html) {
  return Trim(StripTags(html)).empty() && html.find("<img") == std::string::npos;
}

// Drops id="..." and aria-describedby="..." (with the space before them):
// the stacked copy of a table must not repeat the table's ids.
std::string DropIds(const std::string& html) {
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    bool dropped = false;
    if (html[i] == ' ' || html[i] == '\t' || html[i] == '\n') {
      for (const char* attr : {"id=\"", "aria-describedby=\""}) {
        size_t n = std::strlen(attr);
        if (html.compare(i + 1, n, attr) == 0) {
          size_t end = html.find('"', i + 1 + n);
          if (end == std::string::npos) break;
          i = end + 1;
          dropped = true;
          break;
        }
      }
    }
    if (!dropped) out += html[i++];
  }
  return out;
}

}  // namespace

std::string StackedTable(const std::string& table, int min_columns) {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  for (const std::string& inner : Elements(table, "tr")) {
    // Cells in order, th and td alike.
    std::vector<std::string> cells;
    bool all_th = true;
    for (size_t at = inner.find('<'); at != std::string::npos;
         at = inner.find('<', at + 1)) {
      bool th = OpensTag(inner, at, "th");
      if (!th && !OpensTag(inner, at, "td")) continue;
      size_t body = inner.find('>', at);
      size_t end =
          body == std::string::npos ? body : inner.find(th ? "</th>" : "</td>", body);
      if (end == std::string::npos) break;
      cells.push_back(DropIds(inner.substr(body + 1, end - body - 1)));
      all_th &= th;
      at = end;
    }
    if (headers.empty() && all_th)
      headers = cells;
    else
      rows.push_back(cells);
  }
  if (static_cast<int>(headers.size()) < min_columns || rows.empty()) return "";
  std::string title = "the table above";
  std::vector<std::string> captions = Elements(table, "caption");
  if (!captions.empty()) title = StripTags(captions[0]);
  std::string stacked =
      "\n<div class=\"stacked-table\">\n<p class=\"stacked-table__title\">" + title +
      ", row by row:</p>\n<ol class=\"stacked-table__rows\">\n";
  for (const auto& cells : rows) {
    stacked += "<li class=\"stacked-table__row\"><ul class=\"stacked-table__cells\">";
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string head = c < headers.size() ? Trim(StripTags(headers[c])) : "";
      // A blank cell says so, rather than leaving a label with nothing
      // after it.
      std::string value = IsBlankCell(cells[c])
                              ? "<span class=\"stacked-table__blank\">(blank)</span>"
                              : cells[c];
      stacked += "<li>" + (head.empty() ? "" : "<strong>" + head + ":</strong> ") +
                 value + "</li>";
    }
    stacked += "</ul></li>\n";
  }
  stacked += "</ol>\n</div>";
  return stacked;
}

std::string StackWideTables(const std::string& html, int min_columns) {
  PageFinish finish;
  finish.stack_tables_from = min_columns;
  return FinishPage(html, finish);
}

}  // namespace clerk
