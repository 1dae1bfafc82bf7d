// clerk serve: the reload script, the error page and what a request gets
// in each build state.
#include "serve/live_reload.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
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
  // The whole text, escaped, in one <pre> (trailing blank lines dropped).
  CHECK(Count(page, "<pre>") == 1);
  CHECK(page.find("<pre>content/meetings/m/meeting.yaml:4:8: error: unknown venue "
                  "&#39;&lt;b&gt;x&lt;/b&gt;&#39; &amp; &quot;y&quot;\n"
                  "content/meetings/m/report.md:12:1: warning: long sentence</pre>") !=
        std::string::npos);
  CHECK(page.find("<b>x</b>") == std::string::npos);
  // Without messages it still says what happened.
  std::string empty = ErrorPage("");
  CHECK(empty.find("<h1>The site could not be built</h1>") != std::string::npos);
  CHECK(empty.find("<pre>") == std::string::npos);
}

TEST_CASE("serve: the error page keeps a source excerpt's lines and caret as they are",
          "[serve]") {
  // As the build prints an error with the offending lines (issue 19): the
  // caret must stay under its column, so the text is not split into items.
  std::string messages =
      "content/meetings/m/meeting.yaml:3:7: error: a tab is used to indent\n"
      "  |\n"
      "3 | venue:\tcouncil-house\n"
      "  |       ^ use spaces\n";
  std::string page = ErrorPage(messages);
  CHECK(
      page.find("<pre>content/meetings/m/meeting.yaml:3:7: error: a tab is used to "
                "indent\n  |\n3 | venue:\tcouncil-house\n  |       ^ use spaces</pre>") !=
      std::string::npos);
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

namespace {

// The client's side of an event stream: what the stream has written, and
// whether the client has gone (its writes then fail, as on a socket).
class Client {
 public:
  StreamWriter Writer() {
    return [this](std::string_view bytes) {
      std::lock_guard lock(mutex_);
      if (gone_) return false;
      received_.append(bytes);
      arrived_.notify_all();
      return true;
    };
  }
  bool WaitFor(const std::string& text) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, std::chrono::seconds(10),
                             [&] { return received_.find(text) != std::string::npos; });
  }
  void Leave() {
    std::lock_guard lock(mutex_);
    gone_ = true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::string received_;
  bool gone_ = false;
};

}  // namespace

TEST_CASE("serve: the event stream says hello and then reload after each build",
          "[serve]") {
  LiveReload live;
  live.BuildFinished(true, "");
  HttpResponse response = live.Events();
  CHECK(response.status == 200);
  CHECK(response.content_type == "text/event-stream");
  REQUIRE(response.stream);
  Client client;
  std::thread stream([&] { response.stream(client.Writer()); });
  CHECK(client.WaitFor("retry: 1000\n\nevent: hello\ndata: 1\n\n"));

  live.BuildFinished(false, "x:1:1: error: y\n");
  CHECK(client.WaitFor("event: reload\ndata: 2\n\n"));
  CHECK(live.State().generation == 2);
  CHECK_FALSE(live.State().ok);

  live.Stop();  // ends the stream
  stream.join();
}

TEST_CASE("serve: event streams are bounded and a closed one frees its place",
          "[serve]") {
  LiveReload live(2);
  live.BuildFinished(true, "");
  HttpResponse a = live.Events();
  HttpResponse b = live.Events();
  REQUIRE(a.stream);
  REQUIRE(b.stream);
  Client client_a, client_b;
  std::thread stream_a([&] { a.stream(client_a.Writer()); });
  std::thread stream_b([&] { b.stream(client_b.Writer()); });
  CHECK(client_a.WaitFor("event: hello"));
  CHECK(client_b.WaitFor("event: hello"));

  // A third is refused at once.
  HttpResponse refused = live.Events();
  CHECK(refused.status == 503);
  CHECK_FALSE(refused.stream);
  CHECK(refused.body == "Too many live-reload streams are open\n");

  // The first client leaves: its place is free once the server notices (at
  // the next event it sends) and the answer is gone.
  client_a.Leave();
  live.BuildFinished(true, "");
  stream_a.join();
  CHECK(live.Events().status == 503);  // the answer still holds the place
  a = HttpResponse{};
  HttpResponse d = live.Events();
  CHECK(d.status == 200);
  // An answer never streamed (the client went before) frees its place too.
  d = HttpResponse{};
  CHECK(live.Events().status == 200);

  live.Stop();
  stream_b.join();
}
