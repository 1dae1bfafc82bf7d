#include "output/carry_over.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

bool CopyFile(const std::string& from, const std::string& to) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
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
