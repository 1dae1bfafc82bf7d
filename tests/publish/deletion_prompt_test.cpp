// Unit tests of which deletions need agreeing to (replaced_output.h), what
// the deploy says and asks about them (deletion_prompt.h), and whole deploys
// to file:// where the search index was rebuilt, a page went, or both.
#include "publish/deletion_prompt.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "publish/deploy.h"
#include "publish/file_remote.h"
#include "publish/manifest.h"
#include "publish/plan.h"
#include "publish/replaced_output.h"
#include "test_support.h"

using namespace clerk::publish;
using clerk::testing::ReadFile;
using clerk::testing::TempDir;
using clerk::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

FileEntry Entry(const std::string& s) {
  return {static_cast<int64_t>(s.size()), Sha256Hex(s)};
}

// A built site with a search index of one bundle whose fragment is named
// after its content, as Pagefind names it.
void MakeIndexedSite(const fs::path& dir, const std::string& fragment_hash) {
  WriteFile(dir / ".clerk-site", "clerk\n");
  WriteFile(dir / "index.html", "<a href=\"meetings/a/\">a</a>");
  WriteFile(dir / "meetings/a/index.html", "A");
  WriteFile(dir / "meetings/b/index.html", "B");
  WriteFile(dir / "pagefind/standard.json", "{\"parts\": [\"standard/site/\"]}");
  WriteFile(dir / "pagefind/standard/site/pagefind-entry.json", "{}");
  WriteFile(
      dir / ("pagefind/standard/site/fragment/en_" + fragment_hash + ".pf_fragment"),
      "fragment " + fragment_hash);
}

Plan PlanWith(const std::vector<std::string>& gone, const Manifest& local) {
  Manifest remote = local;
  for (const std::string& path : gone) remote[path] = Entry(path);
  return MakePlan(local, remote, true);
}

std::vector<std::string> Pages(size_t n) {
  std::vector<std::string> paths;
  for (size_t i = 0; i < n; ++i)
    paths.push_back("meetings/m" + std::to_string(100 + i) + "/index.html");
  return paths;
}

struct Asked {
  int code;
  std::string log;
};

Asked Review(const Plan& plan, DeletionReview review, const std::string& answer = "") {
  std::istringstream answers(answer);
  std::ostringstream log;
  review.display = "file:///srv/www/";
  review.out_name = "public";
  int code = ReviewDeletions(plan, review, answers, log);
  return {code, log.str()};
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("replaced output: only old search index files of a rebuilt index",
          "[publish]") {
  Manifest local;
  local["pagefind/standard.json"] = Entry("{}");
  local["index.html"] = Entry("home");
  CHECK(
      IsReplacedSearchFile("pagefind/standard/site/fragment/en_1a2b.pf_fragment", local));
  CHECK(IsReplacedSearchFile("pagefind/standard/meetings-2019/index/en_9f.pf_index",
                             local));
  // The large-print and easy-read indexes of an older clerk: every
  // rendition's search now reads the standard one, so they are replaced.
  CHECK(
      IsReplacedSearchFile("pagefind/large-print/site/fragment/en_1.pf_fragment", local));
  CHECK(IsReplacedSearchFile("pagefind/large-print.json", local));
  CHECK(IsReplacedSearchFile("pagefind/easy-read.json", local));
  // A loose file in pagefind/, or the standard list itself.
  CHECK_FALSE(IsReplacedSearchFile("pagefind/notes.txt", local));
  CHECK_FALSE(IsReplacedSearchFile("pagefind/standard.json", local));
  // Pages and other files, however named.
  CHECK_FALSE(IsReplacedSearchFile("meetings/2019-09-16/index.html", local));
  CHECK_FALSE(IsReplacedSearchFile("docs/pagefind/standard/x", local));
  CHECK_FALSE(IsReplacedSearchFile("pagefind-standard/site/x", local));
  // A build without its search index (--no-search): every search file's going is real.
  Manifest no_search;
  no_search["index.html"] = Entry("home");
  CHECK_FALSE(IsReplacedSearchFile("pagefind/standard/site/fragment/en_1a2b.pf_fragment",
                                   no_search));
}

TEST_CASE("plan: old search index files are deletions no one is asked about",
          "[publish]") {
  Manifest local;
  local["index.html"] = Entry("home");
  local["pagefind/standard.json"] = Entry("{}");
  local["pagefind/standard/site/fragment/en_new.pf_fragment"] = Entry("new");
  Plan plan = PlanWith(
      {"pagefind/standard/site/fragment/en_old.pf_fragment",
       "pagefind/standard/site/index/en_old.pf_index", "meetings/gone/index.html"},
      local);
  CHECK(plan.deletions == 3);
  CHECK(plan.replaced_deletions == 2);
  CHECK(plan.DeletionsToConfirm() == 1);
  CHECK(PathsToConfirm(plan) == std::vector<std::string>{"meetings/gone/index.html"});
  CHECK(DescribePlan(plan) ==
        "upload 0 (0 B), delete 3 (2 of them old search index files), unchanged 3");
  for (const PlanItem& item : plan.items)
    CHECK(item.replaced == (item.path.rfind("pagefind/", 0) == 0));
}

TEST_CASE("listing: the first 20 files, then how many more", "[publish]") {
  std::string list = ListPaths(Pages(25));
  CHECK(std::count(list.begin(), list.end(), '\n') == 21);
  CHECK(Has(list, "  'meetings/m100/index.html'\n"));
  CHECK(Has(list, "  'meetings/m119/index.html'\n"));
  CHECK_FALSE(Has(list, "m120"));
  CHECK(Has(list, "  and 5 more\n"));
  std::string exact = ListPaths(Pages(20));
  CHECK(std::count(exact.begin(), exact.end(), '\n') == 20);
  CHECK_FALSE(Has(exact, "more"));
  CHECK(Has(ListPaths(Pages(1300)), "  and 1,280 more\n"));
  // A hostile name cannot forge a line of the listing.
  CHECK(ListPaths({"a\nclerk deploy: done"}) == "  'a\\x0aclerk deploy: done'\n");
  CHECK(MaxDeletesRule(256) ==
        "--max-deletes is 256: up to 256 files may be deleted with --yes (or by "
        "answering y); a "
        "deploy that would delete more is refused");
  CHECK(Has(MaxDeletesRule(0), "no file may be deleted"));
}

TEST_CASE("review: old search index files alone go without a word", "[publish]") {
  Manifest local;
  local["pagefind/standard.json"] = Entry("{}");
  Plan plan = PlanWith({"pagefind/standard/site/fragment/en_old.pf_fragment"}, local);
  DeletionReview review;  // no --yes, no terminal
  Asked asked = Review(plan, review);
  CHECK(asked.code == kGoAhead);
  CHECK(asked.log.empty());
}

TEST_CASE("review: pages that went are listed, with what --max-deletes allows",
          "[publish]") {
  Manifest local;
  local["pagefind/standard.json"] = Entry("{}");
  std::vector<std::string> gone = Pages(23);
  gone.push_back("pagefind/standard/site/fragment/en_old.pf_fragment");
  Plan plan = PlanWith(gone, local);
  DeletionReview review;

  SECTION("not on a terminal: refused, saying to give --yes") {
    Asked asked = Review(plan, review);
    CHECK(asked.code == kDeployUsage);
    CHECK(Has(asked.log,
              "23 files on file:///srv/www/ would be deleted, because they are no "
              "longer in public/:\n  'meetings/m100/index.html'\n"));
    CHECK(Has(asked.log, "  and 3 more\n"));
    CHECK(Has(asked.log, "also 1 file of the old search index"));
    CHECK(Has(asked.log, "--max-deletes is 256: up to 256 files"));
    CHECK(Has(asked.log, "not on a terminal"));
    CHECK(Has(asked.log, "with --yes"));
    CHECK_FALSE(Has(asked.log, "[y/N]"));
  }
  SECTION("on a terminal: asks, and only y goes ahead") {
    review.can_ask = true;
    Asked yes = Review(plan, review, "y\n");
    CHECK(yes.code == kGoAhead);
    CHECK(Has(yes.log, "Delete these 23 files from file:///srv/www/? [y/N] "));
    CHECK(Has(yes.log, "  and 3 more\n"));
    CHECK(Has(yes.log, "--max-deletes is 256"));
    CHECK(Review(plan, review, "n\n").code == kDeployFailed);
    CHECK(Review(plan, review, "").code == kDeployFailed);  // end of input: no
  }
  SECTION("--yes: no question; the list says what goes") {
    review.yes = true;
    Asked asked = Review(plan, review);
    CHECK(asked.code == kGoAhead);
    CHECK(Has(asked.log, "23 files on file:///srv/www/ will be deleted"));
    CHECK_FALSE(Has(asked.log, "[y/N]"));
  }
  SECTION("more than --max-deletes: refused even with --yes, and listed") {
    review.yes = true;
    review.max_deletes = 10;
    Asked asked = Review(plan, review);
    CHECK(asked.code == kDeployFailed);
    CHECK(Has(asked.log, "  'meetings/m119/index.html'\n  and 3 more\n"));
    CHECK(Has(asked.log,
              "error: that is more than --max-deletes 10 allows; nothing was changed"));
  }
  SECTION("--dry-run lists them, asks nothing") {
    review.dry_run = true;
    review.max_deletes = 10;
    Asked asked = Review(plan, review);
    CHECK(asked.code == kGoAhead);
    CHECK(Has(asked.log, "23 files on file:///srv/www/ would be deleted"));
    CHECK(Has(asked.log, "  and 3 more\n"));
    CHECK(Has(asked.log, "--max-deletes is 10"));
    CHECK(Has(asked.log,
              "23 deletions exceed --max-deletes 10; a real deploy would refuse"));
    CHECK_FALSE(Has(asked.log, "[y/N]"));
  }
}

TEST_CASE("review: one file is one file", "[publish]") {
  Plan plan = PlanWith({"meetings/gone/index.html"}, Manifest{});
  DeletionReview review;
  review.can_ask = true;
  Asked asked = Review(plan, review, "yes\n");
  CHECK(asked.code == kGoAhead);
  CHECK(Has(asked.log,
            "1 file on file:///srv/www/ would be deleted, because it is no longer"));
  CHECK(Has(asked.log, "Delete this file from file:///srv/www/? [y/N] "));
}

TEST_CASE("deploy to file://: a rebuilt search index asks nothing, a page gone asks",
          "[publish]") {
  TempDir site, host;
  MakeIndexedSite(site.path(), "1111");
  std::string root = (host.path() / "www").string() + "/";
  auto factory = [&] { return MakeFileRemote(root); };
  DeployOptions opt;
  opt.out = site.path().string();
  opt.jobs = 2;
  opt.retry_delay_ms = 1;
  opt.verbose = true;
  std::ostringstream first;
  REQUIRE(DeployWith(opt, "file://", factory, first) == kDeployOk);

  // One edit: the page and its search fragment, renamed. No --yes, no terminal.
  WriteFile(site.path() / "meetings/a/index.html", "A, edited");
  fs::remove(site.path() / "pagefind/standard/site/fragment/en_1111.pf_fragment");
  MakeIndexedSite(site.path(), "2222");
  WriteFile(site.path() / "meetings/a/index.html", "A, edited");
  std::ostringstream log;
  DeployStats stats;
  REQUIRE(DeployWith(opt, "file://", factory, log, &stats) == kDeployOk);
  CHECK(stats.uploaded == 2);
  CHECK(stats.deleted == 1);
  CHECK(stats.deleted_replaced == 1);
  CHECK_FALSE(fs::exists(host.path() /
                         "www/pagefind/standard/site/fragment/en_1111.pf_fragment"));
  CHECK(ReadFile(host.path() / "www/meetings/a/index.html") == "A, edited");
  CHECK_FALSE(Has(log.str(), "[y/N]"));
  // Still counted, and listed with --verbose.
  CHECK(
      Has(log.str(), "  deleted  pagefind/standard/site/fragment/en_1111.pf_fragment\n"));
  CHECK(Has(log.str(), "deleted 1 (1 of them old search index files), unchanged"));

  // A page gone (its meeting deleted) and the index rebuilt: the page needs agreeing to.
  fs::remove_all(site.path() / "meetings/b");
  fs::remove(site.path() / "pagefind/standard/site/fragment/en_2222.pf_fragment");
  WriteFile(site.path() / "pagefind/standard/site/fragment/en_3333.pf_fragment",
            "fragment 3");
  std::ostringstream refused;
  CHECK(DeployWith(opt, "file://", factory, refused, &stats) == kDeployUsage);
  CHECK(Has(refused.str(), "  'meetings/b/index.html'\n"));
  CHECK(Has(refused.str(), "with --yes"));
  // Nothing was changed: not even the old fragment went.
  CHECK(fs::exists(host.path() /
                   "www/pagefind/standard/site/fragment/en_2222.pf_fragment"));
  CHECK(fs::exists(host.path() / "www/meetings/b/index.html"));

  // On a terminal, a "y" lets it all go.
  std::istringstream answer("y\n");
  DeployOptions asking = opt;
  asking.can_ask = true;
  asking.answers = &answer;
  std::ostringstream agreed;
  REQUIRE(DeployWith(asking, "file://", factory, agreed, &stats) == kDeployOk);
  CHECK(Has(agreed.str(), "Delete this file from file://? [y/N] "));
  CHECK(stats.deleted == 2);
  CHECK(stats.deleted_replaced == 1);
  CHECK_FALSE(fs::exists(host.path() / "www/meetings/b/index.html"));
}

TEST_CASE("deploy: a site built without its search index asks before removing it",
          "[publish]") {
  TempDir site, host;
  MakeIndexedSite(site.path(), "1111");
  std::string root = (host.path() / "www").string() + "/";
  auto factory = [&] { return MakeFileRemote(root); };
  DeployOptions opt;
  opt.out = site.path().string();
  opt.retry_delay_ms = 1;
  std::ostringstream log;
  REQUIRE(DeployWith(opt, "file://", factory, log) == kDeployOk);
  fs::remove_all(site.path() / "pagefind");  // clerk build --no-search
  std::ostringstream refused;
  CHECK(DeployWith(opt, "file://", factory, refused) == kDeployUsage);
  CHECK(Has(refused.str(), "3 files on file:// would be deleted"));
  CHECK(Has(refused.str(), "  'pagefind/standard.json'\n"));
  CHECK(fs::exists(host.path() / "www/pagefind/standard.json"));
}

TEST_CASE("deploy: old search index files do not count towards --max-deletes",
          "[publish]") {
  TempDir site, host;
  MakeIndexedSite(site.path(), "1111");
  for (int i = 0; i < 40; ++i)
    WriteFile(site.path() / ("pagefind/standard/site/fragment/en_a" + std::to_string(i) +
                             ".pf_fragment"),
              "old " + std::to_string(i));
  std::string root = (host.path() / "www").string() + "/";
  auto factory = [&] { return MakeFileRemote(root); };
  DeployOptions opt;
  opt.out = site.path().string();
  opt.retry_delay_ms = 1;
  opt.max_deletes = 5;
  std::ostringstream log;
  REQUIRE(DeployWith(opt, "file://", factory, log) == kDeployOk);
  // A new Pagefind renames every fragment: 41 old files go, unasked.
  fs::remove_all(site.path() / "pagefind/standard/site/fragment");
  MakeIndexedSite(site.path(), "9999");
  DeployStats stats;
  REQUIRE(DeployWith(opt, "file://", factory, log, &stats) == kDeployOk);
  CHECK(stats.deleted == 41);
  CHECK(stats.deleted_replaced == 41);
}
