#include "serve/private_folder.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>

namespace clerk::serve {

PrivateFolder::~PrivateFolder() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
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
