#include "serve/file_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace clerk::serve {

namespace fs = std::filesystem;

namespace {

// What the site is made of, at the top of the source folder.
constexpr std::string_view kWatchedFolders[] = {"content", "themes", "assets"};
constexpr std::string_view kSiteFile = "site.yaml";

constexpr uint32_t kEvents =
    IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF;

// A burst that never ends (a tool writing all the time) still rebuilds.
constexpr auto kMaxWait = std::chrono::seconds(2);

bool EndsWith(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

bool IsWatchedTop(std::string_view name) {
  for (std::string_view folder : kWatchedFolders)
    if (name == folder) return true;
  return false;
}

fs::path Absolute(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal() : abs;
}

bool IsInside(const fs::path& path, const fs::path& folder) {
  auto [end, ignored] =
      std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

}  // namespace

bool IsEditorTempFile(std::string_view name) {
  return name.empty() || name == "4913" || name.front() == '~' || name.back() == '~' ||
         name.rfind(".#", 0) == 0 || (name.front() == '#' && name.back() == '#') ||
         EndsWith(name, ".swp") || EndsWith(name, ".swo") || EndsWith(name, ".swx") ||
         EndsWith(name, ".tmp");
}

FileWatcher::FileWatcher(fs::path source, fs::path ignore)
    : source_(Absolute(source)),
      ignore_(ignore.empty() ? fs::path() : Absolute(ignore)) {}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileWatcher::Start(std::string* error) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    *error = std::string("cannot watch files: ") + std::strerror(errno);
    return false;
  }
  root_wd_ = ::inotify_add_watch(fd_, source_.c_str(), kEvents);
  if (root_wd_ < 0) {
    *error = "cannot watch " + source_.string() + ": " + std::strerror(errno);
    return false;
  }
  folders_[root_wd_] = source_;
  for (std::string_view folder : kWatchedFolders) WatchTree(source_ / folder);
  return true;
}

bool FileWatcher::Ignored(const fs::path& path) const {
  if (IsEditorTempFile(path.filename().string())) return true;
  if (ignore_.empty()) return false;
  if (IsInside(path, ignore_)) return true;
  // The build writes "<out>.tmp-<pid>" and "<out>.old-<pid>" beside <out>.
  if (path.parent_path() == ignore_.parent_path()) {
    std::string name = path.filename().string();
    std::string out = ignore_.filename().string();
    if (name.rfind(out + ".tmp-", 0) == 0 || name.rfind(out + ".old-", 0) == 0)
      return true;
  }
  return false;
}

void FileWatcher::WatchFolder(const fs::path& dir) {
  int wd = ::inotify_add_watch(fd_, dir.c_str(), kEvents | IN_ONLYDIR);
  if (wd >= 0) folders_[wd] = dir;
}

void FileWatcher::WatchTree(const fs::path& dir) {
  std::error_code ec;
  if (Ignored(dir) || !fs::is_directory(dir, ec)) return;
  WatchFolder(dir);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    if (Ignored(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    WatchFolder(it->path());
  }
}

bool FileWatcher::ReadEvents(std::set<std::string>& changes,
                             std::set<std::string>& created) {
  bool any = false;
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return any;
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {
        // Too much at once: watch everything again and rebuild.
        for (std::string_view folder : kWatchedFolders) WatchTree(source_ / folder);
        changes.insert("(many files)");
        any = true;
        continue;
      }
      if (event->mask & IN_IGNORED) {
        folders_.erase(event->wd);
        continue;
      }
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end() || event->len == 0) continue;
      std::string name = event->name;
      fs::path path = folder->second / name;
      if (event->wd == root_wd_ && name != kSiteFile && !IsWatchedTop(name)) continue;
      if (Ignored(path)) continue;
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)))
        WatchTree(path);  // a new folder, maybe with files already in it
      std::string relative = path.lexically_relative(source_).generic_string();
      if (event->mask & (IN_CREATE | IN_MOVED_TO)) created.insert(relative);
      changes.insert(relative);
      any = true;
    }
  }
}

std::optional<std::vector<std::string>> FileWatcher::WaitForChanges(
    int stop_fd, std::chrono::milliseconds quiet) {
  using Clock = std::chrono::steady_clock;
  std::set<std::string> changes;
  std::set<std::string> created;  // in this burst
  Clock::time_point first, last;
  for (;;) {
    int timeout = -1;
    if (!changes.empty()) {
      Clock::time_point due = std::min(last + quiet, first + kMaxWait);
      auto left = std::chrono::ceil<std::chrono::milliseconds>(due - Clock::now());
      if (left.count() <= 0) {
        // A file made and gone within the burst is a tool's temporary file
        // ("sed -i" writes sedXXXXXX, then renames it).
        std::vector<std::string> result;
        std::error_code ec;
        for (const std::string& change : changes)
          if (!created.count(change) || fs::exists(source_ / change, ec))
            result.push_back(change);
        if (!result.empty()) return result;
        changes.clear();
        created.clear();
        continue;
      }
      timeout = static_cast<int>(left.count());
    }
    pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_fd, POLLIN, 0}};
    int ready = ::poll(fds, stop_fd >= 0 ? 2 : 1, timeout);
    if (ready < 0 && errno != EINTR) return std::nullopt;
    if (stop_fd >= 0 && (fds[1].revents & (POLLIN | POLLHUP))) return std::nullopt;
    if (ready > 0 && (fds[0].revents & POLLIN)) {
      bool was_empty = changes.empty();
      if (ReadEvents(changes, created)) {
        last = Clock::now();
        if (was_empty) first = last;
      }
    }
  }
}

}  // namespace clerk::serve
