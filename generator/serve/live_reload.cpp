#include "serve/live_reload.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "render/html_text.h"

namespace clerk::serve {

namespace {

// A comment line now and then finds clients that have gone.
constexpr auto kPingInterval = std::chrono::seconds(15);

constexpr std::string_view kScript =
    R"js(// clerk serve: reloads the page when the site has been rebuilt.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script ? script.getAttribute("data-build") : null;
  if (!window.EventSource) return;
  var events = new EventSource("/__clerk/events");
  function check(event) {
    if (event.data !== build) {
      events.close();
      window.location.reload();
    }
  }
  events.addEventListener("hello", check);
  events.addEventListener("reload", check);
})();
)js";

std::size_t FindLastCaseless(std::string_view text, std::string_view needle) {
  for (std::size_t i = text.size() >= needle.size() ? text.size() - needle.size() + 1 : 0;
       i-- > 0;) {
    bool same = true;
    for (std::size_t j = 0; j < needle.size() && same; ++j)
      same = std::tolower(static_cast<unsigned char>(text[i + j])) == needle[j];
    if (same) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string_view ReloadScript() {
  return kScript;
}

std::string InjectReloadScript(std::string_view html, long generation) {
  std::string tag = "<script src=\"" + std::string(kScriptPath) + "\" data-build=\"" +
                    std::to_string(generation) + "\"></script>\n";
  std::size_t at = FindLastCaseless(html, "</body>");
  std::string out;
  out.reserve(html.size() + tag.size());
  if (at == std::string_view::npos) {
    out.append(html);
    out.append(tag);
  } else {
    out.append(html.substr(0, at));
    out.append(tag);
    out.append(html.substr(at));
  }
  return out;
}

std::string ErrorPage(std::string_view messages) {
  // The whole text as the build printed it, excerpts and carets included:
  // in a <pre>, so the caret under a column stays under it.
  while (!messages.empty() && std::isspace(static_cast<unsigned char>(messages.back())))
    messages.remove_suffix(1);
  std::string page =
      "<!DOCTYPE html>\n"
      "<html lang=\"en\">\n"
      "<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>The site could not be built – clerk serve</title>\n"
      "<style>\n"
      "body { font-family: system-ui, sans-serif; font-size: 1.125rem; line-height: 1.5;"
      " max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c;"
      " background: #fff; }\n"
      "h1 { border-left: 0.5rem solid #d4351c; padding-left: 1rem; }\n"
      "pre { font-family: ui-monospace, monospace; white-space: pre-wrap;"
      " overflow-wrap: anywhere; background: #f3f2f1; padding: 1rem; }\n"
      "code { font-family: ui-monospace, monospace; }\n"
      "</style>\n"
      "</head>\n"
      "<body>\n"
      "<main>\n"
      "<h1>The site could not be built</h1>\n";
  if (messages.empty()) {
    page +=
        "<p>The build failed without a message. Look at the terminal where "
        "<code>clerk serve</code> runs.</p>\n";
  } else {
    page +=
        "<p>Clerk found what is below. Fix the file and save it: this page reloads by "
        "itself.</p>\n<pre>" +
        clerk::EscapeHtml(std::string(messages)) + "</pre>\n";
  }
  page += "</main>\n</body>\n</html>\n";
  return page;
}

void LiveReload::BuildFinished(bool ok, std::string messages) {
  {
    std::lock_guard lock(mutex_);
    ++state_.generation;
    state_.ok = ok;
    state_.messages = std::move(messages);
  }
  changed_.notify_all();
}

BuildState LiveReload::State() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void LiveReload::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
}

HttpResponse LiveReload::Events() {
  HttpResponse response;
  {
    std::lock_guard lock(mutex_);
    if (streams_ >= max_streams_) {
      response.status = 503;
      response.body = "Too many live-reload streams are open\n";
      return response;
    }
    ++streams_;
  }
  // Counted down when the answer goes, however it ends (streamed to the
  // end, the client gone, never streamed at all).
  auto release = std::shared_ptr<void>(nullptr, [this](void*) {
    std::lock_guard lock(mutex_);
    --streams_;
  });
  response.content_type = "text/event-stream";
  response.stream = [this, release](const StreamWriter& writer) { Stream(writer); };
  return response;
}

void LiveReload::Stream(const StreamWriter& writer) {
  std::unique_lock lock(mutex_);
  long sent = state_.generation;
  std::string hello =
      "retry: 1000\n\nevent: hello\ndata: " + std::to_string(sent) + "\n\n";
  lock.unlock();
  if (!writer(hello)) return;
  lock.lock();
  while (!stopping_) {
    bool changed = changed_.wait_for(
        lock, kPingInterval, [&] { return stopping_ || state_.generation != sent; });
    if (stopping_) break;
    std::string event = ": ping\n\n";
    if (changed) {
      sent = state_.generation;
      event = "event: reload\ndata: " + std::to_string(sent) + "\n\n";
    }
    lock.unlock();
    bool alive = writer(event);
    lock.lock();
    if (!alive) break;
  }
}

}  // namespace clerk::serve
