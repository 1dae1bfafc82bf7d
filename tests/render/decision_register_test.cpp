// The decisions register lists every resolution and every action of every
// minute, from the records the minutes were parsed into, with an action's
// owner, due date and status where the minutes give them, in valid HTML:
// a resolution followed by a list of actions, several resolutions in one
// minute, a resolution with a nested list and a link to a paper, RESOLVED
// in capitals and an action with no fields.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "content/loader.h"
#include "links/site_links.h"
#include "render/site_renderer.h"
#include "test_support.h"

using namespace clerk;

namespace {

const char* kMinutes =
    "---\n"
    "status: approved\n"
    "approved_at: 2024-05-06-planning\n"
    "sections:\n"
    "  - minute: 12\n"
    "    item: \"1\"\n"
    "  - minute: 13\n"
    "    item: \"2\"\n"
    "---\n"
    "\n"
    "## 12 Apologies\n"
    "\n"
    "**Resolved:** that the apologies are noted.\n"
    "\n"
    "- **Action** (owner: [Alex Chair](@/people/alex-chair), due: 2024-05-01, "
    "status: open): write to Bo.\n"
    "- **Action** (owner: Planning team; status: done): book the room.\n"
    "- **Action:** send the papers.\n"
    "\n"
    "## 13 Local plan\n"
    "\n"
    "**RESOLVED** that\n"
    "\n"
    "1. the [local plan](@/meetings/2024-03-04-planning/local-plan) is agreed, with\n"
    "   - its **housing** sites; and\n"
    "   - its `H1` policy;\n"
    "2. it goes to Council.\n"
    "\n"
    "**Resolved:** that the review is noted.\n"
    "\n"
    "**Action** (status: in progress): publish the plan.\n";

std::string Register() {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  testing::WriteFile(dir.path() / "content/meetings/2024-03-04-planning/minutes.md",
                     kMinutes);
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  RenderOptions options;
  options.theme_dir = CLERK_SOURCE_DIR "/themes/default";
  std::map<std::string, std::string> pages;
  for (const OutputFile& f : RenderSite(site, options, diag)) pages[f.path] = f.content;
  for (const Diagnostic& d : diag.All()) INFO(FormatDiagnostic(d));
  REQUIRE(diag.ErrorCount() == 0);
  return pages.at("decisions/index.html");
}

int Count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1))
    ++n;
  return n;
}

// The <article> of record `id` ("action-12-1") on the register.
std::string Article(const std::string& page, const std::string& id) {
  size_t at = page.find("id=\"decision-2024-03-04-planning-" + id + "\"");
  if (at == std::string::npos) return "";
  return page.substr(at, page.find("</article>", at) - at);
}

}  // namespace

TEST_CASE("the register lists every resolution and action with its fields",
          "[decisions-register]") {
  std::string page = Register();
  const std::vector<std::string> order = {
      "resolution-12-1", "action-12-1",     "action-12-2", "action-12-3",
      "resolution-13-1", "resolution-13-2", "action-13-1"};
  // Every record once, in the order the minutes give them.
  size_t last = 0;
  for (const std::string& id : order) {
    INFO(id);
    std::string anchor = "id=\"decision-2024-03-04-planning-" + id + "\"";
    CHECK(Count(page, anchor) == 1);
    size_t at = page.find(anchor);
    CHECK(at > last);
    last = at;
    CHECK(Count(page, "minutes/index.html#" + id + "\"") == 1);
  }
  CHECK(Count(page, "<article class=\"decision\"") == 3);
  CHECK(Count(page, "<article class=\"decision decision--action\"") == 4);
  CHECK(page.find("3 decisions and 4 actions") != std::string::npos);

  // An action's owner, date and status, as given; nothing where not given.
  std::string write = Article(page, "action-12-1");
  CHECK(write.find("write to Bo.") != std::string::npos);
  CHECK(write.find(">Who</dt>") != std::string::npos);
  CHECK(write.find("people/alex-chair/index.html\">Alex Chair</a></dd>") !=
        std::string::npos);
  CHECK(write.find("Wednesday 1 May 2024") != std::string::npos);
  CHECK(write.find(">Open</dd>") != std::string::npos);
  std::string book = Article(page, "action-12-2");
  CHECK(book.find(">Planning team</dd>") != std::string::npos);
  CHECK(book.find(">Done</dd>") != std::string::npos);
  CHECK(book.find(">By when</dt>") == std::string::npos);
  std::string send = Article(page, "action-12-3");
  CHECK(send.find("send the papers.") != std::string::npos);
  for (const char* key : {">Who</dt>", ">By when</dt>", ">Progress</dt>"})
    CHECK(send.find(key) == std::string::npos);
  CHECK(Article(page, "action-13-1").find(">In progress</dd>") != std::string::npos);

  // The resolution in capitals keeps its nested list and its link to the paper.
  std::string agreed = Article(page, "resolution-13-1");
  CHECK(agreed.find("<strong>RESOLVED</strong> that") != std::string::npos);
  CHECK(agreed.find("href=\"../meetings/2024-03-04-planning/local-plan/index.html\"") !=
        std::string::npos);
  CHECK(agreed.find("its <strong>housing</strong> sites; and") != std::string::npos);
  CHECK(agreed.find("it goes to Council.") != std::string::npos);
  // Each resolution holds its own words only.
  CHECK(Article(page, "resolution-12-1").find("write to Bo") == std::string::npos);
  CHECK(Article(page, "resolution-13-2").find("the review is noted") !=
        std::string::npos);

  // Balanced HTML, and every id once.
  for (const char* tag : {"div", "ul", "ol", "li", "article", "section", "dl", "p"}) {
    INFO(tag);
    CHECK(Count(page, std::string("<") + tag + ">") +
              Count(page, std::string("<") + tag + " ") ==
          Count(page, std::string("</") + tag + ">"));
  }
  std::vector<std::string> ids = HtmlIds(page);
  std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());
}
