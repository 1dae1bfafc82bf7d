#include "publish/contained_path.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace clerk::publish {

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.Release();
  }
  return *this;
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

RemoteResult FromErrno(int err, const std::string& what) {
  RemoteStatus status = RemoteStatus::kOther;
  if (err == ENOSPC || err == EDQUOT)
    status = RemoteStatus::kDiskFull;
  else if (err == EACCES || err == EPERM || err == EROFS)
    status = RemoteStatus::kPermission;
  else if (err == ENOENT)
    status = RemoteStatus::kNotFound;
  return {status, what + ": " + std::strerror(err)};
}

RemoteResult LinkRefused(const std::string& shown) {
  return {
      RemoteStatus::kRefused,
      shown +
          " is a symbolic link: clerk deploy never reads, writes or deletes through a "
          "link inside a file:// target (remove the link, or deploy to the folder it "
          "points to)"};
}

namespace {

constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

// Opens folder `name` in `dir` without following a link; with `create`, makes
// it first when missing.
RemoteResult OpenFolder(int dir, const std::string& name, bool create,
                        const std::string& shown, Fd* out) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = ::openat(dir, name.c_str(), kDirFlags);
    if (fd >= 0) {
      *out = Fd(fd);
      return {};
    }
    int err = errno;
    if (err == ENOENT && create) {
      // Another worker may make it at the same moment: EEXIST is fine.
      if (::mkdirat(dir, name.c_str(), 0777) != 0 && errno != EEXIST)
        return FromErrno(errno, shown);
      continue;
    }
    // O_NOFOLLOW on a link fails with ELOOP (or ENOTDIR with O_DIRECTORY):
    // look at the entry itself to say which.
    struct stat st;
    if ((err == ELOOP || err == ENOTDIR) &&
        ::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(st.st_mode))
      return LinkRefused(shown);
    if (err == ENOTDIR) return {RemoteStatus::kRefused, shown + " is not a folder"};
    return FromErrno(err, shown);
  }
  return FromErrno(ENOENT, shown);
}

}  // namespace

RemoteResult OpenParent(const std::string& root, const std::string& path, bool create,
                        OpenedParent* out) {
  out->folders.clear();
  out->names.clear();
  // The root itself is the user's choice, links in its spelling included.
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && create) {
    std::error_code ec;
    std::filesystem::create_directories(root, ec);
    if (ec) return FromErrno(ec.value(), root);
    fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  if (fd < 0) return FromErrno(errno, root);
  out->folders.emplace_back(fd);

  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos;
       start = slash + 1) {
    std::string name = path.substr(start, slash - start);
    Fd next;
    RemoteResult r =
        OpenFolder(out->fd(), name, create, root + path.substr(0, slash), &next);
    if (!r.ok()) return r;
    out->folders.push_back(std::move(next));
    out->names.push_back(name);
  }
  out->leaf = path.substr(start);
  return {};
}

}  // namespace clerk::publish
