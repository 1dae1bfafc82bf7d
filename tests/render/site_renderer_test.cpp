#include "render/site_renderer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>

#include "render/render_memory.h"
#include "render/site_index.h"
#include "render/urls.h"
#include "small_site.h"
#include "test_support.h"

using namespace clerk;

namespace {

using clerk::render_testing::SmallSite;

RenderOptions Options() {
  RenderOptions o;
  o.theme_dir = CLERK_SOURCE_DIR "/themes/default";
  return o;
}

std::map<std::string, std::string> ByPath(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.path] = f.content;
  return out;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

int Count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1))
    ++n;
  return n;
}

// Keeps what is put, by path.
class MemorySinkForTest : public OutputSink {
 public:
  bool UpToDate(const std::string&, const Fingerprint&) override { return false; }
  void Put(const std::string& path, const Fingerprint&, std::string content) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files[path] = std::move(content);
  }
  std::optional<std::string> Existing(const std::string&) override {
    return std::nullopt;
  }
  std::map<std::string, std::string> files;

 private:
  std::mutex mutex_;
};

}  // namespace

TEST_CASE("relative links between pages", "[render][urls]") {
  CHECK(urls::Relative("meetings/x/index.html", "committees/c/index.html") ==
        "../../committees/c/index.html");
  CHECK(urls::Relative("index.html", "meetings/x/index.html") == "meetings/x/index.html");
  CHECK(urls::Relative("meetings/x/minutes/index.html",
                       "meetings/x/index.html#item-1-2") == "../index.html#item-1-2");
  CHECK(urls::Relative("meetings/x/index.html", "meetings/x/index.html") == "index.html");
  CHECK(urls::Relative("meetings/x/doc/index.html", "theme/css/standard.css") ==
        "../../../theme/css/standard.css");
  CHECK(urls::ItemAnchor("1(2)") == "item-1-2");
}

TEST_CASE("RenderSite writes every page at its path", "[render][site]") {
  Diagnostics diag;
  auto files = RenderSite(SmallSite(), Options(), diag);
  for (const auto& d : diag.All()) FAIL_CHECK(FormatDiagnostic(d));
  auto pages = ByPath(files);
  for (const char* path :
       {"index.html", "404.html", "committees/index.html", "committees/cyp/index.html",
        "meetings/index.html", "meetings/2019-09-16-cyp/index.html",
        "meetings/2019-09-16-cyp/care-leavers/index.html",
        "meetings/2019-09-16-cyp/care-leavers-eia/index.html",
        "meetings/2019-09-16-cyp/minutes/index.html",
        "meetings/2019-11-25-cyp/index.html", "people/index.html",
        "people/carole-gandy/index.html", "work-programmes/cyp-2019-20/index.html",
        "glossary/index.html", "accessibility/index.html", "theme/css/standard.css"}) {
    INFO(path);
    CHECK(pages.count(path) == 1);
  }
  // Sorted by path.
  CHECK(std::is_sorted(
      files.begin(), files.end(),
      [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; }));
}

TEST_CASE("every page has the required skeleton", "[render][site]") {
  Diagnostics diag;
  auto files = RenderSite(SmallSite(), Options(), diag);
  for (const auto& f : files) {
    if (f.path.size() < 5 || f.path.substr(f.path.size() - 5) != ".html") continue;
    INFO(f.path);
    const std::string& html = f.content;
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(Contains(html, "<html lang=\"en-GB\">"));
    CHECK(Contains(html, "<meta name=\"viewport\""));
    CHECK(Contains(html, " – Committee papers</title>"));
    CHECK(Count(html, "<h1") == 1);
    CHECK(Contains(html, "<main id=\"main-content\""));
    CHECK(Contains(html, "<header"));
    CHECK(Contains(html, "<footer"));
    // The skip link is the first link in the body.
    size_t body = html.find("<body");
    CHECK(html.find("<a ", body) ==
          html.find("<a class=\"skip-link\" href=\"#main-content\">", body));
    // Every table has a caption, every header cell a scope.
    CHECK(Count(html, "<table") == Count(html, "<caption>"));
    CHECK(Count(html, "<th>") == 0);
    // Ids are unique.
    std::regex id_re("id=\"([^\"]+)\"");
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re);
         it != std::sregex_iterator(); ++it) {
      std::string id = (*it)[1];
      INFO(id);
      CHECK(ids.insert(id).second);
    }
    // No heading level is skipped.
    std::regex h_re("<h([1-6])[ >]");
    int previous = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), h_re);
         it != std::sregex_iterator(); ++it) {
      int level = std::stoi((*it)[1]);
      CHECK(level <= previous + 1);
      previous = level;
    }
  }
}

TEST_CASE("links are relative to the page", "[render][site]") {
  Diagnostics diag;
  auto pages = ByPath(RenderSite(SmallSite(), Options(), diag));
  const std::string& doc = pages["meetings/2019-09-16-cyp/care-leavers/index.html"];
  CHECK(Contains(doc, "href=\"../../../theme/css/standard.css\""));
  CHECK(Contains(doc, "href=\"../index.html\""));                       // its meeting
  CHECK(Contains(doc, "href=\"../index.html#item-7\""));                // its agenda item
  CHECK(Contains(doc, "href=\"../../../committees/cyp/index.html\""));  // breadcrumb
  CHECK(Contains(doc, "href=\"../care-leavers-eia/index.html\""));      // appendix
  CHECK(Contains(doc, "href=\"../minutes/index.html#minute-609\""));
  CHECK(Contains(doc, "id=\"rec-a\""));
  CHECK(Contains(doc, "<caption>Table 1: Costs</caption>"));
  CHECK(Contains(doc, "aria-label=\"Breadcrumb\""));

  const std::string& meeting = pages["meetings/2019-09-16-cyp/index.html"];
  CHECK(Contains(meeting, "id=\"item-1-2\""));
  CHECK(Contains(meeting, "id=\"item-7\""));
  CHECK(Contains(meeting, "href=\"care-leavers/index.html\""));
  CHECK(Contains(meeting, "Pages 11 to 30 of the printed pack"));
  CHECK(Contains(meeting, "Minute 609"));
  CHECK(Contains(meeting, "href=\"minutes/index.html\""));
  CHECK(Contains(meeting, "href=\"../../people/carole-gandy/index.html\""));

  const std::string& minutes = pages["meetings/2019-09-16-cyp/minutes/index.html"];
  CHECK(Contains(minutes, "id=\"minute-609\""));
  CHECK(Contains(minutes, "href=\"../index.html#item-7\""));
  CHECK(Contains(minutes, "<div class=\"resolution\" id=\"resolution-"));
  CHECK(Contains(minutes, "href=\"../../2020-01-27-cyp/index.html\""));  // approved at

  const std::string& cancelled = pages["meetings/2019-11-25-cyp/index.html"];
  CHECK(Contains(cancelled, "This meeting has been cancelled"));
  CHECK(Contains(cancelled, "Cancelled for lack of business."));
  CHECK(Contains(cancelled, "href=\"../2020-01-27-cyp/index.html\""));

  const std::string& home = pages["index.html"];
  CHECK(Contains(home, "href=\"meetings/2020-01-27-cyp/index.html\""));  // upcoming
  CHECK_FALSE(Contains(
      home, "href=\"meetings/2019-11-25-cyp/index.html\""));  // cancelled: not upcoming
  CHECK(Contains(
      home,
      "href=\"meetings/2019-09-16-cyp/care-leavers/index.html\""));  // latest papers

  const std::string& wp = pages["work-programmes/cyp-2019-20/index.html"];
  CHECK(Contains(wp, "href=\"../../meetings/2020-01-27-cyp/index.html\""));
  CHECK(Contains(wp, "March 2020 (approximate)"));

  const std::string& person = pages["people/carole-gandy/index.html"];
  CHECK(Contains(person, "Attended 1 meeting"));
  CHECK(Contains(person, "href=\"../../committees/cyp/index.html\""));

  const std::string& glossary = pages["glossary/index.html"];
  CHECK(Contains(glossary,
                 "<dfn><abbr title=\"Child and Adolescent Mental Health "
                 "Services\">CAMHS</abbr></dfn>"));
  CHECK(Contains(glossary, "id=\"term-camhs\""));
}

TEST_CASE("404 page works from any path", "[render][site]") {
  Diagnostics diag;
  Site site = SmallSite();
  auto pages = ByPath(RenderSite(site, Options(), diag));
  const std::string& nf = pages["404.html"];
  CHECK(Contains(nf, "href=\"/committees/index.html\""));
  CHECK(Contains(nf, "<style>"));
  site.config.base_url = "https://papers.example.gov.uk/";
  auto with_base = ByPath(RenderSite(site, Options(), diag));
  CHECK(Contains(with_base["404.html"],
                 "href=\"https://papers.example.gov.uk/committees/index.html\""));
}

TEST_CASE("RenderSite is deterministic", "[render][site]") {
  Diagnostics d1, d2;
  auto a = RenderSite(SmallSite(), Options(), d1);
  auto b = RenderSite(SmallSite(), Options(), d2);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].content == b[i].content);
  }
}

TEST_CASE("a site renders the same when no paper's HTML is kept", "[render][site]") {
  // Every paper rendered again for each page that shows it (kKeptHtml).
  RenderOptions tight = Options();
  tight.kept_html = 0;
  tight.jobs = 2;
  Diagnostics d1, d2;
  auto kept = ByPath(RenderSite(SmallSite(), Options(), d1));
  auto again = ByPath(RenderSite(SmallSite(), tight, d2));
  CHECK(d1.ErrorCount() == d2.ErrorCount());
  CHECK(d1.WarningCount() == d2.WarningCount());
  REQUIRE(kept.size() == again.size());
  CHECK(kept == again);
  CHECK(Contains(again.at("meetings/2019-09-16-cyp/care-leavers/index.html"),
                 "To commission a service"));
}

TEST_CASE("Markdown problems in documents are reported at their file position",
          "[render][site]") {
  Site site = SmallSite();
  Document& report = site.documents["2019-09-16-cyp/care-leavers"];
  report.body = "Fine.\n\nNot <b>fine</b>.\n";
  report.body_fingerprint = FingerprintOf(report.body);
  Diagnostics diag;
  auto pages = ByPath(RenderSite(site, Options(), diag));
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.path == "content/meetings/2019-09-16-cyp/care-leavers.md");
  CHECK(diag.All()[0].pos.line == 22);
  CHECK(diag.All()[0].pos.column == 5);
  CHECK_FALSE(Contains(pages["meetings/2019-09-16-cyp/care-leavers/index.html"], "<b>"));
}

TEST_CASE("Markdown problems in minutes point at the minutes file", "[render][site]") {
  Site site = SmallSite();
  Minutes& minutes = site.minutes["2019-09-16-cyp"];
  // body_line 5: the heading is on line 5, "Text <br> here" on line 7.
  minutes.body = "## 609 Care leavers\n\nText <br> here.\n";
  minutes.body_fingerprint = FingerprintOf(minutes.body);
  Diagnostics diag;
  auto files = RenderSite(site, Options(), diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(diag.All()[0].pos.path == "content/meetings/2019-09-16-cyp/minutes.md");
  CHECK(diag.All()[0].pos.line == 7);
  CHECK(diag.All()[0].pos.column == 6);
}

TEST_CASE("a broken theme is reported once, not once per page", "[render][site]") {
  testing::TempDir dir;
  // No templates folder at all: one error per rendition's load, no pages.
  RenderOptions opts = Options();
  opts.theme_dir = (dir.path() / "empty-theme").string();
  std::filesystem::create_directories(opts.theme_dir);
  Diagnostics diag;
  auto files = RenderSite(SmallSite(), opts, diag);
  CHECK(files.empty());
  CHECK(diag.ErrorCount() == 1);
  REQUIRE(!diag.All().empty());
  CHECK(Contains(diag.All()[0].message, "theme has no templates folder"));

  // A theme without its meeting template: one error, though several pages
  // need it.
  const std::filesystem::path theme = dir.path() / "theme";
  std::filesystem::copy(CLERK_SOURCE_DIR "/themes/default", theme,
                        std::filesystem::copy_options::recursive);
  std::filesystem::remove(theme / "templates/meeting.mustache");
  opts.theme_dir = theme.string();
  Diagnostics missing;
  RenderSite(SmallSite(), opts, missing);
  int about_meeting = 0;
  for (const Diagnostic& d : missing.All())
    about_meeting += Contains(d.message, "template 'meeting' is missing");
  CHECK(about_meeting == 1);
}

TEST_CASE("an index kept from the last build is used only when it fits",
          "[render][site]") {
  // clerk serve keeps the index for an edit to papers' bodies alone. A
  // minute number planted in it shows on the meeting's page if it is used.
  const Site site = SmallSite();
  const std::string page = "meetings/2019-09-16-cyp/index.html";
  auto render = [&](bool fits, std::unique_ptr<SiteIndex>& kept) {
    RenderOptions options = Options();
    options.kept_index = &kept;
    options.kept_index_fits = fits;
    MemorySinkForTest sink;
    Diagnostics diag;
    RenderStats stats = RenderSite(site, options, sink, diag);
    REQUIRE(!diag.HasErrors());
    return std::make_pair(stats.index_kept, sink.files[page]);
  };
  std::unique_ptr<SiteIndex> kept;
  auto [first_kept, first] = render(true, kept);  // nothing kept yet: one is made
  CHECK(!first_kept);
  REQUIRE(kept);  // and left for the next build
  REQUIRE(Contains(first, "Minute 609"));
  for (auto& [key, minute] : kept->item_minutes) minute = 9990 + (minute % 10);
  auto [not_fit_kept, not_fit] = render(false, kept);
  CHECK(!not_fit_kept);
  CHECK(!Contains(not_fit, "Minute 9999"));
  for (auto& [key, minute] : kept->item_minutes) minute = 9990 + (minute % 10);
  auto [fit_kept, fit] = render(true, kept);
  CHECK(fit_kept);
  CHECK(Contains(fit, "Minute 9999"));
  CHECK(&kept->site() == &site);
}

namespace {

// Renders SmallSite as a clerk serve session's builds do: with the index
// and the render's memory kept from one render to the next.
struct SessionRenders {
  explicit SessionRenders(Site s = SmallSite()) : site(std::move(s)) {}
  const Site site;
  std::unique_ptr<SiteIndex> kept;
  RenderMemory memory;
  // `fits`: whether the kept index holds for this render (the loader says).
  bool Render(bool fits) {
    RenderOptions options = Options();
    options.kept_index = &kept;
    options.kept_index_fits = fits;
    options.memory = &memory;
    MemorySinkForTest sink;
    Diagnostics diag;
    RenderSite(site, options, sink, diag);
    return !diag.HasErrors();
  }
};

}  // namespace

TEST_CASE("a page list kept from the last build is used with the index it came with",
          "[render][site]") {
  // clerk serve keeps the page list with the index: it names records by
  // key, so it holds while they do. A job planted in it, naming a meeting
  // the site does not have, shows whether it is used.
  SessionRenders session;
  CHECK(session.Render(true));  // nothing kept yet: both are made, and kept
  REQUIRE(session.kept);
  REQUIRE(!session.memory.jobs.empty());
  auto plant = [&] {
    for (PageJob& job : session.memory.jobs)
      if (job.kind == PageKind::kMeeting) job.record = "1999-01-01-nowhere";
  };
  plant();
  CHECK(session.Render(false));  // the index does not fit: a new list is made
  plant();
  CHECK_THROWS_WITH(session.Render(true), Catch::Contains("1999-01-01-nowhere"));
}

TEST_CASE("the glossary's fingerprint is taken from the last build only with its index",
          "[render][site]") {
  // Hashing the glossary walks every paper for its glossary choices; with
  // the index kept (the same records, nothing outside a meeting folder
  // changed) the last build's is used. A planted one shows which is used.
  SessionRenders session;
  REQUIRE(session.Render(true));  // nothing kept yet: made
  const Fingerprint made = session.memory.shared;
  const Fingerprint planted = Hasher().Add("planted").Finish();
  REQUIRE(!(session.memory.glossary == planted));
  session.memory.glossary = planted;
  REQUIRE(session.Render(false));  // no index kept: made again
  CHECK(session.memory.shared == made);
  session.memory.glossary = planted;
  REQUIRE(session.Render(true));
  CHECK(!(session.memory.shared == made));  // the planted one is used
  CHECK(session.memory.glossary == planted);
}

TEST_CASE("a page links point at keeps only the ids they name while all are there",
          "[render][site]") {
  // The link check needs only the linked ids; the rest of a large site's
  // are millions of strings (render/page_pass.cpp, IdsToKeep).
  Site site = SmallSite();
  Document& report = site.documents.at("2019-09-16-cyp/care-leavers");
  report.body += "\nSee [the minute](@/meetings/2019-09-16-cyp/minutes#minute-609).\n";
  report.body_fingerprint = FingerprintOf(report.body);
  SessionRenders session(std::move(site));
  REQUIRE(session.Render(true));
  size_t with_anchors = 0;
  for (const auto& [path, target] : session.memory.targets) {
    if (target.anchors.empty()) continue;
    ++with_anchors;
    REQUIRE(target.ids);
    CHECK(std::vector<std::string>(target.anchors.begin(), target.anchors.end()) ==
          *target.ids);
  }
  CHECK(with_anchors > 0);
}
