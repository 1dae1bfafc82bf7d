#include "output/build_log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

namespace clerk {
namespace {

constexpr const char* kHeader = "# clerk build log v2";

bool ParseHex(const std::string& text, uint64_t& out) {
  if (text.size() != 16) return false;
  out = 0;
  for (char c : text) {
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (v < 0) return false;
    out = out * 16 + static_cast<uint64_t>(v);
  }
  return true;
}

}  // namespace

std::optional<BuildLog> BuildLog::Load(const std::string& out_dir) {
  std::ifstream in(out_dir + "/" + kBuildLogName, std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return std::nullopt;
  BuildLog log;
  while (std::getline(in, line)) {
    // <hex32> <hex32> <size> <mtime> <path>: the path is the rest of the line.
    if (line.size() < 66 || line[32] != ' ' || line[65] != ' ') return std::nullopt;
    BuildLogEntry e;
    if (!ParseHex(line.substr(33, 16), e.content.high) ||
        !ParseHex(line.substr(49, 16), e.content.low))
      return std::nullopt;
    line.erase(32, 33);
    size_t a = line.find(' ');
    size_t b = a == std::string::npos ? a : line.find(' ', a + 1);
    size_t c = b == std::string::npos ? b : line.find(' ', b + 1);
    if (c == std::string::npos || a != 32 || c + 1 >= line.size()) return std::nullopt;
    if (!ParseHex(line.substr(0, 16), e.inputs.high) ||
        !ParseHex(line.substr(16, 16), e.inputs.low))
      return std::nullopt;
    char* end = nullptr;
    e.size = std::strtoull(line.c_str() + a + 1, &end, 10);
    if (end != line.c_str() + b) return std::nullopt;
    e.mtime_ns = std::strtoll(line.c_str() + b + 1, &end, 10);
    if (end != line.c_str() + c) return std::nullopt;
    log.entries_[line.substr(c + 1)] = e;
  }
  return log;
}

bool BuildLog::Save(const std::string& path) const {
  // Sorted, so the log itself is deterministic apart from the times.
  std::vector<const std::pair<const std::string, BuildLogEntry>*> sorted;
  sorted.reserve(entries_.size());
  for (const auto& entry : entries_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* x, auto* y) { return x->first < y->first; });
  std::string text = std::string(kHeader) + "\n";
  text.reserve(entries_.size() * 96);
  char numbers[64];
  for (const auto* entry : sorted) {
    text += entry->second.inputs.Hex();
    text += ' ';
    text += entry->second.content.Hex();
    std::snprintf(numbers, sizeof numbers, " %" PRIu64 " %" PRId64 " ",
                  entry->second.size, entry->second.mtime_ns);
    text += numbers;
    text += entry->first;
    text += '\n';
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return false;
    }
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

const BuildLogEntry* BuildLog::Find(const std::string& path) const {
  auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : &it->second;
}

std::optional<BuildLogEntry> StatFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  BuildLogEntry e;
  e.size = static_cast<uint64_t>(st.st_size);
  e.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return e;
}

}  // namespace clerk
