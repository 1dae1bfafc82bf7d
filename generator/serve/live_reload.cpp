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
  std::string items;
  int count = 0;
  while (!messages.empty()) {
    std::size_t end = messages.find('\n');
    std::string_view line = messages.substr(0, end);
    messages.remove_prefix(end == std::string_view::npos ? messages.size() : end + 1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
      line.remove_suffix(1);
    if (line.empty()) continue;
    items += "<li><code>" + clerk::EscapeHtml(std::string(line)) + "</code></li>\n";
    ++count;
  }
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
      "li { margin-bottom: 0.75rem; }\n"
      "code { font-family: ui-monospace, monospace; white-space: pre-wrap;"
      " overflow-wrap: anywhere; }\n"
      "</style>\n"
      "</head>\n"
      "<body>\n"
      "<main>\n"
      "<h1>The site could not be built</h1>\n";
  if (count == 0) {
    page +=
        "<p>The build failed without a message. Look at the terminal where "
        "<code>clerk serve</code> runs.</p>\n";
  } else {
    page += "<p>Clerk found " +
            std::string(count == 1 ? "this problem" : "these problems") +
            ". Fix the file and save it: this page reloads by itself.</p>\n"
            "<ul>\n" +
            items + "</ul>\n";
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

void LiveReload::StreamEvents(HttpConnection& connection) {
  HttpResponse head;
  head.content_type = "text/event-stream";
  head.streaming = true;
  std::unique_lock lock(mutex_);
  if (streams_ >= max_streams_) {
    lock.unlock();
    HttpResponse busy;
    busy.status = 503;
    busy.body = "Too many live-reload streams are open\n";
    connection.SendResponse(busy);
    return;
  }
  ++streams_;
  // Counted down however the stream ends (the client leaving, Stop(), an
  // exception from a send).
  struct Release {
    std::unique_lock<std::mutex>& lock;
    int& streams;
    ~Release() {
      if (!lock.owns_lock()) lock.lock();
      --streams;
    }
  } release{lock, streams_};
  long sent = state_.generation;
  std::string hello =
      "retry: 1000\n\nevent: hello\ndata: " + std::to_string(sent) + "\n\n";
  lock.unlock();
  if (!connection.Send(FormatResponseHead(head) + hello)) return;
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
    bool alive = connection.Send(event);
    lock.lock();
    if (!alive) break;
  }
}

}  // namespace clerk::serve
