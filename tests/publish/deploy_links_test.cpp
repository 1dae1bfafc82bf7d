// A file:// target holding symbolic links (issue 18, defect 18): a deploy
// never reads, writes or deletes through a link below the target's root, and
// every remote refuses a path that could leave the target.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <vector>

#include "publish/deploy.h"
#include "publish/file_remote.h"
#include "publish/manifest.h"
#include "test_support.h"

using namespace clerk::publish;
using clerk::testing::ReadFile;
using clerk::testing::TempDir;
using clerk::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

void MakeSite(const fs::path& dir) {
  WriteFile(dir / ".clerk-site", "clerk\n");
  WriteFile(dir / "index.html", "<a href=\"meetings/a/\">a</a>");
  WriteFile(dir / "feed.xml", "<feed/>");
  WriteFile(dir / "meetings/a/index.html", "A");
}

DeployOptions Options(const fs::path& out) {
  DeployOptions opt;
  opt.out = out.string();
  opt.yes = true;
  opt.jobs = 1;
  opt.retry_delay_ms = 1;
  opt.attempts = 2;
  return opt;
}

// Every file under `dir` with its content, to show that nothing changed.
std::string Snapshot(const fs::path& dir) {
  std::string out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      out +=
          fs::relative(entry.path(), dir).string() + "=" + ReadFile(entry.path()) + "\n";
  return out;
}

// A manifest line for `path` holding `content`.
std::string Line(const std::string& path, const std::string& content) {
  return Sha256Hex(content) + " " + std::to_string(content.size()) + " " + path + "\n";
}

struct Deployment {
  int rc;
  std::string log;
};

Deployment Deploy(const fs::path& site, const std::string& root) {
  std::ostringstream log;
  int rc = DeployWith(
      Options(site), "file://", [&] { return MakeFileRemote(root); }, log);
  return {rc, log.str()};
}

}  // namespace

TEST_CASE("file deploy: a manifest line under a symlinked folder deletes nothing outside",
          "[publish][links]") {
  TempDir site, host, outside;
  MakeSite(site.path());
  WriteFile(outside.path() / "keep.html", "precious");
  std::string root = (host.path() / "www").string() + "/";
  REQUIRE(Deploy(site.path(), root).rc == kDeployOk);

  // A hostile host: a folder that is a link out, and the manifest naming a
  // file under it as one clerk put there (so the plan deletes it).
  fs::create_directory_symlink(outside.path(), host.path() / "www/evil");
  std::string manifest = ReadFile(host.path() / "www/.clerk-manifest");
  manifest = manifest.substr(0, manifest.find("end ")) +
             Line("evil/keep.html", "precious") + "end 4\n";
  WriteFile(host.path() / "www/.clerk-manifest", manifest);
  std::string before = Snapshot(outside.path());

  Deployment d = Deploy(site.path(), root);
  CHECK(d.rc == kDeployFailed);
  CHECK(d.log.find(root + "evil is a symbolic link") != std::string::npos);
  CHECK(ReadFile(outside.path() / "keep.html") == "precious");
  CHECK(Snapshot(outside.path()) == before);
  CHECK(
      fs::is_symlink(host.path() / "www/evil"));  // the link itself is left to its owner
}

TEST_CASE("file deploy: nothing is written through a symlinked folder",
          "[publish][links]") {
  TempDir site, host, outside;
  MakeSite(site.path());
  WriteFile(outside.path() / "b/index.html", "theirs");
  fs::create_directories(host.path() / "www");
  fs::create_directory_symlink(outside.path(), host.path() / "www/meetings");
  std::string root = (host.path() / "www").string() + "/";
  std::string before = Snapshot(outside.path());

  Deployment d = Deploy(site.path(), root);
  CHECK(d.rc == kDeployFailed);
  CHECK(d.log.find(root + "meetings is a symbolic link") != std::string::npos);
  CHECK(Snapshot(outside.path()) == before);
  CHECK_FALSE(fs::exists(outside.path() / "a"));
}

TEST_CASE("file deploy: a file that is a link is replaced, never read or written through",
          "[publish][links]") {
  TempDir site, host, outside;
  MakeSite(site.path());
  // Same bytes as the site's feed: read through the link it would pass as
  // unchanged, and the host would keep serving whatever the link points at.
  WriteFile(outside.path() / "feed.xml", "<feed/>");
  WriteFile(outside.path() / "victim.html", "precious");
  fs::create_directories(host.path() / "www");
  fs::create_symlink(outside.path() / "feed.xml", host.path() / "www/feed.xml");
  fs::create_symlink(outside.path() / "victim.html", host.path() / "www/index.html");
  std::string root = (host.path() / "www").string() + "/";

  Deployment d = Deploy(site.path(), root);
  REQUIRE(d.rc == kDeployOk);
  CHECK_FALSE(fs::is_symlink(host.path() / "www/feed.xml"));
  CHECK_FALSE(fs::is_symlink(host.path() / "www/index.html"));
  CHECK(ReadFile(host.path() / "www/feed.xml") == "<feed/>");
  CHECK(ReadFile(outside.path() / "feed.xml") == "<feed/>");
  CHECK(ReadFile(outside.path() / "victim.html") == "precious");

  // A deletion of a file that became a link removes the link only.
  fs::remove(host.path() / "www/feed.xml");
  fs::create_symlink(outside.path() / "victim.html", host.path() / "www/feed.xml");
  fs::remove(site.path() / "feed.xml");
  d = Deploy(site.path(), root);
  REQUIRE(d.rc == kDeployOk);
  CHECK_FALSE(fs::exists(fs::symlink_status(host.path() / "www/feed.xml")));
  CHECK(ReadFile(outside.path() / "victim.html") == "precious");
}

TEST_CASE("file deploy: a manifest that is a link is refused, not read",
          "[publish][links]") {
  TempDir site, host, outside;
  MakeSite(site.path());
  WriteFile(outside.path() / "secret", "not a manifest");
  fs::create_directories(host.path() / "www");
  fs::create_symlink(outside.path() / "secret", host.path() / "www/.clerk-manifest");
  std::string root = (host.path() / "www").string() + "/";

  Deployment d = Deploy(site.path(), root);
  CHECK(d.rc == kDeployFailed);
  CHECK(d.log.find(root + ".clerk-manifest is a symbolic link") != std::string::npos);
  CHECK(d.log.find("not a manifest") == std::string::npos);
  CHECK(ReadFile(outside.path() / "secret") == "not a manifest");
  CHECK_FALSE(fs::exists(host.path() / "www/index.html"));  // nothing deployed
}

TEST_CASE("file remote: a path leaving the target is refused for every operation",
          "[publish][links]") {
  TempDir host;
  WriteFile(host.path() / "victim", "precious");
  auto remote = MakeFileRemote((host.path() / "www").string() + "/");
  for (const std::string& path : std::vector<std::string>{
           "../victim", "/etc/passwd", "a/../../victim", "a\\..\\..\\victim",
           std::string("victim\0x", 8), "./victim", "a//b", "feed.xml\r\nDELE x"}) {
    std::string data;
    int64_t size = 0;
    RemoteResult r = remote->Delete(path);
    CHECK(r.status == RemoteStatus::kRefused);
    CHECK(r.message.find("refusing the path") != std::string::npos);
    CHECK(r.message.find('\n') == std::string::npos);
    CHECK(remote->Put(path, "x", Sha256Hex("x")).status == RemoteStatus::kRefused);
    CHECK(remote->Fetch(path, &data).status == RemoteStatus::kRefused);
    CHECK(remote->Stat(path, &size).status == RemoteStatus::kRefused);
  }
  CHECK(ReadFile(host.path() / "victim") == "precious");
  CHECK_FALSE(fs::exists(host.path() / "www"));
}
