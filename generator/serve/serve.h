// clerk serve: build the site, serve it on 127.0.0.1, rebuild on every
// change to the sources and reload the open pages. This file wires the
// parts together: http_server (cpp-httplib on our sockets), static_files
// (URL -> file), live_reload (events, script, error page), file_watcher
// (inotify), build_process (each build in a child process).
#pragma once

#include <ostream>
#include <string>

#include "serve/build_process.h"

namespace clerk::serve {

struct ServeOptions {
  std::string source = ".";  // the site folder (site.yaml), watched
  std::string out;           // where `rebuild` writes the site; served
  int port = 8000;
};

// Builds once, then serves and rebuilds until SIGINT or SIGTERM, which stop
// it within milliseconds, during a build too. Writes one line per build to
// `log`, and the build's messages (warnings included) under it. Returns 0
// after a signal, 1 when it cannot start (the port is taken, the sources
// cannot be watched).
int RunServe(const ServeOptions& options, RebuildFunction rebuild, std::ostream& log);

}  // namespace clerk::serve
