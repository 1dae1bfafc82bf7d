// file:///path: a folder on this machine (a mounted share, a web server's
// document root). Each file is written to a temporary name and renamed over
// the old one, so a reader never sees half a file; emptied folders are removed.
#pragma once

#include <memory>
#include <string>

#include "publish/remote.h"

namespace clerk::publish {

std::unique_ptr<Remote> MakeFileRemote(const std::string& root);

}  // namespace clerk::publish
