// Reading the source tree: files, folder listings and Markdown front matter.
// Listings are sorted so loading (and so output) never depends on the order
// the file system returns entries in.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "files/disk.h"
#include "model/diagnostics.h"

namespace clerk {

// Reads a regular file's bytes as they are; on failure says why in *error
// (if given). Anything else (a named pipe, a socket, a device, a folder) is
// refused without being opened (Disk::ReadFile).
bool ReadWholeFile(Disk& disk, const std::string& path, std::string* bytes,
                   std::string* error = nullptr);
// The same on the real disk (RealDiskInstance).
bool ReadWholeFile(const std::string& path, std::string* bytes,
                   std::string* error = nullptr);

// Reads a whole text file: CRLF becomes LF, a byte order mark is dropped, and
// it must be UTF-8 without control characters (CheckUtf8,
// CheckControlCharacters). Reports an unreadable file, and on the real disk
// a link out of the site (files/source_boundary.h), at `display_path`.
bool ReadTextFile(Disk& disk, const std::string& path, const std::string& display_path,
                  std::string* contents, Diagnostics& diag);
// The same on the real disk (RealDiskInstance).
bool ReadTextFile(const std::string& path, const std::string& display_path,
                  std::string* contents, Diagnostics& diag);

// Names (not paths) of the entries of `dir`, sorted; empty if it does not
// exist or cannot be read. Names that are not UTF-8, or hold a control
// character, are left out (content/source_tree.h reports them), and so are
// those that start with '.'. ListDirectories gives the folders (and links to
// folders), ListFiles everything else. Without a disk, the real one.
std::vector<std::string> ListFiles(Disk& disk, const std::string& dir);
std::vector<std::string> ListDirectories(Disk& disk, const std::string& dir);
std::vector<std::string> ListFiles(const std::string& dir);
std::vector<std::string> ListDirectories(const std::string& dir);
// Both from one listing of `dir` (10,000 entries in content/meetings of a
// large site, listed once instead of twice).
struct FolderNames {
  std::vector<std::string> folders, files;
};
FolderNames ListFolderNames(Disk& disk, const std::string& dir);

// A folder as clerk serve knows it without listing it again: the last
// listing (ListFolderNames), and the names in it that its file watcher saw
// change since. Only when both are given.
struct KnownListing {
  const FolderNames* before = nullptr;
  const std::set<std::string>* changed = nullptr;
  bool known() const { return before && changed; }
};

// What ListFolderNames would give for `dir` now, from `known`: the last
// listing with each changed name looked at again, and nothing else (10,000
// entries in content/meetings of a large site, for an edit to one). A
// changed name that is gone leaves the listing; one that is there goes in as
// ListFolderNames would put it. Only for the real disk: a link to nothing
// is told from nothing by lstat, which a Disk does not have.
FolderNames RelistFolderNames(Disk& disk, const std::string& dir,
                              const KnownListing& known);

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

// Text must be well-formed UTF-8 (model/utf8.h: no overlong forms,
// surrogates or cut-off sequences); reports the first bad byte's line:col.
bool CheckUtf8(const std::string& text, const std::string& path, Diagnostics& diag);

// Text must hold no NUL, no other C0 control character but tab, line feed
// and carriage return, and no DEL: they are invisible in an editor and
// break XML feeds and calendars. Reports the first one's line:col.
bool CheckControlCharacters(const std::string& text, const std::string& path,
                            Diagnostics& diag);

// False if `name` holds a control character (a newline in a file name would
// break every message that names it).
bool IsPrintableName(std::string_view name);

}  // namespace clerk
