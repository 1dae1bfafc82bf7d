// Secrets for a deploy, from the environment (never from site.yaml):
//   CLERK_DEPLOY_PASSWORD            password (FTP, FTPS, SFTP, WebDAV)
//   CLERK_DEPLOY_KEY                 SSH private key: a file name, or the key itself
//   CLERK_DEPLOY_KEY_PASSPHRASE      its passphrase, if any
//   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   S3
// and otherwise ~/.netrc (libcurl reads it for the host). None of these is
// ever printed: messages name only the variable.
#pragma once

#include <string>

#include "publish/target.h"

namespace clerk::publish {

struct Credentials {
  std::string password;
  std::string key_file;  // a file libssh2 can read (a temporary copy of an inline key)
  std::string key_passphrase;
  std::string aws_key_id;
  std::string aws_secret;
  // target.ca_file, when given, trusted besides the system's CAs (ca_path).
  std::string ca_file;
  std::string ca_path;

  Credentials() = default;
  Credentials(const Credentials&) = delete;
  Credentials& operator=(const Credentials&) = delete;
  ~Credentials();  // removes the temporary files
  bool owns_key_file = false;
};

// Fills `out` from the environment; false with `error` when something is
// missing or unreadable (an S3 target without keys, a missing ca_file).
bool LoadCredentials(const Target& target, Credentials& out, std::string* error);

}  // namespace clerk::publish
