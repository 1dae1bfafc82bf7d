// clerk serve: every build runs in a child process (fork, no exec: the
// rebuild function as it is). So Ctrl-C during a build stops the preview at
// once: the child is killed, which leaves the output whole (a build killed
// at any moment, SIGKILL included, leaves the old site or the new one; see
// README.md). And a build that crashes is a failed build shown on the error
// page, never the end of the preview.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace clerk::serve {

// One build of source into out; returns its exit code (0: built) and puts
// its diagnostics ("path:line:col: error: ...", one a line, with excerpts)
// in `messages`.
using RebuildFunction = std::function<int(std::string& messages)>;

struct BuildOutcome {
  int code = 0;
  std::string messages;
};

// Runs `rebuild` in a child process and returns what it said. A rebuild that
// throws or crashes is a failed build whose messages say so. Returns nothing
// when `stop_fd` becomes readable first: the child is then killed and
// reaped before this returns.
std::optional<BuildOutcome> BuildInChild(const RebuildFunction& rebuild, int stop_fd);

// Shared with build_worker.h.
// The message of a build that stopped on an exception or a crash.
std::string InternalError(const std::string& what);
// Runs `rebuild`; what it throws becomes a failed build with one message
// saying so, after what it had said before.
int RebuildCatching(const RebuildFunction& rebuild, std::string& messages);
// In a build's process: closes the server's sockets (the listening one and
// every connection) but `keep`, so a connection the server ends is not kept
// open by the build's copy until the build ends.
void CloseSockets(int keep);

}  // namespace clerk::serve
