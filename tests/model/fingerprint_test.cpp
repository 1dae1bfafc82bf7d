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
