#include "incremental/source_stamp.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "incremental/build_log.h"
#include "model/parallel.h"

namespace clerk {
namespace fs = std::filesystem;

namespace {

struct StampEntry {
  std::string path;
  uint64_t size;
  int64_t mtime_ns;
};

StampEntry EntryOf(std::string path, const struct stat& st) {
  return {std::move(path), static_cast<uint64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

// Reads one folder: its regular files (symbolic links to them too) into
// `files`, its folders (not links to folders) into `folders`. One fstatat
// per file, relative to the folder: no path walk from the root each time.
void ReadFolder(const std::string& dir, std::vector<StampEntry>& files,
                std::vector<std::string>& folders) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  const int fd = ::dirfd(d);
  while (const struct dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string path = dir + "/" + e->d_name;
    struct stat st;
    if (e->d_type == DT_DIR) {
      folders.push_back(std::move(path));
    } else if (e->d_type == DT_REG || e->d_type == DT_LNK) {
      if (::fstatat(fd, e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode))
        files.push_back(EntryOf(std::move(path), st));
    } else if (e->d_type == DT_UNKNOWN &&
               ::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
      if (S_ISDIR(st.st_mode)) {
        folders.push_back(std::move(path));
      } else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) &&
                 ::fstatat(fd, e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode)) {
        files.push_back(EntryOf(std::move(path), st));
      }
    }
  }
  ::closedir(d);
}

// Every regular file under `root`, a level of folders at a time, the
// folders of each level on all cores (content/meetings holds one folder per
// meeting: ten thousand on a large site).
void WalkFolder(const std::string& root, std::vector<StampEntry>& out, int jobs) {
  std::vector<std::string> level = {root};
  while (!level.empty()) {
    std::vector<std::vector<StampEntry>> files(level.size());
    std::vector<std::vector<std::string>> folders(level.size());
    ParallelFor(level.size(), jobs,
                [&](size_t i, int) { ReadFolder(level[i], files[i], folders[i]); });
    std::vector<std::string> next;
    for (size_t i = 0; i < level.size(); ++i) {
      for (StampEntry& e : files[i]) out.push_back(std::move(e));
      for (std::string& f : folders[i]) next.push_back(std::move(f));
    }
    level = std::move(next);
  }
}

}  // namespace

Fingerprint StampSources(const std::vector<std::string>& inputs, const std::string& extra,
                         int jobs) {
  std::vector<StampEntry> entries;
  for (const std::string& input : inputs) {
    struct stat st;
    if (::stat(input.c_str(), &st) != 0) {
      entries.push_back({input + " (missing)", 0, 0});
    } else if (S_ISREG(st.st_mode)) {
      entries.push_back(EntryOf(input, st));
    } else if (S_ISDIR(st.st_mode)) {
      WalkFolder(input, entries, jobs);
    } else {
      entries.push_back({input + " (missing)", 0, 0});
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const StampEntry& a, const StampEntry& b) { return a.path < b.path; });
  Hasher h;
  h.Add(extra);
  for (const StampEntry& e : entries) {
    h.Add(e.path);
    h.Add(std::string_view(reinterpret_cast<const char*>(&e.size), sizeof e.size));
    h.Add(
        std::string_view(reinterpret_cast<const char*>(&e.mtime_ns), sizeof e.mtime_ns));
  }
  return h.Finish();
}

std::optional<Fingerprint> SavedStamp(const std::string& out_dir) {
  std::ifstream in(out_dir + "/" + kSourceStampName);
  std::string hex;
  if (!(in >> hex) || hex.size() != 32) return std::nullopt;
  Fingerprint f;
  if (std::sscanf(hex.c_str(), "%16lx%16lx", &f.high, &f.low) != 2) return std::nullopt;
  if (f.Hex() != hex) return std::nullopt;
  return f;
}

bool SaveStamp(const std::string& out_dir, const Fingerprint& stamp) {
  std::string path = out_dir + "/" + kSourceStampName;
  std::ofstream out(path + ".tmp", std::ios::trunc);
  out << stamp.Hex() << "\n";
  out.close();
  return out && std::rename((path + ".tmp").c_str(), path.c_str()) == 0;
}

void RemoveStamp(const std::string& out_dir) {
  std::remove((out_dir + "/" + kSourceStampName).c_str());
}

bool OutputIntact(const std::string& out_dir, int jobs, size_t* files) {
  std::optional<BuildLog> log = BuildLog::Load(out_dir);
  if (!log) return false;
  std::atomic<bool> intact{true};
  const int out_fd = OpenFolder(out_dir);
  if (out_fd < 0) return false;
  ParallelFor(log->slots(), jobs, [&](size_t slot, int) {
    const BuildLogEntry* entry = log->At(slot);
    if (!intact || !entry) return;
    std::optional<BuildLogEntry> now = StatFileAt(out_fd, log->PathAt(slot));
    if (!now || now->size != entry->size || now->mtime_ns != entry->mtime_ns)
      intact = false;
  });
  ::close(out_fd);
  *files = log->size();
  return intact;
}

}  // namespace clerk
