#include "output/carry_over.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <vector>

#include "model/parallel.h"
#include "output/kill_point.h"

namespace clerk {
namespace {

class Carrier {
 public:
  Carrier(const std::function<bool(std::string_view)>& skip,
          const std::function<void(const std::string&)>& carried)
      : skip_(skip), carried_(carried) {}

  // Carries the folder open as `from_fd` (at `rel`) into `to_fd`; -1 when
  // the new site has a file there, so nothing below can be carried.
  void Folder(int from_fd, int to_fd, const std::string& rel) {
    DIR* dir = ::fdopendir(from_fd);
    if (dir == nullptr) {
      ::close(from_fd);
      return Fail(rel, std::strerror(errno));
    }
    while (result_.ok) {
      errno = 0;
      const dirent* e = ::readdir(dir);
      if (e == nullptr) {
        if (errno != 0) Fail(rel, std::strerror(errno));
        break;
      }
      const char* name = e->d_name;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
      std::string path = rel.empty() ? name : rel + "/" + name;
      if (skip_(path)) continue;
      bool is_dir = e->d_type == DT_DIR;
      if (e->d_type == DT_UNKNOWN) {
        struct stat st;
        is_dir = ::fstatat(::dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                 S_ISDIR(st.st_mode);
      }
      if (is_dir)
        Subfolder(::dirfd(dir), to_fd, name, path);
      else
        File(::dirfd(dir), to_fd, name, path);
    }
    ::closedir(dir);
  }

  CarryResult result() && { return std::move(result_); }

 private:
  void Subfolder(int from_fd, int to_fd, const char* name, const std::string& path) {
    int sub_from =
        ::openat(from_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub_from < 0) return Fail(path, std::strerror(errno));
    int sub_to = -1;
    if (to_fd >= 0) {
      if (::mkdirat(to_fd, name, 0755) != 0 && errno != EEXIST) {
        ::close(sub_from);
        return Fail(path, std::strerror(errno));
      }
      // -1 (ENOTDIR) when this build wrote a file of that name.
      sub_to = ::openat(to_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    Folder(sub_from, sub_to, path);  // closes sub_from
    if (sub_to >= 0) ::close(sub_to);
  }

  void File(int from_fd, int to_fd, const char* name, const std::string& path) {
    if (to_fd < 0) return Fail(path, "the new site has a file where its folder is");
    if (::linkat(from_fd, name, to_fd, name, 0) == 0) {
      if (++result_.carried == 64) KillPoint("carry-some");
      if (carried_) carried_(path);
      return;
    }
    if (errno != EEXIST) return Fail(path, std::strerror(errno));
    // This build wrote its own file there (it wins); a folder would mean the
    // old file is lost.
    struct stat st;
    if (::fstatat(to_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
      Fail(path, "the new site has a folder of that name");
  }

  void Fail(const std::string& path, const std::string& why) {
    if (!result_.ok) return;
    result_.ok = false;
    result_.error = path + ": " + why;
  }

  const std::function<bool(std::string_view)>& skip_;
  const std::function<void(const std::string&)>& carried_;
  CarryResult result_;
};

}  // namespace

CarryResult CarryOver(const std::string& from, const std::string& to,
                      const std::function<bool(std::string_view path)>& skip,
                      const std::function<void(const std::string& path)>& carried) {
  Carrier carrier(skip, carried);
  int from_fd = ::open(from.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int to_fd = ::open(to.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (from_fd < 0 || to_fd < 0) {
    CarryResult failed;
    failed.ok = false;
    failed.error = (from_fd < 0 ? from : to) + ": " + std::strerror(errno);
    if (from_fd >= 0) ::close(from_fd);
    if (to_fd >= 0) ::close(to_fd);
    return failed;
  }
  carrier.Folder(from_fd, to_fd, "");  // closes from_fd
  ::close(to_fd);
  return std::move(carrier).result();
}

namespace {

struct Entry {
  ino_t inode = 0;
  bool is_dir = false;
};

// The entries of the open folder `fd` (which it closes), by name.
bool ListFolder(int fd, std::map<std::string, Entry>* entries) {
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return false;
  }
  bool ok = true;
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(dir);
    if (e == nullptr) {
      ok = errno == 0;
      break;
    }
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    Entry entry{e->d_ino, e->d_type == DT_DIR};
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        entry.inode = st.st_ino;
        entry.is_dir = S_ISDIR(st.st_mode);
      }
    }
    (*entries)[e->d_name] = entry;
  }
  ::closedir(dir);
  return ok;
}

class Mirror {
 public:
  Mirror(const std::string& source, const std::string& mirror)
      : source_(source), mirror_(mirror) {}

  // Mirrors the entries of the folder at `rel` ("" for the top); its
  // subfolders are made if missing and added to `subfolders`, to be
  // mirrored in their turn. Safe from several threads, each its own folder.
  bool Folder(const std::string& rel, std::vector<std::string>& subfolders) {
    const std::string from = rel.empty() ? source_ : source_ + "/" + rel;
    const std::string to = rel.empty() ? mirror_ : mirror_ + "/" + rel;
    std::map<std::string, Entry> want, have;
    int from_fd = ::open(from.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int to_fd = ::open(to.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (from_fd < 0 || to_fd < 0) {
      if (from_fd >= 0) ::close(from_fd);
      if (to_fd >= 0) ::close(to_fd);
      return Fail(rel, std::strerror(errno));
    }
    int from_dup = ::dup(from_fd);
    if (!ListFolder(from_fd, &want) || !ListFolder(::dup(to_fd), &have)) {
      if (from_dup >= 0) ::close(from_dup);
      ::close(to_fd);
      return Fail(rel, std::strerror(errno));
    }
    bool ok = true;
    for (const auto& [name, entry] : have) {
      auto it = want.find(name);
      bool same = it != want.end() && it->second.is_dir == entry.is_dir &&
                  (entry.is_dir || it->second.inode == entry.inode);
      if (!same) ok = Remove(to, to_fd, name, entry.is_dir, rel) && ok;
    }
    for (const auto& [name, entry] : want) {
      if (!ok) break;
      const std::string path = rel.empty() ? name : rel + "/" + name;
      auto it = have.find(name);
      bool there = it != have.end() && it->second.is_dir == entry.is_dir &&
                   (entry.is_dir || it->second.inode == entry.inode);
      if (entry.is_dir) {
        if (!there && ::mkdirat(to_fd, name.c_str(), 0755) != 0)
          ok = Fail(path, std::strerror(errno));
        else
          subfolders.push_back(path);
      } else if (!there) {
        if (::linkat(from_dup, name.c_str(), to_fd, name.c_str(), 0) != 0)
          ok = Fail(path, std::strerror(errno));
        else if (changed_.fetch_add(1) == 0)
          KillPoint("mirror-some");
      }
    }
    ::close(from_dup);
    ::close(to_fd);
    return ok;
  }

  // The whole tree, a level of folders at a time, each level's folders side
  // by side on `jobs` threads: the walk is system calls on two trees of
  // 60,000 folders each at N = 10,000, which a second core halves.
  bool Tree(int jobs) {
    std::vector<std::string> level = {""};
    std::atomic<bool> ok{true};
    while (!level.empty() && ok) {
      std::vector<std::vector<std::string>> found(level.size());
      ParallelFor(level.size(), jobs, [&](size_t i, int) {
        if (ok && !Folder(level[i], found[i])) ok = false;
      });
      std::vector<std::string> next;
      for (std::vector<std::string>& some : found)
        next.insert(next.end(), std::make_move_iterator(some.begin()),
                    std::make_move_iterator(some.end()));
      level = std::move(next);
    }
    return ok;
  }

  std::string error() const {
    std::lock_guard<std::mutex> lock(error_mutex_);
    return error_;
  }

 private:
  bool Remove(const std::string& to, int to_fd, const std::string& name, bool is_dir,
              const std::string& rel) {
    std::error_code ec;
    if (is_dir ? (std::filesystem::remove_all(to + "/" + name, ec), !ec)
               : ::unlinkat(to_fd, name.c_str(), 0) == 0)
      return true;
    return Fail(rel.empty() ? name : rel + "/" + name,
                is_dir ? ec.message() : std::strerror(errno));
  }

  bool Fail(const std::string& path, const std::string& why) {
    std::lock_guard<std::mutex> lock(error_mutex_);
    if (error_.empty()) error_ = path + ": " + why;
    return false;
  }

  const std::string& source_;
  const std::string& mirror_;
  mutable std::mutex error_mutex_;
  std::string error_;  // the first failure
  std::atomic<size_t> changed_{0};
};

}  // namespace

bool MirrorTree(const std::string& source, const std::string& mirror, std::string* error,
                int jobs) {
  Mirror m(source, mirror);
  if (m.Tree(jobs > 0 ? jobs : DefaultJobs())) return true;
  *error = m.error();
  return false;
}

bool CopyFile(const std::string& from, const std::string& to) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  // A new file, never the one `to` names now: that may be a hard link to
  // the live site's copy.
  ::unlink(to.c_str());
  int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (out < 0) {
    ::close(in);
    return false;
  }
  bool ok = true;
  for (;;) {
    ssize_t n = ::copy_file_range(in, nullptr, out, nullptr, 1 << 30, 0);
    if (n > 0) continue;
    if (n == 0) break;
    if (errno == EINTR) continue;
    // Not across these file systems: copy through memory.
    char buffer[1 << 16];
    ssize_t got;
    while (ok && (got = ::read(in, buffer, sizeof buffer)) != 0) {
      if (got < 0) {
        ok = errno == EINTR;
        continue;
      }
      for (ssize_t done = 0; ok && done < got;) {
        ssize_t put = ::write(out, buffer + done, static_cast<size_t>(got - done));
        if (put > 0) done += put;
        ok = put > 0 || errno == EINTR;
      }
    }
    break;
  }
  ok = ::close(out) == 0 && ok;
  ::close(in);
  if (!ok) ::unlink(to.c_str());
  return ok;
}

}  // namespace clerk
