#include "scaffold/site_root.h"

namespace clerk::scaffold {

namespace fs = std::filesystem;

namespace {

bool HoldsSiteYaml(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "site.yaml", ec);
}

}  // namespace

std::optional<fs::path> FindSiteRoot(const fs::path& start, const std::string& source,
                                     bool source_given, std::string* error) {
  if (source_given) {
    if (HoldsSiteYaml(source)) return fs::path(source);
    *error = "no site.yaml in " + source +
             ": --source must be the site folder (the one that holds site.yaml)";
    return std::nullopt;
  }
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) dir = start;
  for (fs::path at = dir;; at = at.parent_path()) {
    if (HoldsSiteYaml(at)) return at;
    if (at == at.root_path() || at.parent_path() == at) break;
  }
  *error = "no site.yaml here or above (" + dir.string() +
           "): run this inside a site folder, give the site with --source DIR, or "
           "start a new site with 'clerk init DIR'";
  return std::nullopt;
}

}  // namespace clerk::scaffold
