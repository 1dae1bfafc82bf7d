// clerk serve: a rebuild that throws or crashes is a failed build shown on
// the error page, never the end of the server (a bad byte saved in a title
// once killed the preview, when the rebuild ran in its process; each build
// now runs in a child process), and a build's warnings are printed whole.
#include <pthread.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "serve/serve.h"
#include "serve_support.h"

using namespace clerk::serve;
using namespace clerk::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

bool WaitUntil(const std::function<bool()>& done, Clock::duration timeout) {
  auto until = Clock::now() + timeout;
  while (Clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

}  // namespace

TEST_CASE(
    "serve: a rebuild that throws shows the error page and the server keeps serving",
    "[serve]") {
  TempDir dir;
  fs::path source = dir.path() / "site";
  fs::path out = dir.path() / "out";
  WriteFile(source / "site.yaml", "title: test\n");
  WriteFile(source / "content/report.md", "# Report\n");
  fs::create_directories(out);

  // Build 1 throws something that is not even a std::exception, 2 builds,
  // 3 throws as a loader might on bad bytes, 4 builds again, 5 crashes, 6
  // builds with warnings. Each build runs in a child process, so the count
  // is kept on disk.
  fs::path count = dir.path() / "builds";
  auto rebuild = [&](std::string& messages) -> int {
    std::ofstream(count, std::ios::app) << "x";
    int n = static_cast<int>(fs::file_size(count));
    if (n == 1) throw 42;
    if (n == 3) {
      messages = "content/report.md:1:1: warning: first line\n";
      throw std::runtime_error("invalid UTF-8 in <title>\nsecond line");
    }
    if (n == 5) {
      std::signal(SIGABRT, SIG_DFL);  // not Catch's handler: a plain crash
      std::abort();
    }
    if (n == 6)
      messages =
          "content/report.md:2:1: warning: a sentence of 31 words\n"
          "content/report.md:3:1: warning: 'LAC' is not in the glossary\n";
    WriteFile(out / "index.html",
              "<html><body>build " + std::to_string(n) + "</body></html>");
    return 0;
  };

  int port = FreePort();
  std::ostringstream log;
  std::atomic<int> code{-1};
  std::thread serving([&] {
    ServeOptions options;
    options.source = source.string();
    options.out = out.string();
    options.port = port;
    code = RunServe(options, rebuild, log);
  });
  // If a REQUIRE below fails, stop the server before the thread goes.
  struct StopOnExit {
    std::thread& thread;
    ~StopOnExit() {
      if (!thread.joinable()) return;
      ::pthread_kill(thread.native_handle(), SIGTERM);
      thread.join();
    }
  } stop_on_exit{serving};
  auto get = [&] { return HttpGet(port, "/", "GET", 3000); };

  // The first build threw: the server runs and every page is the error page.
  HttpReply page;
  REQUIRE(WaitUntil([&] { return (page = get()).status != 0; }, 30s));
  CHECK(page.status == 500);
  CHECK(page.body.find("<h1>The site could not be built</h1>") != std::string::npos);
  CHECK(page.body.find("internal error (an unknown exception)") != std::string::npos);

  WriteFile(source / "content/report.md", "# Report\n\nEdited.\n");
  REQUIRE(
      WaitUntil([&] { return get().body.find("build 2") != std::string::npos; }, 30s));

  WriteFile(source / "content/report.md", "# Report\n\nEdited again.\n");
  REQUIRE(WaitUntil([&] { return get().status == 500; }, 30s));
  page = get();
  CHECK(page.body.find("internal error (invalid UTF-8 in &lt;title&gt; second line)") !=
        std::string::npos);
  // What the build had said before it threw is kept.
  CHECK(page.body.find("content/report.md:1:1: warning: first line") !=
        std::string::npos);

  WriteFile(source / "content/report.md", "# Report\n\nFixed.\n");
  REQUIRE(
      WaitUntil([&] { return get().body.find("build 4") != std::string::npos; }, 30s));
  CHECK(get().status == 200);

  WriteFile(source / "content/report.md", "# Report\n\nCrashes.\n");
  REQUIRE(WaitUntil([&] { return get().status == 500; }, 30s));
  CHECK(get().body.find("internal error (it crashed: Aborted)") != std::string::npos);

  WriteFile(source / "content/report.md", "# Report\n\nWarned.\n");
  REQUIRE(
      WaitUntil([&] { return get().body.find("build 6") != std::string::npos; }, 30s));

  // Ctrl-C still stops it (the signal goes to the thread that waits for it).
  ::pthread_kill(serving.native_handle(), SIGINT);
  serving.join();
  CHECK(code == 0);
  std::string text = log.str();
  INFO(text);
  CHECK(text.find("clerk serve: first build: failed (1 error)") != std::string::npos);
  CHECK(text.find("content/report.md changed: failed (1 error)") != std::string::npos);
  CHECK(
      text.find("clerk: error: the build stopped on an internal error (invalid UTF-8 in "
                "<title> second line)") != std::string::npos);
  CHECK(text.find("report.md changed: failed (1 error)") != std::string::npos);
  // Every warning's text, not only their count.
  CHECK(text.find("content/report.md changed: built in ") != std::string::npos);
  CHECK(text.find(", 2 warnings\ncontent/report.md:2:1: warning: a sentence of 31 words\n"
                  "content/report.md:3:1: warning: 'LAC' is not in the glossary\n") !=
        std::string::npos);
  CHECK(text.find("clerk serve: stopped (SIGINT)") != std::string::npos);
}
