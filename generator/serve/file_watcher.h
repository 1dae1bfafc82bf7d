// clerk serve: watching the site's sources with inotify. Watches site.yaml
// and content/, themes/ and assets/ recursively, including folders made
// later; ignores the output folder (and the build's staging folders beside
// it) and editors' temporary files (*.swp, *~, .#*, vim's 4913).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace clerk::serve {

// A file name an editor writes for itself, not a source ("x.md.swp").
bool IsEditorTempFile(std::string_view name);

class FileWatcher {
 public:
  // `source`: the site folder; `ignore`: the output folder, if it is inside.
  FileWatcher(std::filesystem::path source, std::filesystem::path ignore);
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;
  ~FileWatcher();

  bool Start(std::string* error);

  // Waits for changes and returns the changed paths (relative to the
  // source, sorted) once no new change came for `quiet` (a burst of saves
  // is one rebuild). Returns nothing when `stop_fd` becomes readable first.
  // An editor's save (a temporary file renamed, or a backup then the file)
  // is events microseconds apart, and a checkout of many files a few
  // milliseconds apart at most: 20 ms keeps each a burst, as webpack's
  // default does, and leaves the preview's 300 ms budget to the build. A
  // burst split in two is only a second build.
  std::optional<std::vector<std::string>> WaitForChanges(
      int stop_fd, std::chrono::milliseconds quiet = std::chrono::milliseconds(20));

 private:
  void WatchTree(const std::filesystem::path& dir);
  void WatchFolder(const std::filesystem::path& dir);
  bool Ignored(const std::filesystem::path& path) const;
  // Reads what inotify has; adds relevant changes to `changes` (and the
  // files made to `created`) and tells whether there were any.
  bool ReadEvents(std::set<std::string>& changes, std::set<std::string>& created);

  std::filesystem::path source_;
  std::filesystem::path ignore_;
  int fd_ = -1;
  int root_wd_ = -1;
  std::map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
};

}  // namespace clerk::serve
