// Named points of the output stage's commit where a test may kill clerk
// (CLERK_TEST_KILL_AT=<name> raises SIGKILL there), so the crash-safety
// tests reach every step of the commit on purpose instead of by a lucky
// delay. Unset (always, outside tests), it costs one getenv per process.
#pragma once

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace clerk {

inline void KillPoint(const char* name) {
  static const char* const at = std::getenv("CLERK_TEST_KILL_AT");
  if (at != nullptr && std::strcmp(at, name) == 0) std::raise(SIGKILL);
}

}  // namespace clerk
