#include "cli/install_paths.h"

#include <system_error>

namespace clerk {

namespace fs = std::filesystem;

namespace {

// Never the throwing overloads: a folder clerk may not look into is "not
// there", and NoThemeMessage says where it looked.
bool IsFolder(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

fs::path OwnTheme(const fs::path& source) {
  return source / "themes" / "default";
}

}  // namespace

fs::path ProgramDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

std::vector<fs::path> ShippedThemePlaces(const fs::path& program_dir) {
  if (program_dir.empty()) return {};
  const fs::path prefix = program_dir.parent_path();
  return {(prefix / "share" / "clerk" / "themes" / "default").lexically_normal(),
          (prefix / "themes" / "default").lexically_normal()};
}

fs::path ThemeDir(const fs::path& source, const fs::path& program_dir) {
  if (IsFolder(OwnTheme(source))) return OwnTheme(source);
  for (const fs::path& place : ShippedThemePlaces(program_dir))
    if (IsFolder(place)) return place;
  return OwnTheme(source);
}

std::string NoThemeMessage(const fs::path& source, const fs::path& program_dir) {
  std::string looked = OwnTheme(source).string();
  for (const fs::path& place : ShippedThemePlaces(program_dir))
    looked += ", " + place.string();
  return "no theme: clerk looked for a themes/default folder in " + looked +
         " and found none. Install clerk (the .deb, or cmake --install) so its theme "
         "is in share/clerk/themes/default beside its bin folder, run the clerk that "
         "was built in its source folder, or copy a themes/default folder into the site";
}

}  // namespace clerk
