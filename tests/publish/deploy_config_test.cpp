// site.yaml's deploy: targets: URLs, options, and passwords refused with file:line:col.
#include <catch2/catch.hpp>

#include "content/site_config.h"
#include "test_support.h"

using clerk::testing::TempDir;
using clerk::testing::WriteFile;

namespace {
const char* kSite =
    "title: T\norganisation: O\ncontact:\n  name: N\n  email: e@example.org\n";
}

TEST_CASE("deploy targets in site.yaml", "[publish]") {
  TempDir dir;
  WriteFile(dir.path() / "site.yaml", std::string(kSite) +
                                          "deploy:\n"
                                          "  live: sftp://deploy@example.org/var/www/\n"
                                          "  bucket:\n"
                                          "    url: s3://papers/site\n"
                                          "    endpoint: http://127.0.0.1:9000\n"
                                          "    region: eu-west-2\n");
  clerk::Diagnostics diag;
  clerk::SiteConfig config = clerk::LoadSiteConfig(dir.path().string(), "", diag);
  REQUIRE_FALSE(diag.HasErrors());
  REQUIRE(config.deploy.size() == 2);
  CHECK(config.deploy.at("live").url == "sftp://deploy@example.org/var/www/");
  CHECK(config.deploy.at("bucket").endpoint == "http://127.0.0.1:9000");
  CHECK(config.deploy.at("bucket").region == "eu-west-2");
}

TEST_CASE("a password in site.yaml is an error at its position", "[publish]") {
  TempDir dir;
  WriteFile(dir.path() / "site.yaml", std::string(kSite) +
                                          "deploy:\n"
                                          "  live:\n"
                                          "    url: ftp://deploy@example.org/site/\n"
                                          "    password: hunter2\n"
                                          "  old: ftp://deploy:secret@example.org/\n");
  clerk::Diagnostics diag;
  clerk::LoadSiteConfig(dir.path().string(), "", diag);
  REQUIRE(diag.ErrorCount() == 2);
  std::vector<std::string> lines;
  for (const auto& d : diag.Sorted()) lines.push_back(clerk::FormatDiagnostic(d));
  CHECK(lines[0].rfind(
            "site.yaml:9:15: error: 'password' must not be written into site.yaml", 0) ==
        0);
  CHECK(lines[1].rfind(
            "site.yaml:10:8: error: deploy target 'old' has a password in its URL", 0) ==
        0);
  for (const std::string& l : lines) {
    CHECK(l.find("hunter2") == std::string::npos);
    CHECK(l.find("secret@") == std::string::npos);
  }
}

TEST_CASE("a deploy target named twice is an error at the second", "[publish][regfix]") {
  TempDir dir;
  WriteFile(dir.path() / "site.yaml", std::string(kSite) +
                                          "deploy:\n"
                                          "  live: sftp://deploy@example.org/var/www/\n"
                                          "  live: file:///srv/papers/\n");
  clerk::Diagnostics diag;
  clerk::SiteConfig config = clerk::LoadSiteConfig(dir.path().string(), "", diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(clerk::FormatDiagnostic(diag.Sorted()[0]) ==
        "site.yaml:8:3: error: deploy target 'live' is given twice (first on line 7)");
  // The first stays; the second never silently replaces it.
  CHECK(config.deploy.at("live").url == "sftp://deploy@example.org/var/www/");
}

TEST_CASE("a secret key in any letter case is refused as a secret", "[publish][regfix]") {
  TempDir dir;
  WriteFile(dir.path() / "site.yaml", std::string(kSite) +
                                          "deploy:\n"
                                          "  live:\n"
                                          "    url: sftp://deploy@example.org/var/www/\n"
                                          "    Password: hunter2\n"
                                          "    TOKEN: abc\n");
  clerk::Diagnostics diag;
  clerk::LoadSiteConfig(dir.path().string(), "", diag);
  REQUIRE(diag.ErrorCount() == 2);
  std::vector<std::string> lines;
  for (const auto& d : diag.Sorted()) lines.push_back(clerk::FormatDiagnostic(d));
  CHECK(lines[0].rfind(
            "site.yaml:9:15: error: 'Password' must not be written into site.yaml", 0) ==
        0);
  CHECK(lines[1].rfind(
            "site.yaml:10:12: error: 'TOKEN' must not be written into site.yaml", 0) ==
        0);
  for (const std::string& l : lines) CHECK(l.find("unknown key") == std::string::npos);
}

TEST_CASE("an empty deploy target is an error at its name", "[publish][regfix]") {
  TempDir dir;
  WriteFile(dir.path() / "site.yaml", std::string(kSite) +
                                          "deploy:\n"
                                          "  live:\n"
                                          "  spare: sftp://deploy@example.org/spare/\n");
  clerk::Diagnostics diag;
  clerk::SiteConfig config = clerk::LoadSiteConfig(dir.path().string(), "", diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(clerk::FormatDiagnostic(diag.Sorted()[0]) ==
        "site.yaml:7:3: error: deploy target 'live' is empty: give its address ('live: "
        "sftp://host/path') or a mapping with 'url'");
  CHECK(config.deploy.count("live") == 0);
  CHECK(config.deploy.count("spare") == 1);
}
