// Every file of a theme, read once per build. The templates of each
// rendition, the fingerprint of the theme (what every page depends on), the
// 404 page's inline styles and the files copied as they are all come from
// here, so no theme file is read more than once however many threads and
// renditions use it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace clerk {

struct ThemeFiles {
  std::string dir;  // as given: themes/default
  // Every regular file under `dir` (hidden ones too), by path relative to
  // it, sorted by that path, with its bytes.
  std::vector<std::pair<std::string, std::string>> files;
  // Whether <dir>/templates is a folder (a theme without one is an error).
  bool has_templates = false;

  // Reads `dir`; a missing folder gives no files.
  static ThemeFiles Read(const std::string& dir);

  // The bytes of file `rel`, or null when the theme has no such file.
  const std::string* Find(const std::string& rel) const;
};

}  // namespace clerk
