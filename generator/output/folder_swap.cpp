#include "output/folder_swap.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

#include "output/kill_point.h"

namespace clerk {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTmp = ".tmp-";
constexpr std::string_view kOld = ".old-";

std::string OldFolder(const std::string& out, long pid) {
  return out + std::string(kOld) + std::to_string(pid);
}

// The pid in "<base>.tmp-<pid>" or "<base>.old-<pid>" (`kind` set to which),
// or -1 if `name` is not such a name.
long LeftoverPid(std::string_view name, std::string_view base, std::string_view* kind) {
  if (name.size() <= base.size() + kTmp.size() || name.substr(0, base.size()) != base)
    return -1;
  std::string_view rest = name.substr(base.size());
  std::string_view k = rest.substr(0, kTmp.size());
  if (k != kTmp && k != kOld) return -1;
  std::string_view digits = rest.substr(kTmp.size());
  if (digits.empty() || digits.size() > 9) return -1;
  long pid = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    pid = pid * 10 + (c - '0');
  }
  *kind = k;
  return pid;
}

// True if `pid` is another running process whose name starts with "clerk"
// (clerk itself, or its tests): its folders are in use. A pid reused by
// another program does not count.
bool RunningClerk(long pid) {
  if (pid == static_cast<long>(::getpid())) return false;  // a build of ours that ended
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  if (!std::getline(comm, name)) return false;
  return name.rfind("clerk", 0) == 0;
}

// Clerk's: holds the site marker, or is empty (killed before the marker).
bool ClerksFolder(const fs::path& dir, const std::string& marker) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return false;
  return fs::exists(dir / marker, ec) || fs::is_empty(dir, ec);
}

}  // namespace

std::string StagingFolder(const std::string& out, long pid) {
  return out + std::string(kTmp) + std::to_string(pid);
}

std::string SpareFolder(const std::string& out) {
  return out + ".old-spare";
}

bool SwapIn(const std::string& next, const std::string& out, std::string* previous,
            std::string* error) {
  previous->clear();
  if (::renameat2(AT_FDCWD, next.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
    *previous = next;  // now holds the old site
    return true;
  }
  if (errno == ENOENT) {
    // No site yet: one rename, which fails rather than replace a folder
    // that appeared meanwhile.
    if (::renameat2(AT_FDCWD, next.c_str(), AT_FDCWD, out.c_str(), RENAME_NOREPLACE) == 0)
      return true;
    *error = std::strerror(errno);
    return false;
  }
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
    *error = std::strerror(errno);
    return false;
  }
  // The file system cannot swap: old aside, new in (see the header).
  const std::string old = OldFolder(out, ::getpid());
  if (std::rename(out.c_str(), old.c_str()) != 0) {
    *error = std::string("cannot move the previous site aside: ") + std::strerror(errno);
    return false;
  }
  KillPoint("swap-aside");
  if (std::rename(next.c_str(), out.c_str()) != 0) {
    *error = std::strerror(errno);
    std::rename(old.c_str(), out.c_str());
    return false;
  }
  *previous = old;
  return true;
}

void RemoveSiteFolder(const std::string& dir, const std::string& marker) {
  std::error_code ec;
  // Never into a folder through a link to it.
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().filename() != marker) entries.push_back(e.path());
  for (size_t i = 0; i < entries.size(); ++i) {
    fs::remove_all(entries[i], ec);
    if (i == entries.size() / 2) KillPoint("remove-old-half");
  }
  fs::remove(fs::path(dir) / marker, ec);
  fs::remove(dir, ec);
}

void RecoverOutput(const std::string& out, const std::string& marker) {
  const fs::path out_path(out);
  const fs::path parent = out_path.parent_path();
  const std::string base = out_path.filename().string();
  std::error_code ec;
  std::vector<std::pair<fs::path, bool>> leftovers;  // and whether an old site
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    std::string_view kind;
    const std::string name = e.path().filename().string();
    long pid = LeftoverPid(name, base, &kind);
    if (pid < 0 || RunningClerk(pid) || !ClerksFolder(e.path(), marker)) continue;
    leftovers.emplace_back(e.path(), kind == kOld);
  }
  // A build killed between moving the old site aside and the new one in
  // (file systems without RENAME_EXCHANGE): the old site is whole, the new
  // one may not be.
  if (!fs::exists(fs::symlink_status(out_path, ec))) {
    for (const auto& [path, old] : leftovers) {
      if (old && fs::exists(path / marker, ec) &&
          std::rename(path.c_str(), out.c_str()) == 0)
        break;
    }
  }
  for (const auto& [path, old] : leftovers)
    if (fs::exists(fs::symlink_status(path, ec))) RemoveSiteFolder(path.string(), marker);
}

}  // namespace clerk
