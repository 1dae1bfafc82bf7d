// clerk serve: build the site, serve it on 127.0.0.1, rebuild on every
// change to the sources and reload the open pages. This file wires the
// parts together: http_server (sockets), static_files (URL -> file),
// live_reload (events, script, error page), file_watcher (inotify).
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace clerk::serve {

struct ServeOptions {
  std::string source = ".";  // the site folder (site.yaml), watched
  std::string out;           // where `rebuild` writes the site; served
  int port = 8000;
};

// One build of source into out; returns its exit code (0: built) and puts
// its diagnostics ("path:line:col: error: ...", one a line) in `messages`.
using RebuildFunction = std::function<int(std::string& messages)>;

// Builds once, then serves and rebuilds until SIGINT or SIGTERM. Writes one
// line per build to `log`. Returns 0 after a signal, 1 when it cannot start
// (the port is taken, the sources cannot be watched).
int RunServe(const ServeOptions& options, RebuildFunction rebuild, std::ostream& log);

}  // namespace clerk::serve
