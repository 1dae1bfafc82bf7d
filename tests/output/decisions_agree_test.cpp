// The minutes page, the decisions register, data/decisions.json and the
// easy-read minutes read the same records (content/minutes_records.h), so
// they agree on every resolution and action of the same minutes.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "content/loader.h"
#include "output/open_data.h"
#include "render/site_index.h"
#include "render/site_renderer.h"
#include "test_support.h"

using namespace clerk;
using json = nlohmann::json;

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
    "None.\n"
    "\n"
    "## 13 Local plan\n"
    "\n"
    "**RESOLVED** that the review is noted.\n"
    "\n"
    "**Resolved:** that the plan is agreed.\n"
    "\n"
    "- **Action** (owner: [Alex Chair](@/people/alex-chair), due: 2024-05-01, "
    "status: done): publish the plan.\n"
    "- **Action:** tell the parish councils.\n";

struct Built {
  std::map<std::string, std::string> pages;
  json decisions;
};

Built Build(const std::string& minutes_md = kMinutes) {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  testing::WriteFile(dir.path() / "content/meetings/2024-03-04-planning/minutes.md",
                     minutes_md);
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  RenderOptions options;
  options.theme_dir = CLERK_SOURCE_DIR "/themes/default";
  Built out;
  for (const OutputFile& f : RenderSite(site, options, diag))
    out.pages[f.path] = f.content;
  for (const Diagnostic& d : diag.All()) INFO(FormatDiagnostic(d));
  REQUIRE(diag.ErrorCount() == 0);
  SiteIndex index(site);
  // data/decisions.json is an index of months: the months' files together.
  out.decisions = {{"decisions", json::array()}, {"actions", json::array()}};
  for (const OutputFile& f : output::OpenDataFiles(index, {})) {
    if (!f.path.starts_with("data/months/") || !f.path.ends_with("/decisions.json")) continue;
    // Parsed into a name first: a range-for over a member of a temporary
    // would read freed memory.
    const json month = json::parse(f.content);
    for (const char* key : {"decisions", "actions"})
      for (const json& e : month.at(key)) out.decisions[key].push_back(e);
  }
  return out;
}

std::set<std::string> Matches(const std::string& text, const std::string& pattern) {
  std::set<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re);
       it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

int Count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("the minutes page and the register and decisions.json and easy read agree",
          "[minutes-records]") {
  Built b = Build();
  const std::string& minutes =
      b.pages.at("meetings/2024-03-04-planning/minutes/index.html");
  const std::string& reg = b.pages.at("decisions/index.html");
  const std::set<std::string> resolutions = {"resolution-13-1", "resolution-13-2"};
  const std::set<std::string> actions = {"action-13-1", "action-13-2"};

  // The minutes page marks each record with its anchor.
  CHECK(Matches(minutes, "class=\"resolution\" id=\"([^\"]+)\"") == resolutions);
  CHECK(Matches(minutes, "class=\"action\" id=\"([^\"]+)\"") == actions);
  // Its table of actions: what is given, and blank where nothing is.
  CHECK(minutes.find("Wednesday 1 May 2024") != std::string::npos);
  CHECK(minutes.find("<td>Done</td>") != std::string::npos);
  CHECK(minutes.find("Minute 13, action 2</a></td><td></td><td></td><td></td>") !=
        std::string::npos);

  // The register: both resolutions (RESOLVED in capitals too), each with its
  // own text, and balanced HTML although a list of actions follows one.
  CHECK(Matches(reg, "#(resolution-[0-9-]+)\"") == resolutions);
  CHECK(Count(reg, "<div") == Count(reg, "</div>"));
  size_t second = reg.find("id=\"decision-2024-03-04-planning-resolution-13-2\"");
  REQUIRE(second != std::string::npos);
  std::string article = reg.substr(second, reg.find("</article>", second) - second);
  CHECK(article.find("the plan is agreed") != std::string::npos);
  CHECK(article.find("publish the plan") == std::string::npos);

  // decisions.json: the same resolutions, and the actions with their fields
  // (null where the minutes say nothing).
  std::set<std::string> json_resolutions, json_actions;
  for (const json& d : b.decisions.at("decisions")) {
    json_resolutions.insert(d.at("id").get<std::string>());
    CHECK(d.at("minute") == 13);
  }
  CHECK(json_resolutions == resolutions);
  REQUIRE(b.decisions.at("actions").size() == 2);
  const json& publish = b.decisions["actions"][0];
  CHECK(publish.at("id") == "action-13-1");
  CHECK(publish.at("owner").at("person_id") == "alex-chair");
  CHECK(publish.at("owner").at("name") == "Alex Chair");
  CHECK(publish.at("due") == "2024-05-01");
  CHECK(publish.at("status") == "done");
  CHECK(publish.at("text") == "publish the plan.");
  const json& tell = b.decisions["actions"][1];
  CHECK(tell.at("id") == "action-13-2");
  CHECK(tell.at("owner").is_null());
  CHECK(tell.at("due").is_null());
  CHECK(tell.at("status").is_null());

  // Easy read counts the same records and says only what they give.
  const std::string& easy =
      b.pages.at("easy-read/meetings/2024-03-04-planning/minutes/index.html");
  CHECK(easy.find("They made 2 decisions.") != std::string::npos);
  CHECK(easy.find("There are 2 things to do after the meeting.") != std::string::npos);
  CHECK(easy.find("Alex Chair should do it by Wednesday 1 May 2024.") !=
        std::string::npos);
  CHECK(easy.find("It has been done.") != std::string::npos);
}

TEST_CASE("action notes say so on every page that names them", "[minutes-records]") {
  Built b = Build(
      "---\n"
      "kind: action-notes\n"
      "status: draft\n"
      "sections:\n"
      "  - minute: 12\n"
      "    item: \"1\"\n"
      "  - minute: 13\n"
      "    item: \"2\"\n"
      "---\n"
      "\n"
      "Notes of an informal meeting.\n"
      "\n"
      "**Resolved:** that the site visit goes ahead.\n"
      "\n"
      "**Action** (owner: Planning team): book the bus.\n"
      "\n"
      "## 12 Apologies\n"
      "\n"
      "## 13 Local plan\n");
  const std::string& page = b.pages.at("meetings/2024-03-04-planning/minutes/index.html");
  CHECK(page.find("<span class=\"caption\">Action notes:") != std::string::npos);
  CHECK(page.find("Draft action notes</h2>") != std::string::npos);
  CHECK(page.find("id=\"resolution-1\"") != std::string::npos);
  CHECK(page.find("id=\"action-1\"") != std::string::npos);
  CHECK(page.find("<td>Planning team</td>") != std::string::npos);
  CHECK(b.pages.at("meetings/2024-03-04-planning/index.html")
            .find("Read the action notes of this meeting") != std::string::npos);
  const std::string& easy =
      b.pages.at("easy-read/meetings/2024-03-04-planning/minutes/index.html");
  CHECK(easy.find("Action notes of the meeting on") != std::string::npos);
  CHECK(easy.find("Planning team should do it.") != std::string::npos);
  CHECK(b.pages.at("decisions/index.html").find("Resolution in the action notes") !=
        std::string::npos);
  REQUIRE(b.decisions.at("decisions").size() == 1);
  CHECK(b.decisions["decisions"][0].at("minute").is_null());
  CHECK(b.decisions["decisions"][0].at("minutes_kind") == "action-notes");
  REQUIRE(b.decisions.at("actions").size() == 1);
  CHECK(b.decisions["actions"][0].at("owner").at("name") == "Planning team");
  CHECK(b.decisions["actions"][0].at("owner").at("person_id").is_null());
}
