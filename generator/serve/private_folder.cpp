#include "serve/private_folder.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace clerk::serve {

namespace {

// Removes `folder` in a process of its own, in a session of its own (a
// second Ctrl-C in the terminal does not stop it), with no terminal or pipe
// of ours held open. Removes it here if no process can be made.
void RemoveInBackground(const std::filesystem::path& folder) {
  pid_t child = ::fork();
  if (child == 0) {
    ::setsid();
    int null = ::open("/dev/null", O_RDWR);
    for (int fd = 0; fd <= 2; ++fd) ::dup2(null, fd);
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
    ::_exit(0);
  }
  if (child < 0) {
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
  }
}

}  // namespace

std::filesystem::path PrivateFolder::RemovingName(const std::filesystem::path& folder) {
  return folder.string() + ".removing";
}

PrivateFolder::~PrivateFolder() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::path removing = RemovingName(path_);
  std::filesystem::rename(path_, removing, ec);
  RemoveInBackground(ec ? path_ : removing);
}

bool PrivateFolder::Create(std::string_view prefix, std::string* error) {
  std::error_code ec;
  std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
  if (ec) temp = "/tmp";
  std::string pattern = (temp / (std::string(prefix) + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    *error = "cannot make a folder " + pattern + ": " + std::strerror(errno);
    return false;
  }
  path_ = pattern;
  return true;
}

}  // namespace clerk::serve
