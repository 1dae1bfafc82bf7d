#include "incremental/build_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

#include "files/atomic_write.h"
#include "incremental/batch_file.h"

namespace clerk {
namespace {

constexpr std::string_view kHeader = "# clerk build log v4";
constexpr std::string_view kRemoved = "removed ";

bool ParseNumber(std::string_view text, uint64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

// One entry line: six fields, then the path (the rest of the line: it may
// hold spaces). False if the line is damaged.
bool ParseEntry(std::string_view line, std::string_view& path, BuildLogEntry& e) {
  std::string_view field[6];
  for (std::string_view& f : field) {
    size_t space = line.find(' ');
    if (space == std::string_view::npos || space == 0) return false;
    f = line.substr(0, space);
    line.remove_prefix(space + 1);
  }
  if (line.empty()) return false;
  path = line;
  if (!Fingerprint::FromHex(field[0], e.inputs) ||
      !Fingerprint::FromHex(field[1], e.content) ||
      !Fingerprint::FromHex(field[2], e.deps) || !ParseNumber(field[3], e.size))
    return false;
  uint64_t mtime = 0;
  bool negative = !field[4].empty() && field[4][0] == '-';
  if (!ParseNumber(negative ? field[4].substr(1) : field[4], mtime)) return false;
  e.mtime_ns = negative ? -static_cast<int64_t>(mtime) : static_cast<int64_t>(mtime);
  if (field[5] != "-") {
    for (std::string_view bodies = field[5];;) {
      size_t comma = bodies.find(',');
      e.bodies.emplace_back(bodies.substr(0, comma));
      if (comma == std::string_view::npos) break;
      bodies.remove_prefix(comma + 1);
    }
  }
  return true;
}

void AppendEntry(std::string& text, const std::string& path, const BuildLogEntry& e) {
  char numbers[64];
  text += e.inputs.Hex();
  text += ' ';
  text += e.content.Hex();
  text += ' ';
  text += e.deps.Hex();
  // to_chars, not snprintf: this runs for every file of the site.
  text += ' ';
  text.append(numbers, std::to_chars(numbers, numbers + sizeof numbers, e.size).ptr);
  text += ' ';
  text.append(numbers, std::to_chars(numbers, numbers + sizeof numbers, e.mtime_ns).ptr);
  text += ' ';
  if (e.bodies.empty()) text += '-';
  for (size_t i = 0; i < e.bodies.size(); ++i) {
    if (i > 0) text += ',';
    text += e.bodies[i];
  }
  text += ' ';
  text += path;
  text += '\n';
}

}  // namespace

std::optional<BuildLog> BuildLog::Load(const std::string& out_dir) {
  const std::string path = out_dir + "/" + kBuildLogName;
  BuildLog log;
  // Lines run to about 230 bytes: sized once, the index is not rehashed
  // while a large site's log is read.
  if (std::optional<BuildLogEntry> file = StatFile(path))
    log.index_.reserve(static_cast<size_t>(file->size / 200));
  std::optional<batch_file::Extent> extent =
      batch_file::ReadBatches(path, kHeader, [&](std::string_view line, LineReader&) {
        if (line.substr(0, kRemoved.size()) == kRemoved)
          return log.Remove(line.substr(kRemoved.size()));
        std::string_view path;
        BuildLogEntry e;
        if (!ParseEntry(line, path, e)) return false;
        log.Set(std::string(path), std::move(e));
        return true;
      });
  if (!extent) return std::nullopt;
  log.file_size_ = extent->size;
  log.file_lines_ = extent->records;
  return log;
}

bool BuildLog::Save(const std::string& path) const {
  // Sorted, so the log itself is deterministic apart from the times.
  std::vector<const Item*> sorted;
  sorted.reserve(index_.size());
  for (const Item& item : items_)
    if (item.live) sorted.push_back(&item);
  std::sort(sorted.begin(), sorted.end(),
            [](const Item* x, const Item* y) { return x->path < y->path; });
  std::string text = std::string(kHeader) + "\n";
  text.reserve(sorted.size() * 160);
  for (const Item* item : sorted) AppendEntry(text, item->path, item->entry);
  text += batch_file::EndLine(sorted.size());
  return WriteFileAtomically(path, text);
}

bool BuildLog::Update(const std::string& path,
                      std::vector<std::pair<std::string, BuildLogEntry>> changed,
                      const std::vector<std::string>& removed) {
  std::sort(changed.begin(), changed.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string text;
  for (const auto& [file, entry] : changed) AppendEntry(text, file, entry);
  for (const std::string& file : removed) {
    text += kRemoved;
    text += file;
    text += '\n';
  }
  const size_t lines = changed.size() + removed.size();
  text += batch_file::EndLine(lines);
  for (auto& [file, entry] : changed) Set(std::move(file), std::move(entry));
  for (const std::string& file : removed) Remove(file);
  if (lines == 0) return true;
  // Too many replaced lines (see TimeToRewrite), or no file to append to:
  // write the log afresh.
  if (file_size_ == 0 || batch_file::TimeToRewrite(file_lines_, lines, size()) ||
      !batch_file::WriteAt(path, file_size_, text)) {
    std::optional<BuildLogEntry> saved;
    if (!Save(path) || !(saved = StatFile(path))) return false;
    file_lines_ = size();
    file_size_ = saved->size;
    return true;
  }
  file_size_ += text.size();
  file_lines_ += lines;
  return true;
}

size_t BuildLog::IndexOf(std::string_view path) const {
  auto it = index_.find(path);
  return it == index_.end() ? npos : it->second;
}

const BuildLogEntry* BuildLog::Find(std::string_view path) const {
  size_t slot = IndexOf(path);
  return slot == npos ? nullptr : &items_[slot].entry;
}

std::vector<size_t> BuildLog::SlotsWithDeps(const Fingerprint& deps) const {
  std::vector<size_t> slots;
  for (size_t slot = 0; slot < deps_.size(); ++slot)
    if (deps_[slot] == deps && items_[slot].live) slots.push_back(slot);
  return slots;
}

void BuildLog::Set(std::string path, BuildLogEntry entry) {
  size_t slot = IndexOf(path);
  if (slot != npos) {
    deps_[slot] = entry.deps;
    items_[slot].entry = std::move(entry);
    return;
  }
  deps_.push_back(entry.deps);
  items_.push_back({std::move(path), std::move(entry), true});
  index_.emplace(items_.back().path, items_.size() - 1);
}

bool BuildLog::Remove(std::string_view path) {
  auto it = index_.find(path);
  if (it == index_.end()) return false;
  Item& item = items_[it->second];
  deps_[it->second] = {};
  index_.erase(it);
  item.live = false;
  item.entry = {};
  return true;
}

void BuildLog::ForEach(
    const std::function<void(const std::string&, const BuildLogEntry&)>& f) const {
  for (const Item& item : items_)
    if (item.live) f(item.path, item.entry);
}

std::optional<BuildLogEntry> StatFile(const std::string& path) {
  return StatFileAt(AT_FDCWD, path);
}

int OpenFolder(const std::string& path) {
  return ::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

std::optional<BuildLogEntry> StatFileAt(int dir_fd, const std::string& path) {
  struct stat st;
  if (::fstatat(dir_fd, path.c_str(), &st, 0) != 0 || !S_ISREG(st.st_mode))
    return std::nullopt;
  BuildLogEntry e;
  e.size = static_cast<uint64_t>(st.st_size);
  e.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return e;
}

}  // namespace clerk
