#include "content/source_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace clerk {
namespace fs = std::filesystem;

bool ReadTextFile(const std::string& path, const std::string& display_path,
                  std::string* contents, Diagnostics& diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.Error({display_path, 0, 0}, "cannot read file");
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *contents = buffer.str();
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

FrontMatter SplitFrontMatter(const std::string& text, const std::string& path,
                             Diagnostics& diag) {
  FrontMatter fm;
  if (text.rfind("---\n", 0) != 0) {
    fm.body = text;
    fm.body_line = 1;
    return fm;
  }
  // Find the closing line "---" (or "...").
  size_t line_start = 4;
  int line = 2;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    std::string current =
        text.substr(line_start, line_end == std::string::npos ? std::string::npos
                                                              : line_end - line_start);
    if (current == "---" || current == "...") {
      fm.present = true;
      fm.yaml = text.substr(4, line_start - 4);
      fm.yaml_line = 2;
      fm.body = line_end == std::string::npos ? "" : text.substr(line_end + 1);
      fm.body_line = line + 1;
      return fm;
    }
    if (line_end == std::string::npos) break;
    line_start = line_end + 1;
    ++line;
  }
  diag.Error({path, 1, 1},
             "front matter opened with '---' on line 1 is never closed: add a line "
             "with '---' after the last field");
  return fm;
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
