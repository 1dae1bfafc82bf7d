#include "output/source_stamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "model/parallel.h"
#include "output/build_log.h"

namespace clerk {
namespace fs = std::filesystem;

Fingerprint StampSources(const std::vector<std::string>& inputs,
                         const std::string& extra) {
  struct Entry {
    std::string path;
    uint64_t size;
    int64_t mtime_ns;
  };
  std::vector<Entry> entries;
  auto add = [&](const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    entries.push_back(
        {path, static_cast<uint64_t>(st.st_size),
         static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
  };
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_regular_file(input, ec)) {
      add(input);
    } else if (fs::is_directory(input, ec)) {
      for (auto it = fs::recursive_directory_iterator(input, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) add(it->path().string());
      }
    } else {
      entries.push_back({input + " (missing)", 0, 0});
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  Hasher h;
  h.Add(extra);
  for (const Entry& e : entries) {
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
  ParallelFor(log->slots(), jobs, [&](size_t slot, int) {
    const BuildLogEntry* entry = log->At(slot);
    if (!intact || !entry) return;
    std::optional<BuildLogEntry> now = StatFile(out_dir + "/" + log->PathAt(slot));
    if (!now || now->size != entry->size || now->mtime_ns != entry->mtime_ns)
      intact = false;
  });
  *files = log->size();
  return intact;
}

}  // namespace clerk
