#include "files/source_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "files/source_boundary.h"
#include "model/utf8.h"

namespace clerk {

bool ReadWholeFile(Disk& disk, const std::string& path, std::string* bytes,
                   std::string* error) {
  return disk.ReadFile(path, bytes, error);
}

bool ReadWholeFile(const std::string& path, std::string* bytes, std::string* error) {
  return RealDiskInstance().ReadFile(path, bytes, error);
}

namespace {
// The first CR not followed by LF, or npos.
size_t LoneCarriageReturn(const std::string& text) {
  for (size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1)) {
    if (i + 1 == text.size() || text[i + 1] != '\n') return i;
  }
  return std::string::npos;
}
}  // namespace

bool ReadTextFile(const std::string& path, const std::string& display_path,
                  std::string* contents, Diagnostics& diag) {
  return ReadTextFile(RealDiskInstance(), path, display_path, contents, diag);
}

bool ReadTextFile(Disk& disk, const std::string& path, const std::string& display_path,
                  std::string* contents, Diagnostics& diag) {
  // A link out of the site, or to nothing, is refused before it is read.
  // Links are the real file system's (lstat, realpath): a fake disk has none.
  if (IsRealDisk(disk)) {
    if (std::string problem = LinkProblem(path, false); !problem.empty()) {
      diag.Error({display_path, 0, 0}, problem);
      return false;
    }
  }
  std::string error;
  if (!disk.ReadFile(path, contents, &error)) {
    diag.Error({display_path, 0, 0}, error);
    return false;
  }
  // Old Mac files end lines with a CR alone: dropping it, as for CRLF below,
  // would join every line into one and read something else than was written.
  if (size_t cr = LoneCarriageReturn(*contents); cr != std::string::npos) {
    size_t line_start = contents->rfind('\n', cr);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    int line = 1 + static_cast<int>(std::count(
                       contents->begin(),
                       contents->begin() + static_cast<std::ptrdiff_t>(cr), '\n'));
    int column = 1;
    for (size_t i = line_start; i < cr; ++i)
      if ((static_cast<unsigned char>((*contents)[i]) & 0xC0) != 0x80) ++column;
    diag.Error({display_path, line, column},
               "a line ends here with a carriage return alone (old Mac line ends), which "
               "Clerk does not read as a line end: save the file with ordinary line ends "
               "(LF, or CR LF)");
    return false;
  }
  // Windows editors save CRLF; positions and parsing want plain LF.
  if (contents->find('\r') != std::string::npos)
    contents->erase(std::remove(contents->begin(), contents->end(), '\r'),
                    contents->end());
  // A UTF-8 byte order mark is invisible in editors; drop it.
  if (contents->rfind("\xEF\xBB\xBF", 0) == 0) contents->erase(0, 3);
  return CheckUtf8(*contents, display_path, diag) &&
         CheckControlCharacters(*contents, display_path, diag);
}

namespace {

// Whether ListFolderNames keeps an entry of this name: not editor and OS
// clutter (a hidden name), and text (a name that is not UTF-8 cannot become
// an address or a message; the source tree walk reports it, escaped).
bool Listable(const std::string& name) {
  return !name.empty() && name[0] != '.' && utf8::IsValid(name) && IsPrintableName(name);
}

}  // namespace

FolderNames ListFolderNames(Disk& disk, const std::string& dir) {
  // A folder that cannot be read, or an entry that goes away while it is
  // listed, ends the listing (the source tree walk, content/source_tree.h,
  // reports why); what was listed before stays.
  std::vector<FolderEntry> entries;
  disk.ListFolder(dir, &entries, nullptr);
  FolderNames names;
  for (FolderEntry& entry : entries) {
    if (!Listable(entry.name)) continue;
    (entry.kind == FileKind::kFolder ? names.folders : names.files)
        .push_back(std::move(entry.name));
  }
  return names;  // sorted, as Disk::ListFolder gives them
}

namespace {

// `name` into the sorted `names`, unless it is there.
void InsertSorted(std::vector<std::string>& names, const std::string& name) {
  auto at = std::lower_bound(names.begin(), names.end(), name);
  if (at == names.end() || *at != name) names.insert(at, name);
}

void EraseSorted(std::vector<std::string>& names, const std::string& name) {
  auto at = std::lower_bound(names.begin(), names.end(), name);
  if (at != names.end() && *at == name) names.erase(at);
}

}  // namespace

FolderNames RelistFolderNames(Disk& disk, const std::string& dir,
                              const KnownListing& known) {
  FolderNames names = *known.before;
  for (const std::string& name : *known.changed) {
    EraseSorted(names.folders, name);
    EraseSorted(names.files, name);
    if (!Listable(name)) continue;
    const std::string path = dir + "/" + name;
    const FileKind kind = disk.Stat(path).kind;
    struct stat st;
    if (kind == FileKind::kMissing && ::lstat(path.c_str(), &st) != 0) continue;  // gone
    // As Disk::ListFolder kinds it: a link by what it leads to, and a link
    // to nothing among the files.
    InsertSorted(kind == FileKind::kFolder ? names.folders : names.files, name);
  }
  return names;
}

namespace {
std::vector<std::string> List(Disk& disk, const std::string& dir, bool directories) {
  FolderNames names = ListFolderNames(disk, dir);
  return directories ? std::move(names.folders) : std::move(names.files);
}
}  // namespace

bool IsPrintableName(std::string_view name) {
  // Tab and line feed too: in a name they are never wanted, and a line feed
  // would split the message that names the file.
  return std::none_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
}

std::vector<std::string> ListFiles(Disk& disk, const std::string& dir) {
  return List(disk, dir, false);
}
std::vector<std::string> ListDirectories(Disk& disk, const std::string& dir) {
  return List(disk, dir, true);
}
std::vector<std::string> ListFiles(const std::string& dir) {
  return List(RealDiskInstance(), dir, false);
}
std::vector<std::string> ListDirectories(const std::string& dir) {
  return List(RealDiskInstance(), dir, true);
}

namespace {

// Where a Markdown file's front matter ends. One scan, shared by
// SplitFrontMatter and FrontMatterLength so the two always agree.
struct FrontMatterBounds {
  bool opened = false;     // line 1 is "---"
  bool closed = false;     // a later "---" or "..." line closes it
  size_t close_start = 0;  // offset of the closing line
  size_t body_start = 0;   // offset just past the closing line
  size_t yaml_start = 0;   // offset just past the opening line
  int body_line = 1;
};

// "---" or "..." with nothing after it but spaces or tabs (an editor may
// leave them, and they are invisible).
bool IsMarkerLine(std::string_view line, std::string_view marker) {
  if (line.substr(0, 3) != marker) return false;
  return line.find_first_not_of(" \t", 3) == std::string_view::npos;
}

FrontMatterBounds FindFrontMatter(std::string_view text) {
  FrontMatterBounds b;
  size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos ||
      !IsMarkerLine(text.substr(0, first_end), "---"))
    return b;
  b.opened = true;
  b.yaml_start = first_end + 1;
  size_t line_start = b.yaml_start;
  int line = 2;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    std::string_view current = text.substr(line_start, line_end == std::string_view::npos
                                                           ? std::string_view::npos
                                                           : line_end - line_start);
    if (IsMarkerLine(current, "---") || IsMarkerLine(current, "...")) {
      b.closed = true;
      b.close_start = line_start;
      b.body_start = line_end == std::string_view::npos ? text.size() : line_end + 1;
      // The line the body starts on: the closing line's own when the file
      // ends there without a newline (the body is then empty).
      b.body_line = line_end == std::string_view::npos ? line : line + 1;
      return b;
    }
    if (line_end == std::string_view::npos) break;
    line_start = line_end + 1;
    ++line;
  }
  return b;
}

}  // namespace

FrontMatter SplitFrontMatter(const std::string& text, const std::string& path,
                             Diagnostics& diag) {
  FrontMatter fm;
  FrontMatterBounds b = FindFrontMatter(text);
  if (!b.opened) {
    fm.body = text;
    fm.body_line = 1;
    return fm;
  }
  if (b.closed) {
    fm.present = true;
    fm.yaml = text.substr(b.yaml_start, b.close_start - b.yaml_start);
    fm.yaml_line = 2;
    fm.body = text.substr(b.body_start);
    fm.body_line = b.body_line;
    return fm;
  }
  diag.Error({path, 1, 1},
             "front matter opened with '---' on line 1 is never closed: add a line "
             "with '---' after the last field");
  return fm;
}

size_t FrontMatterLength(std::string_view text) {
  FrontMatterBounds b = FindFrontMatter(text);
  return !b.opened ? 0 : b.closed ? b.body_start : text.size();
}

namespace {

// Line and column (1-based, in characters) of byte `offset` of `text`, a
// text that is well-formed UTF-8 up to there.
SourcePos PositionOf(std::string_view text, size_t offset, const std::string& path) {
  SourcePos pos{path, 1, 1};
  for (size_t i = 0; i < offset;) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
      ++i;
      continue;
    }
    size_t length = utf8::CharLength(text, i);
    i += length == 0 ? 1 : length;
    ++pos.column;
  }
  return pos;
}

}  // namespace

bool CheckUtf8(const std::string& text, const std::string& path, Diagnostics& diag) {
  const size_t bad = utf8::FirstInvalid(text);
  if (bad == std::string::npos) return true;
  diag.Error(PositionOf(text, bad, path),
             "the file is not UTF-8 text: save it as UTF-8 (in Word or Notepad, "
             "'Save as' and choose UTF-8)");
  return false;
}

bool CheckControlCharacters(const std::string& text, const std::string& path,
                            Diagnostics& diag) {
  const size_t at = utf8::FirstForbiddenControl(text);
  if (at == std::string::npos) return true;
  auto forbidden = [](char c) { return utf8::IsForbiddenControl(c); };
  auto first = text.begin() + static_cast<std::ptrdiff_t>(at);
  const unsigned char c = static_cast<unsigned char>(*first);
  const size_t more =
      static_cast<size_t>(std::count_if(first + 1, text.end(), forbidden));
  char code[8];
  std::snprintf(code, sizeof code, "U+%04X", c);
  std::string message =
      c == 0 ? std::string("the file holds a NUL byte (U+0000), which is not text")
             : std::string("the file holds an invisible control character (") + code +
                   "), which pages, feeds and calendars cannot carry";
  message += more == 0
                 ? std::string(": delete it")
                 : ": delete it, and the " + std::to_string(more) + " more after it";
  message += " (such characters come from text pasted from a PDF or a damaged copy)";
  diag.Error(PositionOf(text, static_cast<size_t>(first - text.begin()), path), message);
  return false;
}

}  // namespace clerk
