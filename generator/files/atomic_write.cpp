#include "files/atomic_write.h"

namespace clerk {

bool WriteFileAtomically(Disk& disk, const std::string& path, std::string_view bytes) {
  // The temporary file sits beside the real one, so the rename stays on one
  // file system and so is atomic.
  std::string tmp = path + ".tmp";
  if (!disk.WriteFile(tmp, bytes, nullptr)) {
    disk.Remove(tmp);
    return false;
  }
  if (disk.Rename(tmp, path, nullptr)) return true;
  disk.Remove(tmp);
  return false;
}

bool WriteFileAtomically(const std::string& path, std::string_view bytes) {
  return WriteFileAtomically(RealDiskInstance(), path, bytes);
}

}  // namespace clerk
