// Where clerk finds the default theme it comes with. An installed clerk
// (`cmake --install`, the .deb) has it in <prefix>/share/clerk/themes/default
// beside <prefix>/bin/clerk; a clerk just built in a folder of the source
// tree (build/clerk) has it in the source tree's themes/default. Both are
// found from where the program itself is, so a copied or relocated install
// still works. A site's own themes/default wins over both.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace clerk {

// The folder that holds the running clerk program; empty if the system does
// not say (no /proc).
std::filesystem::path ProgramDir();

// Where the theme that comes with a clerk program in `program_dir` may be,
// in the order clerk looks: the installed place
// (<program_dir>/../share/clerk/themes/default), then beside a build folder
// (<program_dir>/../themes/default). Empty if `program_dir` is.
std::vector<std::filesystem::path> ShippedThemePlaces(
    const std::filesystem::path& program_dir);

// The theme a build of the site in `source` uses: the site's own
// themes/default if it is a folder, else the first of ShippedThemePlaces
// that is; else the site's own path (missing: see NoThemeMessage).
std::filesystem::path ThemeDir(const std::filesystem::path& source,
                               const std::filesystem::path& program_dir);

// The "no theme" error, naming every place clerk looked, in order.
std::string NoThemeMessage(const std::filesystem::path& source,
                           const std::filesystem::path& program_dir);

}  // namespace clerk
