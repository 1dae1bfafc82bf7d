// The search index of the example site, built by the real clerk binary with
// the real Pagefind (npm ci puts it in node_modules/): in parts, each indexed
// again only when its pages change, gone when its pages go
// (output/search_index.h). tests/browser/search.mjs searches the merged
// parts in Chromium.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk::testing;

namespace {

class SearchSite {
 public:
  SearchSite() { CopyExampleSite(source()); }
  fs::path source() const { return dir_.path() / "site"; }
  fs::path out() const { return dir_.path() / "public"; }
  fs::path search() const { return out() / "pagefind"; }

  // A build with the search index, which must succeed; clerk's output.
  std::string Build() {
    CommandResult r = Run();
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.output.find("pagefind not found") == std::string::npos);  // npm ci
    return r.output;
  }

  CommandResult Run(const std::string& options = "") {
    return RunClerk("build " + options + " --source '" + source().string() + "' --out '" +
                        out().string() + "'",
                    dir_.path());
  }

  // Makes the site's own pagefind (found first) the real one, except that
  // for the parts of the 2020s it runs `then` while `flag` exists.
  void FakePagefind(const fs::path& flag, const std::string& then) {
    fs::path fake = source() / "node_modules/.bin/pagefind";
    fs::create_directories(fake.parent_path());
    WriteFile(fake, "#!/bin/sh\ncase \"$*\" in *2020,*) [ -e '" + flag.string() +
                        "' ] && { " + then + "; };; esac\nexec '" +
                        (SourceDir() / "node_modules/.bin/pagefind").string() +
                        "' \"$@\"\n");
    fs::permissions(fake, fs::perms::owner_all);
  }

  // Each part's bundle on disk -> when its entry file was made.
  std::map<std::string, int64_t> Parts() const {
    std::map<std::string, int64_t> parts;
    for (const char* rendition : {"standard", "large-print", "easy-read"}) {
      if (!fs::exists(search() / rendition)) continue;
      for (const auto& e : fs::directory_iterator(search() / rendition)) {
        struct stat st;
        fs::path entry = e.path() / "pagefind-entry.json";
        parts[std::string(rendition) + "/" + e.path().filename().string()] =
            ::stat(entry.c_str(), &st) == 0
                ? static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                      st.st_mtim.tv_nsec
                : -1;
      }
    }
    return parts;
  }

  // The parts pagefind/<rendition>.json lists, as the search page reads them.
  std::set<std::string> Listed() const {
    std::set<std::string> listed;
    for (const char* rendition : {"standard", "large-print", "easy-read"}) {
      std::string text = ReadFile(search() / (std::string(rendition) + ".json"));
      for (size_t at = text.find("\"" + std::string(rendition) + "/");
           at != std::string::npos;
           at = text.find("\"" + std::string(rendition) + "/", at + 1)) {
        size_t end = text.find('"', at + 1);
        REQUIRE(text[end - 1] == '/');
        listed.insert(text.substr(at + 1, end - at - 2));
      }
    }
    return listed;
  }

 private:
  TempDir dir_;
};

std::set<std::string> Keys(const std::map<std::string, int64_t>& parts) {
  std::set<std::string> keys;
  for (const auto& [dir, made] : parts) keys.insert(dir);
  return keys;
}

std::set<std::string> Remade(const std::map<std::string, int64_t>& before,
                             const std::map<std::string, int64_t>& after) {
  std::set<std::string> out;
  for (const auto& [dir, made] : after) {
    auto it = before.find(dir);
    if (it == before.end() || it->second != made) out.insert(dir);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "the search index is built in parts, and an edit indexes only the pages it "
    "changed again",
    "[e2e][search]") {
  SearchSite site;
  std::string output = site.Build();
  CHECK(output.find("search index: 3 of 3 parts indexed, 0 unchanged") !=
        std::string::npos);
  // Three parts, of the standard rendition only (the rest of the site, the
  // meetings of 2010 to 2019 and of 2020 to 2029: a part holds ten years of a
  // council this small), each listed for the search page and each a whole
  // bundle. The other renditions' search pages read the same index.
  auto before = site.Parts();
  CHECK(before.size() == 3);
  CHECK(site.Listed() == Keys(before));
  for (const auto& [dir, made] : before) {
    INFO(dir);
    CHECK(made > 0);
    CHECK(fs::exists(site.search() / dir / "pagefind.js"));
  }
  CHECK(fs::exists(site.search() / "standard/meetings-2010-2019"));
  CHECK_FALSE(fs::exists(site.search() / "easy-read"));
  CHECK_FALSE(fs::exists(site.search() / "large-print.json"));

  // A sentence added to a 2019 report: its page changes, and only it is
  // indexed again, in the part of recent changes; the part that holds the
  // report keeps its bundle (the search page hides its old result).
  fs::path report =
      site.source() / "content/meetings/2019-09-16-cyp-scrutiny/care-leavers-eia.md";
  { std::ofstream(report, std::ios::app) << "\nA sentence added for the search test.\n"; }
  output = site.Build();
  CHECK(output.find("search index: 0 of 3 parts indexed, 3 unchanged, 1 changed page in "
                    "the part of recent changes") != std::string::npos);
  auto after = site.Parts();
  CHECK(Remade(before, after) == std::set<std::string>{"standard/recent"});
  CHECK(site.Listed() == Keys(after));
  CHECK(ReadFile(site.search() / "standard.json").find("\"hidden\": [\n    \"") !=
        std::string::npos);
  // Built again unchanged: nothing is indexed, not even the recent changes.
  output = site.Build();
  CHECK(Remade(after, site.Parts()).empty());
}

TEST_CASE("a new decade of meetings gets its search parts, and they go when it goes",
          "[e2e][search]") {
  SearchSite site;
  site.Build();
  fs::path meeting = site.source() / "content/meetings/2031-01-13-cyp-scrutiny";
  fs::create_directories(meeting);
  WriteFile(meeting / "meeting.yaml",
            "committee: cyp-scrutiny\n"
            "status: scheduled\n"
            "start: 2031-01-13 10:00\n"
            "venue: shire-hall-hereford\n"
            "agenda:\n"
            "  - number: \"1\"\n"
            "    title: Apologies for absence\n"
            "    purpose: To receive apologies for absence.\n");
  site.Build();
  for (const char* dir : {"standard/meetings-2030-2039"}) {
    INFO(dir);
    CHECK(site.Listed().count(dir) == 1);
    CHECK(fs::exists(site.search() / dir / "pagefind-entry.json"));
  }

  fs::remove_all(meeting);
  site.Build();
  auto parts = site.Parts();
  CHECK(parts.size() == 3);
  CHECK(site.Listed() == Keys(parts));
  CHECK_FALSE(fs::exists(site.search() / "standard/meetings-2030-2039"));
  CHECK(ReadFile(site.search() / ".clerk-search-parts").find("2030") ==
        std::string::npos);
}

TEST_CASE(
    "search parts survive a build that starts afresh, and an old or damaged index is "
    "replaced",
    "[e2e][search]") {
  SearchSite site;
  site.Build();
  auto before = site.Parts();

  // Without its build log the site is built afresh into a new folder, which
  // takes the index with it: its pages are the same, so no part is redone.
  fs::remove(site.out() / ".clerk-build-log");
  std::string output = site.Build();
  CHECK(output.find("0 of 3 parts indexed, 3 unchanged") != std::string::npos);
  CHECK(Remade(before, site.Parts()).empty());

  // The single index of clerk before parts goes; a damaged record of the
  // parts means every part is indexed again.
  WriteFile(site.search() / "pagefind.js", "an index of an older clerk");
  fs::create_directories(site.search() / "fragment");
  WriteFile(site.search() / ".clerk-search-parts", "# clerk search parts v1\nnonsense\n");
  {
    std::ofstream(site.source() /
                      "content/meetings/2019-09-16-cyp-scrutiny/"
                      "care-leavers-eia.md",
                  std::ios::app)
        << "\nOne more sentence.\n";
  }
  output = site.Build();
  CHECK(output.find("3 of 3 parts indexed, 0 unchanged") != std::string::npos);
  CHECK_FALSE(fs::exists(site.search() / "pagefind.js"));
  CHECK_FALSE(fs::exists(site.search() / "fragment"));
  CHECK(site.Listed() == Keys(site.Parts()));
}

TEST_CASE(
    "a search part whose Pagefind run failed is left out, and tried again by the "
    "next build though nothing else changed",
    "[e2e][search]") {
  SearchSite site;
  // It fails for the 2020s while the flag file is there.
  fs::path flag = site.source() / "fail-2020s";
  site.FakePagefind(flag, "exit 1");
  WriteFile(flag, "");
  std::string output = site.Build();
  CHECK(output.find("warning: search index part standard/meetings-2020-2029 not built") !=
        std::string::npos);
  CHECK(output.find("2 of 3 parts indexed, 0 unchanged, 1 failed") != std::string::npos);
  CHECK(site.Listed().count("standard/meetings-2020-2029") == 0);
  CHECK(site.Listed().count("standard/meetings-2010-2019") == 1);
  CHECK_FALSE(fs::exists(site.search() / "standard/meetings-2020-2029"));

  fs::remove(flag);
  output = site.Build();
  CHECK(output.find("nothing changed") == std::string::npos);
  CHECK(output.find("1 of 3 parts indexed, 2 unchanged") != std::string::npos);
  CHECK(site.Listed().count("standard/meetings-2020-2029") == 1);
  // And now nothing has changed.
  CHECK(site.Build().find("nothing changed") != std::string::npos);
}

TEST_CASE("a build stopped while indexing for search is not 'nothing changed' next time",
          "[e2e][search]") {
  SearchSite site;
  site.Build();
  // clerk killed while Pagefind indexes the 2020s of the standard rendition,
  // after an edit to a report of 2024.
  fs::path flag = site.source() / "stop";
  site.FakePagefind(flag, "kill -KILL $PPID; exit 1");
  WriteFile(flag, "");
  {
    std::ofstream(site.source() / "content/meetings/2024-04-09-cyp-osc/meeting.yaml",
                  std::ios::app)
        << "# an edit\n";
  }
  CommandResult stopped = site.Run("--jobs 1");
  INFO(stopped.output);
  CHECK(stopped.exit_code != 0);
  CHECK(stopped.output.find("search index:") == std::string::npos);

  fs::remove(flag);
  std::string output = site.Build();
  CHECK(output.find("nothing changed") == std::string::npos);
  CHECK(output.find("search index:") != std::string::npos);
  CHECK(site.Listed() == Keys(site.Parts()));
  CHECK(site.Listed().size() == 3);
  CHECK(site.Build().find("nothing changed") != std::string::npos);
}
