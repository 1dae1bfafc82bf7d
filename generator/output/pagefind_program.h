// Which Pagefind program builds the search index (output/search_index.h).
// Debian has no Pagefind package; its npm package ships a static binary, and
// the clerk .deb bundles that binary as /usr/lib/clerk/pagefind. Clerk
// looks, in order:
//   1. $CLERK_PAGEFIND, when set and not empty: that program and no other,
//      so a site's CI can pin one;
//   2. <folder of clerk>/../lib/clerk/pagefind, the one installed with clerk;
//   3. <site>/node_modules/.bin/pagefind (a site's own `npm install pagefind`);
//   4. <folder of clerk>/../node_modules/.bin/pagefind (clerk's source tree,
//      after `npm ci`, for a clerk built in build/);
//   5. `pagefind` in each folder on PATH.
// Where 3 or 4 is npm's Node.js wrapper and the npm package's own binary sits
// beside it, that binary is used instead: it starts in a twentieth of the
// time, and a large site runs it once per part.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace clerk::output {

// The environment variable that names the pagefind program to use.
inline constexpr const char* kPagefindVariable = "CLERK_PAGEFIND";

struct PagefindPlaces {
  std::string source_root;            // the site folder
  std::filesystem::path program_dir;  // the folder holding clerk; may be empty
  std::string override_program;       // $CLERK_PAGEFIND; empty if unset
  std::string path;                   // $PATH
};

// The places of the running clerk: this site, clerk's own folder, and the
// environment.
PagefindPlaces CurrentPagefindPlaces(const std::string& source_root);

// Every place clerk looks, in order (see above). With an override, that
// alone.
std::vector<std::filesystem::path> PagefindCandidates(const PagefindPlaces& places);

// The first candidate that is an executable file (the native binary for an
// npm wrapper); empty if none is.
std::string FindPagefind(const PagefindPlaces& places);
std::string FindPagefind(const std::string& source_root);

// Empty if a pagefind program is found; else the build's warning, in plain
// words: where clerk looked and the three ways out (install the package's
// pagefind, set CLERK_PAGEFIND, or build with --no-search).
std::string MissingPagefindMessage(const PagefindPlaces& places);

}  // namespace clerk::output
