#include "incremental/fingerprint_set_file.h"

#include <filesystem>

#include "files/atomic_write.h"
#include "files/source_files.h"
#include "incremental/little_endian.h"

namespace clerk {
namespace {

std::string Header(const std::string& kind) {
  return "clerk fingerprints v1 " + kind + "\n";
}

}  // namespace

std::set<Fingerprint> LoadFingerprintSet(const std::string& path,
                                         const std::string& kind) {
  std::set<Fingerprint> set;
  std::string bytes;
  const std::string header = Header(kind);
  if (!ReadWholeFile(path, &bytes) || bytes.size() < header.size() + 8 ||
      bytes.compare(0, header.size(), header) != 0)
    return set;
  const char* p = bytes.data() + header.size();
  uint64_t count = GetU64(p);
  p += 8;
  if ((bytes.size() - header.size() - 8) / 16 != count ||
      (bytes.size() - header.size() - 8) % 16 != 0)
    return set;
  for (uint64_t i = 0; i < count; ++i, p += 16) set.insert({GetU64(p), GetU64(p + 8)});
  return set;
}

bool SaveFingerprintSet(const std::set<Fingerprint>& set, const std::string& path,
                        const std::string& kind) {
  std::string out = Header(kind);
  out.reserve(out.size() + 8 + set.size() * 16);
  PutU64(out, set.size());
  for (const Fingerprint& f : set) {
    PutU64(out, f.high);
    PutU64(out, f.low);
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return WriteFileAtomically(path, out);
}

}  // namespace clerk
