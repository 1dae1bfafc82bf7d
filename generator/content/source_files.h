// Reading the source tree: files, folder listings and Markdown front matter.
// Listings are sorted so loading (and so output) never depends on the order
// the file system returns entries in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

namespace clerk {

// Reads a file's bytes as they are; on failure says why in *error (if given).
bool ReadWholeFile(const std::string& path, std::string* bytes,
                   std::string* error = nullptr);

// Reads a whole text file: CRLF becomes LF, a byte order mark is dropped, and
// it must be UTF-8. Reports an unreadable file at `display_path`.
bool ReadTextFile(const std::string& path, const std::string& display_path,
                  std::string* contents, Diagnostics& diag);

// Names (not paths) of the entries of `dir`, sorted; empty if it does not exist.
std::vector<std::string> ListFiles(const std::string& dir);
std::vector<std::string> ListDirectories(const std::string& dir);

// A Markdown file split into its YAML front matter and body.
struct FrontMatter {
  bool present = false;
  std::string yaml;   // between the --- lines
  int yaml_line = 2;  // line of the first YAML line in the file
  std::string body;   // after the closing ---
  int body_line = 1;  // line of the body's first line in the file
};

// Splits "---\n<yaml>\n---\n<body>". A file that opens with --- but never
// closes it is reported as an error.
FrontMatter SplitFrontMatter(const std::string& text, const std::string& path,
                             Diagnostics& diag);

// The length of the front matter, both "---" lines included: 0 if there is
// none, the whole text if it is never closed. Its lines are the body's offset.
size_t FrontMatterLength(std::string_view text);

// Text must be UTF-8; reports the first invalid byte's position.
bool CheckUtf8(const std::string& text, const std::string& path, Diagnostics& diag);

}  // namespace clerk
