#include "output/spare_record.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "files/atomic_write.h"
#include "incremental/state_files.h"
#include "model/parallel.h"

namespace clerk {
namespace {

constexpr std::string_view kHeader = "# clerk spare v2";

// "kind name" lines of `names`.
void AppendLines(std::string& text, const char* kind,
                 const std::vector<std::string>& names) {
  for (const std::string& name : names)
    text.append(kind).append(" ").append(name) += '\n';
}

}  // namespace

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::vector<std::string>> TopNames(const std::string& tree) {
  DIR* dir = ::opendir(tree.c_str());
  if (!dir) return std::nullopt;
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name != "." && name != ".." && name != kCacheDir)
      names.push_back(std::move(name));
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string_view> LoggedFolders(const BuildLog& log,
                                            const std::vector<std::string>& skip) {
  std::unordered_set<std::string_view> folders;
  log.ForEach([&](const std::string& path, const BuildLogEntry&) {
    if (!skip.empty() && std::binary_search(skip.begin(), skip.end(), path)) return;
    std::string_view rest = path;
    for (size_t slash = rest.rfind('/'); slash != std::string_view::npos && slash > 0;
         slash = rest.rfind('/')) {
      rest = rest.substr(0, slash);
      if (!folders.insert(rest).second) break;  // its parents are in already
    }
  });
  return {folders.begin(), folders.end()};
}

bool FoldersUnchangedSince(const std::string& tree,
                           const std::vector<std::string_view>& folders, int64_t since_ns,
                           int jobs) {
  const int root = ::open(tree.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) return false;
  std::atomic<bool> changed{false};
  ParallelFor(folders.size(), jobs, [&](size_t i, int) {
    if (changed) return;
    struct stat st;
    const std::string path(folders[i]);
    if (::fstatat(root, path.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISDIR(st.st_mode) ||
        static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec >
            since_ns)
      changed = true;
  });
  ::close(root);
  return !changed;
}

std::optional<SpareRecord> ReadSpareRecord(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  SpareRecord record;
  if (!std::getline(in, line) || line != kHeader || !std::getline(in, line))
    return std::nullopt;
  std::istringstream head(line);
  if (!(head >> record.device >> record.inode >> record.made_ns) || !head.eof())
    return std::nullopt;
  while (std::getline(in, line)) {
    const size_t space = line.find(' ');
    if (space == std::string::npos || space + 1 == line.size()) return std::nullopt;
    const std::string_view kind = std::string_view(line).substr(0, space);
    std::string name = line.substr(space + 1);
    if (kind == "site-top")
      record.site_top.push_back(std::move(name));
    else if (kind == "spare-top")
      record.spare_top.push_back(std::move(name));
    else if (kind == "written")
      record.written.push_back(std::move(name));
    else if (kind == "gone")
      record.gone.push_back(std::move(name));
    else if (kind == "added")
      record.added.push_back(std::move(name));
    else
      return std::nullopt;
  }
  return record;
}

bool WriteSpareRecord(const std::string& path, const SpareRecord& record) {
  std::string text = std::string(kHeader) + "\n" + std::to_string(record.device) + " " +
                     std::to_string(record.inode) + " " + std::to_string(record.made_ns) +
                     "\n";
  AppendLines(text, "site-top", record.site_top);
  AppendLines(text, "spare-top", record.spare_top);
  AppendLines(text, "written", record.written);
  AppendLines(text, "gone", record.gone);
  AppendLines(text, "added", record.added);
  return WriteFileAtomically(path, text);
}

}  // namespace clerk
