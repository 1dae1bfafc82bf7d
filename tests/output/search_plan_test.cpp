// What a build indexes for search, and which old results the search page
// hides (output/search_plan.h): decisions on the parts, the record of what
// they were indexed from, and the pages' bytes now.
#include "output/search_plan.h"

#include <catch2/catch.hpp>
#include <set>

namespace {

using clerk::Fingerprint;
using clerk::SearchPartsState;
using namespace clerk::output;

Fingerprint Of(const std::string& text) {
  return clerk::Hasher().Add(text).Finish();
}

// Two parts of three pages each, indexed once, with every bundle on disk.
struct Site {
  std::vector<SearchPart> parts{
      {"standard", "site", "{*.html}", {"a.html", "b.html", "c.html"}, ""},
      {"standard",
       "meetings-2020",
       "meetings/2020-*/**/*.html",
       {"meetings/2020-1/index.html", "meetings/2020-2/index.html",
        "meetings/2020-3/index.html"},
       ""}};
  std::map<std::string, std::string> bytes;  // page -> what it says now
  std::set<std::string> bundles{"standard/site", "standard/meetings-2020",
                                "standard/recent"};
  SearchPartsState state;
  std::map<std::string, std::string> made_ids;  // ids of what a run made

  Site() {
    for (const SearchPart& part : parts)
      for (const std::string& page : part.pages) bytes[page] = "first " + page;
    Run();  // the first build indexes both parts whole
  }

  // What a build plans now, its runs all succeeding unless `fail` names a
  // bundle (or "recent"); the record is then what the build leaves.
  SearchPlan Run(size_t limit = 300, const std::string& fail = "") {
    clerk::output::PageContents content;
    for (const auto& [page, text] : bytes) content[page] = Of(text);
    SearchInputs in{parts,
                    {Of("glob site"), Of("glob 2020")},
                    "standard/recent",
                    Of("recent"),
                    content};
    SearchPlan plan = PlanSearch(
        in, state, [&](const std::string& dir) { return bundles.count(dir) > 0; }, limit);
    SearchRunsDone done;
    for (size_t i : plan.whole) done.whole_ok.push_back(parts[i].dir() != fail);
    done.recent_ok = fail != "recent";
    done.ids = [&](const std::string& dir) {
      std::map<std::string, std::string> ids;  // an id from the page and its bytes
      const SearchPart* part = nullptr;
      for (const SearchPart& p : parts)
        if (p.dir() == dir) part = &p;
      const std::vector<std::string>& pages = part ? part->pages : plan.recent;
      for (const std::string& page : pages)
        ids["/" + page] = made_ids["/" + page] =
            "id-" + Of(bytes[page]).Hex().substr(0, 6);
      return ids;
    };
    state = NextSearchState(in, plan, state, done);
    hidden = HiddenIds(in, state);
    return plan;
  }

  std::string IdOf(const std::string& dir, const std::string& page) const {
    return state.at(dir).pages.at(page).id;
  }

  std::vector<std::string> hidden;
};

}  // namespace

TEST_CASE(
    "search plan: a new site indexes every part whole, and an unchanged one nothing",
    "[output][search]") {
  Site site;
  CHECK(site.state.size() == 2);
  CHECK(site.hidden.empty());
  SearchPlan again = site.Run();
  CHECK(again.whole.empty());
  CHECK(again.recent.empty());
  CHECK(site.state.count("standard/recent") == 0);
}

TEST_CASE(
    "search plan: changed pages go in the part of recent changes, their old results "
    "hidden",
    "[output][search]") {
  Site site;
  const std::string old_id =
      site.IdOf("standard/meetings-2020", "meetings/2020-2/index.html");
  site.bytes["meetings/2020-2/index.html"] = "edited";
  site.bytes["b.html"] = "edited too";
  SearchPlan plan = site.Run();
  CHECK(plan.whole.empty());
  CHECK(plan.recent == std::vector<std::string>{"b.html", "meetings/2020-2/index.html"});
  CHECK_FALSE(plan.recent_kept);
  REQUIRE(site.state.count("standard/recent") == 1);
  // The parts' records stay as indexed: their old results are hidden.
  CHECK(site.IdOf("standard/meetings-2020", "meetings/2020-2/index.html") == old_id);
  const std::set<std::string> hidden(site.hidden.begin(), site.hidden.end());
  CHECK(hidden == std::set<std::string>{site.IdOf("standard/site", "b.html"), old_id});

  // Built again with nothing changed: the part of recent changes is kept.
  SearchPlan same = site.Run();
  CHECK(same.whole.empty());
  CHECK(same.recent_kept);
  CHECK(site.hidden.size() == 2);

  // One more edit: the part of recent changes is made again with all three.
  site.bytes["c.html"] = "edited later";
  SearchPlan more = site.Run();
  CHECK(more.recent.size() == 3);
  CHECK_FALSE(more.recent_kept);
  CHECK(site.hidden.size() == 3);

  // An edit undone: the page says again what its part indexed, so its old
  // result is right and is no longer hidden.
  site.bytes["c.html"] = "first c.html";
  CHECK(site.Run().recent.size() == 2);
  CHECK(site.hidden.size() == 2);
}

TEST_CASE("search plan: past the limit, the changed parts are indexed whole again",
          "[output][search]") {
  Site site;
  site.bytes["a.html"] = "edited";
  site.bytes["meetings/2020-1/index.html"] = "edited";
  site.Run();
  site.bytes["meetings/2020-3/index.html"] = "edited";
  SearchPlan plan = site.Run(/*limit=*/2);
  CHECK(plan.whole == std::vector<size_t>{0, 1});
  CHECK(plan.recent.empty());
  CHECK(site.state.count("standard/recent") == 0);
  CHECK(site.hidden.empty());
  CHECK(site.IdOf("standard/site", "a.html") == site.made_ids["/a.html"]);
}

TEST_CASE("search plan: pages gone count toward the limit", "[output][search]") {
  Site site;
  site.bytes.erase("b.html");
  site.bytes.erase("c.html");
  site.parts[0].pages = {"a.html"};
  SearchPlan plan = site.Run(/*limit=*/1);
  CHECK(plan.whole == std::vector<size_t>{0});
  CHECK(site.hidden.empty());
  CHECK(site.state.at("standard/site").pages.size() == 1);
}

TEST_CASE(
    "search plan: a gone page's result is hidden, and a part with no bundle or made "
    "another "
    "way is indexed whole",
    "[output][search]") {
  Site site;
  const std::string gone = site.IdOf("standard/site", "c.html");
  site.bytes.erase("c.html");
  site.parts[0].pages.pop_back();
  SearchPlan plan = site.Run();
  CHECK(plan.whole.empty());
  CHECK(plan.recent.empty());
  CHECK(site.hidden == std::vector<std::string>{gone});

  site.bundles.erase("standard/meetings-2020");
  CHECK(site.Run().whole == std::vector<size_t>{1});
  site.bundles.insert("standard/meetings-2020");
  // Made another way (another Pagefind, another glob): the stamps differ.
  site.state["standard/site"].stamp = Of("made another way");
  CHECK(site.Run().whole == std::vector<size_t>{0});
}

TEST_CASE("search plan: a failed run is left out, and its old results stay findable",
          "[output][search]") {
  Site site;
  site.bytes["a.html"] = "edited";
  SearchPlan plan = site.Run(300, "recent");
  CHECK(plan.recent.size() == 1);
  CHECK(site.state.count("standard/recent") == 0);
  CHECK(site.hidden.empty());  // the old result is better than none
  SearchPlan retry = site.Run();
  CHECK_FALSE(retry.recent_kept);
  CHECK(site.state.count("standard/recent") == 1);
  CHECK(site.hidden.size() == 1);

  // A whole part that fails is dropped from the record: whole again next time.
  site.bundles.erase("standard/site");
  site.Run(300, "standard/site");
  CHECK(site.state.count("standard/site") == 0);
  site.bundles.insert("standard/site");
  CHECK(site.Run().whole == std::vector<size_t>{0});
}

TEST_CASE("search plan: an id the part of recent changes holds is never hidden",
          "[output][search]") {
  Site site;
  // A page changed in bytes Pagefind does not index (its fragment, and so
  // its id, is the same): the old id must stay findable.
  site.bytes["a.html"] = "edited";
  site.Run();
  const std::string recent_id = site.IdOf("standard/recent", "a.html");
  site.state["standard/site"].pages["a.html"].id = recent_id;
  site.Run();
  CHECK(site.hidden.empty());
}
