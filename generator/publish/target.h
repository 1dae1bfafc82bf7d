// Where a deploy goes: the URL and options of `--to URL` or of a named target
// in site.yaml, checked and split into parts. Options may also be given in
// the URL's query: `s3://bucket/prefix?endpoint=http://127.0.0.1:9000`.
#pragma once

#include <optional>
#include <string>

#include "model/model.h"

namespace clerk::publish {

enum class Scheme { kFile, kSftp, kFtp, kFtps, kWebdav, kWebdavs, kS3 };

struct Target {
  Scheme scheme = Scheme::kFile;
  std::string display;  // the URL as the user wrote it, without query (never a secret)
  std::string user;     // from user@host
  std::string host;
  int port = 0;         // 0: the scheme's default
  std::string path;     // the folder on the host; always ends with '/'
  std::string bucket;   // s3
  std::string endpoint; // s3: http(s)://host:port
  std::string region = "us-east-1";
  std::string ca_file;
  std::string known_hosts;
};

// nullopt with `error` for an unknown scheme, a password in the URL, a
// missing user for sftp, or an unknown option.
std::optional<Target> ParseTarget(const DeployTarget& config, std::string* error);

// Percent-encodes a path for a URL, leaving '/' and unreserved characters.
std::string EncodePath(const std::string& path);

}  // namespace clerk::publish
