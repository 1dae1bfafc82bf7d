// The base URL is checked before any calendar, feed or link uses it
// (config/base_url.h).
#include "config/base_url.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace clerk;

namespace {

std::string Checked(const std::string& url) {
  std::string error;
  std::optional<std::string> out = CheckBaseUrl(url, &error);
  return out ? *out : "error: " + error;
}

bool Refused(const std::string& url) {
  std::string error;
  return !CheckBaseUrl(url, &error) && !error.empty();
}

}  // namespace

TEST_CASE("base url: a web address gets its final slash", "[base-url]") {
  CHECK(Checked("https://papers.example.gov.uk") == "https://papers.example.gov.uk/");
  CHECK(Checked("https://papers.example.gov.uk/") == "https://papers.example.gov.uk/");
  CHECK(Checked("http://example.org/council/papers") ==
        "http://example.org/council/papers/");
  CHECK(Checked("HTTPS://Papers.Example.GOV.uk/Papers/") ==
        "https://papers.example.gov.uk/Papers/");
  CHECK(Checked("https://localhost:8080") == "https://localhost:8080/");
  CHECK(Checked("http://[::1]:8000/x") == "http://[::1]:8000/x/");
  CHECK(Checked("https://example.org/caf%C3%A9/") == "https://example.org/caf%C3%A9/");
}

TEST_CASE("base url: scripts, other schemes and relative addresses are refused",
          "[base-url]") {
  CHECK(Checked("javascript:alert(1)") ==
        "error: 'javascript:alert(1)' is not a usable base URL: it must start with "
        "https:// (or http://), the address readers visit");
  CHECK(Refused("JavaScript://example.org/%0aalert(1)"));
  CHECK(Refused("data:text/html,hello"));
  CHECK(Refused("ftp://example.org/"));
  CHECK(Refused("//example.org/"));
  CHECK(Refused("/papers/"));
  CHECK(Refused("example.org"));
  CHECK(Refused("https://"));
  CHECK(Refused("https:///papers"));
}

TEST_CASE("base url: line breaks, spaces, quotes and markup are refused", "[base-url]") {
  CHECK(Checked("https://example.org/\r\nX-INJECTED:1") ==
        "error: 'https://example.org/\\r\\nX-INJECTED:1' is not a usable base URL: it "
        "holds "
        "a line break");
  CHECK(Refused("https://example.org/\n"));
  CHECK(Refused("https://example.org/a b/"));
  CHECK(Refused("https://example.org/\t"));
  CHECK(Refused(std::string("https://example.org/\0/", 22)));
  CHECK(Refused("https://example.org/\x7f/"));
  CHECK(Refused("https://example.org/\"onmouseover=\"x"));
  CHECK(Refused("https://example.org/'x"));
  CHECK(Refused("https://example.org/<script>/"));
  CHECK(Refused("https://example.org\\evil.example/"));
  CHECK(Refused("https://example.org/a&b/"));
  CHECK(Refused("https://exämple.org/"));
}

TEST_CASE("base url: no query, fragment, credentials, bad port or dot segments",
          "[base-url]") {
  CHECK(Refused("https://example.org/?x=1"));
  CHECK(Refused("https://example.org/#top"));
  CHECK(Refused("https://user:secret@example.org/"));
  CHECK(Refused("https://good.example@evil.example/"));
  CHECK(Refused("https://example.org:0/"));
  CHECK(Refused("https://example.org:99999/"));
  CHECK(Refused("https://example.org:http/"));
  CHECK(Refused("https://example.org/a/../b/"));
  CHECK(Refused("https://example.org/./"));
  CHECK(Refused("https://example..org/"));
  CHECK(Refused("https://[::1/"));
  CHECK(Refused("https://example.org/100%/"));
}

TEST_CASE("base url: a bad one in site.yaml is an error at its line", "[base-url]") {
  using namespace clerk::testing;
  TempDir dir;
  CopyTree(SourceDir() / "tests/bad-input/base", dir.path());
  std::string site = ReadFile(dir.path() / "site.yaml");
  WriteFile(dir.path() / "site.yaml",
            site + "base_url: \"https://example.org/\\r\\nX-INJECTED: 1\"\n");
  CommandResult r = RunClerk("check --today 2024-04-01", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find(
            "site.yaml:11:11: error: base_url: 'https://example.org/\\r\\nX-INJECTED: "
            "1' is not a usable base URL: it holds a line break") != std::string::npos);
  // The same site with a good address, without its final slash, builds
  // links under it.
  WriteFile(dir.path() / "site.yaml", site + "base_url: https://papers.example.org\n");
  r = RunClerk("build --today 2024-04-01 --no-search --out out", dir.path());
  REQUIRE(r.exit_code == 0);
  std::string ics = ReadFile(dir.path() / "out/meetings.ics");
  CHECK(ics.find("URL:https://papers.example.org/meetings/2024-03-04-planning/") !=
        std::string::npos);
}
