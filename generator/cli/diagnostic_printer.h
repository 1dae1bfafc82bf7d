// Diagnostics as a person reads them, the way rustc and Elm print theirs:
// the usual first line, `path:line:col: error: message` (editors and CI
// parse it, so it never changes), then the line of the file it is about
// with a caret under the column:
//
//   content/meetings/x/meeting.yaml:14:7: error: unknown person 'm-evans'
//      |
//   14 |   - m-evans
//      |     ^
//
// Colour only where a person reads it (see ColourWanted).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

namespace clerk::cli {

// Whether to colour what is written to file descriptor `fd`
// (https://no-color.org): never when NO_COLOR is set and not empty; always
// when CLICOLOR_FORCE is set to anything but "0"; otherwise only on a
// terminal whose TERM is not "dumb".
bool ColourWanted(int fd);

// Reads the files diagnostics point into, each once while its diagnostics
// follow one another (they come sorted by path), so thousands of
// diagnostics read each file once and hold one file at a time.
class SourceLines {
 public:
  // Line `line` (1-based) of `path` without its line end, or nullopt when
  // the file is gone, is not an ordinary file (a named pipe is never
  // opened), is too large to show, or has no such line.
  std::optional<std::string_view> Line(const std::string& path, int line);

 private:
  void Load(const std::string& path);

  std::string path_;
  bool loaded_ = false;
  std::string text_;
  std::vector<size_t> starts_;  // offset of each line's first byte
};

// A source line as shown under a diagnostic: tabs expanded to the next
// column of four (so the caret lines up in any terminal), bytes that are
// not UTF-8 and control characters written as \xHH, and a long line cut
// around the column with "...".
struct ShownLine {
  std::string text;
  int caret = -1;  // display column (0-based) of the caret; -1: none
};

// `column` is 1-based in characters (0: unknown, no caret).
ShownLine ShowLine(std::string_view line, int column);

// The diagnostic's first line, then its excerpt when it has a line in a
// file that can be read; each line ends in "\n".
std::string FormatWithExcerpt(const Diagnostic& d, SourceLines& files, bool colour);

// Every diagnostic of `sorted` (Diagnostics::Sorted()) with its excerpt.
void PrintDiagnostics(const std::vector<Diagnostic>& sorted, std::ostream& out,
                      bool colour);

// The source line a diagnostic points at, as valid UTF-8 (for
// `clerk check --format json`), or nullopt as for SourceLines::Line.
std::optional<std::string> ExcerptText(const Diagnostic& d, SourceLines& files);

}  // namespace clerk::cli
