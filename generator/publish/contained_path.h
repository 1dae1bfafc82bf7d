// Folders of a file:// deploy target, opened without ever following a link.
// The target's root is the folder the user named (reached however its path
// says, links included); below it every part of a path is opened with
// O_NOFOLLOW relative to the folder before it (openat), so a symbolic link
// planted in the target, or swapped in while a deploy runs, can never steer a
// read, write or delete to a file outside it. A link found on the way is an
// error naming it: Clerk does not guess whether it was meant.
#pragma once

#include <string>
#include <vector>

#include "publish/remote.h"

namespace clerk::publish {

// An open file descriptor, closed when it goes away.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.Release()) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int Release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

// The folders from the root down to the one holding a file.
struct OpenedParent {
  std::vector<Fd> folders;         // the root first, the file's own folder last
  std::vector<std::string> names;  // each folder's name below the root (one fewer)
  std::string leaf;                // the file's name in the last folder
  int fd() const { return folders.back().get(); }
};

// A RemoteResult for errno `err` about `what` (disk full, permission, not
// found, or other).
RemoteResult FromErrno(int err, const std::string& what);

// The result for a symbolic link met at `shown` (root + path so far).
RemoteResult LinkRefused(const std::string& shown);

// Opens the folders holding `path` (relative, '/'-separated, already checked
// with IsSafeRelativePath) under `root` (ends with '/'). With `create`, missing
// folders (and the root) are made; without, a missing one is kNotFound.
RemoteResult OpenParent(const std::string& root, const std::string& path, bool create,
                        OpenedParent* out);

}  // namespace clerk::publish
