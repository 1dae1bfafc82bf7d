// Files a site can hold that are not what the loaders expect, and that a
// test in tests/bad-input/ cannot hold (git keeps no named pipes, copies no
// links as links, and a file name that is not UTF-8 does not survive every
// checkout): named pipes, links out of the site, names that are not text,
// folders that cannot be read. Each must be a clear error at its path:
// never a wait, a crash, or a file from outside the site read and published.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "files/source_files.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

const char* kMeeting = "content/meetings/2024-03-04-planning";

// The bad-input corpus's small valid site, in a fresh folder.
void BaseSite(const fs::path& to) {
  CopyTree(SourceDir() / "tests" / "bad-input" / "base", to);
}

// clerk with a time limit: a run that waits for ever fails the test (exit
// 124 from timeout) instead of hanging the suite.
CommandResult RunClerkLimited(const std::string& args, const fs::path& cwd) {
  return RunProgram("timeout", "-k 5 60 '" + std::string(CLERK_BINARY) + "' " + args,
                    cwd);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a named pipe where a file belongs is an error at its path, not a wait",
          "[hostile-files]") {
  TempDir dir;
  BaseSite(dir.path());
  const fs::path yaml = dir.path() / kMeeting / "meeting.yaml";
  fs::remove(yaml);
  REQUIRE(::mkfifo(yaml.c_str(), 0644) == 0);
  REQUIRE(::mkfifo((dir.path() / kMeeting / "notes.md").c_str(), 0644) == 0);
  fs::create_directories(dir.path() / "assets");
  REQUIRE(::mkfifo((dir.path() / "assets" / "logo.png").c_str(), 0644) == 0);

  auto started = std::chrono::steady_clock::now();
  CommandResult r = RunClerkLimited("check --today 2024-04-01", dir.path());
  INFO(r.output);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
  CHECK(r.exit_code == 1);
  const std::string pipe =
      ": error: not a regular file but a named pipe (FIFO): clerk reads only ordinary "
      "files and folders; put the text in a file here instead\n";
  CHECK(Has(r.output, std::string(kMeeting) + "/meeting.yaml" + pipe));
  CHECK(Has(r.output, std::string(kMeeting) + "/notes.md" + pipe));
  CHECK(Has(r.output, "assets/logo.png" + pipe));
  // One report each, though the walk and the reader both meet them.
  CHECK(r.output.find(std::string(kMeeting) + "/meeting.yaml" + pipe) ==
        r.output.rfind(std::string(kMeeting) + "/meeting.yaml" + pipe));

  CommandResult build =
      RunClerkLimited("build --no-search --today 2024-04-01", dir.path());
  CHECK(build.exit_code == 1);
  CHECK(!fs::exists(dir.path() / "public"));
}

TEST_CASE("ReadWholeFile refuses a named pipe without opening it", "[hostile-files]") {
  TempDir dir;
  const fs::path fifo = dir.path() / "pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  std::atomic<bool> done{false};
  // If the read waited for a writer, this one comes after ten seconds, so a
  // broken reader fails the test instead of hanging it.
  std::thread watchdog([&] {
    for (int i = 0; i < 100 && !done; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!done) ::close(::open(fifo.c_str(), O_RDWR | O_NONBLOCK));
  });
  std::string bytes, error;
  auto started = std::chrono::steady_clock::now();
  bool read = clerk::ReadWholeFile(fifo.string(), &bytes, &error);
  done = true;
  watchdog.join();
  CHECK_FALSE(read);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(Has(error, "not a regular file but a named pipe (FIFO)"));
  CHECK(Has(clerk::NotAFileMessage(S_IFSOCK), "not a regular file but a socket"));
  CHECK(
      Has(clerk::NotAFileMessage(S_IFCHR), "not a regular file but a character device"));
  CHECK_FALSE(clerk::ReadWholeFile("/dev/null", &bytes, &error));
  CHECK(Has(error, "character device"));
}

TEST_CASE("a file name that is not UTF-8 is an error at the name, shown escaped",
          "[hostile-files]") {
  TempDir dir;
  BaseSite(dir.path());
  WriteFile(dir.path() / "content" / "people" / "caf\xE9.yaml", "name: Caf\xC3\xA9\n");
  WriteFile(dir.path() / kMeeting / "r\xE9port.md", "---\nkind: report\n---\nText\n");
  fs::create_directories(dir.path() / "content" / "meetings" / "2024-06-01-caf\xE9");
  WriteFile(dir.path() / "content" / "people" / "new\nline.yaml", "name: N\n");

  // As JSON it crashed clerk (nlohmann::json threw on the byte).
  CommandResult json =
      RunClerkLimited("check --format json --today 2024-04-01", dir.path());
  INFO(json.output);
  REQUIRE(json.exit_code == 1);
  nlohmann::json report = nlohmann::json::parse(json.output);
  std::set<std::string> paths;
  for (const auto& d : report["diagnostics"]) {
    paths.insert(d["path"].get<std::string>());
    if (d["path"] == "content/people/caf\\xE9.yaml")
      CHECK(d["message"] ==
            "the name is not UTF-8 text: rename it (names become web addresses and "
            "must be text)");
  }
  CHECK(paths == std::set<std::string>{"content/people/caf\\xE9.yaml",
                                       std::string(kMeeting) + "/r\\xE9port.md",
                                       "content/meetings/2024-06-01-caf\\xE9",
                                       "content/people/new\\x0Aline.yaml"});

  CommandResult text = RunClerkLimited("check --today 2024-04-01", dir.path());
  CHECK(text.exit_code == 1);
  CHECK(
      Has(text.output,
          "content/people/caf\\xE9.yaml: error: the name is not UTF-8 text: rename it"));
  CHECK(Has(text.output,
            "content/people/new\\x0Aline.yaml: error: the name holds a "
            "control character: rename it\n"));
}

TEST_CASE("a site folder whose path is not UTF-8 is an error, also as JSON",
          "[hostile-files]") {
  TempDir dir;
  BaseSite(dir.path() / "caf\xE9");
  CommandResult r = RunClerkLimited(
      "check --format json --source 'caf\xE9' --today 2024-04-01", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  nlohmann::json report = nlohmann::json::parse(r.output);
  REQUIRE(report["diagnostics"].size() == 1);
  CHECK(report["diagnostics"][0]["path"] == "caf\\xE9/");
}

TEST_CASE("a link out of the site is an error at the link unless allowed",
          "[hostile-files]") {
  TempDir outside;
  WriteFile(outside.path() / "secret.md",
            "---\nkind: report\ntitle: Not for the public\nitem: \"2\"\n---\n\nSecret\n");
  fs::create_directories(outside.path() / "2024-07-01-planning");
  WriteFile(outside.path() / "2024-07-01-planning" / "meeting.yaml",
            "committee: planning\nstatus: scheduled\nstart: 2024-07-01 18:00\nvenue: "
            "town-hall\n");
  TempDir dir;
  BaseSite(dir.path());
  const fs::path meeting = dir.path() / kMeeting;
  fs::create_symlink(outside.path() / "secret.md", meeting / "secret.md");
  fs::create_directory_symlink(
      outside.path() / "2024-07-01-planning",
      dir.path() / "content" / "meetings" / "2024-07-01-planning");
  fs::create_directories(dir.path() / "assets");
  fs::create_symlink("../../../../../../../../../../etc/passwd",
                     dir.path() / "assets" / "passwd.txt");
  // Links that stay inside the site are fine, and a link to nothing is an
  // error of its own.
  fs::create_symlink("local-plan.md", meeting / "local-plan-copy.md");
  fs::create_symlink("gone.md", meeting / "dangling.md");

  CommandResult r = RunClerkLimited("check --today 2024-04-01", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  const std::string real_outside = fs::canonical(outside.path()).string();
  CHECK(
      Has(r.output, std::string(kMeeting) +
                        "/secret.md: error: this is a link to a file outside the site (" +
                        real_outside +
                        "/secret.md): copy the file in, or run clerk with "
                        "--allow-outside-links to follow such links\n"));
  CHECK(Has(r.output,
            "content/meetings/2024-07-01-planning: error: this is a link to a "
            "folder outside the site (" +
                real_outside + "/2024-07-01-planning): copy the folder in"));
  CHECK(Has(r.output,
            "assets/passwd.txt: error: this is a link to a file outside the "
            "site (/etc/passwd)"));
  CHECK(
      Has(r.output, std::string(kMeeting) +
                        "/dangling.md: error: this is a link to gone.md, which does not "
                        "exist: remove the link, or put the file or folder it "
                        "should lead to here instead\n"));
  CHECK_FALSE(Has(r.output, "local-plan-copy.md: error"));
  CHECK_FALSE(Has(r.output, "Not for the public"));
  // Not read, so not a cascade of errors about what it holds.
  CHECK_FALSE(Has(r.output, "root:"));

  fs::remove(meeting / "dangling.md");
  CommandResult allowed =
      RunClerkLimited("check --allow-outside-links --today 2024-04-01", dir.path());
  INFO(allowed.output);
  CHECK_FALSE(Has(allowed.output, "outside the site"));
}

TEST_CASE(
    "a build allowed to follow a link out does not let the next build skip the check",
    "[hostile-files]") {
  // The record cache and the "nothing changed" stamp remember a folder
  // loaded with --allow-outside-links; without the option it must fail.
  TempDir outside;
  TempDir dir;
  BaseSite(dir.path());
  const fs::path paper = dir.path() / kMeeting / "local-plan.md";
  fs::copy_file(paper, outside.path() / "local-plan.md");
  fs::remove(paper);
  fs::create_symlink(outside.path() / "local-plan.md", paper);
  CommandResult first = RunClerkLimited(
      "build --no-search --allow-outside-links --today 2024-04-01", dir.path());
  INFO(first.output);
  REQUIRE(first.exit_code == 0);
  CommandResult second =
      RunClerkLimited("build --no-search --today 2024-04-01", dir.path());
  INFO(second.output);
  CHECK(second.exit_code == 1);
  CHECK(Has(second.output,
            "local-plan.md: error: this is a link to a file outside the site"));
}

TEST_CASE("a file or a link to nothing where a folder belongs is an error at it",
          "[hostile-files]") {
  TempDir dir;
  BaseSite(dir.path());
  fs::remove_all(dir.path() / "content" / "committees");
  WriteFile(dir.path() / "content" / "committees", "planning: yes\n");
  fs::remove_all(dir.path() / "content" / "work-programmes");
  fs::create_directory_symlink("nowhere", dir.path() / "content" / "work-programmes");
  CommandResult r = RunClerkLimited("check --today 2024-04-01", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output,
            "content/committees: error: cannot read folder: this is a file, not "
            "a folder; clerk reads the records from a folder of this name\n"));
  CHECK(Has(r.output,
            "content/work-programmes: error: this is a link to nowhere, which "
            "does not exist: remove the link, or put the file or folder"));
}

TEST_CASE("a meeting folder a normal user cannot read is an error, not an abort",
          "[hostile-files]") {
  // As root, permission bits stop nothing: run clerk as nobody.
  if (::geteuid() != 0 || ::access("/usr/bin/setpriv", X_OK) != 0) {
    WARN("needs root and setpriv: skipped");
    return;
  }
  TempDir dir;
  BaseSite(dir.path());
  fs::permissions(dir.path(), fs::perms::all, fs::perm_options::add);
  const fs::path locked = dir.path() / "content" / "meetings" / "2024-05-06-planning";
  fs::permissions(locked, fs::perms::none);
  CommandResult r =
      RunProgram("setpriv",
                 "--reuid=nobody --regid=nogroup --clear-groups timeout -k 5 60 '" +
                     std::string(CLERK_BINARY) + "' check --today 2024-04-01",
                 dir.path());
  fs::permissions(locked, fs::perms::owner_all);
  INFO(r.output);
  CHECK(r.exit_code == 1);  // it was 134: filesystem_error thrown on a worker thread
  CHECK(Has(r.output,
            "content/meetings/2024-05-06-planning: error: cannot read folder: "
            "Permission denied\n"));
  CHECK_FALSE(Has(r.output, "filesystem"));
}

TEST_CASE("an overlong UTF-8 title fails the build at its byte, not with a crash",
          "[hostile-files]") {
  // C0 AF passed the old check and made the JSON writers throw: exit 134,
  // and clerk serve died with it.
  TempDir dir;
  BaseSite(dir.path());
  const fs::path yaml = dir.path() / kMeeting / "meeting.yaml";
  std::string text = ReadFile(yaml);
  text.replace(text.find("title: Local plan"), 17, "title: Local \xC0\xAF plan");
  WriteFile(yaml, text);
  CommandResult r = RunClerkLimited("build --no-search --today 2024-04-01", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, std::string(kMeeting) +
                          "/meeting.yaml:12:18: error: the file is not UTF-8 text"));
  CHECK(!fs::exists(dir.path() / "public"));
  CommandResult json =
      RunClerkLimited("check --format json --today 2024-04-01", dir.path());
  CHECK(json.exit_code == 1);
  CHECK(nlohmann::json::parse(json.output)["errors"] == 1);
}

TEST_CASE("a meeting.yaml that is a link to itself is one error, and the rest is checked",
          "[hostile-files]") {
  TempDir dir;
  BaseSite(dir.path());
  const fs::path yaml = dir.path() / kMeeting / "meeting.yaml";
  fs::remove(yaml);
  fs::create_symlink("meeting.yaml", yaml);
  WriteFile(dir.path() / "content" / "people" / "bo-member.yaml", "name: Bo\nnmae: x\n");
  CommandResult r = RunClerkLimited("check --today 2024-04-01", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output,
            std::string(kMeeting) +
                "/meeting.yaml: error: this is a link that leads back to itself"));
  // Loading went on: the other file's problem is reported too.
  CHECK(Has(r.output, "content/people/bo-member.yaml:2:1: error: unknown key 'nmae'"));
  CHECK_FALSE(Has(r.output, "internal error"));
}

TEST_CASE("a themes folder a normal user cannot read is an error, not an abort",
          "[hostile-files]") {
  if (::geteuid() != 0 || ::access("/usr/bin/setpriv", X_OK) != 0) {
    WARN("needs root and setpriv: skipped");
    return;
  }
  TempDir dir;
  BaseSite(dir.path());
  fs::permissions(dir.path(), fs::perms::all, fs::perm_options::add);
  fs::create_directories(dir.path() / "themes" / "default");
  fs::permissions(dir.path() / "themes", fs::perms::none);
  CommandResult r =
      RunProgram("setpriv",
                 "--reuid=nobody --regid=nogroup --clear-groups timeout -k 5 "
                 "60 '" +
                     std::string(CLERK_BINARY) + "' check --today 2024-04-01",
                 dir.path());
  fs::permissions(dir.path() / "themes", fs::perms::owner_all);
  INFO(r.output);
  CHECK(r.exit_code == 1);  // the theme lookup threw filesystem_error: exit 134
  CHECK(Has(r.output, "themes: error: cannot read folder: Permission denied\n"));
}
