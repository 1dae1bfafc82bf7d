// clerk serve: which Host headers the preview answers. A web page can make
// a name of its own resolve to 127.0.0.1 (DNS rebinding) and then read the
// preview as if it were its own site; the browser still sends that name as
// Host, so answering only the loopback names with our own port keeps such
// pages out. The preview binds 127.0.0.1 only, so nothing else is ours.
#pragma once

#include <string_view>

#include "serve/http_server.h"

namespace clerk::serve {

enum class HostVerdict {
  kOk,
  kMissing,    // HTTP/1.1 without Host (HTTP/1.0 needs none): answer 400
  kAmbiguous,  // two Host headers, which could name two hosts: answer 400
  kForeign,    // a name or port that is not this server's: answer 421
};

// True for "127.0.0.1:PORT", "localhost:PORT" and "[::1]:PORT" (the name
// in any case), where PORT is exactly `port` in decimal.
bool IsLoopbackHost(std::string_view host, int port);

// The verdict on `request`'s Host headers for a server bound to `port`.
HostVerdict CheckHost(const HttpRequest& request, int port);

}  // namespace clerk::serve
