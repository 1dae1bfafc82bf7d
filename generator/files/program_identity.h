// Which clerk is running: the GNU build id the linker puts in the binary (or
// its size and time if it has none). Builds record it, so a new clerk
// renders everything again.
#pragma once

#include <string>

namespace clerk {

// Read once per process (it is asked for per folder and per paper, and
// dl_iterate_phdr takes the loader's lock).
const std::string& ProgramIdentity();

}  // namespace clerk
