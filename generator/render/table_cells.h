// What a table cell of a paper may hold beyond text (docs/content-format.md,
// "Tables"):
//   - a status, written `{status: amber}` at the start of the cell (or of an
//     item of a list in the cell), shown as its word and a shape, never by
//     colour alone (WCAG 1.4.1): red a square, amber a triangle, green a
//     circle, complete a tick, not started a ring;
//   - a short list, written `- one; - two; - three` (or `1. one; 2. two`),
//     shown as a real list in the cell.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

struct cmark_node;

namespace clerk {

struct CellStatus {
  const char* name;   // the canonical word, as shown: "Amber", "At risk"
  const char* slug;   // for the class: "amber", "at-risk"
  const char* shape;  // "square", "triangle", "circle", "tick", "ring"
};

// The status written in a cell (`{status: <word>}`), case and spaces as the
// clerk likes ("On Track", "on  track", "on-track"); null if unknown.
const CellStatus* FindCellStatus(std::string_view word);

// Every word FindCellStatus knows, lower case, for messages and suggestions.
const std::vector<std::string>& CellStatusWords();

// <span class="status status--amber"><svg ...>(the shape)</svg> Amber</span>:
// the shape is decorative (aria-hidden), the word carries the meaning.
std::string CellStatusHtml(const CellStatus& status);

// The separator between items of a list in a cell: at `text[at]`, a ';'
// followed by spaces and "- " (or "<digits>. " when `numbered`). Returns the
// length of the separator including the marker, or 0.
size_t CellListSeparator(std::string_view text, size_t at, bool numbered);

// The length of the list marker that opens a list cell ("- ", "1. "), or 0;
// sets `numbered` and, for a numbered list, `start`.
size_t CellListMarker(std::string_view text, bool& numbered, int& start);

// Edits a parsed Markdown tree's table cells (statuses, lists) and reports
// what it cannot show: an unknown status, a status outside a cell. cmark-gfm
// lets a table cell hold only a few kinds of inline node, so the new HTML is
// put in as text nodes holding a marker, and ReplaceMarkers puts the HTML in
// their place once the tree is rendered.
class TableCells {
 public:
  // `place`: a 1-based line and byte column of the parsed text, in its file.
  TableCells(std::function<SourcePos(int line, int column)> place, Diagnostics& diag);
  ~TableCells();  // frees the nodes it took out of the tree
  TableCells(const TableCells&) = delete;
  TableCells& operator=(const TableCells&) = delete;

  void Edit(cmark_node* doc);
  void ReplaceMarkers(std::string& html) const;

  // The text to parse, with the byte the markers are made of (U+001F, a
  // control character nobody types) made a space, so no text can pass for
  // a marker. The file's own bytes are refused at the input boundary; one
  // can still come from a YAML escape ("\x1f"). A space keeps every column.
  static std::string WithoutMarkerBytes(const std::string& text);

 private:
  cmark_node* Marker(const std::string& html);
  // Where a text node starts in the parsed text (line, byte column).
  struct TextPlace {
    int line = 0;
    int column = 0;
  };
  cmark_node* TextPiece(const std::string& text, const TextPlace& at, size_t offset);
  TextPlace TextAt(cmark_node* node) const;
  // The file position `offset` bytes into the text node that starts at `at`.
  SourcePos PosAt(const TextPlace& at, size_t offset) const;
  void Detach(cmark_node* node);
  void EditCell(cmark_node* cell);
  void EditStatus(cmark_node* node);

  std::function<SourcePos(int, int)> place_;
  Diagnostics& diag_;
  std::vector<std::string> markers_;            // HTML of each marker
  std::map<cmark_node*, TextPlace> piece_pos_;  // text nodes cut from others
  std::set<cmark_node*> status_seen_;           // status marks at a cell's start
  std::vector<cmark_node*> detached_;
};

}  // namespace clerk
