// A private folder under the system temp folder for targets that drive the
// real loaders, which read files by path. Made once per fuzzing process and
// removed at exit; each input overwrites the files in it.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace clerk::fuzz {

inline const std::string& ScratchDir() {
  // Never destroyed: the exit handler that removes the folder needs the name
  // after static objects are gone.
  static const std::string* dir = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "clerk-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    auto* name = new std::string(pattern);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(ScratchDir(), ec);
    });
    return name;
  }();
  return *dir;
}

// Writes `bytes` to `name` in the scratch folder and returns its path.
inline std::string WriteScratch(const std::string& name, const std::string& bytes) {
  std::string path = ScratchDir() + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) std::abort();
  return path;
}

}  // namespace clerk::fuzz
