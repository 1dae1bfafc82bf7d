// clerk serve: the reload script, the error page and what a request gets
// in each build state.
#include "serve/live_reload.h"

#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "serve/site_answer.h"
#include "serve_support.h"

using namespace clerk::serve;
using namespace clerk::testing;
namespace fs = std::filesystem;

namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

HttpRequest Get(const std::string& path) {
  HttpRequest request;
  request.method = "GET";
  request.target = request.path = path;
  request.version = "HTTP/1.1";
  return request;
}

}  // namespace

TEST_CASE("serve: the reload script goes before the last </body>", "[serve]") {
  std::string page = "<html><body><p>&lt;/body&gt;</p>\n</BODY>\n</html>\n";
  std::string out = InjectReloadScript(page, 7);
  std::string tag = "<script src=\"/__clerk/reload.js\" data-build=\"7\"></script>\n";
  CHECK(out == "<html><body><p>&lt;/body&gt;</p>\n" + tag + "</BODY>\n</html>\n");
  // A fragment without </body>: at the end.
  CHECK(InjectReloadScript("<p>x</p>", 1) ==
        "<p>x</p><script src=\"/__clerk/reload.js\" data-build=\"1\"></script>\n");
  // External, not inline: a Content-Security-Policy of script-src 'self' allows it.
  CHECK(out.find("<script>") == std::string::npos);
  std::string script(ReloadScript());
  CHECK(script.find("new EventSource(\"/__clerk/events\")") != std::string::npos);
  CHECK(script.find("\"reload\"") != std::string::npos);
  CHECK(script.find("location.reload()") != std::string::npos);
}

TEST_CASE("serve: the error page is accessible and escapes the messages", "[serve]") {
  std::string messages =
      "content/meetings/m/meeting.yaml:4:8: error: unknown venue '<b>x</b>' & \"y\"\n"
      "content/meetings/m/report.md:12:1: warning: long sentence\n\n";
  std::string page = ErrorPage(messages);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<html lang=\"en\">") != std::string::npos);
  CHECK(page.find("<title>The site could not be built") != std::string::npos);
  CHECK(Count(page, "<h1>") == 1);
  CHECK(page.find("<h1>The site could not be built</h1>") != std::string::npos);
  CHECK(page.find("<main>") != std::string::npos);
  CHECK(Count(page, "<li>") == 2);
  CHECK(page.find("<li><code>content/meetings/m/meeting.yaml:4:8: error: unknown venue "
                  "&#39;&lt;b&gt;x&lt;/b&gt;&#39; &amp; &quot;y&quot;</code></li>") !=
        std::string::npos);
  CHECK(page.find("<b>x</b>") == std::string::npos);
  // Without messages it still says what happened.
  std::string empty = ErrorPage("");
  CHECK(empty.find("<h1>The site could not be built</h1>") != std::string::npos);
  CHECK(empty.find("<li>") == std::string::npos);
}

TEST_CASE(
    "serve: pages carry the script and a failed build turns every page into the error "
    "page",
    "[serve]") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  WriteFile(site / "index.html", "<html><body>home</body></html>");
  WriteFile(site / "404.html", "<html><body>our own 404</body></html>");
  WriteFile(site / "theme/standard.css", "body{}");
  BuildState ok{3, true, ""};

  HttpResponse r = AnswerRequest(site, Get("/"), ok);
  CHECK(r.status == 200);
  CHECK(r.content_type == "text/html; charset=utf-8");
  CHECK(r.body.find("home<script src=\"/__clerk/reload.js\" data-build=\"3\">") !=
        std::string::npos);

  r = AnswerRequest(site, Get("/theme/standard.css"), ok);
  CHECK(r.status == 200);
  CHECK(r.content_type == "text/css; charset=utf-8");
  CHECK(r.body == "body{}");

  r = AnswerRequest(site, Get("/missing/"), ok);
  CHECK(r.status == 404);
  CHECK(r.body.find("our own 404") != std::string::npos);
  CHECK(r.body.find("/__clerk/reload.js") != std::string::npos);

  r = AnswerRequest(site, Get("/%2e%2e/x"), ok);
  CHECK(r.status == 400);

  r = AnswerRequest(site, Get("/__clerk/reload.js"), ok);
  CHECK(r.status == 200);
  CHECK(r.content_type == "text/javascript; charset=utf-8");

  HttpRequest post = Get("/");
  post.method = "POST";
  CHECK(AnswerRequest(site, post, ok).status == 405);

  BuildState failed{4, false, "content/x.yaml:1:2: error: bad <thing>\n"};
  for (const char* path : {"/", "/index.html", "/missing/"}) {
    INFO(path);
    r = AnswerRequest(site, Get(path), failed);
    CHECK(r.status == 500);
    CHECK(r.content_type == "text/html; charset=utf-8");
    CHECK(r.body.find("<h1>The site could not be built</h1>") != std::string::npos);
    CHECK(r.body.find("content/x.yaml:1:2: error: bad &lt;thing&gt;") !=
          std::string::npos);
    CHECK(r.body.find("data-build=\"4\"") != std::string::npos);
  }
  // The stylesheet of the last good build is still there for other pages.
  CHECK(AnswerRequest(site, Get("/theme/standard.css"), failed).status == 200);
}

TEST_CASE("serve: the event stream says hello and then reload after each build",
          "[serve]") {
  int fds[2];
  REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
  LiveReload live;
  live.BuildFinished(true, "");
  std::thread stream([&] {
    HttpConnection connection(fds[0]);
    live.StreamEvents(connection);
  });
  auto read_until = [&](const std::string& text) {
    std::string got;
    auto until = Clock::now() + std::chrono::seconds(10);
    while (got.find(text) == std::string::npos && Clock::now() < until) {
      pollfd pfd{fds[1], POLLIN, 0};
      if (::poll(&pfd, 1, 100) <= 0) continue;
      char buffer[1024];
      ssize_t n = ::read(fds[1], buffer, sizeof buffer);
      if (n <= 0) break;
      got.append(buffer, static_cast<size_t>(n));
    }
    return got;
  };
  std::string head = read_until("event: hello\ndata: 1\n\n");
  CHECK(head.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  CHECK(head.find("Content-Type: text/event-stream\r\n") != std::string::npos);
  CHECK(head.find("Content-Length") == std::string::npos);
  CHECK(head.find("event: hello\ndata: 1\n\n") != std::string::npos);

  live.BuildFinished(false, "x:1:1: error: y\n");
  CHECK(read_until("event: reload\ndata: 2\n\n").find("event: reload\ndata: 2\n\n") !=
        std::string::npos);
  CHECK(live.State().generation == 2);
  CHECK_FALSE(live.State().ok);

  live.Stop();  // ends the stream
  stream.join();
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST_CASE("serve: event streams are bounded and a closed one frees its place",
          "[serve]") {
  LiveReload live(2);
  live.BuildFinished(true, "");
  struct Client {
    int fds[2] = {-1, -1};
    std::thread stream;
  };
  auto open_stream = [&live](Client& client) {
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, client.fds) == 0);
    int server_side = client.fds[0];
    client.stream = std::thread([&live, server_side] {
      HttpConnection connection(server_side);
      live.StreamEvents(connection);
    });
  };
  auto read_some = [](int fd, const std::string& until_text) {
    std::string got;
    auto until = Clock::now() + std::chrono::seconds(10);
    while (got.find(until_text) == std::string::npos && Clock::now() < until) {
      pollfd pfd{fd, POLLIN, 0};
      if (::poll(&pfd, 1, 100) <= 0) continue;
      char buffer[1024];
      ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      got.append(buffer, static_cast<size_t>(n));
    }
    return got;
  };

  Client a, b, c;
  open_stream(a);
  open_stream(b);
  CHECK(read_some(a.fds[1], "event: hello").find("event: hello") != std::string::npos);
  CHECK(read_some(b.fds[1], "event: hello").find("event: hello") != std::string::npos);
  // A third is refused at once, and its handler returns.
  open_stream(c);
  std::string refused = read_some(c.fds[1], "streams are open\n");
  CHECK(refused.rfind("HTTP/1.1 503 ", 0) == 0);
  CHECK(refused.find("event: hello") == std::string::npos);
  c.stream.join();

  // The first client leaves: its place is free once the server notices
  // (at the next event it sends).
  ::close(a.fds[1]);
  live.BuildFinished(true, "");
  a.stream.join();
  ::close(a.fds[0]);
  ::close(c.fds[0]);
  ::close(c.fds[1]);
  Client d;
  open_stream(d);
  CHECK(read_some(d.fds[1], "event: hello").find("event: hello") != std::string::npos);

  live.Stop();
  b.stream.join();
  d.stream.join();
  for (Client* client : {&b, &d})
    for (int fd : client->fds) ::close(fd);
}
