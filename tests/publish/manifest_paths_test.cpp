// Paths in a deploy manifest come from the host, so a hostile host can write
// them (issue 18, defect 18): every path that could leave the target, or add a
// command to an FTP session, makes the manifest unreadable, and an unreadable
// manifest deletes nothing on any host.
#include <catch2/catch.hpp>
#include <map>
#include <sstream>
#include <vector>

#include "publish/deploy.h"
#include "publish/manifest.h"
#include "test_support.h"

using namespace clerk::publish;
using clerk::testing::TempDir;
using clerk::testing::WriteFile;

namespace {

std::string ManifestWith(const std::string& path) {
  return "clerk-manifest 1\n" + Sha256Hex("x") + " 1 index.html\n" + Sha256Hex("") +
         " 0 " + path + "\nend 2\n";
}

// A host that records what it is asked to do.
class RecordingRemote : public Remote {
 public:
  RecordingRemote(std::map<std::string, std::string>& files,
                  std::vector<std::string>& log)
      : files_(files), log_(log) {}
  RemoteResult Fetch(const std::string& path, std::string* data) override {
    auto it = files_.find(path);
    if (it == files_.end()) return {RemoteStatus::kNotFound, "not found"};
    *data = it->second;
    return {};
  }
  RemoteResult Stat(const std::string& path, int64_t* size) override {
    auto it = files_.find(path);
    if (it == files_.end()) return {RemoteStatus::kNotFound, "not found"};
    *size = static_cast<int64_t>(it->second.size());
    return {};
  }
  RemoteResult Put(const std::string& path, const std::string& data,
                   const std::string&) override {
    files_[path] = data;
    log_.push_back("PUT " + path);
    return {};
  }
  RemoteResult Delete(const std::string& path) override {
    files_.erase(path);
    log_.push_back("DELETE " + path);
    return {};
  }

 private:
  std::map<std::string, std::string>& files_;
  std::vector<std::string>& log_;
};

}  // namespace

TEST_CASE("manifest: a path that could leave the target is refused with its line",
          "[publish][links]") {
  std::string error;
  REQUIRE(ParseManifest(ManifestWith("docs/agenda pack.pdf"), &error));
  for (const std::string& path : std::vector<std::string>{
           "../etc/passwd", "/etc/passwd", "a/../../b", "./a", "a/.", "a//b", "a/",
           "..\\..\\b", "C:\\Windows\\x", "a\\b", std::string("a\0b", 3), "a\rb", "x\r",
           "x\x01y", "x\x7fy"}) {
    INFO(path);
    CHECK_FALSE(ParseManifest(ManifestWith(path), &error));
    CHECK(error.rfind("line 3: the path '", 0) == 0);
    CHECK(error.find("not a plain relative path") != std::string::npos);
    // The message can be printed: control characters are shown, not sent.
    for (char c : error) CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f));
  }
  ParseManifest(ManifestWith(std::string("a\0b", 3)), &error);
  CHECK(error.find("'a\\x00b'") != std::string::npos);
}

TEST_CASE("manifest: a hostile manifest on any host deletes nothing",
          "[publish][links]") {
  TempDir site;
  WriteFile(site.path() / ".clerk-site", "clerk\n");
  WriteFile(site.path() / "index.html", "x");
  std::map<std::string, std::string> files;
  std::vector<std::string> log;
  files[".clerk-manifest"] = ManifestWith("..\\..\\etc\\passwd");
  DeployOptions opt;
  opt.out = site.path().string();
  opt.yes = true;
  opt.jobs = 1;
  std::ostringstream out;
  REQUIRE(DeployWith(
              opt, "fake://",
              [&] { return std::make_unique<RecordingRemote>(files, log); },
              out) == kDeployOk);
  CHECK(out.str().find("manifest on the host is unreadable") != std::string::npos);
  for (const std::string& line : log) CHECK(line.rfind("DELETE", 0) != 0);
}

TEST_CASE("scan: a site file whose name the manifest would refuse is not deployed",
          "[publish][links]") {
  TempDir site;
  WriteFile(site.path() / ".clerk-site", "clerk\n");
  WriteFile(site.path() / "index.html", "x");
  WriteFile(site.path() / "a\\b.html", "x");
  std::string error;
  CHECK_FALSE(ScanSite(site.path().string(), 1, &error));
  CHECK(error.find("a\\b.html': a file name with a control character or a backslash") !=
        std::string::npos);
}
