// Writing a bookkeeping file (the build log, what is known of paper bodies)
// so that a crash or a full disk leaves the old file or the new one, never
// half of one.
#pragma once

#include <string>
#include <string_view>

#include "files/disk.h"

namespace clerk {

// Writes `bytes` to <path>.tmp, then renames it over `path`, through `disk`.
// False (and no temporary file left) if either step fails: a failed rename
// leaves the old file at `path` as it was.
bool WriteFileAtomically(Disk& disk, const std::string& path, std::string_view bytes);
// The same on the real disk (RealDiskInstance).
bool WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace clerk
