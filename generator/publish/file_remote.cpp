#include "publish/file_remote.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>
#include <thread>

#include "incremental/state_files.h"
#include "publish/contained_path.h"

namespace clerk::publish {

namespace {

// Every call goes through OpenParent (contained_path.h), so no link below the
// root is followed; the file itself is opened with O_NOFOLLOW, written under
// a new name (O_EXCL) and renamed over, and removed with unlinkat: a link in
// its place is replaced or removed itself, never what it points to.
class FileRemote : public Remote {
 public:
  explicit FileRemote(std::string root) : root_(std::move(root)) {}

  RemoteResult Fetch(const std::string& path, std::string* data) override {
    OpenedParent parent;
    RemoteResult r = Open(path, false, &parent);
    if (!r.ok()) return r;
    // O_NONBLOCK: a FIFO planted under a file's name must not hang the deploy.
    Fd file(::openat(parent.fd(), parent.leaf.c_str(),
                     O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!file.valid()) {
      int err = errno;
      struct stat st;
      if (err == ELOOP &&
          ::fstatat(parent.fd(), parent.leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(st.st_mode))
        return LinkRefused(root_ + path);
      return FromErrno(err, root_ + path);
    }
    struct stat st;
    if (::fstat(file.get(), &st) != 0) return FromErrno(errno, root_ + path);
    if (!S_ISREG(st.st_mode))
      return {RemoteStatus::kRefused, root_ + path + " is not a regular file"};
    data->clear();
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(file.get(), buffer, sizeof buffer);
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        return FromErrno(errno, root_ + path);
      }
      data->append(buffer, static_cast<size_t>(n));
    }
    return {};
  }

  RemoteResult Stat(const std::string& path, int64_t* size) override {
    OpenedParent parent;
    RemoteResult r = Open(path, false, &parent);
    if (!r.ok()) return r;
    struct stat st;
    if (::fstatat(parent.fd(), parent.leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
      return FromErrno(errno, root_ + path);
    // A link (or anything but a file) is there but not comparable: size -1
    // makes the deploy fetch it, which is refused, so it is replaced.
    *size = S_ISREG(st.st_mode) ? static_cast<int64_t>(st.st_size) : -1;
    return {};
  }

  RemoteResult Put(const std::string& path, const std::string& data,
                   const std::string& /*sha256*/) override {
    OpenedParent parent;
    RemoteResult r = Open(path, true, &parent);
    if (!r.ok()) return r;
    std::ostringstream tid;
    tid << std::this_thread::get_id();
    std::string temp = "." + parent.leaf + kRemoteTempInfix + std::to_string(::getpid()) +
                       "-" + tid.str();
    constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    Fd file(::openat(parent.fd(), temp.c_str(), kFlags, 0666));
    if (!file.valid() && errno == EEXIST) {
      // Left by a deploy of the same process id that was killed: ours to remove.
      ::unlinkat(parent.fd(), temp.c_str(), 0);
      file = Fd(::openat(parent.fd(), temp.c_str(), kFlags, 0666));
    }
    if (!file.valid()) return FromErrno(errno, root_ + path);
    for (size_t done = 0; done < data.size();) {
      ssize_t n = ::write(file.get(), data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        int err = errno;
        ::unlinkat(parent.fd(), temp.c_str(), 0);
        return FromErrno(err, root_ + path);
      }
      done += static_cast<size_t>(n);
    }
    if (::close(file.Release()) != 0) {
      int err = errno;
      ::unlinkat(parent.fd(), temp.c_str(), 0);
      return FromErrno(err, root_ + path);
    }
    if (::renameat(parent.fd(), temp.c_str(), parent.fd(), parent.leaf.c_str()) != 0) {
      int err = errno;
      ::unlinkat(parent.fd(), temp.c_str(), 0);
      return FromErrno(err, root_ + path);
    }
    return {};
  }

  RemoteResult Delete(const std::string& path) override {
    OpenedParent parent;
    RemoteResult r = Open(path, false, &parent);
    if (r.status == RemoteStatus::kNotFound) return {};  // its folder is gone already
    if (!r.ok()) return r;
    if (::unlinkat(parent.fd(), parent.leaf.c_str(), 0) != 0 && errno != ENOENT)
      return FromErrno(errno, root_ + path);
    // Remove the folders this left empty, up to the root (rmdir never
    // follows a link: a link in a folder's place is just not removed).
    for (size_t i = parent.names.size(); i > 0; --i) {
      if (::unlinkat(parent.folders[i - 1].get(), parent.names[i - 1].c_str(),
                     AT_REMOVEDIR) != 0)
        break;
    }
    return {};
  }

 private:
  RemoteResult Open(const std::string& path, bool create, OpenedParent* parent) {
    RemoteResult r = CheckRemotePath(path);
    if (!r.ok()) return r;
    return OpenParent(root_, path, create, parent);
  }

  std::string root_;  // ends with '/'
};

}  // namespace

std::unique_ptr<Remote> MakeFileRemote(const std::string& root) {
  return std::make_unique<FileRemote>(root);
}

}  // namespace clerk::publish
