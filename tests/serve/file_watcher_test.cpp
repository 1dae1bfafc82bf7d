// clerk serve: which changes to the sources start a rebuild.
#include "serve/file_watcher.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk::serve;
using namespace clerk::testing;
namespace fs = std::filesystem;
using Changes = std::vector<std::string>;

namespace {

// A file descriptor that becomes readable after `ms`: bounds every wait.
class Timeout {
 public:
  explicit Timeout(int ms) {
    fd_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    itimerspec spec{};
    spec.it_value.tv_sec = ms / 1000;
    spec.it_value.tv_nsec = (ms % 1000) * 1000000L;
    ::timerfd_settime(fd_, 0, &spec, nullptr);
  }
  ~Timeout() { ::close(fd_); }
  int fd() const { return fd_; }

 private:
  int fd_;
};

std::optional<Changes> Wait(FileWatcher& watcher, int ms = 5000) {
  Timeout timeout(ms);
  return watcher.WaitForChanges(timeout.fd(), std::chrono::milliseconds(50));
}

struct Site {
  TempDir dir;
  fs::path root = dir.path();
  Site() {
    WriteFile(root / "site.yaml", "title: x\n");
    WriteFile(root / "content/meetings/m/meeting.yaml", "committee: c\n");
    WriteFile(root / "themes/default/css/standard.css", "body{}\n");
  }
};

}  // namespace

TEST_CASE("serve: editor temporary files are not sources", "[serve]") {
  for (const char* name : {".report.md.swp", "report.md.swx", "report.md~", ".#report.md",
                           "4913", "#report.md#"}) {
    INFO(name);
    CHECK(IsEditorTempFile(name));
  }
  for (const char* name :
       {"report.md", "meeting.yaml", "site.yaml", "49130.md", "a.swp.md"}) {
    INFO(name);
    CHECK_FALSE(IsEditorTempFile(name));
  }
}

TEST_CASE("serve: saving a source file is one change and a burst is one rebuild",
          "[serve]") {
  Site site;
  FileWatcher watcher(site.root, site.root / "public");
  std::string error;
  REQUIRE(watcher.Start(&error));

  WriteFile(site.root / "content/meetings/m/report.md", "# Report\n");
  auto changes = Wait(watcher);
  REQUIRE(changes);
  CHECK(*changes == Changes{"content/meetings/m/report.md"});

  WriteFile(site.root / "site.yaml", "title: y\n");
  WriteFile(site.root / "themes/default/css/standard.css", "body{color:red}\n");
  WriteFile(site.root / "content/meetings/m/meeting.yaml", "committee: d\n");
  changes = Wait(watcher);
  REQUIRE(changes);
  CHECK(*changes == Changes{"content/meetings/m/meeting.yaml", "site.yaml",
                            "themes/default/css/standard.css"});

  fs::remove(site.root / "content/meetings/m/report.md");
  changes = Wait(watcher);
  REQUIRE(changes);
  CHECK(*changes == Changes{"content/meetings/m/report.md"});
}

TEST_CASE("serve: editor temp files and the output folder start no rebuild", "[serve]") {
  Site site;
  FileWatcher watcher(site.root, site.root / "public");
  std::string error;
  REQUIRE(watcher.Start(&error));
  fs::create_directories(site.root / "public");

  WriteFile(site.root / "content/meetings/m/.report.md.swp", "x");
  WriteFile(site.root / "content/meetings/m/report.md~", "x");
  WriteFile(site.root / "content/meetings/m/.#report.md", "x");
  WriteFile(site.root / "content/meetings/m/4913", "x");
  WriteFile(site.root / "public/index.html", "x");
  WriteFile(site.root / "public.tmp-123/index.html", "x");
  WriteFile(site.root / "README.md", "x");
  CHECK_FALSE(Wait(watcher, 400));  // nothing to rebuild: the wait times out

  // A tool's temporary file made and renamed within the burst ("sed -i").
  WriteFile(site.root / "content/meetings/m/sedAbc123", "committee: e\n");
  fs::rename(site.root / "content/meetings/m/sedAbc123",
             site.root / "content/meetings/m/meeting.yaml");
  auto changes = Wait(watcher);
  REQUIRE(changes);
  CHECK(*changes == Changes{"content/meetings/m/meeting.yaml"});
}

TEST_CASE("serve: folders made after the start are watched too", "[serve]") {
  Site site;
  FileWatcher watcher(site.root, fs::path());
  std::string error;
  REQUIRE(watcher.Start(&error));

  fs::create_directories(site.root / "content/meetings/new");
  auto changes = Wait(watcher);
  REQUIRE(changes);
  CHECK(*changes == Changes{"content/meetings/new"});
  WriteFile(site.root / "content/meetings/new/meeting.yaml", "committee: c\n");
  changes = Wait(watcher);
  REQUIRE(changes);
  CHECK(*changes == Changes{"content/meetings/new/meeting.yaml"});

  // assets/ did not exist at the start.
  fs::create_directories(site.root / "assets");
  REQUIRE(Wait(watcher));
  WriteFile(site.root / "assets/logo.svg", "<svg/>");
  changes = Wait(watcher);
  REQUIRE(changes);
  CHECK(*changes == Changes{"assets/logo.svg"});
}
