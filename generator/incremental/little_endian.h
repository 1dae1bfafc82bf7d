// Numbers in Clerk's binary bookkeeping files (incremental/saved_checks.h,
// incremental/fingerprint_set_file.h): 8 bytes, lowest first, whatever the
// machine's own order.
#pragma once

#include <cstdint>
#include <string>

namespace clerk {

inline void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// The number at `p`, which must have 8 bytes.
inline uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

}  // namespace clerk
