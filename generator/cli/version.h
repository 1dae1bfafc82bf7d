// clerk's version (CMake's project(VERSION)) and the git commit it was built
// from, both written into version_info.cpp by cmake/clerk_version.cmake at
// every build, so `clerk --version` names the commit without configuring
// again.
#pragma once

#include <string>

namespace clerk {

extern const char* const kClerkVersion;  // "0.19.0"
extern const char* const
    kClerkCommit;  // "98d2741", "v0.19.0-3-g98d2741-dirty", "unknown"

// "clerk 0.19.0 (commit 98d2741)": what `clerk --version` prints.
std::string VersionLine();

}  // namespace clerk
