#include "scaffold/new_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace clerk::scaffold {

namespace fs = std::filesystem;

bool WriteNewFile(const fs::path& path, std::string_view text, std::string* error) {
  std::error_code ec;
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path(), ec);
  if (ec) {
    *error =
        "cannot make the folder " + ShownPath(path.parent_path()) + ": " + ec.message();
    return false;
  }
  // O_EXCL: the file must not exist, not even as a link to somewhere else.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = errno == EEXIST
                 ? ShownPath(path) + " already exists: Clerk never overwrites a file"
                 : "cannot create " + ShownPath(path) + ": " + std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "cannot write " + ShownPath(path) + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *error = "cannot write " + ShownPath(path) + ": " + std::strerror(errno);
    ::unlink(path.c_str());
    return false;
  }
  return true;
}

std::string ShownPath(const fs::path& path) {
  std::error_code ec;
  fs::path here = fs::current_path(ec);
  if (ec || path.is_relative()) return path.lexically_normal().string();
  fs::path relative = path.lexically_normal().lexically_relative(here);
  if (relative.empty() || *relative.begin() == "..") return path.string();
  return relative.string();
}

}  // namespace clerk::scaffold
