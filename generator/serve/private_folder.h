// clerk serve: the private folder the preview is built into when no --out
// is given (so serve never touches public/): /tmp/clerk-serve-XXXXXX,
// removed with everything in it when the object goes away.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace clerk::serve {

class PrivateFolder {
 public:
  PrivateFolder() = default;
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  ~PrivateFolder();

  // Makes <temp>/<prefix>-XXXXXX (mode 0700). False with *error otherwise.
  bool Create(std::string_view prefix, std::string* error);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace clerk::serve
