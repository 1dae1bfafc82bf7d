#include "files/disk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace clerk {
namespace fs = std::filesystem;

std::string NotAFileMessage(unsigned mode) {
  const char* kind = S_ISDIR(mode)    ? "a folder"
                     : S_ISFIFO(mode) ? "a named pipe (FIFO)"
                     : S_ISSOCK(mode) ? "a socket"
                     : S_ISCHR(mode)  ? "a character device"
                     : S_ISBLK(mode)  ? "a block device"
                                      : "a special file";
  return std::string("not a regular file but ") + kind +
         ": clerk reads only ordinary files and folders; put the text in a file "
         "here instead";
}

namespace {

std::string CannotRead(int errnum) {
  return std::string("cannot read file: ") + std::strerror(errnum);
}

// Reads the open regular file `fd` of `size` bytes to its end.
bool ReadOpenFile(int fd, size_t size, std::string* bytes, std::string* error) {
  bytes->resize(size);
  size_t got = 0;
  for (;;) {
    // Once the size fstat gave is read, one more read into a small buffer
    // says whether the file grew since: no second, larger zero-filled
    // buffer for every file (that was a third of reading the record cache).
    char more[4096];
    const bool full = got == bytes->size();
    ssize_t n = full ? ::read(fd, more, sizeof more)
                     : ::read(fd, bytes->data() + got, bytes->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (error) *error = CannotRead(errno);
      return false;
    }
    if (n == 0) break;
    if (full) bytes->append(more, static_cast<size_t>(n));
    got += static_cast<size_t>(n);
  }
  bytes->resize(got);
  return true;
}

}  // namespace

bool RealDisk::ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  // Only regular files are opened: a named pipe would wait for a writer
  // forever, and opening a device can have effects of its own. stat first,
  // so they are never opened; O_NONBLOCK and the fstat after open cover a
  // file swapped for one in between.
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (error) *error = CannotRead(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    if (error) *error = NotAFileMessage(st.st_mode);
    return false;
  }
  // open/fstat/read: one copy, sized once (every source file comes here).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int open_errno = errno;
    if (fd >= 0) ::close(fd);
    if (error) *error = fd >= 0 ? NotAFileMessage(st.st_mode) : CannotRead(open_errno);
    return false;
  }
  const bool read = ReadOpenFile(fd, static_cast<size_t>(st.st_size), bytes, error);
  ::close(fd);
  return read;
}

FileStat RealDisk::Stat(const std::string& path) {
  FileStat result;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    result.error = errno;
    return result;
  }
  result.kind = S_ISREG(st.st_mode)   ? FileKind::kFile
                : S_ISDIR(st.st_mode) ? FileKind::kFolder
                                      : FileKind::kOther;
  result.size = static_cast<std::uint64_t>(st.st_size);
  result.mtime_ns =
      static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  result.inode = static_cast<std::uint64_t>(st.st_ino);
  return result;
}

bool RealDisk::ListFolder(const std::string& path, std::vector<FolderEntry>* entries,
                          std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    if (error) *error = "cannot read folder: not a folder";
    return false;
  }
  // Never the throwing overloads: a folder that cannot be read, or an entry
  // that goes away while it is listed, ends the listing, it does not end
  // clerk. The kinds come from readdir where it gives them (no system call
  // per entry: a meeting folder of a large site holds thousands).
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    const FileKind kind = it->is_directory(type_ec)      ? FileKind::kFolder
                          : it->is_regular_file(type_ec) ? FileKind::kFile
                          : it->exists(type_ec)          ? FileKind::kOther
                                                         : FileKind::kMissing;
    entries->push_back({it->path().filename().string(), kind});
  }
  std::sort(entries->begin(), entries->end(),
            [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
  if (ec && error) *error = "cannot read folder: " + ec.message();
  return !ec;
}

bool RealDisk::WriteFile(const std::string& path, std::string_view bytes,
                         std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (out) return true;
  if (error) *error = std::string("cannot write file: ") + std::strerror(errno);
  return false;
}

bool RealDisk::Rename(const std::string& from, const std::string& to,
                      std::string* error) {
  if (std::rename(from.c_str(), to.c_str()) == 0) return true;
  if (error) *error = std::string("cannot rename file: ") + std::strerror(errno);
  return false;
}

bool RealDisk::MakeFolders(const std::string& path, std::string* error) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (!ec) return true;
  if (error) *error = "cannot create folder: " + ec.message();
  return false;
}

bool RealDisk::Remove(const std::string& path) {
  return std::remove(path.c_str()) == 0;
}

bool CannotLook(const FileStat& stat) {
  return stat.error != 0 && stat.error != ENOENT && stat.error != ENOTDIR;
}

Disk& RealDiskInstance() {
  static RealDisk disk;
  return disk;
}

bool IsRealDisk(const Disk& disk) {
  return &disk == &RealDiskInstance();
}

}  // namespace clerk
