// Unit tests of the deploy stage: manifest, plan and order, dry run, and whole
// deploys to file:// and to a scripted Remote that fails on cue (resume).
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <sstream>

#include "incremental/state_files.h"
#include "model/model.h"
#include "publish/deploy.h"
#include "publish/file_remote.h"
#include "publish/manifest.h"
#include "publish/plan.h"
#include "publish/target.h"
#include "test_support.h"

using namespace clerk::publish;
using clerk::testing::ReadFile;
using clerk::testing::TempDir;
using clerk::testing::WriteFile;

namespace {

void MakeSite(const std::filesystem::path& dir) {
  WriteFile(dir / ".clerk-site", "clerk\n");
  WriteFile(dir / "index.html", "<a href=\"meetings/a/\">a</a>");
  WriteFile(dir / "feed.xml", "<feed/>");
  WriteFile(dir / "css/site.css", "body{}");
  WriteFile(dir / "meetings/a/index.html", "A");
  WriteFile(dir / "meetings/b/index.html", "B");
}

// A host in memory that can be told to fail: after `fail_after` successful
// writes, every call fails as a refused connection would.
struct FakeHost {
  std::mutex mutex;
  std::map<std::string, std::string> files;
  int writes = 0, deletes = 0, fail_after = -1;
  std::vector<std::string> log;  // "PUT path", "DELETE path" in order
};

class FakeRemote : public Remote {
 public:
  explicit FakeRemote(FakeHost& host) : host_(host) {}
  RemoteResult Fetch(const std::string& path, std::string* data) override {
    std::lock_guard<std::mutex> lock(host_.mutex);
    if (Down()) return {RemoteStatus::kConnection, "refused"};
    auto it = host_.files.find(path);
    if (it == host_.files.end()) return {RemoteStatus::kNotFound, "not found"};
    *data = it->second;
    return {};
  }
  RemoteResult Stat(const std::string& path, int64_t* size) override {
    std::lock_guard<std::mutex> lock(host_.mutex);
    if (Down()) return {RemoteStatus::kConnection, "refused"};
    auto it = host_.files.find(path);
    if (it == host_.files.end()) return {RemoteStatus::kNotFound, "not found"};
    *size = static_cast<int64_t>(it->second.size());
    return {};
  }
  RemoteResult Put(const std::string& path, const std::string& data,
                   const std::string& sha) override {
    std::lock_guard<std::mutex> lock(host_.mutex);
    if (Down())
      return {RemoteStatus::kConnection, "cannot connect to fake: connection refused"};
    REQUIRE(sha == Sha256Hex(data));
    host_.files[path] = data;
    ++host_.writes;
    host_.log.push_back("PUT " + path);
    return {};
  }
  RemoteResult Delete(const std::string& path) override {
    std::lock_guard<std::mutex> lock(host_.mutex);
    if (Down()) return {RemoteStatus::kConnection, "refused"};
    host_.files.erase(path);
    ++host_.deletes;
    host_.log.push_back("DELETE " + path);
    return {};
  }

 private:
  bool Down() const { return host_.fail_after >= 0 && host_.writes >= host_.fail_after; }
  FakeHost& host_;
};

DeployOptions Options(const std::filesystem::path& out) {
  DeployOptions opt;
  opt.out = out.string();
  opt.yes = true;
  opt.jobs = 2;
  opt.retry_delay_ms = 1;
  opt.attempts = 2;
  return opt;
}

int Deploy(const DeployOptions& opt, FakeHost& host, std::string* log = nullptr,
           DeployStats* stats = nullptr) {
  std::ostringstream out;
  int rc = DeployWith(
      opt, "fake://", [&] { return std::make_unique<FakeRemote>(host); }, out, stats);
  if (log) *log = out.str();
  return rc;
}

}  // namespace

TEST_CASE("manifest: round trip, and damaged text is refused", "[publish]") {
  Manifest m;
  m["index.html"] = {3, Sha256Hex("abc")};
  m["docs/agenda pack.pdf"] = {0, Sha256Hex("")};
  std::string text = SerializeManifest(m);
  std::string error;
  REQUIRE(ParseManifest(text, &error) == m);
  // Cut short (an interrupted upload): unreadable, never half-read.
  CHECK_FALSE(ParseManifest(text.substr(0, text.size() - 8), &error));
  CHECK_FALSE(ParseManifest("garbage\n", &error));
  CHECK_FALSE(ParseManifest(
      "clerk-manifest 1\n" + Sha256Hex("") + " 0 ../etc/passwd\nend 1\n", &error));
  CHECK(error.find("line 2") != std::string::npos);
  CHECK(Sha256Hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("scan: hashes every file but the marker", "[publish]") {
  TempDir dir;
  MakeSite(dir.path());
  std::string error;
  auto m = ScanSite(dir.path().string(), 2, &error);
  REQUIRE(m);
  CHECK(m->size() == 5);
  CHECK_FALSE(m->count(".clerk-site"));
  CHECK(m->at("meetings/a/index.html") == FileEntry{1, Sha256Hex("A")});
}

TEST_CASE("scan: the build's bookkeeping files are never deployed", "[publish]") {
  TempDir dir;
  MakeSite(dir.path());
  // incremental/state_files.h lists them all.
  for (const clerk::StateFile& entry : clerk::kStateFiles) {
    const std::string name = std::string(entry.path) + (entry.folder ? "/x/y.bin" : "");
    std::filesystem::create_directories((dir.path() / name).parent_path());
    WriteFile(dir.path() / name, "bookkeeping");
  }
  WriteFile(dir.path() / "pagefind/standard.json", "{}");  // the site's: deployed
  std::string error;
  auto m = ScanSite(dir.path().string(), 2, &error);
  REQUIRE(m);
  CHECK(m->size() == 6);  // the site's own files only
  CHECK(m->count("pagefind/standard.json") == 1);
  for (const auto& [path, entry] : *m) {
    CHECK(path.rfind(".clerk", 0) != 0);
    CHECK(path.rfind("pagefind/.", 0) != 0);
  }
}

TEST_CASE("plan: new files first, then changed pages, home and feeds, deletions last",
          "[publish]") {
  Manifest local, remote;
  auto e = [](const std::string& s) {
    return FileEntry{static_cast<int64_t>(s.size()), Sha256Hex(s)};
  };
  local["index.html"] = e("home2");
  local["feed.xml"] = e("feed");
  local["css/site.css"] = e("css2");
  local["meetings/new/index.html"] = e("new");
  local["meetings/old/index.html"] = e("changed");
  local["meetings/same/index.html"] = e("same");
  remote["index.html"] = e("home1");
  remote["feed.xml"] = e("feed");
  remote["css/site.css"] = e("css1");
  remote["meetings/old/index.html"] = e("old");
  remote["meetings/same/index.html"] = e("same");
  remote["meetings/gone/index.html"] = e("gone");
  remote["img/gone.png"] = e("png");

  Plan plan = MakePlan(local, remote, true);
  std::vector<std::string> order;
  for (const PlanItem& item : plan.items)
    order.push_back((item.is_delete ? "-" : "+") + item.path);
  CHECK(order == std::vector<std::string>{"+css/site.css", "+meetings/new/index.html",
                                          "+meetings/old/index.html", "+index.html",
                                          "-meetings/gone/index.html", "-img/gone.png"});
  CHECK(plan.uploads == 4);
  CHECK(plan.deletions == 2);
  CHECK(plan.unchanged == 2);
  CHECK(DescribePlan(plan) == "upload 4 (19 B), delete 2, unchanged 2");

  // Without a manifest nothing is ever deleted.
  Plan guarded = MakePlan(local, remote, false);
  CHECK(guarded.deletions == 0);
  CHECK(guarded.left_alone == 2);

  CHECK(Thousands(48210) == "48,210");
  CHECK(HumanBytes(3400000) == "3.4 MB");
  CHECK(IsHomeOrFeed("easy-read/index.html"));
  CHECK_FALSE(IsHomeOrFeed("meetings/a/index.html"));
}

TEST_CASE("target URLs: schemes, options, and no passwords", "[publish]") {
  std::string error;
  clerk::DeployTarget t;
  t.url = "sftp://deploy@example.org:2222/var/www/site?known_hosts=/k";
  auto p = ParseTarget(t, &error);
  REQUIRE(p);
  CHECK(p->scheme == Scheme::kSftp);
  CHECK(p->user == "deploy");
  CHECK(p->port == 2222);
  CHECK(p->path == "/var/www/site/");
  CHECK(p->known_hosts == "/k");
  t.url = "s3://bucket/pre/fix?endpoint=http://127.0.0.1:9000&region=eu-west-2";
  p = ParseTarget(t, &error);
  REQUIRE(p);
  CHECK(p->bucket == "bucket");
  CHECK(p->path == "pre/fix/");
  CHECK(p->region == "eu-west-2");
  t.url = "ftp://user:hunter2@host/site/";
  CHECK_FALSE(ParseTarget(t, &error));
  CHECK(error.find("hunter2") == std::string::npos);
  t.url = "gopher://host/";
  CHECK_FALSE(ParseTarget(t, &error));
  t.url = "sftp://host/path";
  CHECK_FALSE(ParseTarget(t, &error));  // sftp needs a user
  CHECK(EncodePath("docs/agenda pack.pdf") == "docs/agenda%20pack.pdf");
}

TEST_CASE("deploy to file://: incremental, ordered, deletions need --yes", "[publish]") {
  TempDir site, host;
  MakeSite(site.path());
  std::string root = (host.path() / "www").string() + "/";
  auto file_factory = [&] { return MakeFileRemote(root); };
  DeployOptions opt = Options(site.path());
  std::ostringstream log;
  DeployStats stats;
  REQUIRE(DeployWith(opt, "file://", file_factory, log, &stats) == kDeployOk);
  CHECK(stats.uploaded == 5);
  CHECK(ReadFile(host.path() / "www/meetings/b/index.html") == "B");
  CHECK(std::filesystem::exists(host.path() / "www/.clerk-manifest"));

  REQUIRE(DeployWith(opt, "file://", file_factory, log, &stats) == kDeployOk);
  CHECK(stats.uploaded == 0);
  CHECK(stats.unchanged == 5);

  WriteFile(site.path() / "meetings/a/index.html", "A2");
  std::filesystem::remove_all(site.path() / "meetings/b");
  DeployOptions no_yes = opt;
  no_yes.yes = false;
  CHECK(DeployWith(no_yes, "file://", file_factory, log, &stats) == kDeployUsage);
  CHECK(ReadFile(host.path() / "www/meetings/a/index.html") == "A");  // untouched

  DeployOptions dry = opt;
  dry.dry_run = true;
  std::ostringstream dry_log;
  REQUIRE(DeployWith(dry, "file://", file_factory, dry_log, &stats) == kDeployOk);
  CHECK(dry_log.str().find("would upload 1 (2 B), delete 1, unchanged 3") !=
        std::string::npos);
  CHECK(ReadFile(host.path() / "www/meetings/a/index.html") == "A");

  DeployOptions capped = opt;
  capped.max_deletes = 0;
  CHECK(DeployWith(capped, "file://", file_factory, log, &stats) == kDeployFailed);

  REQUIRE(DeployWith(opt, "file://", file_factory, log, &stats) == kDeployOk);
  CHECK(stats.uploaded == 1);
  CHECK(stats.deleted == 1);
  CHECK(ReadFile(host.path() / "www/meetings/a/index.html") == "A2");
  CHECK_FALSE(
      std::filesystem::exists(host.path() / "www/meetings/b"));  // emptied folder removed
}

TEST_CASE("deploy: a folder clerk did not build is refused", "[publish]") {
  TempDir site;
  WriteFile(site.path() / "index.html", "x");
  FakeHost host;
  std::string log;
  CHECK(Deploy(Options(site.path()), host, &log) == kDeployFailed);
  CHECK(log.find("not a site built by clerk") != std::string::npos);
  CHECK(host.writes == 0);
}

TEST_CASE("deploy: order on the host, then resume after the host went away",
          "[publish]") {
  TempDir site;
  MakeSite(site.path());
  for (int i = 0; i < 120; ++i)
    WriteFile(site.path() / ("m/" + std::to_string(i) + ".html"),
              "page " + std::to_string(i));
  FakeHost host;
  DeployOptions opt = Options(site.path());
  opt.jobs = 1;
  // The host stops answering after 60 writes: a clear error, exit 1.
  host.fail_after = 60;
  std::string log;
  CHECK(Deploy(opt, host, &log) == kDeployFailed);
  CHECK(log.find("connection refused") != std::string::npos);
  CHECK(log.find("run the same command again") != std::string::npos);
  // Back again: the second run uploads only what the manifest does not hold.
  host.fail_after = -1;
  int before = host.writes;
  DeployStats stats;
  REQUIRE(Deploy(opt, host, &log, &stats) == kDeployOk);
  CHECK(stats.unchanged == 50);  // the first batch, recorded in the manifest
  CHECK(stats.uploaded == 125 - 50);
  CHECK(host.writes - before <= 125 - 50 + 3);  // and a manifest per batch
  // Home page and feed came last among the uploads.
  std::vector<std::string> puts;
  for (const std::string& l : host.log)
    if (l.rfind("PUT ", 0) == 0 && l != "PUT .clerk-manifest") puts.push_back(l);
  CHECK(puts.back() == "PUT index.html");
  // Everything is there now.
  CHECK(host.files.at("m/119.html") == "page 119");
}

TEST_CASE("deploy: a lost manifest compares files and deletes nothing", "[publish]") {
  TempDir site;
  MakeSite(site.path());
  FakeHost host;
  DeployOptions opt = Options(site.path());
  REQUIRE(Deploy(opt, host) == kDeployOk);
  host.files.erase(".clerk-manifest");
  host.files["stray.html"] = "not ours";
  host.files["meetings/a/index.html"] = "X";  // same size, other content
  int writes = host.writes;
  DeployStats stats;
  std::string log;
  REQUIRE(Deploy(opt, host, &log, &stats) == kDeployOk);
  CHECK(stats.uploaded == 1);        // only the file whose content differs
  CHECK(host.writes - writes == 2);  // it and the manifest
  CHECK(host.files.count("stray.html"));
  CHECK(host.files.at("meetings/a/index.html") == "A");
}
