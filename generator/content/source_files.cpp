#include "content/source_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <system_error>

namespace clerk {
namespace fs = std::filesystem;

bool ReadWholeFile(const std::string& path, std::string* bytes, std::string* error) {
  // open/fstat/read: one copy, sized once (every source file comes here).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    if (error) *error = "cannot read file";
    return false;
  }
  bytes->resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  for (;;) {
    // Once the size fstat gave is read, one more read into a small buffer
    // says whether the file grew since: no second, larger zero-filled
    // buffer for every file (that was a third of reading the record cache).
    char more[4096];
    const bool full = got == bytes->size();
    ssize_t n = full ? ::read(fd, more, sizeof more)
                     : ::read(fd, bytes->data() + got, bytes->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (error) *error = std::string("cannot read file: ") + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    if (full) bytes->append(more, static_cast<size_t>(n));
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  bytes->resize(got);
  return true;
}

bool ReadTextFile(const std::string& path, const std::string& display_path,
                  std::string* contents, Diagnostics& diag) {
  std::string error;
  if (!ReadWholeFile(path, contents, &error)) {
    diag.Error({display_path, 0, 0}, error);
    return false;
  }
  // Windows editors save CRLF; positions and parsing want plain LF.
  contents->erase(std::remove(contents->begin(), contents->end(), '\r'), contents->end());
  // A UTF-8 byte order mark is invisible in editors; drop it.
  if (contents->rfind("\xEF\xBB\xBF", 0) == 0) contents->erase(0, 3);
  return CheckUtf8(*contents, display_path, diag);
}

namespace {
std::vector<std::string> List(const std::string& dir, bool directories) {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return names;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // editor and OS clutter
    if (entry.is_directory(ec) == directories) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}
}  // namespace

std::vector<std::string> ListFiles(const std::string& dir) {
  return List(dir, false);
}
std::vector<std::string> ListDirectories(const std::string& dir) {
  return List(dir, true);
}

namespace {

// Where a Markdown file's front matter ends. One scan, shared by
// SplitFrontMatter and FrontMatterLength so the two always agree.
struct FrontMatterBounds {
  bool opened = false;     // line 1 is "---"
  bool closed = false;     // a later "---" or "..." line closes it
  size_t close_start = 0;  // offset of the closing line
  size_t body_start = 0;   // offset just past the closing line
  int body_line = 1;
};

FrontMatterBounds FindFrontMatter(std::string_view text) {
  FrontMatterBounds b;
  if (text.substr(0, 4) != "---\n") return b;
  b.opened = true;
  size_t line_start = 4;
  int line = 2;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    std::string_view current = text.substr(line_start, line_end == std::string_view::npos
                                                           ? std::string_view::npos
                                                           : line_end - line_start);
    if (current == "---" || current == "...") {
      b.closed = true;
      b.close_start = line_start;
      b.body_start = line_end == std::string_view::npos ? text.size() : line_end + 1;
      b.body_line = line + 1;
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
    fm.yaml = text.substr(4, b.close_start - 4);
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

bool CheckUtf8(const std::string& text, const std::string& path, Diagnostics& diag) {
  int line = 1, column = 1;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (!valid) {
      diag.Error({path, line, column},
                 "the file is not UTF-8 text: save it as UTF-8 (in Word or Notepad, "
                 "'Save as' and choose UTF-8)");
      return false;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return true;
}

}  // namespace clerk
