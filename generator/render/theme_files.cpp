#include "render/theme_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace clerk {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxDepth = 8;

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

ThemeFiles ThemeFiles::Read(const std::string& dir) {
  ThemeFiles theme;
  theme.dir = dir;
  std::error_code ec;
  theme.has_templates = fs::is_directory(fs::path(dir) / "templates", ec);
  if (!fs::is_directory(dir, ec)) return theme;
  std::vector<std::string> names;
  // A theme may link in a shared folder (templates/ -> ../common), so links
  // to folders are followed; the depth bound (deeper than any theme) ends a
  // link that loops.
  for (auto it = fs::recursive_directory_iterator(
           dir, fs::directory_options::follow_directory_symlink, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() > kMaxDepth) it.disable_recursion_pending();
    std::error_code file_ec;
    if (it->is_regular_file(file_ec))
      // lexically: fs::relative would resolve a link and name its target.
      names.push_back(it->path().lexically_relative(dir).generic_string());
  }
  std::sort(names.begin(), names.end());
  theme.files.reserve(names.size());
  for (std::string& rel : names) {
    std::string bytes = ReadBytes(fs::path(dir) / rel);
    theme.files.emplace_back(std::move(rel), std::move(bytes));
  }
  return theme;
}

const std::string* ThemeFiles::Find(const std::string& rel) const {
  auto it = std::lower_bound(files.begin(), files.end(), rel,
                             [](const std::pair<std::string, std::string>& file,
                                const std::string& name) { return file.first < name; });
  return it != files.end() && it->first == rel ? &it->second : nullptr;
}

}  // namespace clerk
