#include "output/search_index.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace clerk::output {
namespace {

namespace fs = std::filesystem;

bool IsExecutable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

}  // namespace

std::string FindPagefind(const std::string& source_root) {
  std::vector<fs::path> candidates;
  candidates.push_back(fs::path(source_root.empty() ? "." : source_root) /
                       "node_modules" / ".bin" / "pagefind");
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "node_modules" / ".bin" /
                         "pagefind");
  }
  if (const char* path = std::getenv("PATH")) {
    std::string all = path;
    size_t start = 0;
    while (start <= all.size()) {
      size_t colon = all.find(':', start);
      std::string dir = all.substr(
          start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!dir.empty()) candidates.push_back(fs::path(dir) / "pagefind");
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  for (const fs::path& c : candidates)
    if (IsExecutable(c)) return c.string();
  return "";
}

SearchIndexResult BuildSearchIndex(const std::string& out_dir,
                                   const std::string& source_root, std::ostream& log) {
  std::string program = FindPagefind(source_root);
  if (program.empty()) {
    log << "clerk build: note: search index skipped: pagefind not found (run `npm ci` "
           "in the clerk folder, or put pagefind on PATH; --no-search hides this note)\n";
    return SearchIndexResult::kNotFound;
  }
  std::vector<std::string> args = {program,           "--site",   out_dir,
                                   "--output-subdir", "pagefind", "--keep-index-url",
                                   "--quiet"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  log.flush();
  pid_t pid = ::fork();
  if (pid < 0) {
    log << "clerk build: warning: search index not built: cannot start " << program
        << "\n";
    return SearchIndexResult::kFailed;
  }
  if (pid == 0) {
    // Pagefind's progress goes to our stderr, like the build's own notes.
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    log << "clerk build: warning: search index not built: " << program << " failed\n";
    return SearchIndexResult::kFailed;
  }
  return SearchIndexResult::kBuilt;
}

}  // namespace clerk::output
