// clerk serve end to end: the real binary on a copy of the example site,
// a browser played by a plain HTTP client and an event-stream reader.
#include <catch2/catch.hpp>
#include <regex>

#include "serve_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;
using namespace std::chrono_literals;

namespace {

constexpr const char* kMeeting = "2019-09-16-cyp-scrutiny";
constexpr const char* kReport = "care-leavers-accommodation";

// The folder clerk serve says it serves ("serves <out>, rebuilt when").
fs::path ServedFolder(const std::string& log) {
  std::smatch m;
  if (!std::regex_search(log, m, std::regex("serves (.+), rebuilt when"))) return {};
  return m[1].str();
}

}  // namespace

TEST_CASE(
    "serve: end to end - an edit reloads the pages and a content error shows the "
    "error page until it is fixed and Ctrl-C cleans up",
    "[serve][e2e]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  int port = FreePort();
  ClerkProcess serve({"serve", "--port", std::to_string(port)}, source,
                     dir.path() / "log");
  REQUIRE(serve.WaitForLog("Ctrl-C stops", 120s));
  INFO(serve.Log());
  CHECK(serve.Log().find("clerk serve: first build: built in ") != std::string::npos);
  CHECK(serve.Log().find("http://127.0.0.1:" + std::to_string(port) + "/") !=
        std::string::npos);

  // A private temporary output folder; public/ is never made.
  fs::path out = ServedFolder(serve.Log());
  REQUIRE_FALSE(out.empty());
  CHECK(out.parent_path().filename().string().rfind("clerk-serve-", 0) == 0);
  CHECK(fs::exists(out / "index.html"));
  CHECK_FALSE(fs::exists(source / "public"));

  std::string meeting_url = std::string("/meetings/") + kMeeting + "/";
  std::string report_url = meeting_url + kReport + "/";

  HttpReply page = HttpGet(port, meeting_url);
  CHECK(page.status == 200);
  CHECK(page.Header("content-type") == "text/html; charset=utf-8");
  CHECK(page.body.find(
            "<script src=\"/__clerk/reload.js\" data-build=\"1\"></script>\n</body>") !=
        std::string::npos);
  HttpReply redirect = HttpGet(port, meeting_url.substr(0, meeting_url.size() - 1));
  CHECK(redirect.status == 302);
  CHECK(redirect.Header("location") == meeting_url);
  HttpReply script = HttpGet(port, "/__clerk/reload.js");
  CHECK(script.status == 200);
  CHECK(script.Header("content-type") == "text/javascript; charset=utf-8");
  CHECK(HttpGet(port, "/meetings.ics").Header("content-type") ==
        "text/calendar; charset=utf-8");
  HttpReply missing = HttpGet(port, "/no/such/page/");
  CHECK(missing.status == 404);
  CHECK(missing.body.find("Page not found") != std::string::npos);
  CHECK(missing.body.find("/__clerk/reload.js") != std::string::npos);
  for (const char* bad : {"/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                          "/meetings/%2E%2E/%2E%2E/%2E%2E/etc/passwd", "/.clerk-site"}) {
    INFO(bad);
    HttpReply reply = HttpGet(port, bad);
    CHECK(reply.status == 400);
    CHECK(reply.body.find("root:") == std::string::npos);
  }
  CHECK(HttpGet(port, "/etc/passwd").status == 404);  // read inside the site

  EventStream events(port);
  REQUIRE(events.connected());
  REQUIRE(events.WaitFor("event: hello\ndata: 1\n\n", 10s));

  // Edit a report: the open pages reload and show the new text.
  fs::path report =
      source / "content/meetings" / kMeeting / (std::string(kReport) + ".md");
  std::string original_report = ReadFile(report);
  WriteFile(report,
            original_report + "\nA sentence added while clerk serve was running.\n");
  REQUIRE(events.WaitFor("event: reload\ndata: 2\n\n", 60s));
  page = HttpGet(port, report_url);
  CHECK(page.status == 200);
  CHECK(page.body.find("A sentence added while clerk serve was running.") !=
        std::string::npos);
  CHECK(page.body.find("data-build=\"2\"") != std::string::npos);
  CHECK(serve.WaitForLog(std::string("content/meetings/") + kMeeting + "/" + kReport +
                             ".md changed: built in ",
                         10s));

  // A typo in a meeting file: every page is the error page, with file:line:col.
  fs::path meeting = source / "content/meetings" / kMeeting / "meeting.yaml";
  std::string original_meeting = ReadFile(meeting);
  size_t venue = original_meeting.find("\nvenue: ");
  REQUIRE(venue != std::string::npos);
  std::string broken = original_meeting;
  broken.insert(venue + 8, "no-such-");
  WriteFile(meeting, broken);
  REQUIRE(events.WaitFor("event: reload\ndata: 3\n\n", 60s));
  for (const std::string& url : {meeting_url, report_url, std::string("/")}) {
    INFO(url);
    page = HttpGet(port, url);
    CHECK(page.status == 500);
    CHECK(page.Header("content-type") == "text/html; charset=utf-8");
    CHECK(page.body.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page.body.find("<title>The site could not be built") != std::string::npos);
    CHECK(page.body.find("<h1>The site could not be built</h1>") != std::string::npos);
    CHECK(std::regex_search(
        page.body, std::regex("(<pre>|\\n)content/meetings/" + std::string(kMeeting) +
                              "/meeting\\.yaml:[0-9]+:[0-9]+: error: unknown venue "
                              "&#39;no-such-")));
    CHECK(page.body.find("/__clerk/reload.js") != std::string::npos);
  }
  CHECK(serve.WaitForLog("meeting.yaml changed: failed (1 error)", 10s));
  CHECK(HttpGet(port, "/theme/css/standard.css").status == 200);

  // Fixed: the pages reload back to the site.
  WriteFile(meeting, original_meeting);
  REQUIRE(events.WaitFor("event: reload\ndata: 4\n\n", 60s));
  page = HttpGet(port, meeting_url);
  CHECK(page.status == 200);
  CHECK(page.body.find("The site could not be built") == std::string::npos);
  CHECK(page.body.find("data-build=\"4\"") != std::string::npos);

  // Ctrl-C: exit 0, one line, the event stream closed, the temporary folder gone.
  CHECK(serve.Wait(15s, SIGINT) == 0);
  CHECK(events.WaitForClose(5s));
  std::string log = serve.Log();
  CHECK(log.substr(log.size() - std::string("clerk serve: stopped (SIGINT)\n").size()) ==
        "clerk serve: stopped (SIGINT)\n");
  CHECK_FALSE(fs::exists(out.parent_path()));
  CHECK(ConnectLocal(port) < 0);
}

TEST_CASE("serve: --out keeps the preview in the given folder and SIGTERM stops it",
          "[serve][e2e]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  int port = FreePort();
  ClerkProcess serve(
      {"serve", "--port", std::to_string(port), "--out", "../preview", "--jobs", "2"},
      source, dir.path() / "log");
  REQUIRE(serve.WaitForLog("Ctrl-C stops", 120s));
  INFO(serve.Log());
  CHECK(HttpGet(port, "/").status == 200);
  CHECK(serve.Wait(15s, SIGTERM) == 0);
  CHECK(serve.Log().find("clerk serve: stopped (SIGTERM)") != std::string::npos);
  CHECK(fs::exists(dir.path() / "preview/index.html"));
  CHECK_FALSE(fs::exists(dir.path() / "preview/pagefind"));  // no search index in serve
}

TEST_CASE("serve: a port in use is a one-line error and exit 1", "[serve][e2e]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(holder, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(holder, 1) == 0);
  socklen_t size = sizeof address;
  ::getsockname(holder, reinterpret_cast<sockaddr*>(&address), &size);
  int port = ntohs(address.sin_port);

  ClerkProcess serve({"serve", "--port", std::to_string(port)}, source,
                     dir.path() / "log");
  CHECK(serve.Wait(30s) == 1);
  ::close(holder);
  std::string log = serve.Log();
  INFO(log);
  CHECK(log == "clerk serve: port " + std::to_string(port) +
                   " on 127.0.0.1 is already in use; choose another with --port\n");
  CHECK_FALSE(fs::exists(source / "public"));
}

TEST_CASE(
    "serve: end to end - a title with an overlong UTF-8 byte pair saved while serve runs "
    "is an error page and the server lives on",
    "[serve][e2e]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  CopyExampleSite(source, /*with_themes=*/true);
  int port = FreePort();
  ClerkProcess serve({"serve", "--port", std::to_string(port)}, source,
                     dir.path() / "log");
  REQUIRE(serve.WaitForLog("Ctrl-C stops", 120s));
  EventStream events(port);
  REQUIRE(events.WaitFor("event: hello\ndata: 1\n\n", 10s));

  fs::path meeting = source / "content/meetings" / kMeeting / "meeting.yaml";
  std::string original = ReadFile(meeting);
  size_t title = original.find("title: ");
  REQUIRE(title != std::string::npos);
  std::string broken = original;
  broken.insert(title + 7, "\xC0\xAF");  // '/' written the long way: not UTF-8
  WriteFile(meeting, broken);
  REQUIRE(events.WaitFor("event: reload\ndata: 2\n\n", 60s));
  INFO(serve.Log());
  CHECK(serve.Running());
  HttpReply page = HttpGet(port, "/");
  CHECK(page.status == 500);
  CHECK(std::regex_search(
      page.body, std::regex("(<pre>|\\n)content/meetings/" + std::string(kMeeting) +
                            "/meeting\\.yaml:[0-9]+:[0-9]+: error: ")));

  WriteFile(meeting, original);
  REQUIRE(events.WaitFor("event: reload\ndata: 3\n\n", 60s));
  CHECK(HttpGet(port, "/").status == 200);
  CHECK(serve.Wait(15s, SIGINT) == 0);
}
