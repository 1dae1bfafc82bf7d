// The seam between the deploy logic and a host: a few whole-file operations.
// One Remote is used by one worker thread at a time and keeps its connection
// open between calls. Tests substitute their own (tests/publish/).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "publish/target.h"

namespace clerk::publish {

enum class RemoteStatus {
  kOk,
  kNotFound,    // the file is not there (Fetch, Stat)
  kConnection,  // refused, reset, timed out: worth a retry
  kTransient,   // 5xx, a dropped transfer: worth a retry
  kAuth,        // bad credentials
  kHostKey,     // unknown or changed SSH host key
  kTls,         // certificate not trusted, TLS not offered
  kDiskFull,
  kPermission,
  // The host holds what Clerk will not touch (a link in a file:// target), or
  // the path is unsafe: never retried.
  kRefused,
  kOther,
};

struct RemoteResult {
  RemoteStatus status = RemoteStatus::kOk;
  std::string message;  // one line, no secrets
  bool ok() const { return status == RemoteStatus::kOk; }
  bool retryable() const {
    return status == RemoteStatus::kConnection || status == RemoteStatus::kTransient ||
           status == RemoteStatus::kOther;
  }
};

class Remote {
 public:
  virtual ~Remote() = default;
  // Reads a whole file; kNotFound when absent.
  virtual RemoteResult Fetch(const std::string& path, std::string* data) = 0;
  // The size of a file; kNotFound when absent.
  virtual RemoteResult Stat(const std::string& path, int64_t* size) = 0;
  // Writes a whole file, creating folders as needed. `sha256` is the hex
  // hash of `data` (S3 signs it).
  virtual RemoteResult Put(const std::string& path, const std::string& data,
                           const std::string& sha256) = 0;
  // Removes a file; a file already gone is success.
  virtual RemoteResult Delete(const std::string& path) = 0;
};

// kOk for a plain relative path (manifest.h's IsSafeRelativePath); else
// kRefused naming it. Every Remote checks each path before it touches the
// host, behind the same check where paths are read (ScanSite, ParseManifest).
RemoteResult CheckRemotePath(const std::string& path);

using RemoteFactory = std::function<std::unique_ptr<Remote>()>;

struct Credentials;
// The Remote for a target's scheme: file:// on the local disk, the others
// through libcurl.
std::unique_ptr<Remote> MakeRemote(const Target& target, const Credentials& credentials);

}  // namespace clerk::publish
