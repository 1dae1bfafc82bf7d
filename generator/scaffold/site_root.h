// Where `clerk new ...` works: the site folder. Like git finding .git, the
// current folder or the nearest folder above it that holds site.yaml, so a
// clerk can run it from anywhere inside the site; --source overrides.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace clerk::scaffold {

// The site folder: `source` itself when `source_given` (it must hold
// site.yaml), else the first of `start` and its parents that holds one.
// nullopt, with `*error` saying what to do, when there is none.
std::optional<std::filesystem::path> FindSiteRoot(const std::filesystem::path& start,
                                                  const std::string& source,
                                                  bool source_given, std::string* error);

}  // namespace clerk::scaffold
