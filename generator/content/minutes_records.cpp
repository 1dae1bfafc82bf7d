#include "content/minutes_records.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>

#include "content/cmark_nodes.h"
#include "model/ascii.h"

namespace clerk {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// The word a paragraph starts with in bold, lower case: "resolved" for
// "**RESOLVED:**", "action" for "**Action**"; "" if it does not start bold.
std::string LeadWord(cmark_node* paragraph) {
  cmark_node* first = cmark_node_first_child(paragraph);
  if (!first || cmark_node_get_type(first) != CMARK_NODE_STRONG) return "";
  std::string text;
  CollectText(first, text);
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  std::string word;
  while (i < text.size() && ascii::IsAlpha(text[i])) word += ascii::ToLower(text[i++]);
  return word;
}

bool IsAction(const std::string& word) {
  return word == "action" || word == "actions";
}

// "Resolved ..." or "RESOLVED: ..." in plain text at the start of a paragraph.
bool StartsUnmarkedResolved(cmark_node* paragraph) {
  cmark_node* first = cmark_node_first_child(paragraph);
  if (!first || cmark_node_get_type(first) != CMARK_NODE_TEXT) return false;
  const char* lit = cmark_node_get_literal(first);
  if (!lit) return false;
  std::string text = lit;
  for (const char* word : {"Resolved", "RESOLVED"}) {
    size_t n = std::strlen(word);
    if (text.compare(0, n, word) == 0 && (text.size() == n || !ascii::IsAlpha(text[n])))
      return true;
  }
  return false;
}

// Whether a list holds an action anywhere (then it is not a resolution's).
// A list of actions only: every item starts with an action. A list that
// mixes them with other points belongs to the resolution before it (its
// actions are recorded too), so no point of the resolution is lost.
bool AllActions(cmark_node* list) {
  for (cmark_node* item = cmark_node_first_child(list); item;
       item = cmark_node_next(item)) {
    cmark_node* first = cmark_node_first_child(item);
    if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH ||
        !IsAction(LeadWord(first)))
      return false;
  }
  return cmark_node_first_child(list) != nullptr;
}

// An action's field keys, as written before their ':'.
std::optional<std::string> KeyAt(const std::string& s, size_t i, size_t* after) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  for (const char* key : {"owner", "due", "status"}) {
    size_t n = std::strlen(key);
    if (s.size() < i + n || ascii::Lower(s.substr(i, n)) != key) continue;
    size_t j = i + n;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j < s.size() && s[j] == ':') {
      *after = j + 1;
      return std::string(key);
    }
  }
  return std::nullopt;
}

std::optional<ActionStatus> ParseStatus(const std::string& text) {
  std::string s;
  for (char c : ascii::Lower(text)) {
    char k = c == '-' || c == '_' ? ' ' : c;
    if (k == ' ' && (s.empty() || s.back() == ' ')) continue;
    s += k;
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
  if (s == "open") return ActionStatus::kOpen;
  if (s == "in progress") return ActionStatus::kInProgress;
  if (s == "done") return ActionStatus::kDone;
  if (s == "overdue") return ActionStatus::kOverdue;
  if (s == "cancelled") return ActionStatus::kCancelled;
  return std::nullopt;
}

// A resolution that is only its lead ("**Resolved:**", "__Resolved__ :"):
// everything but the word, bold or italic marks, colons and spaces.
bool SaysNothing(const std::string& text) {
  std::string rest;
  for (char c : text)
    if (c != '*' && c != '_' && c != ':' && c != '.' && !IsSpace(c)) rest += c;
  return ascii::Lower(rest) == "resolved";
}

class PieceParser {
 public:
  PieceParser(const Minutes& minutes, const MinutesPiece& piece, Diagnostics& diag,
              std::vector<MinuteResolution>& resolutions,
              std::vector<MinuteAction>& actions)
      : minutes_(minutes),
        piece_(piece),
        diag_(diag),
        resolutions_(resolutions),
        actions_(actions) {}

  void Run() {
    size_t pos = 0;
    const std::string& text = piece_.text;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(std::move(line));
      pos = end + 1;
    }
    ParsedMarkdown parsed(text);
    cmark_node* doc = parsed.root();
    for (cmark_node* node = cmark_node_first_child(doc); node;
         node = cmark_node_next(node)) {
      cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_PARAGRAPH) {
        if (Paragraph(node, true)) node = cmark_node_next(node);  // its list
      } else if (type == CMARK_NODE_LIST) {
        List(node);
      }
    }
  }

 private:
  SourcePos At(int line, int column) const {
    return {minutes_.pos.path, piece_.first_line + line - 1, column};
  }

  // The Markdown of lines first..last of the piece (1-based, as cmark
  // counts), from `column` on the first; `unindent`: continuation lines
  // without their indent (a list item's). `where`, if given, gets the place
  // in the file of each character.
  std::string Source(int first, int column, int last, bool unindent,
                     std::vector<SourcePos>* where = nullptr) const {
    std::string out;
    // cmark may give a node no line (0): such a node starts on line 1.
    const int start = std::max(first, 1);
    for (int line = start; line <= last && line - 1 < static_cast<int>(lines_.size());
         ++line) {
      const std::string& text = lines_[line - 1];
      size_t from = 0;
      if (line == start) {
        from = std::min(text.size(), static_cast<size_t>(std::max(column, 1) - 1));
      } else {
        out += '\n';
        if (where) where->push_back(At(line, 1));
        if (unindent)
          while (from < text.size() && (text[from] == ' ' || text[from] == '\t')) ++from;
      }
      for (size_t i = from; i < text.size(); ++i) {
        out += text[i];
        if (where) where->push_back(At(line, static_cast<int>(i) + 1));
      }
    }
    while (!out.empty() && IsSpace(out.back())) {
      out.pop_back();
      if (where) where->pop_back();
    }
    return out;
  }

  // Returns true if the list after it belongs to the resolution it starts.
  bool Paragraph(cmark_node* p, bool top) {
    int line = cmark_node_get_start_line(p), column = cmark_node_get_start_column(p);
    std::string word = LeadWord(p);
    if (word == "resolved") {
      MinuteResolution r;
      r.pos = At(line, column);
      r.id = ResolutionId(piece_.number, static_cast<int>(resolutions_.size()) + 1);
      int last = cmark_node_get_end_line(p);
      cmark_node* next = cmark_node_next(p);
      if (top && next && cmark_node_get_type(next) == CMARK_NODE_LIST &&
          !AllActions(next)) {
        r.with_list = true;
        last = cmark_node_get_end_line(next);
      }
      r.text = Source(line, column, last, !top);
      if (SaysNothing(r.text))
        diag_.Error(r.pos,
                    "'Resolved' with nothing after it: write what was resolved after "
                    "'**Resolved:**' (\"that the report is noted\"), or a list of "
                    "what was resolved below it");
      bool with_list = r.with_list;
      resolutions_.push_back(std::move(r));
      if (with_list) List(next);  // actions among its points are actions too
      return with_list;
    }
    if (IsAction(word)) {
      Action(p, line, column, !top);
      return false;
    }
    if (StartsUnmarkedResolved(p)) {
      diag_.Warning(At(line, column),
                    "'Resolved' is not marked up, so this resolution is not in the "
                    "decisions register: write '**Resolved:**' in bold at the start");
    }
    return false;
  }

  void List(cmark_node* list) {
    for (cmark_node* item = cmark_node_first_child(list); item;
         item = cmark_node_next(item)) {
      cmark_node* first = cmark_node_first_child(item);
      if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
        Paragraph(first, false);
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c))
        if (cmark_node_get_type(c) == CMARK_NODE_LIST) List(c);
    }
  }

  void Action(cmark_node* p, int line, int column, bool unindent) {
    MinuteAction a;
    a.pos = At(line, column);
    a.id = ActionId(piece_.number, static_cast<int>(actions_.size()) + 1);
    std::vector<SourcePos> where;
    // In a list item, the action is the item's paragraphs, up to a list
    // nested in it (whose points are their own).
    int last = cmark_node_get_end_line(p);
    if (cmark_node_get_type(cmark_node_parent(p)) == CMARK_NODE_ITEM) {
      for (cmark_node* c = cmark_node_next(p);
           c && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH; c = cmark_node_next(c))
        last = cmark_node_get_end_line(c);
    }
    std::string raw = Source(line, column, last, unindent, &where);
    auto skip = [&](size_t& i) {
      while (i < raw.size() && IsSpace(raw[i])) ++i;
    };
    // The bold lead: "**Action:**", "__Action__".
    size_t i = raw.size();
    std::string marker = raw.substr(0, 2);
    if (marker == "**" || marker == "__") {
      size_t close = raw.find(marker, 2);
      if (close != std::string::npos) i = close + 2;
    }
    skip(i);
    if (i < raw.size() && raw[i] == ':') ++i;
    skip(i);
    size_t after_key = 0;
    if (i < raw.size() && raw[i] == '(' && KeyAt(raw, i + 1, &after_key)) {
      // The fields, up to the bracket that closes the first.
      size_t end = i;
      int depth = 0;
      for (; end < raw.size(); ++end) {
        if (raw[end] == '(') ++depth;
        if (raw[end] == ')' && --depth == 0) break;
      }
      if (end >= raw.size()) {
        diag_.Warning(where[i],
                      "the action's fields have no closing ')': write "
                      "'**Action** (owner: ..., due: YYYY-MM-DD, status: "
                      "open): what is to be done'");
      } else {
        Fields(raw, i + 1, end, where, a);
        i = end + 1;
        skip(i);
        if (i < raw.size() && raw[i] == ':') ++i;
        skip(i);
      }
    }
    a.text = i < raw.size() ? raw.substr(i) : std::string();
    actions_.push_back(std::move(a));
  }

  // "owner: ..., due: ..., status: ..." between raw[begin] and raw[end]; a
  // comma or semicolon ends a value only where another field starts.
  void Fields(const std::string& raw, size_t begin, size_t end,
              const std::vector<SourcePos>& where, MinuteAction& a) {
    std::string fields = raw.substr(0, end);
    size_t after = 0;
    std::optional<std::string> key = KeyAt(fields, begin, &after);
    std::map<std::string, bool> seen;
    while (key) {
      size_t value_end = end, next_after = 0;
      std::optional<std::string> next;
      int depth = 0;
      for (size_t j = after; j < end; ++j) {
        char c = fields[j];
        if (c == '(' || c == '[') ++depth;
        if ((c == ')' || c == ']') && depth > 0) --depth;
        if (depth == 0 && (c == ',' || c == ';')) {
          if ((next = KeyAt(fields, j + 1, &next_after))) {
            value_end = j;
            break;
          }
        }
      }
      size_t v = after;
      while (v < value_end && IsSpace(fields[v])) ++v;
      std::string value = Trim(fields.substr(v, value_end - v));
      SourcePos pos = where[std::min(v, where.size() - 1)];
      size_t key_at = after;
      while (key_at > 0 && fields[key_at - 1] != '(' && fields[key_at - 1] != ',' &&
             fields[key_at - 1] != ';')
        --key_at;
      while (key_at < after && IsSpace(fields[key_at])) ++key_at;
      if (seen[*key]) {
        diag_.Error(where[key_at], "the action gives '" + *key + "' twice");
      } else if (value.empty()) {
        diag_.Warning(where[key_at], "the action's '" + *key +
                                         "' is empty: leave a field out when it is "
                                         "not known");
      } else if (*key == "owner") {
        Owner(value, pos, a);
      } else if (*key == "due") {
        DateParse d = ParseDate(value);
        if (!d.date) diag_.Error(pos, "action due date " + d.error);
        a.due = d.date;
      } else {
        if (auto s = ParseStatus(value)) {
          a.status = *s;
        } else {
          diag_.Error(pos, "unknown action status '" + value +
                               "': write open, in progress, done, overdue or "
                               "cancelled, or leave it out when it is not known");
        }
      }
      seen[*key] = true;
      key = next;
      after = next_after;
    }
  }

  // "[Jo Bloggs](@/people/jo-bloggs)": a person; anything else: words.
  void Owner(const std::string& value, const SourcePos& pos, MinuteAction& a) {
    const std::string people = "@/people/";
    size_t mid = value.find("](");
    if (value.front() == '[' && mid != std::string::npos && value.back() == ')' &&
        value.find(']') == mid) {
      std::string words = value.substr(1, mid - 1);
      std::string url = value.substr(mid + 2, value.size() - mid - 3);
      a.owner_text = Trim(words);
      if (url.rfind(people, 0) == 0) {
        std::string id = url.substr(people.size());
        while (!id.empty() && id.back() == '/') id.pop_back();
        a.owner = {id, pos};
      }
      return;
    }
    if (value.rfind(people, 0) == 0) {
      std::string id = value.substr(people.size());
      while (!id.empty() && id.back() == '/') id.pop_back();
      a.owner = {id, pos};
      diag_.Warning(pos, "write the owner as a link with their name, '[Name](" + value +
                             ")': a bare reference is printed as it is written");
      return;
    }
    a.owner_text = value;
  }

  const Minutes& minutes_;
  const MinutesPiece& piece_;
  Diagnostics& diag_;
  std::vector<MinuteResolution>& resolutions_;
  std::vector<MinuteAction>& actions_;
  std::vector<std::string> lines_;
};

std::string HeadingTitle(const std::string& line) {
  size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  std::string title = line.substr(i);
  while (!title.empty() &&
         (title.back() == ' ' || title.back() == '#' || title.back() == '\r'))
    title.pop_back();
  return title;
}

}  // namespace

std::vector<MinutesPiece> SplitMinutes(const Minutes& minutes, const std::string& body) {
  std::map<int, const MinuteSection*> headings;  // line in the file
  for (const MinuteSection& s : minutes.sections)
    if (s.heading_line >= minutes.body_line) headings[s.heading_line] = &s;
  std::vector<MinutesPiece> pieces(1);
  pieces[0].first_line = minutes.body_line;
  size_t pos = 0;
  int line = minutes.body_line;
  while (pos < body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string::npos) end = body.size();
    std::string text = body.substr(pos, end - pos);
    if (auto it = headings.find(line); it != headings.end()) {
      MinutesPiece p;
      p.number = it->second->number;
      p.title = HeadingTitle(text);
      p.first_line = line + 1;
      pieces.push_back(std::move(p));
    } else {
      pieces.back().text += text + "\n";
    }
    pos = end + 1;
    ++line;
  }
  return pieces;
}

std::string ResolutionId(int minute, int n) {
  return "resolution-" + (minute >= 0 ? std::to_string(minute) + "-" : "") +
         std::to_string(n);
}

std::string ActionId(int minute, int n) {
  return "action-" + (minute >= 0 ? std::to_string(minute) + "-" : "") +
         std::to_string(n);
}

void ParseMinutesRecords(Minutes& minutes, Diagnostics& diag) {
  minutes.resolutions.clear();
  minutes.actions.clear();
  for (MinuteSection& s : minutes.sections) {
    s.resolutions.clear();
    s.actions.clear();
  }
  for (const MinutesPiece& piece : SplitMinutes(minutes, minutes.body)) {
    MinuteSection* section = nullptr;
    if (piece.number >= 0) {
      for (MinuteSection& s : minutes.sections)
        if (s.number == piece.number && s.heading_line == piece.first_line - 1)
          section = &s;
    }
    if (piece.number >= 0 && !section) continue;
    std::vector<MinuteResolution>& resolutions =
        section ? section->resolutions : minutes.resolutions;
    std::vector<MinuteAction>& actions = section ? section->actions : minutes.actions;
    PieceParser(minutes, piece, diag, resolutions, actions).Run();
  }
}

}  // namespace clerk
