// clerk serve: build the site, serve it on 127.0.0.1, rebuild on every
// change to the sources and reload the open pages. This file wires the
// parts together: http_server (cpp-httplib on our sockets), static_files
// (URL -> file), live_reload (events, script, error page), file_watcher
// (inotify), build_worker (the builds, in one long-lived process).
#pragma once

#include <ostream>
#include <string>

#include "serve/build_worker.h"

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
// cannot be watched). Every build runs in one long-lived worker process
// (build_worker.h), told which paths changed; `settle` runs there after
// each build's answer (SettleFunction).
int RunServe(const ServeOptions& options, EditRebuildFunction rebuild, std::ostream& log,
             SettleFunction settle = {});
// The same with a rebuild that is not told what changed.
int RunServe(const ServeOptions& options, RebuildFunction rebuild, std::ostream& log);

}  // namespace clerk::serve
