// sftp, ftp, ftps (explicit TLS), webdav (http), webdavs (https) and s3
// (SigV4 signed by libcurl) through one libcurl easy handle, which keeps its
// connection open between files.
#pragma once

#include <memory>

#include "publish/credentials.h"
#include "publish/remote.h"

namespace clerk::publish {

// Call once before any thread starts (curl_global_init is not thread-safe).
void GlobalCurlInit();

std::unique_ptr<Remote> MakeCurlRemote(const Target& target, const Credentials& credentials);

}  // namespace clerk::publish
