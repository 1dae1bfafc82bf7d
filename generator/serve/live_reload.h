// clerk serve: reloading open pages. Every HTML page served gets
//   <script src="/__clerk/reload.js" data-build="N"></script>
// before </body> (an external script, so a Content-Security-Policy of
// script-src 'self' allows it). The script listens to server-sent events at
// /__clerk/events and reloads when the build it was served from is not the
// latest. While the last build failed, every page is the error page.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "serve/http_server.h"

namespace clerk::serve {

inline constexpr std::string_view kEventsPath = "/__clerk/events";
inline constexpr std::string_view kScriptPath = "/__clerk/reload.js";

// The JavaScript served at kScriptPath.
std::string_view ReloadScript();

// `html` with the script tag for build `generation` before the last
// </body> (at the end if there is none).
std::string InjectReloadScript(std::string_view html, long generation);

// An accessible page (lang, title, one h1) showing the build's messages
// ("path:line:col: error: ...", with any source excerpts under them) whole
// and escaped, in a <pre>.
std::string ErrorPage(std::string_view messages);

struct BuildState {
  long generation = 0;  // counts finished builds
  bool ok = true;
  std::string messages;  // the diagnostics of the last build
};

// Event streams open at once. Each holds a connection for as long as its
// page is open, so they may take at most half of the server's connections
// (ServerLimits::max_connections) and pages still load with many tabs open.
inline constexpr int kMaxEventStreams = 32;

class LiveReload {
 public:
  explicit LiveReload(int max_streams = kMaxEventStreams) : max_streams_(max_streams) {}

  // Records a finished build and tells every open page to reload.
  void BuildFinished(bool ok, std::string messages);
  BuildState State() const;

  // The answer to a request for kEventsPath: an event stream that sends
  // "hello" with the current build at once, then "reload" with the new one
  // after every build, until the client leaves or Stop() is called. Beyond
  // `max_streams` open ones it is 503 instead (the page then simply does
  // not reload by itself).
  HttpResponse Events();
  // Ends every stream (before the server stops).
  void Stop();

 private:
  // Streams `writer` from build `sent` on, until the client leaves or Stop().
  void Stream(const StreamWriter& writer);

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  BuildState state_;
  bool stopping_ = false;
  const int max_streams_;
  int streams_ = 0;  // open now
};

}  // namespace clerk::serve
