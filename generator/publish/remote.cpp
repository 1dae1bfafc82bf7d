#include "publish/remote.h"

#include "publish/manifest.h"

namespace clerk::publish {

RemoteResult CheckRemotePath(const std::string& path) {
  if (IsSafeRelativePath(path)) return {};
  return {RemoteStatus::kRefused, "refusing the path " + QuotePath(path) +
                                      ": not a plain relative path inside the target"};
}

}  // namespace clerk::publish
