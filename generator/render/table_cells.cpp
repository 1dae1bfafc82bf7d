#include "render/table_cells.h"

#include <cmark-gfm.h>

#include <cstring>

#include "content/cmark_nodes.h"
#include "content/yaml_reader.h"
#include "model/ascii.h"
#include "model/did_you_mean.h"

namespace clerk {
namespace {

// Red, amber and green ratings (and blue, done, in "BRAG" schemes), the words
// performance reports use beside them, and where a piece of work stands.
// Shapes follow the ratings: the worse the status, the more corners.
constexpr CellStatus kStatuses[] = {
    {"Red", "red", "square"},
    {"Amber", "amber", "triangle"},
    {"Green", "green", "circle"},
    {"Blue", "blue", "tick"},
    {"Off track", "off-track", "square"},
    {"Not on track", "not-on-track", "square"},
    {"Compromised", "compromised", "square"},
    {"At risk", "at-risk", "triangle"},
    {"On track", "on-track", "circle"},
    {"Complete", "complete", "tick"},
    {"Not started", "not-started", "ring"},
};

// Other spellings of the same statuses.
constexpr std::pair<const char*, const char*> kAliases[] = {
    {"completed", "complete"},
    {"done", "complete"},
};

// "On  Track", "on-track", "ON TRACK" -> "on track".
std::string Normalise(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c == ' ' || c == '\t' || c == '-' || c == '_') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += ascii::ToLower(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const char* ShapeSvg(std::string_view shape) {
  // 16 by 16, drawn in the status's colour (standard.css); sized in em so
  // it grows with the text (large print).
  if (shape == "square") return "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\"/>";
  if (shape == "triangle") return "<path d=\"M8 1.5 15 14.5H1z\"/>";
  if (shape == "circle") return "<circle cx=\"8\" cy=\"8\" r=\"6.5\"/>";
  if (shape == "tick") return "<path class=\"status__line\" d=\"M2 8.5l4 4 8-9\"/>";
  return "<circle class=\"status__line\" cx=\"8\" cy=\"8\" r=\"5.5\"/>";  // ring
}

}  // namespace

const CellStatus* FindCellStatus(std::string_view word) {
  std::string key = Normalise(word);
  for (const auto& [alias, name] : kAliases) {
    if (key == alias) key = name;
  }
  for (const CellStatus& s : kStatuses) {
    if (Normalise(s.name) == key) return &s;
  }
  return nullptr;
}

const std::vector<std::string>& CellStatusWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const CellStatus& s : kStatuses) out.push_back(Normalise(s.name));
    for (const auto& [alias, name] : kAliases) out.push_back(alias);
    return out;
  }();
  return words;
}

std::string CellStatusHtml(const CellStatus& status) {
  return std::string("<span class=\"status status--") + status.slug +
         "\"><svg class=\"status__shape status__shape--" + status.shape +
         "\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">" +
         ShapeSvg(status.shape) + "</svg> " + status.name + "</span>";
}

size_t CellListSeparator(std::string_view text, size_t at, bool numbered) {
  if (at >= text.size() || text[at] != ';') return 0;
  size_t i = at + 1;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i == at + 1) return 0;  // "; - " needs the space: "a;-b" is text
  if (numbered) {
    size_t digits = i;
    while (i < text.size() && ascii::IsDigit(text[i])) ++i;
    if (i == digits || i - digits > 3) return 0;
    if (i + 1 >= text.size() || text[i] != '.' || text[i + 1] != ' ') return 0;
    return i + 2 - at;
  }
  if (i + 1 >= text.size() || text[i] != '-' || text[i + 1] != ' ') return 0;
  return i + 2 - at;
}

size_t CellListMarker(std::string_view text, bool& numbered, int& start) {
  numbered = false;
  start = 1;
  if (text.size() > 2 && text[0] == '-' && text[1] == ' ') return 2;
  size_t i = 0;
  while (i < text.size() && ascii::IsDigit(text[i])) ++i;
  if (i == 0 || i > 3 || i + 2 >= text.size() || text[i] != '.' || text[i + 1] != ' ')
    return 0;
  numbered = true;
  start = std::stoi(std::string(text.substr(0, i)));
  return i + 2;
}

namespace {

constexpr char kMarker = '\x1f';

bool IsText(cmark_node* node) {
  return node && cmark_node_get_type(node) == CMARK_NODE_TEXT;
}

std::string Literal(cmark_node* node) {
  const char* lit = cmark_node_get_literal(node);
  return lit ? lit : "";
}

// Where "{status:" starts in `text` (any case, spaces after the brace), or npos.
size_t FindStatusMark(const std::string& text) {
  for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1)) {
    size_t i = at + 1;
    while (i < text.size() && text[i] == ' ') ++i;
    if (ascii::Lower(text.substr(i, 7)) == "status:") return at;
  }
  return std::string::npos;
}

bool HasListSeparator(cmark_node* cell, bool numbered) {
  for (cmark_node* c = cmark_node_first_child(cell); c; c = cmark_node_next(c)) {
    if (!IsText(c)) continue;
    std::string text = Literal(c);
    for (size_t k = 0; k < text.size(); ++k) {
      if (CellListSeparator(text, k, numbered)) return true;
    }
  }
  return false;
}

}  // namespace

TableCells::TableCells(std::function<SourcePos(int, int)> place, Diagnostics& diag)
    : place_(std::move(place)), diag_(diag) {}

TableCells::~TableCells() {
  for (cmark_node* n : detached_) cmark_node_free(n);
}

void TableCells::Detach(cmark_node* node) {
  cmark_node_unlink(node);
  detached_.push_back(node);
}

cmark_node* TableCells::Marker(const std::string& html) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  std::string text = kMarker + std::to_string(markers_.size()) + kMarker;
  markers_.push_back(html);
  cmark_node_set_literal(node, text.c_str());
  return node;
}

void TableCells::ReplaceMarkers(std::string& html) const {
  if (markers_.empty()) return;
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  while (true) {
    size_t at = html.find(kMarker, pos);
    size_t end = at == std::string::npos ? at : html.find(kMarker, at + 1);
    if (end == std::string::npos) break;
    out.append(html, pos, at - pos);
    // Only ours are left (WithoutMarkerBytes), but a marker is read without
    // trusting that: anything else is kept as it is.
    size_t index = 0;
    bool ours = end - at > 1 && end - at <= 10;
    for (size_t i = at + 1; ours && i < end; ++i) {
      ours = ascii::IsDigit(html[i]);
      index = index * 10 + static_cast<size_t>(html[i] - '0');
    }
    if (!ours || index >= markers_.size()) {
      out += html[at];
      pos = at + 1;
      continue;
    }
    out += markers_[index];
    pos = end + 1;
  }
  out.append(html, pos, std::string::npos);
  html = std::move(out);
}

std::string TableCells::WithoutMarkerBytes(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (c == kMarker) c = ' ';
  return out;
}

cmark_node* TableCells::TextPiece(const std::string& text, const TextPlace& at,
                                  size_t offset) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(node, text.c_str());
  TextPlace place = at;
  if (place.column > 0) place.column += static_cast<int>(offset);
  piece_pos_[node] = place;
  return node;
}

TableCells::TextPlace TableCells::TextAt(cmark_node* node) const {
  auto it = piece_pos_.find(node);
  if (it != piece_pos_.end()) return it->second;
  return {cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
}

// Offsets are bytes of the parsed text; `place_` turns the column into
// characters, as an editor counts them.
SourcePos TableCells::PosAt(const TextPlace& at, size_t offset) const {
  return place_(at.line, at.column > 0 ? at.column + static_cast<int>(offset) : 0);
}

void TableCells::Edit(cmark_node* doc) {
  for (cmark_node* node : CmarkNodes(doc)) {
    if (std::strcmp(cmark_node_get_type_string(node), "table_cell") == 0) EditCell(node);
  }
  // A status mark anywhere else would be published as it is written.
  for (cmark_node* node : CmarkNodes(doc)) {
    if (!IsText(node) || status_seen_.count(node)) continue;
    size_t at = FindStatusMark(Literal(node));
    if (at == std::string::npos) continue;
    diag_.Error(PosAt(TextAt(node), at),
                "a status such as '{status: red}' goes at the start of a table cell "
                "(or of an item of a list in a cell); here it would be shown as "
                "written");
  }
}

void TableCells::EditCell(cmark_node* cell) {
  cmark_node* first = cmark_node_first_child(cell);
  if (!IsText(first)) return;
  bool numbered = false;
  int start = 1;
  size_t marker = CellListMarker(Literal(first), numbered, start);
  // "1. Housing" alone is a heading-like number, not a list.
  if (marker == 0 || (numbered && !HasListSeparator(cell, numbered))) {
    EditStatus(first);
    return;
  }
  // Cut the cell's inline nodes into items at each "; - " (or "; 2. ").
  std::vector<std::vector<cmark_node*>> items(1);
  std::vector<cmark_node*> children;
  for (cmark_node* c = first; c; c = cmark_node_next(c)) children.push_back(c);
  for (cmark_node* c : children) {
    if (!IsText(c)) {
      items.back().push_back(c);
      continue;
    }
    std::string text = Literal(c);
    TextPlace at = TextAt(c);
    size_t from = c == first ? marker : 0;
    for (size_t k = from; k < text.size(); ++k) {
      size_t sep = CellListSeparator(text, k, numbered);
      if (sep == 0) continue;
      if (k > from)
        items.back().push_back(TextPiece(text.substr(from, k - from), at, from));
      items.emplace_back();
      from = k + sep;
      k = from - 1;
    }
    if (from < text.size())
      items.back().push_back(TextPiece(text.substr(from), at, from));
    Detach(c);
  }
  std::string tag = numbered ? "ol" : "ul";
  std::string open = "<" + tag + " class=\"cell-list\"" +
                     (start != 1 ? " start=\"" + std::to_string(start) + "\"" : "") + ">";
  cmark_node_append_child(cell, Marker(open));
  for (const std::vector<cmark_node*>& item : items) {
    cmark_node_append_child(cell, Marker("<li>"));
    for (cmark_node* n : item) cmark_node_append_child(cell, n);
    if (!item.empty()) EditStatus(item.front());
    cmark_node_append_child(cell, Marker("</li>"));
  }
  cmark_node_append_child(cell, Marker("</" + tag + ">"));
}

void TableCells::EditStatus(cmark_node* node) {
  if (!IsText(node)) return;
  std::string text = Literal(node);
  size_t lead = text.find_first_not_of(' ');
  if (lead == std::string::npos || FindStatusMark(text) != lead) return;
  status_seen_.insert(node);
  const TextPlace pos = TextAt(node);
  size_t colon = text.find(':', lead);
  size_t close = text.find('}', colon);
  if (close == std::string::npos) {
    diag_.Error(PosAt(pos, lead),
                "the status is not closed: write it as '{status: red}'");
    return;
  }
  size_t b = text.find_first_not_of(' ', colon + 1);
  size_t e = text.find_last_not_of(' ', close - 1);
  std::string word = b >= close ? "" : text.substr(b, e - b + 1);
  const CellStatus* status = FindCellStatus(word);
  if (!status) {
    diag_.Error(PosAt(pos, b >= close ? colon : b),
                (word.empty() ? std::string("the status is empty")
                              : "unknown status '" + word + "'") +
                    ": use red, amber, green, blue, on track, at risk, off track, "
                    "not on track, compromised, complete or not started" +
                    DidYouMean(ascii::Lower(word), CellStatusWords()));
    return;
  }
  cmark_node_insert_before(node, Marker(CellStatusHtml(*status)));
  std::string rest = text.substr(close + 1);
  // One status a cell (or a list item): a second would be shown as written,
  // and which of the two holds would be anyone's guess.
  size_t second = FindStatusMark(rest);
  if (second != std::string::npos)
    diag_.Error(PosAt(pos, close + 1 + second),
                "a cell holds one status: give the second its own row or cell, or "
                "write it as words");
  if (rest.empty()) {
    Detach(node);
  } else {
    cmark_node_set_literal(node, rest.c_str());
  }
}

}  // namespace clerk
