// Writing a bookkeeping file (the build log, what is known of paper bodies)
// so that a crash or a full disk leaves the old file or the new one, never
// half of one.
#pragma once

#include <string>
#include <string_view>

namespace clerk {

// Writes `bytes` to <path>.tmp, then renames it over `path`. False (and no
// temporary file left) if either step fails.
bool WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace clerk
