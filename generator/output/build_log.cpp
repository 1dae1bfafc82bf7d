#include "output/build_log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "content/source_files.h"
#include "output/atomic_write.h"
#include "output/line_reader.h"

namespace clerk {
namespace {

constexpr const char* kHeader = "# clerk build log v3";

bool ParseNumber(std::string_view text, uint64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

std::optional<BuildLog> BuildLog::Load(const std::string& out_dir) {
  // Read whole and split in place: a large site's log is tens of megabytes.
  std::string bytes;
  if (!ReadWholeFile(out_dir + "/" + kBuildLogName, &bytes)) return std::nullopt;
  LineReader lines(bytes);
  std::string_view line;
  if (!lines.Next(line) || line != kHeader) return std::nullopt;
  BuildLog log;
  log.entries_.reserve(
      static_cast<size_t>(std::count(lines.rest().begin(), lines.rest().end(), '\n')));
  bool ended = false;
  while (lines.Next(line)) {
    // The last line counts the entries: a log cut short is no log.
    if (line.rfind("# end ", 0) == 0) {
      uint64_t count = 0;
      if (!ParseNumber(line.substr(6), count) || count != log.entries_.size() ||
          lines.Next(line))
        return std::nullopt;
      ended = true;
      break;
    }
    // Six fields, then the path: the rest of the line (it may hold spaces).
    std::string_view rest = line;
    std::string_view field[6];
    for (std::string_view& f : field) {
      size_t space = rest.find(' ');
      if (space == std::string_view::npos || space == 0) return std::nullopt;
      f = rest.substr(0, space);
      rest.remove_prefix(space + 1);
    }
    if (rest.empty()) return std::nullopt;
    BuildLogEntry e;
    if (!Fingerprint::FromHex(field[0], e.inputs) ||
        !Fingerprint::FromHex(field[1], e.content) ||
        !Fingerprint::FromHex(field[2], e.deps) || !ParseNumber(field[3], e.size))
      return std::nullopt;
    uint64_t mtime = 0;
    bool negative = !field[4].empty() && field[4][0] == '-';
    if (!ParseNumber(negative ? field[4].substr(1) : field[4], mtime))
      return std::nullopt;
    e.mtime_ns = negative ? -static_cast<int64_t>(mtime) : static_cast<int64_t>(mtime);
    if (field[5] != "-") {
      for (std::string_view bodies = field[5];;) {
        size_t comma = bodies.find(',');
        e.bodies.emplace_back(bodies.substr(0, comma));
        if (comma == std::string_view::npos) break;
        bodies.remove_prefix(comma + 1);
      }
    }
    log.entries_[std::string(rest)] = std::move(e);
  }
  if (!ended) return std::nullopt;
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
  text.reserve(entries_.size() * 160);
  char numbers[64];
  for (const auto* entry : sorted) {
    const BuildLogEntry& e = entry->second;
    text += e.inputs.Hex();
    text += ' ';
    text += e.content.Hex();
    text += ' ';
    text += e.deps.Hex();
    // to_chars, not snprintf: this runs for every file of the site.
    text += ' ';
    text.append(numbers, std::to_chars(numbers, numbers + sizeof numbers, e.size).ptr);
    text += ' ';
    text.append(numbers,
                std::to_chars(numbers, numbers + sizeof numbers, e.mtime_ns).ptr);
    text += ' ';
    if (e.bodies.empty()) text += '-';
    for (size_t i = 0; i < e.bodies.size(); ++i) {
      if (i > 0) text += ',';
      text += e.bodies[i];
    }
    text += ' ';
    text += entry->first;
    text += '\n';
  }
  text += "# end " + std::to_string(sorted.size()) + "\n";
  return WriteFileAtomically(path, text);
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
