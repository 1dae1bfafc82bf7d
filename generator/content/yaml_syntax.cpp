#include "content/yaml_syntax.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace clerk {
namespace {

// Deeper than this, nesting is a mistake or an attack, never a record.
constexpr int kMaxNesting = 64;

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(
        start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

size_t Indent(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  return i == std::string_view::npos ? line.size() : i;
}

bool IsBlankOrComment(std::string_view line) {
  size_t i = line.find_first_not_of(" \t");
  return i == std::string_view::npos || line[i] == '#';
}

YamlSyntaxProblem At(std::string_view text, size_t line, size_t byte,
                     std::string message) {
  return {static_cast<int>(line) + 1,
          CharacterColumn(text, static_cast<int>(line), static_cast<int>(byte)),
          std::move(message)};
}

// Old Mac files end lines with a CR alone; the parser then sees one long line.
std::optional<YamlSyntaxProblem> CrOnlyLineEnds(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' || (i + 1 < text.size() && text[i + 1] == '\n')) continue;
    size_t line = static_cast<size_t>(std::count(text.begin(), text.begin() + i, '\n'));
    size_t line_start = text.rfind('\n', i);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    return At(text, line, i - line_start,
              "this file's lines end with a carriage return alone (old Mac line "
              "ends), so YAML reads it as one line: save it with ordinary line ends "
              "(LF, or CR LF)");
  }
  return std::nullopt;
}

// The first '[' or '{' that opens more levels than any record needs.
std::optional<YamlSyntaxProblem> TooDeep(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  int depth = 0;
  for (size_t l = 0; l < lines.size(); ++l) {
    char quote = 0;
    for (size_t i = 0; i < lines[l].size(); ++i) {
      char c = lines[l][i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') quote = c;
      if (c == '#' && (i == 0 || lines[l][i - 1] == ' ')) break;
      if (c == '[' || c == '{') {
        if (++depth > kMaxNesting)
          return At(text, l, i,
                    "lists or mappings are nested too deeply here (more than " +
                        std::to_string(kMaxNesting) +
                        " levels): no record needs this; close the brackets sooner");
      }
      if ((c == ']' || c == '}') && depth > 0) --depth;
    }
  }
  return std::nullopt;
}

// A tab before the first character of a line: YAML indents with spaces only.
std::optional<YamlSyntaxProblem> TabIndent(std::string_view text,
                                           const std::vector<std::string_view>& lines,
                                           size_t last_line) {
  for (size_t l = 0; l <= last_line && l < lines.size(); ++l) {
    std::string_view s = lines[l];
    size_t content = s.find_first_not_of(" \t");
    size_t tab = s.find('\t');
    if (tab == std::string_view::npos ||
        (content != std::string_view::npos && tab > content))
      continue;
    return At(text, l, tab, "YAML indents with spaces, not tabs: replace the tab");
  }
  return std::nullopt;
}

// Where a line's value starts: after "key: " (and any "- " before it).
size_t ValueStart(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  while (i != std::string_view::npos && i + 1 < line.size() && line[i] == '-' &&
         line[i + 1] == ' ')
    i = line.find_first_not_of(' ', i + 1);
  if (i == std::string_view::npos || line[i] == '"' || line[i] == '\'') return i;
  size_t colon = line.find(": ", i);
  if (colon == std::string_view::npos) return i;
  return line.find_first_not_of(' ', colon + 1);
}

// The end of the quoted value opening at `open` (the offset after its
// closing quote), or npos if the text ends first.
size_t QuoteEnd(std::string_view text, size_t open) {
  char q = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Whether a quote opened on line `l` and closed at offset `end` runs over a
// line that looks like a key of the same mapping or an outer one: a quoted
// value may go on over lines, but those are indented more.
bool SwallowsKeys(std::string_view text, const std::vector<std::string_view>& lines,
                  size_t l, size_t end) {
  size_t close_line =
      static_cast<size_t>(std::count(text.begin(), text.begin() + end, '\n'));
  size_t indent = Indent(lines[l]);
  for (size_t k = l + 1; k <= close_line && k < lines.size(); ++k) {
    std::string_view s = lines[k];
    if (IsBlankOrComment(s) || Indent(s) > indent) continue;
    size_t colon = s.find(':');
    if (s.substr(Indent(s), 2) == "- " ||
        (colon != std::string_view::npos &&
         (colon + 1 == s.size() || s[colon + 1] == ' ')))
      return true;
  }
  return false;
}

// A value that opens a quote on a line before the error and whose quote
// closes on a later line, or never: the quote swallowed the lines after it.
std::optional<YamlSyntaxProblem> UnclosedQuote(std::string_view text,
                                               const std::vector<std::string_view>& lines,
                                               size_t error_line) {
  size_t offset = 0;
  for (size_t l = 0; l <= error_line && l < lines.size(); ++l) {
    size_t v = ValueStart(lines[l]);
    if (v != std::string_view::npos && v < lines[l].size() &&
        (lines[l][v] == '"' || lines[l][v] == '\'')) {
      size_t end = QuoteEnd(text, offset + v);
      if (end == std::string_view::npos ||
          (end > offset + lines[l].size() && SwallowsKeys(text, lines, l, end))) {
        std::string q(1, lines[l][v]);
        return At(text, l, v,
                  "the quote " + q +
                      " that starts this value is not closed on its "
                      "line: end the value with " +
                      q);
      }
    }
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) break;
    ++offset;
  }
  return std::nullopt;
}

// A '[' or '{' still open where the parser gave up looking for its end.
std::optional<YamlSyntaxProblem> UnclosedFlow(std::string_view text,
                                              const std::vector<std::string_view>& lines,
                                              size_t error_line, size_t error_column) {
  std::vector<std::pair<size_t, size_t>> open;  // line, byte
  for (size_t l = 0; l <= error_line && l < lines.size(); ++l) {
    char quote = 0;
    size_t end =
        l == error_line ? std::min(error_column, lines[l].size()) : lines[l].size();
    for (size_t i = 0; i < end; ++i) {
      char c = lines[l][i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '#' && (i == 0 || lines[l][i - 1] == ' ')) break;
      bool starts_value = i == 0 || lines[l][i - 1] == ' ' || lines[l][i - 1] == '[' ||
                          lines[l][i - 1] == '{' || lines[l][i - 1] == ',';
      if ((c == '"' || c == '\'') && starts_value) quote = c;
      if (c == '[' || c == '{') open.emplace_back(l, i);
      if ((c == ']' || c == '}') && !open.empty()) open.pop_back();
    }
  }
  if (open.empty()) return std::nullopt;
  auto [l, i] = open.back();
  bool list = lines[l][i] == '[';
  return At(text, l, i,
            std::string("the '") + lines[l][i] + "' that starts this " +
                (list ? "list" : "mapping") + " is not closed: end it with '" +
                (list ? ']' : '}') + "'");
}

// "key: \"value\"": the line's key and its value from byte `value` on, in
// the quotes that need no escaping ('...' when it holds a '"').
std::string QuotedValue(std::string_view line, size_t value) {
  std::string_view key = line.substr(0, value);
  key.remove_prefix(std::min(key.size(), key.find_first_not_of(" -")));
  while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
  std::string_view rest = line.substr(value);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  std::string quoted;
  if (rest.find('"') == std::string_view::npos) {
    quoted = "\"" + std::string(rest) + "\"";
  } else {
    quoted = "'";
    for (char c : rest) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    quoted += "'";
  }
  return std::string(key) + (key.empty() ? "" : " ") + quoted;
}

// `key: some text: more` (the parser stops at the second ':').
std::optional<YamlSyntaxProblem> UnquotedColon(std::string_view text,
                                               std::string_view line, size_t l,
                                               size_t column) {
  if (column >= line.size() || line[column] != ':') return std::nullopt;
  size_t value = ValueStart(line);
  if (value == std::string_view::npos || value >= column) return std::nullopt;
  return At(text, l, column,
            "a ':' inside a value needs quotes: write " + QuotedValue(line, value));
}

// `key: @x`: '@' and '`' are reserved in YAML and '%' starts a directive, so
// none of them may start a value without quotes.
std::optional<YamlSyntaxProblem> ReservedStart(std::string_view text,
                                               std::string_view line, size_t l,
                                               size_t column) {
  if (column >= line.size() ||
      std::string_view("@`%").find(line[column]) == std::string_view::npos)
    return std::nullopt;
  size_t value = ValueStart(line);
  if (value != column) return std::nullopt;
  return At(text, l, column,
            std::string("a value cannot start with '") + line[column] +
                "' unless it is in quotes: write " + QuotedValue(line, value));
}

// `title: "Budget" and more`: the quote closed before the value ended.
std::optional<YamlSyntaxProblem> TextAfterQuote(std::string_view text,
                                                std::string_view line, size_t l) {
  size_t value = ValueStart(line);
  if (value == std::string_view::npos || value >= line.size() ||
      (line[value] != '"' && line[value] != '\''))
    return std::nullopt;
  size_t end = QuoteEnd(line, value);
  if (end == std::string_view::npos) return std::nullopt;
  size_t after = line.find_first_not_of(' ', end);
  if (after == std::string_view::npos || line[after] == '#') return std::nullopt;
  return At(text, l, after,
            "the value goes on after its closing quote: put the whole value in quotes, "
            "write " +
                QuotedValue(line, value));
}

// The key above a line, with what the key holds: the nearest line before
// `l` that is not blank or a comment.
std::optional<size_t> LineAbove(const std::vector<std::string_view>& lines, size_t l) {
  while (l > 0) {
    if (!IsBlankOrComment(lines[--l])) return l;
  }
  return std::nullopt;
}

bool IsListItem(std::string_view line) {
  size_t i = Indent(line);
  return i < line.size() && line[i] == '-' &&
         (i + 1 == line.size() || line[i + 1] == ' ');
}

// `role: x` then `- item` in line with it: a list where a key belongs.
std::optional<YamlSyntaxProblem> ListAmongKeys(std::string_view text,
                                               const std::vector<std::string_view>& lines,
                                               size_t l) {
  std::optional<size_t> above = LineAbove(lines, l);
  if (!above || !IsListItem(lines[l]) || IsListItem(lines[*above]) ||
      Indent(lines[*above]) != Indent(lines[l]))
    return std::nullopt;
  std::string_view key = lines[*above].substr(Indent(lines[*above]));
  size_t colon = key.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  key = key.substr(0, colon);
  return At(text, l, Indent(lines[l]),
            "this list item ('- ') is in line with the key '" + std::string(key) +
                "' above, which has a value already: a list goes under a key of its "
                "own, written 'key:' with each item indented below it as '  - item'");
}

// `- number: 1` then `title: x` in line with the '-': meant as part of the
// item, it must line up with the item's first key.
std::optional<YamlSyntaxProblem> KeyInLineWithDash(
    std::string_view text, const std::vector<std::string_view>& lines, size_t l) {
  std::optional<size_t> above = LineAbove(lines, l);
  if (!above || IsListItem(lines[l]) || !IsListItem(lines[*above]) ||
      Indent(lines[*above]) != Indent(lines[l]))
    return std::nullopt;
  std::string_view item = lines[*above];
  size_t key = item.find_first_not_of(' ', Indent(item) + 1);
  if (key == std::string_view::npos || item.find(':', key) == std::string_view::npos)
    return std::nullopt;
  std::string_view key_name = item.substr(key, item.find(':', key) - key);
  return At(text, l, Indent(lines[l]),
            "this line is in line with the '-' above, not with its key '" +
                std::string(key_name) +
                "': to make it part of that list item, indent it " +
                std::to_string(key - Indent(item)) +
                " more spaces; to start a new item, begin it with '- '");
}

std::string Spaces(size_t n) {
  return std::to_string(n) + (n == 1 ? " space" : " spaces");
}

// What a line out of line should line up with: for a list item, the '-'
// of the item above; for a key, the columns the keys above it start in
// (those of each mapping it could belong to, innermost first).
std::string NotInLine(const std::vector<std::string_view>& lines, size_t l) {
  const size_t indent = Indent(lines[l]);
  if (IsListItem(lines[l])) {
    for (size_t k = l; k-- > 0;) {
      if (!IsListItem(lines[k])) continue;
      return "this '-' is indented " + Spaces(indent) +
             " and the '-' of the item on line " + std::to_string(k + 1) +
             " is indented " + std::to_string(Indent(lines[k])) +
             ": the items of one list start in the same column";
    }
  }
  std::vector<size_t> columns;  // falling, from the line above upwards
  size_t lowest = std::string_view::npos;
  for (size_t k = l; k-- > 0 && lowest > 0;) {
    if (IsBlankOrComment(lines[k])) continue;
    const size_t at = Indent(lines[k]);
    // A list item's own keys start after its "- "; the '-' is no key.
    size_t key = IsListItem(lines[k]) ? lines[k].find_first_not_of(' ', at + 1) : at;
    if (key < lowest) columns.push_back(key);
    lowest = std::min({lowest, key, at});
  }
  std::string where;
  for (size_t i = 0; i < columns.size(); ++i)
    where += (i == 0                    ? ""
              : i + 1 == columns.size() ? " or "
                                        : ", ") +
             std::to_string(columns[i]);
  where += columns.size() == 1 && columns[0] == 1 ? " space" : " spaces";
  return "this line is indented " + Spaces(indent) + " and the keys above it " + where +
         ": the keys of one mapping start in the same column, so line it up with those "
         "it belongs with";
}

// A line indented more, or less, than the lines it belongs with.
std::optional<YamlSyntaxProblem> Misaligned(std::string_view text,
                                            const std::vector<std::string_view>& lines,
                                            size_t l, const std::string& parser_message) {
  if (l >= lines.size() || IsBlankOrComment(lines[l])) return std::nullopt;
  size_t indent = Indent(lines[l]);
  size_t above = l;
  while (above > 0 && IsBlankOrComment(lines[above - 1])) --above;
  if (above == 0) return std::nullopt;
  size_t above_indent = Indent(lines[above - 1]);
  bool is_value_error = parser_message == "illegal map value";
  if (is_value_error && indent > above_indent &&
      lines[above - 1].find(':') != std::string_view::npos &&
      lines[above - 1].back() != ':') {
    return At(text, l, indent,
              "this line is indented more than the line above, so YAML reads it as "
              "more of that line's value: line it up with the keys above it");
  }
  bool flow = parser_message.find("flow") != std::string::npos;
  if ((!flow && (parser_message.rfind("end of map", 0) == 0 ||
                 parser_message.rfind("end of sequence", 0) == 0)) ||
      parser_message == "illegal block entry" || is_value_error) {
    if (indent == above_indent) return std::nullopt;
    return At(text, l, indent, NotInLine(lines, l));
  }
  return std::nullopt;
}

}  // namespace

std::optional<YamlSyntaxProblem> QuoteNeverClosed(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  size_t offset = 0;
  size_t quoted_until = 0;  // lines inside a quoted value are its text, not values
  for (size_t l = 0; l < lines.size(); ++l) {
    size_t v = ValueStart(lines[l]);
    if (offset >= quoted_until && !IsBlankOrComment(lines[l]) &&
        v != std::string_view::npos && v < lines[l].size() &&
        (lines[l][v] == '"' || lines[l][v] == '\'')) {
      size_t end = QuoteEnd(text, offset + v);
      if (end == std::string_view::npos) {
        std::string q(1, lines[l][v]);
        return At(text, l, v,
                  "the quote " + q +
                      " that starts this value is never closed, so the value runs to the "
                      "end of the file: end the value with " +
                      q);
      }
      quoted_until = end;
    }
    size_t next = text.find('\n', offset);
    if (next == std::string_view::npos) break;
    offset = next + 1;
  }
  return std::nullopt;
}

int CharacterColumn(std::string_view text, int line, int byte_column) {
  std::vector<std::string_view> lines = Lines(text);
  if (line < 0 || static_cast<size_t>(line) >= lines.size() || byte_column < 0)
    return byte_column + 1;
  std::string_view s = lines[static_cast<size_t>(line)];
  size_t end = std::min(s.size(), static_cast<size_t>(byte_column));
  int characters = 0;
  for (size_t i = 0; i < end; ++i) {
    // Count every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++characters;
  }
  return characters + 1 + (byte_column - static_cast<int>(end));
}

YamlSyntaxProblem ExplainYamlSyntaxError(std::string_view text, int line, int column,
                                         const std::string& parser_message) {
  if (auto p = CrOnlyLineEnds(text)) return *p;
  if (auto p = TooDeep(text)) return *p;

  std::vector<std::string_view> lines = Lines(text);
  size_t l =
      line < 0 ? lines.size() - 1 : std::min(static_cast<size_t>(line), lines.size() - 1);
  size_t c = column < 0 ? 0 : std::min(static_cast<size_t>(column), lines[l].size());
  // yaml-cpp's guard against deep nesting ("bad file" in this version).
  if (parser_message == "bad file" || parser_message.find("depth") != std::string::npos ||
      parser_message.find("recursion") != std::string::npos)
    return At(text, l, c,
              "lists or mappings are nested too deeply here for the YAML reader: no "
              "record needs this; close them sooner");
  // A tab may be on the line after the one the parser stopped at.
  if (auto p = TabIndent(text, lines, l + 1)) return *p;
  if (auto p = UnclosedQuote(text, lines, l)) return *p;
  if (parser_message.find("flow") != std::string::npos) {
    if (auto p = UnclosedFlow(text, lines, l, c)) return *p;
  }
  if (parser_message == "illegal map value") {
    if (auto p = UnquotedColon(text, lines[l], l, c)) return *p;
  }
  if (parser_message == "unknown token") {
    if (auto p = ReservedStart(text, lines[l], l, c)) return *p;
  }
  if (parser_message.rfind("end of map not found", 0) == 0) {
    if (auto p = TextAfterQuote(text, lines[l], l)) return *p;
    if (auto p = ListAmongKeys(text, lines, l)) return *p;
    if (auto p = KeyInLineWithDash(text, lines, l)) return *p;
  }
  if (auto p = Misaligned(text, lines, l, parser_message)) return *p;
  if (line < 0) return {0, 0, "YAML syntax error: " + parser_message};
  return At(text, l, c, "YAML syntax error: " + parser_message);
}

}  // namespace clerk
