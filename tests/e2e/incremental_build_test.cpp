// Incremental builds of the example site by the real clerk binary: a second
// build renders and writes only what changed, removes what is gone, and ends
// with exactly the files a clean build makes.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

struct FileState {
  std::string bytes;
  ino_t inode = 0;  // a rewritten file is a new file moved into place
  int64_t mtime_ns = 0;
};

// Every file of a built site but the build log and the source stamp, which
// record when things were written.
std::map<std::string, FileState> Snapshot(const fs::path& root) {
  std::map<std::string, FileState> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    // Bookkeeping (.clerk-build-log, -sources, -bodies, -cache/): not the site.
    if (!e.is_regular_file() ||
        fs::relative(e.path(), root).generic_string().rfind(".clerk-", 0) == 0)
      continue;
    struct stat st;
    REQUIRE(::stat(e.path().c_str(), &st) == 0);
    files[fs::relative(e.path(), root).generic_string()] = {
        ReadFile(e.path()), st.st_ino,
        static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  }
  return files;
}

std::map<std::string, std::string> Bytes(const std::map<std::string, FileState>& files) {
  std::map<std::string, std::string> out;
  for (const auto& [path, f] : files) out[path] = f.bytes;
  return out;
}

// Files written by the build between two snapshots, and files whose bytes
// changed: a correct incremental build has the two the same.
std::set<std::string> Rewritten(const std::map<std::string, FileState>& before,
                                const std::map<std::string, FileState>& after) {
  std::set<std::string> out;
  for (const auto& [path, f] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second.inode != f.inode ||
        it->second.mtime_ns != f.mtime_ns)
      out.insert(path);
  }
  return out;
}
std::set<std::string> Changed(const std::map<std::string, FileState>& before,
                              const std::map<std::string, FileState>& after) {
  std::set<std::string> out;
  for (const auto& [path, f] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second.bytes != f.bytes) out.insert(path);
  }
  return out;
}

const char* kMeeting = "2019-09-16-cyp-scrutiny";
const char* kReport = "care-leavers-eia";

class Site {
 public:
  Site() { CopyExampleSite(source()); }
  fs::path source() const { return dir_.path() / "site"; }
  fs::path out() const { return dir_.path() / "public"; }
  // The meeting folder most tests edit, and its report.
  fs::path meeting() const { return source() / "content/meetings" / kMeeting; }
  fs::path report() const { return meeting() / (std::string(kReport) + ".md"); }

  // Builds into public/ (or `into`) with CLERK_TIMINGS set, so the output
  // also says what each stage did; `options` are more of clerk's options.
  CommandResult Run(const fs::path& into = {}, const std::string& options = "") {
    fs::path target = into.empty() ? out() : into;
    ::setenv("CLERK_TIMINGS", "1", 1);
    CommandResult r = RunClerk("build --no-search --source '" + source().string() +
                                   "' --out '" + target.string() + "' " + options,
                               dir_.path());
    ::unsetenv("CLERK_TIMINGS");
    return r;
  }
  // The same, which must succeed; returns clerk's output.
  std::string Build(const fs::path& into = {}, const std::string& options = "") {
    CommandResult r = Run(into, options);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    return r.output;
  }
  // A clean build of the same sources, to compare with.
  std::map<std::string, std::string> Clean(const std::string& options = "") {
    fs::path clean = dir_.path() / "clean";
    fs::remove_all(clean);
    Build(clean, options);
    return Bytes(Snapshot(clean));
  }

 private:
  TempDir dir_;
};

// The line "clerk: timing: <stage> <seconds> s <what it did>" of a build.
std::string Timing(const std::string& output, const std::string& stage) {
  size_t at = output.find("clerk: timing: " + stage);
  REQUIRE(at != std::string::npos);
  return output.substr(at, output.find('\n', at) - at);
}

// Pages whose data a build built: "pages ... <B> built, <R> rendered of <T>".
size_t PagesBuiltIn(const std::string& output) {
  std::string line = Timing(output, "pages");
  size_t at = line.find(" built, ");
  REQUIRE(at != std::string::npos);
  size_t start = line.rfind(' ', at - 1) + 1;
  return std::stoul(line.substr(start, at - start));
}

size_t PagesBuilt(Site& site) {
  return PagesBuiltIn(site.Build());
}

// All pages of a build: the <T> above.
size_t PagesInAll(Site& site) {
  std::string line = Timing(site.Build(), "pages");
  size_t at = line.find(" rendered of ");
  REQUIRE(at != std::string::npos);
  return std::stoul(line.substr(at + 13));
}

// True if a build made the feeds, calendars and data files, false if it
// kept them as they were.
bool ResidentFilesMade(Site& site) {
  std::string line = Timing(site.Build(), "feeds, calendars, data");
  REQUIRE((line.ends_with(" made") || line.ends_with(" kept")));
  return line.ends_with(" made");
}

}  // namespace

TEST_CASE("a rebuild with nothing changed writes nothing", "[e2e][incremental]") {
  Site site;
  site.Build();
  auto before = Snapshot(site.out());
  std::string output = site.Build();
  // Sources, theme, clerk and options all as before: the fast path.
  CHECK(output.find("nothing changed since the last build") != std::string::npos);
  CHECK(output.find("(0 written, 0 removed, ") != std::string::npos);
  CHECK(Rewritten(before, Snapshot(site.out())).empty());
  // A source saved again with the same bytes: everything is checked, and
  // still nothing is written.
  fs::path report = site.report();
  WriteFile(report, ReadFile(report));
  output = site.Build();
  CHECK(output.find("nothing changed") == std::string::npos);
  CHECK(output.find("(0 written, 0 removed, ") != std::string::npos);
  CHECK(Rewritten(before, Snapshot(site.out())).empty());
}

TEST_CASE("editing one report rewrites exactly the files that depend on it",
          "[e2e][incremental]") {
  Site site;
  site.Build();
  auto before = Snapshot(site.out());
  fs::path report = site.report();
  std::string text = ReadFile(report);
  WriteFile(report, text + "\nA sentence added after the meeting.\n");
  site.Build();
  auto after = Snapshot(site.out());

  std::set<std::string> rewritten = Rewritten(before, after);
  CHECK(rewritten == Changed(before, after));  // nothing written for nothing
  // The report's standard and large-print pages are among them (its
  // easy-read page tells the report in its own words, without this sentence).
  std::string page = std::string("meetings/") + kMeeting + "/" + kReport + "/index.html";
  for (const char* prefix : {"", "large-print/"}) {
    INFO(prefix << page);
    CHECK(rewritten.count(prefix + page) == 1);
  }
  CHECK(after.at(page).bytes.find("A sentence added after the meeting.") !=
        std::string::npos);
  CHECK(rewritten.size() <
        12);  // not the site: its pages and the feeds and data naming it
  CHECK(Bytes(after) == site.Clean());
}

TEST_CASE(
    "editing a report's text builds only its own pages, editing its details builds all",
    "[e2e][incremental]") {
  Site site;
  site.Build();
  fs::path report = site.report();
  std::string text = ReadFile(report);

  // The body alone: the records are as they were, so only the pages that
  // show this body (the report in three renditions) are built at all.
  WriteFile(report, text + "\nA sentence added after the meeting.\n");
  CHECK(PagesBuilt(site) == 3);
  CHECK(Bytes(Snapshot(site.out())) == site.Clean());
  // Its title (front matter): the meeting page and every listing name it,
  // so every page is built again (and those that did not change are not
  // written). The other papers' bodies were not rendered by this build
  // until their pages asked for them: the result is still a clean build's.
  size_t title = text.find("\ntitle: \"");
  REQUIRE(title != std::string::npos);
  text.insert(title + 9, "Revised ");
  WriteFile(report, text);
  size_t all = PagesInAll(site);  // builds the title change
  auto after = Snapshot(site.out());
  CHECK(after.at(std::string("meetings/") + kMeeting + "/index.html")
            .bytes.find("Revised Appendix 1") != std::string::npos);
  CHECK(Bytes(after) == site.Clean());
  // Nothing changed since: the next build is the fast path, and after a
  // body edit again only three pages are built, of all of them.
  WriteFile(report, text + "\nAnother sentence.\n");
  CHECK(PagesBuilt(site) == 3);
  CHECK(all > 30);
  CHECK(Bytes(Snapshot(site.out())) == site.Clean());
}

TEST_CASE("feeds, calendars and data are kept unless the records or pages change",
          "[e2e][incremental]") {
  Site site;
  site.Build();
  fs::path report = site.report();
  std::string text = ReadFile(report);
  // They never show a paper's body.
  WriteFile(report, text + "\nA sentence added after the meeting.\n");
  CHECK(!ResidentFilesMade(site));
  // They show its title (the feed entry, open data).
  size_t title = text.find("\ntitle: \"");
  REQUIRE(title != std::string::npos);
  text.insert(title + 9, "Revised ");
  WriteFile(report, text + "\nA sentence added after the meeting.\n");
  CHECK(ResidentFilesMade(site));
  CHECK(ReadFile(site.out() / "feed.xml").find("Revised Appendix 1") !=
        std::string::npos);
  // One of them deleted by hand: made again.
  fs::remove(site.out() / "meetings.ics");
  WriteFile(report, text + "\nAnother sentence.\n");
  CHECK(ResidentFilesMade(site));
  CHECK(fs::exists(site.out() / "meetings.ics"));
  CHECK(Bytes(Snapshot(site.out())) == site.Clean());
}

TEST_CASE("an unchanged paper is not rendered again, and its links are still checked",
          "[e2e][incremental]") {
  Site site;
  fs::path folder = site.meeting();
  fs::path linking = site.report();
  fs::path linked = folder / "care-leavers-accommodation.md";
  WriteFile(linking, ReadFile(linking) +
                         "\nSee [the options](@/meetings/2019-09-16-cyp-scrutiny/"
                         "care-leavers-accommodation#alternative-options).\n");
  REQUIRE(site.Build().find("warning") == std::string::npos);
  // The linked paper loses the heading; the linking paper is unchanged, so
  // it is not rendered, and its link comes from what the last build knew.
  std::string text = ReadFile(linked);
  size_t heading = text.find("## Alternative options");
  REQUIRE(heading != std::string::npos);
  text.replace(heading, 22, "## Other options");
  WriteFile(linked, text);
  CommandResult r = site.Run();
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Timing(r.output, "index and markdown").find(" 1 papers rendered of ") !=
        std::string::npos);
  CHECK(r.output.find(std::string(kReport) + ".md:") != std::string::npos);
  CHECK(r.output.find("alternative-options") != std::string::npos);
}

TEST_CASE(
    "a build with warnings still skips unchanged pages, and says its warnings again",
    "[e2e][incremental]") {
  Site site;
  site.Build();
  fs::path report = site.report();
  std::string text = ReadFile(report);
  // An acronym the glossary does not explain: a warning.
  WriteFile(report, text + "\nThe QZXW panel met twice.\n");
  std::string output = site.Build();
  REQUIRE(output.find("'QZXW' is not in the glossary") != std::string::npos);
  // Warnings come from loading, the checks and the Markdown of bodies, not
  // from building a page's data: with the warning still there, only the
  // pages that show the report are built, and the warning is said again.
  WriteFile(report, text + "\nThe QZXW panel met three times.\n");
  output = site.Build();
  CHECK(output.find("'QZXW' is not in the glossary") != std::string::npos);
  CHECK(PagesBuiltIn(output) == 3);
  // A build with nothing changed builds no page and still warns: the
  // warning does not depend on a page being built.
  output = site.Build();
  CHECK(output.find("'QZXW' is not in the glossary") != std::string::npos);
  CHECK(PagesBuiltIn(output) == 0);
  WriteFile(report, text + "\nThe panel met three times.\n");
  CHECK(PagesBuilt(site) == 3);  // the build that clears the warning
  WriteFile(report, text + "\nThe panel met four times.\n");
  CHECK(PagesBuilt(site) == 3);
  CHECK(Bytes(Snapshot(site.out())) == site.Clean());
}

TEST_CASE("a removed meeting's pages disappear and every listing forgets it",
          "[e2e][incremental]") {
  Site site;
  site.Build();
  auto before = Snapshot(site.out());
  fs::remove_all(site.source() / "content/meetings/2019-03-11-cyp-scrutiny");
  std::string output = site.Build();
  auto after = Snapshot(site.out());
  for (const char* prefix : {"", "large-print/", "easy-read/"}) {
    std::string page =
        std::string(prefix) + "meetings/2019-03-11-cyp-scrutiny/index.html";
    INFO(page);
    CHECK(before.count(page) == 1);
    CHECK(after.count(page) == 0);
    CHECK(!fs::exists(site.out() / prefix / "meetings/2019-03-11-cyp-scrutiny"));
  }
  for (const auto& [path, f] : after) {
    INFO(path);
    CHECK(f.bytes.find("2019-03-11-cyp-scrutiny") == std::string::npos);
  }
  CHECK(output.find(" removed, ") != std::string::npos);
  CHECK(Rewritten(before, after) == Changed(before, after));
  CHECK(Bytes(after) == site.Clean());
}

TEST_CASE("a new meeting appears in every listing and calendar", "[e2e][incremental]") {
  Site site;
  site.Build();
  auto before = Snapshot(site.out());
  fs::path from = site.source() / "content/meetings/2019-03-11-cyp-scrutiny";
  fs::path to = site.source() / "content/meetings/2019-05-13-cyp-scrutiny";
  fs::create_directories(to);
  std::string yaml = ReadFile(from / "meeting.yaml");
  for (size_t at = yaml.find("2019-03-11"); at != std::string::npos;
       at = yaml.find("2019-03-11"))
    yaml.replace(at, 10, "2019-05-13");
  WriteFile(to / "meeting.yaml", yaml);
  site.Build();
  auto after = Snapshot(site.out());
  CHECK(after.count("meetings/2019-05-13-cyp-scrutiny/index.html") == 1);
  CHECK(after.at("calendars/2019.ics").bytes.find("2019-05-13-cyp-scrutiny") !=
        std::string::npos);
  CHECK(after.at("meetings/index.html").bytes.find("2019-05-13-cyp-scrutiny") !=
        std::string::npos);
  CHECK(Rewritten(before, after) == Changed(before, after));
  CHECK(Bytes(after) == site.Clean());
}

TEST_CASE("a deleted or altered output file is written again", "[e2e][incremental]") {
  Site site;
  site.Build();
  std::string page = "meetings/" + std::string(kMeeting) + "/index.html";
  std::string good = ReadFile(site.out() / page);
  fs::remove(site.out() / page);
  WriteFile(site.out() / "index.html", "edited by hand");
  site.Build();
  CHECK(ReadFile(site.out() / page) == good);
  CHECK(Bytes(Snapshot(site.out())) == site.Clean());
}

TEST_CASE("a failed rebuild leaves the built site as it was", "[e2e][incremental]") {
  Site site;
  site.Build();
  auto before = Snapshot(site.out());
  fs::path report = site.report();
  WriteFile(report, ReadFile(report) + "\nSee [the plan](@/meetings/no-such-meeting).\n");
  CommandResult r = site.Run();
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("no-such-meeting") != std::string::npos);
  auto after = Snapshot(site.out());
  CHECK(Rewritten(before, after).empty());
  CHECK(Bytes(before) == Bytes(after));
  auto staging_left = [&] {
    int beside = 0;
    for (const auto& e : fs::directory_iterator(site.out().parent_path()))
      beside += e.path().filename().string().find(".tmp-") != std::string::npos;
    return beside;
  };
  CHECK(staging_left() == 0);

  // A failure while loading, when the last build's log is already being
  // read beside it: still nothing changed, nothing left beside the site.
  WriteFile(site.meeting() / "meeting.yaml",
            ReadFile(site.meeting() / "meeting.yaml") + "date: [\n");
  r = site.Run();
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("meeting.yaml:") != std::string::npos);
  CHECK(Bytes(Snapshot(site.out())) == Bytes(before));
  CHECK(staging_left() == 0);
}

// "check acronyms ... <N> files scanned".
size_t FilesScanned(const std::string& output) {
  std::string line = Timing(output, "check acronyms");
  size_t at = line.find(" files scanned");
  REQUIRE(at != std::string::npos);
  size_t start = line.rfind(' ', at - 1) + 1;
  return std::stoul(line.substr(start, at - start));
}

TEST_CASE(
    "a file scanned clean for acronyms is scanned again only when it or the "
    "glossary changes",
    "[e2e][incremental]") {
  Site site;
  fs::path report = site.report();
  fs::path glossary = site.source() / "content/glossary.yaml";
  const std::string text = ReadFile(report), terms = ReadFile(glossary);
  WriteFile(report, text + "\nThe QZXW panel met twice.\n");
  WriteFile(glossary, terms +
                          "QZXW:\n  expansion: Quiet zone exchange working group\n"
                          "  plain: A group of officers who meet in private.\n");
  std::string first = site.Build();
  CHECK(first.find("warning") == std::string::npos);
  const size_t all = FilesScanned(first);
  CHECK(all > 20);
  // One paper edited: only it is scanned.
  WriteFile(report, text + "\nThe QZXW panel met three times.\n");
  CHECK(FilesScanned(site.Build()) == 1);
  // The glossary no longer has the word: every file is scanned again, and
  // the paper that was clean now has a warning with its place.
  WriteFile(glossary, terms);
  CommandResult r = site.Run();
  INFO(r.output);
  CHECK(FilesScanned(r.output) == all);
  CHECK(r.output.find(std::string(kReport) + ".md:") != std::string::npos);
  CHECK(r.output.find("'QZXW' is not in the glossary") != std::string::npos);
  // Still there on the next build, though nothing changed in the paper.
  WriteFile(report, text + "\nThe QZXW panel met three times.\n\n");
  CHECK(site.Run().output.find("'QZXW' is not in the glossary") != std::string::npos);
}

TEST_CASE("unchanged minutes and agendas are not rendered again", "[e2e][incremental]") {
  Site site;
  site.Build();
  fs::path folder = site.meeting();
  fs::path report = site.report();
  WriteFile(report, ReadFile(report) + "\nA sentence added after the meeting.\n");
  std::string markdown = Timing(site.Build(), "index and markdown");
  CHECK(markdown.find(" 1 papers rendered of ") != std::string::npos);
  CHECK(markdown.find(" 0 minutes and agendas of ") != std::string::npos);
  // The minutes changed: rendered, and every page that shows them is right.
  const std::string with_minutes = "2019-07-15-cyp-scrutiny";
  fs::path minutes = site.source() / "content/meetings" / with_minutes / "minutes.md";
  REQUIRE(fs::exists(minutes));
  WriteFile(minutes, ReadFile(minutes) + "\nA note added by the clerk.\n");
  markdown = Timing(site.Build(), "index and markdown");
  CHECK(markdown.find(" 0 minutes and agendas of ") == std::string::npos);
  CHECK(ReadFile(site.out() / "meetings" / with_minutes / "minutes/index.html")
            .find("A note added by the clerk.") != std::string::npos);
  CHECK(Bytes(Snapshot(site.out())) == site.Clean());
}

TEST_CASE("a new link into a kept page finds an anchor the last build did not check",
          "[e2e][incremental]") {
  Site site;
  fs::path folder = site.meeting();
  fs::path first = site.report();
  fs::path second = folder / "youth-justice-plan-report.md";
  const std::string target =
      "@/meetings/2019-09-16-cyp-scrutiny/care-leavers-accommodation";
  WriteFile(first, ReadFile(first) + "\nSee [the options](" + target +
                       "#alternative-options).\n");
  REQUIRE(site.Build().find("warning") == std::string::npos);
  // The linked page is kept; only the anchor linked so far was remembered.
  WriteFile(second,
            ReadFile(second) + "\nSee [the risks](" + target + "#risk-management).\n");
  CommandResult r = site.Run();
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("error") == std::string::npos);
  // And one to an anchor it does not have is still an error, with a hint.
  WriteFile(second,
            ReadFile(second) + "\nSee [the risks](" + target + "#risk-managment).\n");
  r = site.Run();
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("no anchor '#risk-managment'") != std::string::npos);
  CHECK(r.output.find("risk-management") != std::string::npos);
}

TEST_CASE(
    "a paper edited behind the record cache's back is an error that says the way out",
    "[e2e][incremental]") {
  Site site;
  site.Build();
  fs::path folder = site.meeting();
  fs::path report = site.report();
  // Same size, same time: only the text knows.
  const auto time = fs::last_write_time(report);
  std::string text = ReadFile(report);
  size_t at = text.rfind("assessment");
  REQUIRE(at != std::string::npos);
  text.replace(at, 10, "evaluation");
  WriteFile(report, text);
  fs::last_write_time(report, time);
  // A paper in another meeting changes its title, so every page is built, the
  // report's too, while the report's folder is read from the cache.
  fs::path other =
      site.source() /
      "content/meetings/2023-12-06-children-families-panel/yjs-improvement-plan.md";
  std::string other_text = ReadFile(other);
  other_text.replace(other_text.find("title: West"), 11, "title: East");
  WriteFile(other, other_text);
  CommandResult r = site.Run();
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find(std::string(kReport) + ".md:1:1: error: the paper changed") !=
        std::string::npos);
  CHECK(r.output.find(".clerk-cache") != std::string::npos);
  // Doing what it says works, and shows the edit.
  fs::remove_all(site.out() / ".clerk-cache");
  site.Build();
  CHECK(ReadFile(site.out() / "meetings" / kMeeting / kReport / "index.html")
            .find("evaluation") != std::string::npos);
  CHECK(Bytes(Snapshot(site.out())) == site.Clean());
}

TEST_CASE(
    "a later build date takes a passed meeting off the upcoming lists, as a clean "
    "build does",
    "[e2e][incremental]") {
  Site site;
  site.Build({}, "--today 2019-11-01");
  auto before = Snapshot(site.out());
  // Scheduled for 25 November 2019, and never marked held.
  const std::string listed = "data-date=\"2019-11-25\"";
  REQUIRE(before.at("index.html").bytes.find(listed) != std::string::npos);
  REQUIRE(before.at("index.html").bytes.find("data-build-date=\"2019-11-01\"") !=
          std::string::npos);
  // No source changed; only the date.
  site.Build({}, "--today 2019-12-01");
  auto after = Snapshot(site.out());
  CHECK(after.at("index.html").bytes.find(listed) == std::string::npos);
  CHECK(after.at("committees/cyp-scrutiny/index.html").bytes.find(listed) ==
        std::string::npos);
  CHECK(Bytes(after) == site.Clean("--today 2019-12-01"));
  // A page that does not depend on the date is not written again.
  CHECK(Rewritten(before, after).count("meetings/2019-09-16-cyp-scrutiny/index.html") ==
        0);
}
