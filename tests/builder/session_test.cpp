// builder::Session, as clerk serve's build worker uses it: what it keeps
// from one build to the next, and that it trusts the watcher's list of
// changes (a folder it is not told about is taken as it was loaded).
#include "builder/session.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "build_output.h"
#include "output/folder_swap.h"
#include "test_support.h"

using namespace clerk;
using namespace clerk::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kFirst = "content/meetings/2019-09-16-cyp-scrutiny";
constexpr const char* kSecond = "content/meetings/2023-12-06-children-families-panel";

struct SessionSite {
  TempDir dir;
  fs::path source = dir.path() / "site";
  fs::path out = dir.path() / "public";
  builder::Session session;
  builder::BuildOptions options;

  SessionSite() {
    CopyExampleSite(source, /*with_themes=*/true);
    options.source = source.string();
    options.out = out.string();
    options.no_search = true;
    options.jobs = 2;
    options.today = {2026, 12, 4};
  }
  int Build(const std::vector<std::string>& changed, std::string* said = nullptr) {
    std::ostringstream log;
    int code = session.Build(options, changed, log, said);
    INFO(log.str());
    return code;
  }
  std::string Page(const std::string& path) { return ReadFile(out / path); }
  // `clerk build` of the same sources into `to` (by default the folder a
  // clean build goes to), in a process of its own.
  CommandResult ClerkBuild(const fs::path& to) {
    return RunClerk("build --no-search --today 2026-12-04 --out " + to.string() +
                        " --source " + source.string(),
                    dir.path());
  }
  CommandResult ClerkBuild() { return ClerkBuild(dir.path() / "clean"); }
  // `n` builds from cold into the output folder, each after a sentence
  // appended to `paper`: the spare folder then holds the site before the last.
  void ColdEdits(const fs::path& paper, int n) {
    for (int i = 1; i <= n; ++i) {
      Append(paper, "\nCold sentence " + std::to_string(i) + ".\n");
      CommandResult cold = ClerkBuild(out);
      INFO(cold.output);
      REQUIRE(cold.exit_code == 0);
    }
  }
  // True if the session's output is what a clean `clerk build` of the same
  // sources writes, byte for byte (clerk's own .clerk-* files aside).
  bool SameAsCleanBuild() {
    const fs::path clean = dir.path() / "clean";
    fs::remove_all(clean);
    CommandResult built = ClerkBuild(clean);
    INFO(built.output);
    REQUIRE(built.exit_code == 0);
    CommandResult diff =
        RunProgram("/usr/bin/diff",
                   "-r -x '.clerk-*' " + out.string() + " " + clean.string(), dir.path());
    UNSCOPED_INFO(diff.output);  // shown by the caller's CHECK
    return diff.exit_code == 0;
  }
};

}  // namespace

TEST_CASE("the folders a watcher's changes touch", "[builder][session]") {
  using builder::ChangedFolders;
  CHECK(
      ChangedFolders({"content/meetings/2019-09-16-x/report.md",
                      "content/meetings/2020-01-01-y", "site.yaml", "assets/logo.png"}) ==
      std::set<std::string>{"2019-09-16-x", "2020-01-01-y"});
  CHECK(ChangedFolders({"content/people/ann.yaml", "content/committees"}) ==
        std::set<std::string>{kPeopleEntry, kCommitteesEntry});
  CHECK(ChangedFolders({"content/work-programmes/cyp.yaml"}) ==
        std::set<std::string>{kWorkProgrammesEntry});
  CHECK(ChangedFolders({"content/work-programmes"}) ==
        std::set<std::string>{kWorkProgrammesEntry});
  // A change above the folders, or one the watcher lost count of: every
  // folder may have changed.
  CHECK(!ChangedFolders({"content/meetings"}));
  CHECK(!ChangedFolders({"content"}));
  CHECK(!ChangedFolders({"content/meetings/"}));
  CHECK(!ChangedFolders({"(many files)"}));
  CHECK(ChangedFolders({}) == std::set<std::string>{});
}

TEST_CASE("a burst of changes in meeting folders alone", "[builder][session]") {
  using builder::OnlyFoldersChanged;
  CHECK(OnlyFoldersChanged({"content/meetings/2019-09-16-x/report.md"}));
  CHECK(OnlyFoldersChanged({"content/meetings/2019-09-16-x/report.md",
                            "content/meetings/2020-01-01-y",
                            "content/work-programmes/a.yaml"}));
  CHECK(!OnlyFoldersChanged({}));
  CHECK(!OnlyFoldersChanged({"content/meetings/2019-09-16-x/report.md", "site.yaml"}));
  CHECK(!OnlyFoldersChanged({"content/glossary.yaml"}));
  CHECK(!OnlyFoldersChanged({"content/people/ann.yaml"}));
  CHECK(!OnlyFoldersChanged({"content/committees/cyp.yaml"}));
  CHECK(!OnlyFoldersChanged({"content/forward-plans/2024.yaml"}));
  CHECK(!OnlyFoldersChanged({"content/meetings"}));
  CHECK(!OnlyFoldersChanged({"(many files)"}));
}

TEST_CASE("a session reads again only the folders it is told changed",
          "[builder][session]") {
  SessionSite site;
  REQUIRE(site.Build({}) == 0);
  const std::string first_page = "meetings/2019-09-16-cyp-scrutiny/index.html";
  const std::string second_page =
      "meetings/2023-12-06-children-families-panel/index.html";
  REQUIRE(site.Page(first_page).find("Trusted title one") == std::string::npos);

  // Both meetings' agendas change on disk, but the session is told of one:
  // the other folder is taken as it was loaded, not read again.
  // The first agenda item's title.
  auto retitle = [&](const char* folder, const std::string& title) {
    fs::path yaml = site.source / folder / "meeting.yaml";
    std::string text = ReadFile(yaml);
    size_t at = text.find("\n    title: ");
    REQUIRE(at != std::string::npos);
    size_t end = text.find('\n', at + 1);
    WriteFile(yaml, text.substr(0, at) + "\n    title: " + title + text.substr(end));
  };
  retitle(kFirst, "Trusted title one");
  retitle(kSecond, "Trusted title two");
  REQUIRE(site.Build({std::string(kFirst) + "/meeting.yaml"}) == 0);
  CHECK(site.Page(first_page).find("Trusted title one") != std::string::npos);
  CHECK(site.Page(second_page).find("Trusted title two") == std::string::npos);

  // People are taken as they were loaded too, until the session is told: a
  // person's file broken meanwhile is not read, and then it is.
  const fs::path person = site.source / "content/people/alastair-adams.yaml";
  const std::string kept = ReadFile(person);
  WriteFile(person, "name: [Alastair Adams\n");
  REQUIRE(site.Build({std::string(kFirst) + "/meeting.yaml"}) == 0);
  std::string said;
  CHECK(site.Build({"content/people/alastair-adams.yaml"}, &said) != 0);
  CHECK(said.find("alastair-adams.yaml") != std::string::npos);
  WriteFile(person, kept);
  REQUIRE(site.Build({"content/people/alastair-adams.yaml"}) == 0);

  // Told of the other, it reads it; and with nothing known (an empty list)
  // it reads every folder, as a build from cold does.
  REQUIRE(site.Build({std::string(kSecond) + "/meeting.yaml"}) == 0);
  CHECK(site.Page(second_page).find("Trusted title two") != std::string::npos);
  retitle(kFirst, "Trusted title three");
  REQUIRE(site.Build({}) == 0);
  CHECK(site.Page(first_page).find("Trusted title three") != std::string::npos);
}

TEST_CASE("a session's edit builds leave what a clean build writes, failures included",
          "[builder][session]") {
  SessionSite site;
  REQUIRE(site.Build({}) == 0);
  const fs::path report = site.source / kFirst / "care-leavers-accommodation.md";
  const fs::path minutes = site.source / kSecond / "minutes.md";
  Append(report, "\nA sentence added in the session.\n");
  REQUIRE(site.Build({std::string(kFirst) + "/care-leavers-accommodation.md"}) == 0);
  Append(minutes, "\nAnother sentence, in the minutes.\n");
  REQUIRE(site.Build({std::string(kSecond) + "/minutes.md"}) == 0);

  // A mistake in one folder fails the build and leaves the site; fixed, the
  // next build (which keeps nothing from the failed one) succeeds.
  const fs::path yaml = site.source / kSecond / "meeting.yaml";
  const std::string good = ReadFile(yaml);
  REQUIRE(good.find("status: held\n") != std::string::npos);
  WriteFile(yaml, std::string(good).replace(good.find("status: held\n"), 13,
                                            "status: [held\n"));
  std::string said;
  CHECK(site.Build({std::string(kSecond) + "/meeting.yaml"}, &said) != 0);
  CHECK(said.find("meeting.yaml:") != std::string::npos);
  WriteFile(yaml, good);
  REQUIRE(site.Build({std::string(kSecond) + "/meeting.yaml"}) == 0);
  // A file outside the meetings (the glossary) changes too.
  Append(site.source / "content/glossary.yaml", "\n");
  REQUIRE(site.Build({"content/glossary.yaml"}) == 0);
  Append(report, "\nA second sentence added in the session.\n");
  REQUIRE(site.Build({std::string(kFirst) + "/care-leavers-accommodation.md"}) == 0);
  CHECK(
      site.Page("meetings/2019-09-16-cyp-scrutiny/care-leavers-accommodation/index.html")
          .find("A second sentence added in the session.") != std::string::npos);

  CHECK(site.SameAsCleanBuild());
}

TEST_CASE("after its first build a session trusts its output instead of checking it",
          "[builder][session]") {
  SessionSite site;
  REQUIRE(site.Build({}) == 0);
  const fs::path report = site.source / kFirst / "care-leavers-accommodation.md";
  const std::string changed = std::string(kFirst) + "/care-leavers-accommodation.md";
  Append(report, "\nOne.\n");
  REQUIRE(site.Build({changed}) == 0);  // reads the log the first build wrote
  // A page removed behind the session's back, from the site and from the
  // spare folder the next edit's site is made in (the site before): a build
  // from cold writes it again (tests/e2e/incremental_build_test.cpp); a
  // session does not look.
  const std::string page = "committees/cyp-scrutiny/index.html";
  REQUIRE(fs::remove(site.out / page));
  fs::remove(fs::path(SpareFolder(site.out.string())) / page);
  Append(report, "\nTwo.\n");
  REQUIRE(site.Build({changed}) == 0);
  CHECK(!fs::exists(site.out / page));
  CHECK(
      site.Page("meetings/2019-09-16-cyp-scrutiny/care-leavers-accommodation/index.html")
          .find("Two.") != std::string::npos);
  // A new session (serve started again) checks, and puts it back.
  builder::Session fresh;
  std::ostringstream log;
  REQUIRE(fresh.Build(site.options, {}, log) == 0);
  CHECK(fs::exists(site.out / page));
}

TEST_CASE("a session does not walk the meeting folders it takes as loaded",
          "[builder][session]") {
  SessionSite site;
  REQUIRE(site.Build({}) == 0);
  // A named pipe in a folder the watcher did not name is not looked for: the
  // session neither reads nor walks that folder. Named, or in a new session,
  // the folder is walked and the pipe reported at its path (not opened).
  const fs::path pipe = site.source / kSecond / "notes.md";
  REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
  const fs::path report = site.source / kFirst / "care-leavers-accommodation.md";
  Append(report, "\nOne.\n");
  std::string said;
  CHECK(site.Build({std::string(kFirst) + "/care-leavers-accommodation.md"}, &said) == 0);
  CHECK(said.find("notes.md") == std::string::npos);
  CHECK(site.Build({std::string(kSecond) + "/notes.md"}, &said) != 0);
  CHECK(said.find(std::string(kSecond) + "/notes.md") != std::string::npos);
  builder::Session fresh;
  std::ostringstream log;
  std::string fresh_said;
  CHECK(fresh.Build(site.options, {}, log, &fresh_said) != 0);
  CHECK(fresh_said.find(std::string(kSecond) + "/notes.md") != std::string::npos);
}

TEST_CASE("a session does not list content/meetings for an edit in a meeting folder",
          "[builder][session]") {
  SessionSite site;
  REQUIRE(site.Build({}) == 0);
  // A file put in content/meetings that the watcher did not name: a listing
  // of the folder warns of it (each meeting is a folder). Told of an edit in
  // one meeting folder, the session takes content/meetings as it last listed
  // it. Named, the file is looked at; a new session lists the folder.
  WriteFile(site.source / "content/meetings/notes.txt", "Notes.\n");
  const fs::path report = site.source / kFirst / "care-leavers-accommodation.md";
  Append(report, "\nOne.\n");
  std::string said;
  CHECK(site.Build({std::string(kFirst) + "/care-leavers-accommodation.md"}, &said) == 0);
  CHECK(said.find("notes.txt") == std::string::npos);
  CHECK(
      site.Page("meetings/2019-09-16-cyp-scrutiny/care-leavers-accommodation/index.html")
          .find("One.") != std::string::npos);
  CHECK(site.Build({"content/meetings/notes.txt"}, &said) == 0);
  CHECK(said.find("content/meetings/notes.txt") != std::string::npos);
  builder::Session fresh;
  std::ostringstream log;
  std::string fresh_said;
  CHECK(fresh.Build(site.options, {}, log, &fresh_said) == 0);
  CHECK(fresh_said.find("content/meetings/notes.txt") != std::string::npos);
  // Gone and named: no longer warned of.
  fs::remove(site.source / "content/meetings/notes.txt");
  CHECK(site.Build({"content/meetings/notes.txt"}, &said) == 0);
  CHECK(said.find("notes.txt") == std::string::npos);
}

TEST_CASE("a session adds and removes meetings as a clean build does",
          "[builder][session]") {
  SessionSite site;
  REQUIRE(site.Build({}) == 0);
  const fs::path meetings = site.source / "content/meetings";
  const std::string old_id = "2024-01-10-children-families-panel";
  const std::string new_id = "2024-02-14-children-families-panel";
  // Two builds first, so the next ones catch the spare folder up by the
  // last build's changes (the session's fast path) rather than a full walk.
  const fs::path report = site.source / kFirst / "care-leavers-accommodation.md";
  const std::string changed = std::string(kFirst) + "/care-leavers-accommodation.md";
  Append(report, "\nOne.\n");
  REQUIRE(site.Build({changed}) == 0);
  Append(report, "\nTwo.\n");
  REQUIRE(site.Build({changed}) == 0);

  // A new meeting (a copy of one, a month on).
  fs::create_directories(meetings / new_id);
  std::string yaml = ReadFile(meetings / old_id / "meeting.yaml");
  yaml.replace(yaml.find("start: 2024-01-10"), 17, "start: 2024-02-14");
  WriteFile(meetings / new_id / "meeting.yaml", yaml);
  REQUIRE(site.Build({"content/meetings/" + new_id,
                      "content/meetings/" + new_id + "/meeting.yaml"}) == 0);
  CHECK(fs::exists(site.out / "meetings" / new_id / "index.html"));
  // The old one removed: its pages go, in every rendition.
  fs::remove_all(meetings / old_id);
  REQUIRE(site.Build({"content/meetings/" + old_id}) == 0);
  CHECK(!fs::exists(site.out / "meetings" / old_id));
  CHECK(!fs::exists(site.out / "large-print/meetings" / old_id));
  Append(report, "\nThree.\n");
  REQUIRE(site.Build({changed}) == 0);
  Append(report, "\nFour.\n");
  REQUIRE(site.Build({changed}) == 0);

  CHECK(site.SameAsCleanBuild());
  // The spare folder, the site before the last build, was caught up by
  // changes alone: it holds no page of the removed meeting either.
  CHECK(!fs::exists(SpareFolder(site.out.string()) + "/meetings/" + old_id));
}

TEST_CASE("a session's edit to papers' bodies alone says what a clean build says",
          "[builder][session]") {
  SessionSite site;
  // An unknown acronym in each of two folders, and a reference to nothing.
  const fs::path first = site.source / kFirst / "youth-justice-plan-report.md";
  const fs::path second = site.source / kSecond / "yjs-improvement-plan.md";
  Append(second, "\nThe QZXJ board met.\n");
  // A file the loader warns of: that folder is read again by every build,
  // as it did not load clean (its meeting is a new object each time).
  WriteFile(site.source / kSecond / "notes.txt", "Kept by hand.\n");
  // A work programme's row that warns: its rows are taken as the last build
  // rendered them, and the warning is said again all the same.
  const fs::path programme =
      site.source / "content/work-programmes/cyp-scrutiny-2019-20.yaml";
  std::string rows = ReadFile(programme);
  const size_t row = rows.find("    description: To consider");
  rows.replace(row, rows.find('\n', row) - row,
               "    description: \"#\\n\\nTo consider the action plan.\"");
  WriteFile(programme, rows);
  std::string said;
  REQUIRE(site.Build({}, &said) == 0);
  REQUIRE(said.find("'QZXJ'") != std::string::npos);
  REQUIRE(said.find("empty heading left out") != std::string::npos);
  auto clean_build_says = [&] {
    CommandResult built = site.ClerkBuild();
    REQUIRE(built.exit_code == 0);
    return Findings(built.output);
  };
  const std::string changed = std::string(kFirst) + "/youth-justice-plan-report.md";
  Append(first, "\nThe QZXK panel met.\n");
  REQUIRE(site.Build({changed}, &said) == 0);
  CHECK(site.session.reused().checks);
  CHECK(site.session.reused().index);
  CHECK(site.session.reused().pages);
  CHECK(said.find("'QZXJ'") != std::string::npos);
  CHECK(said.find("'QZXK'") != std::string::npos);
  CHECK(said.find("empty heading left out") != std::string::npos);
  CHECK(Findings(said) == clean_build_says());
  // A comment put in the row, above its description, which is the same:
  // the warning names its new place (the programme's file changed, so its
  // rows are not taken as the last build rendered them).
  rows = ReadFile(programme);
  rows.insert(rows.find("    description: \"#"), "    # Reviewed by the clerk.\n");
  WriteFile(programme, rows);
  REQUIRE(site.Build({"content/work-programmes/cyp-scrutiny-2019-20.yaml"}, &said) == 0);
  CHECK(said.find("empty heading left out") != std::string::npos);
  CHECK(Findings(said) == clean_build_says());
  // Taken out again: the folder is scanned again, and says nothing of it.
  const std::string text = ReadFile(first);
  WriteFile(first, text.substr(0, text.find("\nThe QZXK panel met.\n")));
  REQUIRE(site.Build({changed}, &said) == 0);
  CHECK(said.find("'QZXK'") == std::string::npos);
  CHECK(said.find("'QZXJ'") != std::string::npos);
  CHECK(Findings(said) == clean_build_says());
  // The glossary changes in the same burst as a body: nothing is replayed,
  // and the acronym of the folder not named is now known.
  Append(site.source / "content/glossary.yaml",
         "QZXJ:\n  expansion: Quite zealous experts\n  plain: A board.\n");
  Append(first, "\nOne more sentence.\n");
  REQUIRE(site.Build({changed, "content/glossary.yaml"}, &said) == 0);
  CHECK(!site.session.reused().checks);
  CHECK(said.find("'QZXJ'") == std::string::npos);
  CHECK(Findings(said) == clean_build_says());
  // The records of the folder change too (a title): checked whole again.
  const fs::path yaml = site.source / kSecond / "meeting.yaml";
  std::string agenda = ReadFile(yaml);
  agenda.replace(agenda.find("\n    title: "), 12, "\n    title: The QZXL item, ");
  WriteFile(yaml, agenda);
  REQUIRE(site.Build({std::string(kSecond) + "/meeting.yaml"}, &said) == 0);
  CHECK(!site.session.reused().checks);
  CHECK(!site.session.reused().index);
  CHECK(!site.session.reused().pages);
  CHECK(said.find("'QZXL'") != std::string::npos);
  CHECK(Findings(said) == clean_build_says());
  // Bodies again, in both folders at once, after the records changed: the
  // pages are what a clean build writes.
  Append(first, "\nA later sentence.\n");
  Append(second, "\nAnother later sentence.\n");
  REQUIRE(site.Build({changed, std::string(kSecond) + "/yjs-improvement-plan.md"}) == 0);
  CHECK(site.session.reused().index);
  Append(first, "\nThe last sentence.\n");
  REQUIRE(site.Build({changed}) == 0);
  CHECK(site.session.reused().index);
  CHECK(site.SameAsCleanBuild());
}

// The lines of `said` that say a link points nowhere.
std::vector<std::string> LinkErrors(const std::string& said) {
  std::vector<std::string> errors;
  std::istringstream lines(said);
  for (std::string line; std::getline(lines, line);)
    if (line.find("error: '@/") != std::string::npos) errors.push_back(line);
  return errors;
}

TEST_CASE("a session's edit to papers' bodies alone checks links as a clean build does",
          "[builder][session]") {
  SessionSite site;
  const fs::path linking = site.source / kFirst / "youth-justice-plan-report.md";
  const fs::path linked = site.source / kSecond / "yjs-improvement-plan.md";
  const std::string linking_path = std::string(kFirst) + "/youth-justice-plan-report.md";
  const std::string linked_path = std::string(kSecond) + "/yjs-improvement-plan.md";
  const std::string page =
      "@/meetings/2023-12-06-children-families-panel/yjs-improvement-plan";
  REQUIRE(site.Build({}) == 0);
  auto clean_build = [&] { return site.ClerkBuild(); };
  // A link from one paper to a heading of another, both bodies edited.
  Append(linked, "\n## Zeta findings\n\nWhat the panel found.\n");
  Append(linking, "\nSee [the findings](" + page + "#zeta-findings).\n");
  REQUIRE(site.Build({linking_path, linked_path}) == 0);
  CHECK(site.session.reused().pages);
  // The heading renamed in a body alone: the link from the paper not
  // edited points nowhere now, as a clean build says.
  std::string text = ReadFile(linked);
  text.replace(text.find("## Zeta findings"), 16, "## Eta findings");
  WriteFile(linked, text);
  std::string said;
  CHECK(site.Build({linked_path}, &said) != 0);
  CHECK(site.session.reused().pages);
  CommandResult clean = clean_build();
  CHECK(clean.exit_code != 0);
  CHECK(LinkErrors(said).size() == 1);
  CHECK(LinkErrors(said) == LinkErrors(clean.output));
  // Put back (after a failure nothing is kept: everything is looked at).
  text.replace(text.find("## Eta findings"), 15, "## Zeta findings");
  WriteFile(linked, text);
  REQUIRE(site.Build({linked_path}) == 0);
  Append(linked, "\nA sentence more.\n");
  REQUIRE(site.Build({linked_path}) == 0);
  CHECK(site.session.reused().pages);
  // The linking paper now points at an anchor the page it links to, not
  // built again, does not have; and then at one it has.
  Append(linking, "\nAnd [the themes](" + page + "#theta-themes).\n");
  CHECK(site.Build({linking_path}, &said) != 0);
  CHECK(site.session.reused().pages);
  clean = clean_build();
  CHECK(LinkErrors(said).size() == 1);
  CHECK(LinkErrors(said) == LinkErrors(clean.output));
  text = ReadFile(linking);
  text.replace(text.find("#theta-themes"), 13, "#learning-and-development-themes");
  WriteFile(linking, text);
  REQUIRE(site.Build({linking_path}) == 0);
  Append(linking, "\nAnd [the work](" + page + "#the-nine-workstreams).\n");
  REQUIRE(site.Build({linking_path}) == 0);
  CHECK(site.session.reused().pages);
  CHECK(site.SameAsCleanBuild());
}

TEST_CASE("the checks replay their findings when only papers' bodies changed",
          "[builder][session]") {
  TempDir dir;
  const fs::path source = dir.path() / "site";
  CopyExampleSite(source);
  builder::BuildOptions options;
  options.source = source.string();
  options.today = {2026, 12, 4};
  const std::string first = fs::path(kFirst).filename().string();
  const std::string second = fs::path(kSecond).filename().string();
  auto load = [&](builder::CheckMemo& memo) {
    RecordCache cache("");  // keeps nothing on disk, but fingerprints folders
    Site site;
    Diagnostics diag;
    builder::LoadAndCheck(options, 2, site, diag, &cache, &memo);
    std::string said;
    for (const Diagnostic& d : diag.Sorted()) said += FormatDiagnostic(d) + "\n";
    return std::make_pair(std::move(site), said);
  };
  builder::CheckMemo cold;
  cold.keep = true;
  auto [site, said] = load(cold);
  REQUIRE(!cold.replayed);
  // Findings no check would make, planted in what the last build found.
  builder::CheckFindings planted = cold.now;
  planted.records.Warning({"planted-on-records.yaml", 1, 1}, "planted");
  planted.acronyms.folders[second].Warning({"planted-elsewhere.md", 1, 1}, "planted");
  planted.acronyms.folders[first].Warning({"planted-here.md", 1, 1}, "planted");
  auto edit = [&] {
    builder::CheckMemo memo;
    memo.changed_folders[first] = site.folder_records.at(first);
    memo.before = planted;
    auto [again, said_again] = load(memo);
    return std::make_pair(memo.replayed, said_again);
  };

  // A paper's body changes: the findings on records and other folders are
  // replayed; the changed folder is scanned again.
  Append(source / kFirst / "youth-justice-plan-report.md", "\nThe QZXK panel met.\n");
  auto [replayed, body_said] = edit();
  CHECK(replayed);
  CHECK(body_said.find("planted-on-records.yaml") != std::string::npos);
  CHECK(body_said.find("planted-elsewhere.md") != std::string::npos);
  CHECK(body_said.find("planted-here.md") == std::string::npos);
  CHECK(body_said.find("'QZXK'") != std::string::npos);

  // Its front matter changes: the records changed, so everything is checked.
  const fs::path paper = source / kFirst / "youth-justice-plan-report.md";
  std::string text = ReadFile(paper);
  text.replace(text.find("\ntitle: "), 8, "\ntitle: QZXM, ");
  WriteFile(paper, text);
  auto [replayed_after_records, records_said] = edit();
  CHECK(!replayed_after_records);
  CHECK(records_said.find("planted") == std::string::npos);
  CHECK(records_said.find("'QZXM'") != std::string::npos);
}

TEST_CASE("a session's edits bring the spare site's bookkeeping up by appending",
          "[builder][session]") {
  SessionSite site;
  const fs::path paper = site.source / kFirst / "youth-justice-plan-report.md";
  const std::string changed = std::string(kFirst) + "/youth-justice-plan-report.md";
  REQUIRE(site.Build({}) == 0);
  const std::vector<std::string> books = {kBuildLogName, kKnownBodiesName,
                                          kKnownPageIdsName};
  std::map<std::string, std::string> before;
  for (int edit = 1; edit <= 4; ++edit) {
    for (const std::string& name : books) before[name] = ReadFile(site.out / name);
    Append(paper, "\nSentence " + std::to_string(edit) + ".\n");
    REQUIRE(site.Build({changed}) == 0);
    CHECK(site.session.reused().pages);
    // Each file is the last one with this build's batch after it, whether
    // its spare copy was copied whole or only its rest appended.
    for (const std::string& name : books) {
      INFO(name << " after edit " << edit);
      const std::string now = ReadFile(site.out / name);
      // (The ids file gains a batch only when a page's linked ids change.)
      CHECK(now.size() >= before[name].size() + (name == kKnownPageIdsName ? 0 : 1));
      CHECK(now.compare(0, before[name].size(), before[name]) == 0);
      CHECK(now.substr(now.rfind("\n# end ")).back() == '\n');
    }
  }
  // A batch torn off the current bodies file (as a crash leaves it): the
  // next build cuts it off, and the one after must not append to the spare's
  // copy, which still has it.
  WriteFile(site.out / kKnownBodiesName,
            ReadFile(site.out / kKnownBodiesName) + "2019-09-16-cyp-scrutiny/torn");
  for (int edit = 5; edit <= 6; ++edit) {
    Append(paper, "\nSentence " + std::to_string(edit) + ".\n");
    REQUIRE(site.Build({changed}) == 0);
  }
  std::optional<KnownBodies> bodies = LoadKnownBodies(site.out.string());
  REQUIRE(bodies);
  CHECK(bodies->read.size == fs::file_size(site.out / kKnownBodiesName));
  CHECK(bodies->bodies.count(
      std::string("2019-09-16-cyp-scrutiny/youth-justice-plan-report")));
  // A cold build reads them as saved: nothing is built again.
  CommandResult cold = site.ClerkBuild(site.out);
  INFO(cold.output);
  REQUIRE(cold.exit_code == 0);
  CHECK(cold.output.find("(0 written") != std::string::npos);
  CHECK(site.SameAsCleanBuild());
}

TEST_CASE("a session's next site gets the cache files the last build wrote",
          "[builder][session]") {
  SessionSite site;
  const fs::path first = site.source / kFirst / "youth-justice-plan-report.md";
  const fs::path second = site.source / kSecond / "yjs-improvement-plan.md";
  const std::string first_path = std::string(kFirst) + "/youth-justice-plan-report.md";
  const std::string second_path = std::string(kSecond) + "/yjs-improvement-plan.md";
  const fs::path entry =
      site.out / kRecordCacheDir / (fs::path(kFirst).filename().string() + ".rec");
  REQUIRE(site.Build({}) == 0);
  // The first folder's cache entry is written after each of these builds'
  // swap, into the site they made.
  for (int i = 1; i <= 2; ++i) {
    Append(first, "\nSentence " + std::to_string(i) + ".\n");
    REQUIRE(site.Build({first_path}) == 0);
  }
  const std::string written = ReadFile(entry);
  // Each of these makes its site in the spare folder, the site before the
  // last, which must catch up with the entries written after the last
  // swap: the first folder's entry stays as it was written.
  for (int i = 3; i <= 4; ++i) {
    Append(second, "\nSentence " + std::to_string(i) + ".\n");
    REQUIRE(site.Build({second_path}) == 0);
    CHECK(ReadFile(entry) == written);
  }
}

TEST_CASE("a session's first build leaves the spare folder a mirror of its site",
          "[builder][session]") {
  // Two cold builds with an edit between: the spare folder holds the site
  // before the edit. The session's first build knows no list of changes to
  // bring it up by, so once it has answered it mirrors the site there: the
  // first edit then does not walk both trees before it can write.
  SessionSite site;
  const fs::path paper = site.source / kFirst / "youth-justice-plan-report.md";
  const fs::path page =
      "meetings/2019-09-16-cyp-scrutiny/youth-justice-plan-report/index.html";
  const fs::path spare = SpareFolder(site.out.string());
  site.ColdEdits(paper, 2);
  REQUIRE(fs::exists(spare / page));
  REQUIRE(ReadFile(spare / page) != site.Page(page.string()));
  REQUIRE(site.Build({}) == 0);
  site.session.Settle();
  CHECK(ReadFile(spare / page) == site.Page(page.string()));
  CHECK(fs::equivalent(spare / page, site.out / page));  // a link, not a copy
  // And the edits after it make their sites there as a clean build would.
  Append(paper, "\nSession sentence.\n");
  const std::string changed = std::string(kFirst) + "/youth-justice-plan-report.md";
  REQUIRE(site.Build({changed}) == 0);
  site.session.Settle();
  CHECK(site.Page(page.string()).find("Session sentence.") != std::string::npos);
  CHECK(site.SameAsCleanBuild());
}

TEST_CASE("a session's first build that changes the site hands its changes on",
          "[builder][session]") {
  // The first build reads the output from disk, not from memory, but it
  // makes the new site from the old one all the same: the spare folder (the
  // old site now) lacks exactly what it wrote and removed. It hands those
  // on, so settling does not mirror the whole site (seconds at N = 10,000,
  // which clerk serve's first edit waited for), and the next edit's site,
  // made in the spare from them, is what a clean build writes.
  SessionSite site;
  const fs::path paper = site.source / kFirst / "youth-justice-plan-report.md";
  const fs::path page =
      "meetings/2019-09-16-cyp-scrutiny/youth-justice-plan-report/index.html";
  const std::string removed = "2024-01-10-children-families-panel";
  const fs::path spare = SpareFolder(site.out.string());
  site.ColdEdits(paper, 2);
  Append(paper, "\nFirst session sentence.\n");
  fs::remove_all(site.source / "content/meetings" / removed);
  REQUIRE(site.Build({}) == 0);
  site.session.Settle();
  REQUIRE(site.Page(page.string()).find("First session sentence.") != std::string::npos);
  REQUIRE(!fs::exists(site.out / "meetings" / removed));
  // Not mirrored: the spare is still the site before this build.
  CHECK(ReadFile(spare / page) != site.Page(page.string()));
  CHECK(fs::exists(spare / "meetings" / removed / "index.html"));
  Append(paper, "\nSecond session sentence.\n");
  const std::string changed = std::string(kFirst) + "/youth-justice-plan-report.md";
  REQUIRE(site.Build({changed}) == 0);
  site.session.Settle();
  CHECK(site.Page(page.string()).find("Second session sentence.") != std::string::npos);
  CHECK(!fs::exists(site.out / "meetings" / removed));
  CHECK(!fs::exists(site.out / "large-print/meetings" / removed));
  CHECK(site.SameAsCleanBuild());
}
