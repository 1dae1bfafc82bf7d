// A 128-bit fingerprint (XXH3) of bytes: what the build log remembers of a
// page's inputs, to tell whether it must be rendered again. Not for security;
// collisions are as unlikely as a random 128-bit clash.
#pragma once

#include <compare>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "model/diagnostics.h"

namespace clerk {

struct Fingerprint {
  uint64_t high = 0;
  uint64_t low = 0;

  bool operator==(const Fingerprint&) const = default;
  auto operator<=>(const Fingerprint&) const = default;  // for sets and sorting

  // Reads what Hex() wrote; false (and `out` unchanged) for anything else.
  static bool FromHex(std::string_view text, Fingerprint& out) {
    if (text.size() != 32) return false;
    Fingerprint f;
    for (size_t i = 0; i < 32; ++i) {
      char c = text[i];
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (v < 0) return false;
      uint64_t& half = i < 16 ? f.high : f.low;
      half = half * 16 + static_cast<uint64_t>(v);
    }
    out = f;
    return true;
  }

  // 32 lowercase hex digits (by hand: a build log writes hundreds of
  // thousands, and snprintf was a visible part of saving it).
  std::string Hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text(32, '0');
    for (int i = 0; i < 16; ++i) {
      text[15 - i] = kDigits[(high >> (4 * i)) & 0xf];
      text[31 - i] = kDigits[(low >> (4 * i)) & 0xf];
    }
    return text;
  }
};

// Feeds pieces in order; the result depends on every byte and on where one
// piece ends and the next begins.
//
// Small pieces are gathered in a buffer and hashed in one go: most uses feed
// a few short strings (a page's path, a body's key), and XXH3's streaming
// state, 576 bytes to set up and an update call per piece, cost more than
// the hashing. The result is the same as streaming every byte (XXH3 gives
// one answer however its input is split), so fingerprints kept from earlier
// builds stay valid.
class Hasher {
 public:
  Hasher() = default;

  Hasher& Add(std::string_view bytes) {
    uint64_t size = bytes.size();
    Feed(&size, sizeof size);
    Feed(bytes.data(), bytes.size());
    return *this;
  }
  // Bytes as they are, without their size: for callers that frame their own
  // pieces as Add(std::string_view) does, into one buffer.
  Hasher& AddRaw(std::string_view bytes) {
    Feed(bytes.data(), bytes.size());
    return *this;
  }
  // A place in a source file (what a diagnostic would point at).
  Hasher& Add(const SourcePos& pos) {
    const int32_t place[2] = {pos.line, pos.column};
    return Add(pos.path.str())
        .Add(std::string_view(reinterpret_cast<const char*>(place), 8));
  }
  Hasher& Add(const Fingerprint& f) {
    Feed(&f.high, sizeof f.high);
    Feed(&f.low, sizeof f.low);
    return *this;
  }
  Fingerprint Finish() const {
    XXH128_hash_t h;
    if (!streaming_) {
      h = XXH3_128bits(buffer_, used_);
    } else {
      XXH3_state_t state = state_;  // Finish leaves the hasher as it was
      XXH3_128bits_update(&state, buffer_, used_);
      h = XXH3_128bits_digest(&state);
    }
    return {h.high64, h.low64};
  }

 private:
  static constexpr size_t kBuffer = 512;

  void Feed(const void* data, size_t size) {
    if (size == 0) return;  // an empty view's data may be null: not for memcpy
    if (used_ + size <= kBuffer) {
      std::memcpy(buffer_ + used_, data, size);
      used_ += size;
      return;
    }
    if (!streaming_) {
      XXH3_128bits_reset(&state_);
      streaming_ = true;
    }
    XXH3_128bits_update(&state_, buffer_, used_);
    used_ = 0;
    if (size <= kBuffer) {
      std::memcpy(buffer_, data, size);
      used_ = size;
    } else {
      XXH3_128bits_update(&state_, data, size);
    }
  }

  unsigned char buffer_[kBuffer];
  size_t used_ = 0;
  bool streaming_ = false;
  XXH3_state_t state_;  // set up only once the buffer overflows
};

inline Fingerprint FingerprintOf(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return {h.high64, h.low64};
}

}  // namespace clerk
