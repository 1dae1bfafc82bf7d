// The deploy manifest: what a host holds, as (path, size, SHA-256) per file.
// Hosts give no reliable hashes, so Clerk keeps this list on the host itself
// (`.clerk-manifest` at the target's root) and compares it with the built
// site to plan a deploy. Text format, one file a line, sorted by path:
//
//   clerk-manifest 1
//   <sha256 hex> <size> <path>
//   ...
//   end <count>
//
// The closing line makes a truncated manifest (an upload cut short) detectable:
// it then reads as unreadable, and the deploy falls back to comparing files.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "incremental/state_files.h"

namespace clerk::publish {

struct FileEntry {
  int64_t size = 0;
  std::string sha256;  // lower-case hex; "" when unknown (differs from everything)
  bool operator==(const FileEntry&) const = default;
};

using Manifest = std::map<std::string, FileEntry>;  // path relative to the root, '/'

std::string Sha256Hex(const std::string& data);

// "a/b.html": relative, no empty, "." or ".." segment, no backslash (a
// separator on Windows hosts) and no control character (NUL, or a line break
// that would add a command to an FTP session). A manifest naming any other
// path is refused, so a tampered manifest cannot steer deletions or uploads
// out of the target on any host.
bool IsSafeRelativePath(const std::string& path);

// `path` in single quotes for a message, control characters shown as \xNN,
// so a hostile name cannot forge lines of output.
std::string QuotePath(const std::string& path);

// Lists and hashes every regular file under `dir` (skipping the site marker and
// any manifest). Returns nullopt with `error` set if the folder cannot be read.
std::optional<Manifest> ScanSite(const std::string& dir, int jobs, std::string* error);

std::string SerializeManifest(const Manifest& manifest);
// nullopt (with `error`) when the text is not a complete, valid manifest.
std::optional<Manifest> ParseManifest(const std::string& text, std::string* error);

}  // namespace clerk::publish
