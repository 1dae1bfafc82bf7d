#include "files/fake_disk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace clerk::testing {
namespace {

std::string Reason(const char* what, int error) {
  return std::string(what) + std::strerror(error);
}

// The parent of a normal path: "" for a name in the current folder.
std::string ParentOf(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent == path ? "" : parent;
}

}  // namespace

std::string FakeDisk::Normal(const std::string& path) {
  std::string normal = std::filesystem::path(path).lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal == "." ? "" : normal;
}

void FakeDisk::AddParents(const std::string& path) {
  for (std::string parent = ParentOf(path); !parent.empty(); parent = ParentOf(parent)) {
    if (nodes_.count(parent)) return;
    nodes_[parent] = {true, "", clock_, next_inode_++};
  }
}

void FakeDisk::Put(const std::string& path, bool folder, std::string bytes) {
  AddParents(path);
  Node& node = nodes_[path];
  if (node.inode == 0) node.inode = next_inode_++;
  node.folder = folder;
  node.bytes = std::move(bytes);
  node.mtime_ns = ++clock_;
}

const FakeDisk::Node* FakeDisk::Find(const std::string& path) const {
  auto it = nodes_.find(path);
  return it == nodes_.end() ? nullptr : &it->second;
}

int FakeDisk::Lookup(const std::map<std::string, int>& map, const std::string& path) {
  auto it = map.find(path);
  return it == map.end() ? 0 : it->second;
}

void FakeDisk::AddFile(const std::string& path, std::string bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  Put(Normal(path), false, std::move(bytes));
}

void FakeDisk::AddFolder(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  Put(Normal(path), true, "");
}

void FakeDisk::FailReads(const std::string& path, int error) {
  std::lock_guard<std::mutex> lock(mutex_);
  read_failures_[Normal(path)] = error;
}

void FakeDisk::FailWrites(const std::string& path, int error) {
  std::lock_guard<std::mutex> lock(mutex_);
  write_failures_[Normal(path)] = error;
}

void FakeDisk::FailRenames(const std::string& path, int error) {
  std::lock_guard<std::mutex> lock(mutex_);
  rename_failures_[Normal(path)] = error;
}

std::optional<std::string> FakeDisk::Contents(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Node* node = Find(Normal(path));
  if (!node || node->folder) return std::nullopt;
  return node->bytes;
}

int FakeDisk::Reads(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return Lookup(reads_, Normal(path));
}

int FakeDisk::Stats(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return Lookup(stats_, Normal(path));
}

int FakeDisk::Lists(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return Lookup(lists_, Normal(path));
}

int FakeDisk::TotalReads() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return total_reads_;
}

bool FakeDisk::ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string p = Normal(path);
  ++reads_[p];
  ++total_reads_;
  const Node* node = Find(p);
  int failure = Lookup(read_failures_, p);
  if (!failure && !node) failure = ENOENT;
  if (failure) {
    if (error) *error = Reason("cannot read file: ", failure);
    return false;
  }
  if (node->folder) {
    if (error) *error = NotAFileMessage(S_IFDIR);
    return false;
  }
  *bytes = node->bytes;
  return true;
}

FileStat FakeDisk::Stat(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string p = Normal(path);
  ++stats_[p];
  FileStat stat;
  if (p.empty() || p == "/") {  // the current folder and the root are there
    stat.kind = FileKind::kFolder;
    return stat;
  }
  const Node* node = Find(p);
  if (!node) {
    stat.error = ENOENT;
    return stat;
  }
  stat.kind = node->folder ? FileKind::kFolder : FileKind::kFile;
  stat.size = node->bytes.size();
  stat.mtime_ns = node->mtime_ns;
  stat.inode = node->inode;
  return stat;
}

bool FakeDisk::ListFolder(const std::string& path, std::vector<FolderEntry>* entries,
                          std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string p = Normal(path);
  ++lists_[p];
  const Node* node = Find(p);
  const bool folder = p.empty() || p == "/" || (node && node->folder);
  if (int failure = Lookup(read_failures_, p); failure || !folder) {
    if (error)
      *error = failure ? Reason("cannot read folder: ", failure)
                       : std::string("cannot read folder: not a folder");
    return false;
  }
  const std::string prefix = p.empty() ? "" : p == "/" ? "/" : p + "/";
  for (auto it = nodes_.lower_bound(prefix);
       it != nodes_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string name = it->first.substr(prefix.size());
    if (name.empty() || name.find('/') != std::string::npos) continue;
    entries->push_back({name, it->second.folder ? FileKind::kFolder : FileKind::kFile});
  }
  std::sort(entries->begin(), entries->end(),
            [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
  return true;
}

bool FakeDisk::WriteFile(const std::string& path, std::string_view bytes,
                         std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string p = Normal(path);
  const Node* parent = Find(ParentOf(p));
  const Node* node = Find(p);
  int failure = Lookup(write_failures_, p);
  if (!failure && !ParentOf(p).empty() && (!parent || !parent->folder)) failure = ENOENT;
  if (!failure && node && node->folder) failure = EISDIR;
  if (failure) {
    if (error) *error = Reason("cannot write file: ", failure);
    return false;
  }
  Put(p, false, std::string(bytes));
  return true;
}

bool FakeDisk::Rename(const std::string& from, const std::string& to,
                      std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string f = Normal(from), t = Normal(to);
  int failure = Lookup(rename_failures_, t);
  if (!failure) failure = Lookup(rename_failures_, f);
  if (!failure && !Find(f)) failure = ENOENT;
  if (failure) {
    if (error) *error = Reason("cannot rename file: ", failure);
    return false;
  }
  // The node and, for a folder, everything under it move.
  std::map<std::string, Node> moved;
  for (auto it = nodes_.begin(); it != nodes_.end();) {
    if (it->first == f || it->first.rfind(f + "/", 0) == 0) {
      moved[t + it->first.substr(f.size())] = std::move(it->second);
      it = nodes_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& [path, node] : moved) nodes_[path] = std::move(node);
  AddParents(t);
  return true;
}

bool FakeDisk::MakeFolders(const std::string& path, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string p = Normal(path);
  const Node* node = Find(p);
  int failure = Lookup(write_failures_, p);
  if (!failure && node && !node->folder) failure = EEXIST;
  if (failure) {
    if (error) *error = Reason("cannot create folder: ", failure);
    return false;
  }
  if (!node) Put(p, true, "");
  return true;
}

bool FakeDisk::Remove(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string p = Normal(path);
  if (Lookup(write_failures_, p) || !Find(p)) return false;
  auto child = nodes_.lower_bound(p + "/");
  if (child != nodes_.end() && child->first.rfind(p + "/", 0) == 0) return false;
  nodes_.erase(p);
  return true;
}

}  // namespace clerk::testing
