#include "model/fingerprint.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

using namespace clerk;

TEST_CASE("pieces framed into one buffer hash as the same pieces added one by one",
          "[fingerprint]") {
  // Page data is framed into one buffer (size, then bytes) and hashed with
  // AddRaw; a build log written by Add piece by piece must still match.
  const std::string pieces[] = {"", "a", std::string(300, 'x'), "}", "page/index.html"};
  Hasher one_by_one;
  std::string framed;
  for (const std::string& piece : pieces) {
    one_by_one.Add(piece);
    const uint64_t size = piece.size();
    framed.append(reinterpret_cast<const char*>(&size), sizeof size);
    framed += piece;
  }
  Hasher buffered;
  buffered.AddRaw(framed);
  CHECK(buffered.Finish() == one_by_one.Finish());
  Hasher other;
  other.AddRaw(framed.substr(1));
  CHECK_FALSE(other.Finish() == one_by_one.Finish());
}

TEST_CASE("the hasher's buffer gives what streaming every piece gives, at any size",
          "[fingerprint]") {
  // Fingerprints kept by earlier builds (build log, record cache) were made
  // by streaming each piece into XXH3; gathering small pieces in a buffer
  // must not change one of them, whether the pieces fit in the buffer, fill
  // it exactly, overflow it or are larger than it.
  const size_t sizes[] = {0, 1, 7, 300, 511, 512, 513, 1024, 5000};
  for (size_t first : sizes) {
    for (size_t second : sizes) {
      const std::string a(first, 'a'), b(second, 'b');
      const Fingerprint f{0x0123456789abcdefULL, 0xfedcba9876543210ULL};
      XXH3_state_t state;
      XXH3_128bits_reset(&state);
      auto stream = [&](const void* data, size_t size) {
        XXH3_128bits_update(&state, data, size);
      };
      uint64_t size = a.size();
      stream(&size, sizeof size);
      stream(a.data(), a.size());
      stream(&f.high, sizeof f.high);
      stream(&f.low, sizeof f.low);
      size = b.size();
      stream(&size, sizeof size);
      stream(b.data(), b.size());
      stream(a.data(), a.size());
      const XXH128_hash_t expected = XXH3_128bits_digest(&state);

      Hasher h;
      h.Add(a).Add(f).Add(b).AddRaw(a);
      const Fingerprint got = h.Finish();
      INFO("pieces of " << first << " and " << second << " bytes");
      CHECK(got == Fingerprint{expected.high64, expected.low64});
      CHECK(h.Finish() == got);  // Finish leaves the hasher as it was
      h.Add("more");
      CHECK_FALSE(h.Finish() == got);
    }
  }
}
