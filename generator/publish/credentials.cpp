#include "publish/credentials.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace clerk::publish {

namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

}  // namespace

// A private temporary file holding `text`; "" on failure.
std::string WriteTemporary(const char* stem, const std::string& text) {
  std::string pattern = (std::filesystem::temp_directory_path() / stem).string() + "-XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return "";
  ::fchmod(fd, 0600);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) {
    ::unlink(pattern.c_str());
    return "";
  }
  return pattern;
}

Credentials::~Credentials() {
  if (owns_key_file && !key_file.empty()) ::unlink(key_file.c_str());

}

bool LoadCredentials(const Target& target, Credentials& out, std::string* error) {
  out.password = Env("CLERK_DEPLOY_PASSWORD");
  out.key_passphrase = Env("CLERK_DEPLOY_KEY_PASSPHRASE");
  std::string key = Env("CLERK_DEPLOY_KEY");
  if (!key.empty()) {
    if (key.find("-----BEGIN") != std::string::npos) {
      // The key itself (a CI secret): libssh2 reads keys from files, so keep a
      // private copy for the length of the deploy.
      if (key.back() != '\n') key += '\n';
      out.key_file = WriteTemporary("clerk-key", key);
      out.owns_key_file = true;
      if (out.key_file.empty()) {
        *error = "cannot write CLERK_DEPLOY_KEY to a temporary file";
        return false;
      }
    } else {
      if (::access(key.c_str(), R_OK) != 0) {
        *error = "CLERK_DEPLOY_KEY names a key file that cannot be read: " + key;
        return false;
      }
      out.key_file = key;
    }
  }
  out.aws_key_id = Env("AWS_ACCESS_KEY_ID");
  out.aws_secret = Env("AWS_SECRET_ACCESS_KEY");
  if (target.scheme == Scheme::kS3 && (out.aws_key_id.empty() || out.aws_secret.empty())) {
    *error = "an s3 target needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment";
    return false;
  }
  if (!target.ca_file.empty()) {
    std::string extra;
    if (!ReadFile(target.ca_file, &extra)) {
      *error = "ca_file " + target.ca_file + " cannot be read";
      return false;
    }
    // libcurl (OpenSSL) then trusts this file and still looks up the
    // system's CAs in /etc/ssl/certs by hash, without parsing them all
    // for every connection (FTPS opens one per file).
    out.ca_file = target.ca_file;
    out.ca_path = "/etc/ssl/certs";
  }
  return true;
}

}  // namespace clerk::publish
