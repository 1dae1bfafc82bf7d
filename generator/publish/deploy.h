// `clerk deploy`: pushes a built site to a host, incrementally and in a safe
// order (plan.h), through a pool of workers that each keep one connection.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "publish/remote.h"

namespace clerk::publish {

struct DeployOptions {
  std::string source = ".";  // where site.yaml is (for --target)
  std::string target_name;   // --target NAME
  std::string to_url;        // --to URL
  std::string out = "public";
  bool dry_run = false;
  bool yes = false;
  bool verbose = false;
  int jobs = 4;
  int max_deletes = 256;
  // Set by RunDeploy from isatty(); tests leave them false.
  bool terminal = false;        // progress bar instead of a line per batch
  bool can_ask = false;         // may ask before deleting
  // Where the answer to the deletion prompt is read from; null: std::cin.
  std::istream* answers = nullptr;
  int retry_delay_ms = 250;     // first backoff; doubles each try
  int attempts = 4;             // tries per operation on transient errors
};

struct DeployStats {
  size_t uploaded = 0;
  size_t deleted = 0;
  size_t deleted_replaced = 0;  // of `deleted`, old search index files (no one asked)
  size_t unchanged = 0;
  int64_t bytes = 0;
  size_t planned_uploads = 0;
  size_t planned_deletions = 0;
  size_t planned_replaced = 0;  // of planned_deletions, old search index files
  bool used_manifest = false;
};

// Exit codes, as the rest of clerk: 0 the host matches the site, 1 the deploy
// failed or was refused, 2 usage errors.
inline constexpr int kDeployOk = 0;
inline constexpr int kDeployFailed = 1;
inline constexpr int kDeployUsage = 2;

// The whole command: resolves the target (site.yaml or --to), credentials,
// and deploys. Messages go to `log` (stderr).
int RunDeploy(DeployOptions options, std::ostream& log);

// Deploys `options.out` through remotes made by `factory` (one per worker).
// `display` names the target in messages.
int DeployWith(const DeployOptions& options, const std::string& display,
               const RemoteFactory& factory, std::ostream& log, DeployStats* stats = nullptr);

}  // namespace clerk::publish
