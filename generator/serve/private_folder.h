// clerk serve: the private folder the preview is built into when no --out
// is given (so serve never touches public/): /tmp/clerk-serve-XXXXXX,
// removed with everything in it when the object goes away.
//
// A preview holds thousands of files (every page in three renditions, and
// the previous build's spare copy); removing them took two seconds on a
// busy disk, and Ctrl-C must stop clerk serve at once. So the folder is
// renamed out of the way in one step (the path is gone when clerk exits)
// and removed by a process of its own that clerk does not wait for.
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

  // The name the folder has while it is being removed.
  static std::filesystem::path RemovingName(const std::filesystem::path& folder);

 private:
  std::filesystem::path path_;
};

}  // namespace clerk::serve
