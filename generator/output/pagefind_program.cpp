#include "output/pagefind_program.h"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace clerk::output {

namespace fs = std::filesystem;

namespace {

bool IsExecutable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// The npm package's own binary, beside node_modules/.bin/pagefind.
fs::path NativeBinary(const fs::path& wrapper) {
#if defined(__x86_64__)
  const char* platform = "linux-x64";
#elif defined(__aarch64__)
  const char* platform = "linux-arm64";
#else
  const char* platform = nullptr;
#endif
  if (!platform) return {};
  fs::path bin = wrapper.parent_path().parent_path() / "@pagefind" / platform / "bin";
  for (const char* name : {"pagefind_extended", "pagefind"})
    if (IsExecutable(bin / name)) return bin / name;
  return {};
}

fs::path InNodeModules(const fs::path& folder) {
  return folder / "node_modules" / ".bin" / "pagefind";
}

// Each folder of a PATH-style list, in order; empty entries are skipped
// (they would mean the current folder, which clerk never searches).
std::vector<fs::path> PathFolders(const std::string& path) {
  std::vector<fs::path> folders;
  size_t start = 0;
  while (start <= path.size()) {
    size_t colon = path.find(':', start);
    std::string dir = path.substr(
        start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty()) folders.push_back(dir);
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return folders;
}

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

PagefindPlaces CurrentPagefindPlaces(const std::string& source_root) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return {source_root, ec ? fs::path() : exe.parent_path(), Env(kPagefindVariable),
          Env("PATH")};
}

std::vector<fs::path> PagefindCandidates(const PagefindPlaces& places) {
  if (!places.override_program.empty()) return {places.override_program};
  std::vector<fs::path> candidates;
  const fs::path prefix = places.program_dir.parent_path();
  if (!places.program_dir.empty())
    candidates.push_back((prefix / "lib" / "clerk" / "pagefind").lexically_normal());
  candidates.push_back(
      InNodeModules(places.source_root.empty() ? "." : places.source_root));
  if (!places.program_dir.empty())
    candidates.push_back(InNodeModules(prefix).lexically_normal());
  for (const fs::path& dir : PathFolders(places.path))
    candidates.push_back(dir / "pagefind");
  return candidates;
}

std::string FindPagefind(const PagefindPlaces& places) {
  for (const fs::path& candidate : PagefindCandidates(places)) {
    // An npm wrapper whose package's binary is beside it: the binary.
    if (candidate.parent_path().filename() == ".bin" &&
        candidate.parent_path().parent_path().filename() == "node_modules") {
      fs::path native = NativeBinary(candidate);
      if (!native.empty()) return native.string();
    }
    if (IsExecutable(candidate)) return candidate.string();
  }
  return "";
}

std::string FindPagefind(const std::string& source_root) {
  return FindPagefind(CurrentPagefindPlaces(source_root));
}

std::string MissingPagefindMessage(const PagefindPlaces& places) {
  if (!FindPagefind(places).empty()) return "";
  std::string text =
      "no search index was made, so the site's search page will not work: the "
      "Pagefind program that builds it was not found. ";
  if (!places.override_program.empty()) {
    text += std::string(kPagefindVariable) + " names " + places.override_program +
            ", which is not a program clerk can run. ";
  } else {
    std::vector<fs::path> candidates = PagefindCandidates(places);
    text += "Clerk looked at ";
    for (size_t i = 0; i < candidates.size(); ++i)
      text += (i == 0                       ? ""
               : i + 1 == candidates.size() ? " and "
                                            : ", ") +
              candidates[i].string();
    text += ". ";
  }
  return text +
         "Install the clerk package, which comes with Pagefind in /usr/lib/clerk/, set " +
         kPagefindVariable +
         " to a pagefind program, or build with --no-search if the site needs no search";
}

}  // namespace clerk::output
