// Helpers shared by the tests: temporary folders and running the clerk binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace clerk::testing {

// A fresh folder under /tmp, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "clerk-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Copies `from` into `to`, overwriting files that exist.
inline void CopyTree(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::create_directories(to);
  std::filesystem::copy(from, to,
                        std::filesystem::copy_options::recursive |
                            std::filesystem::copy_options::overwrite_existing);
}

inline std::filesystem::path SourceDir() {
  return CLERK_SOURCE_DIR;
}

// Copies the example site's sources (site.yaml, content/, assets/, and with
// `with_themes` its themes/) into `to`, for a test that edits them. Without
// themes/, clerk uses the theme beside its binary.
inline void CopyExampleSite(const std::filesystem::path& to, bool with_themes = false) {
  std::filesystem::create_directories(to);
  for (const char* part : {"site.yaml", "content", "assets", "themes"}) {
    if (std::string_view(part) == "themes" && !with_themes) continue;
    std::filesystem::path from = SourceDir() / part;
    if (!std::filesystem::exists(from)) continue;
    if (std::filesystem::is_directory(from))
      CopyTree(from, to / part);
    else
      std::filesystem::copy_file(from, to / part);
  }
}

struct CommandResult {
  int exit_code = -1;  // -1: killed by a signal (a crash)
  std::string output;  // stdout and stderr together
};

// Runs the program at `program` with `args` in folder `cwd`.
inline CommandResult RunProgram(const std::string& program, const std::string& args,
                                const std::filesystem::path& cwd) {
  std::string command =
      "cd '" + cwd.string() + "' && '" + program + "' " + args + " 2>&1";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  int status = ::pclose(pipe);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

// Runs the clerk binary with `args` in folder `cwd`.
inline CommandResult RunClerk(const std::string& args, const std::filesystem::path& cwd) {
  return RunProgram(CLERK_BINARY, args, cwd);
}

}  // namespace clerk::testing
