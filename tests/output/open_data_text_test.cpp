// Text in open data is plain text and links in it are public URLs: the
// resolutions and actions of data/decisions.json, agenda purposes, work
// programme descriptions. No Markdown ("**", "`", "[text](") and no "@/"
// reference is left in any string of any open data file.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "content/loader.h"
#include "output/open_data.h"
#include "output/plain_text.h"
#include "output/plan_files.h"
#include "render/public_urls.h"
#include "render/site_index.h"
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
    "**Resolved:** that the apologies are noted.\n"
    "\n"
    "- **Action** (owner: [Alex Chair](@/people/alex-chair), due: 2024-05-01, "
    "status: open): write to Bo.\n"
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
    "**Resolved:** that the [minute](@/meetings/2024-03-04-planning/minutes#minute-12)\n"
    "is _corrected_.\n";

std::map<std::string, json> OpenData(const std::string& base_url) {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  testing::WriteFile(dir.path() / "content/meetings/2024-03-04-planning/minutes.md",
                     kMinutes);
  testing::WriteFile(dir.path() / "content/work-programmes/planning-2024.yaml",
                     "committee: planning\n"
                     "title: Work programme 2024\n"
                     "rows:\n"
                     "  - topic: Local plan\n"
                     "    description: To agree the **draft** [plan](@/meetings/"
                     "2024-03-04-planning/local-plan).\n"
                     "    meeting: 2024-03-04-planning\n");
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  for (const Diagnostic& d : diag.All()) INFO(FormatDiagnostic(d));
  REQUIRE(diag.ErrorCount() == 0);
  SiteIndex index(site);
  std::map<std::string, json> out;
  for (const OutputFile& f : output::OpenDataFiles(index, {base_url, 1}))
    out[f.path] = json::parse(f.content);
  for (const OutputFile& f : output::PlanFiles(index, {base_url}))
    if (f.path.ends_with(".json")) out[f.path] = json::parse(f.content);
  return out;
}

// Every string value under `j`, with where it is.
void Strings(const json& j, const std::string& where,
             const std::function<void(const std::string&, const std::string&)>& f) {
  if (j.is_string()) {
    f(where, j.get<std::string>());
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      Strings(j[i], where + "/" + std::to_string(i), f);
  } else if (j.is_object()) {
    for (const auto& [k, v] : j.items())
      if (k != "sources") Strings(v, where + "/" + k, f);
  }
}

const json& Record(const json& decisions, const std::string& list,
                   const std::string& id) {
  for (const json& d : decisions.at(list))
    if (d.at("id") == id) return d;
  FAIL("no " + id);
  static json none;
  return none;
}

}  // namespace

TEST_CASE("Markdown as plain text, references as public URLs", "[open-data-text]") {
  auto link = [](const std::string& url) {
    return output::PublicLink("https://papers.example.org", url);
  };
  CHECK(
      output::MarkdownPlainText(
          "**Resolved:** that the [plan](@/meetings/x/minutes#minute-3) is `agreed`\n"
          "by _all_.",
          link) ==
      "Resolved: that the plan (https://papers.example.org/meetings/x/minutes/#minute-3) "
      "is agreed by all.");
  CHECK(output::MarkdownPlainText("**RESOLVED** that\n\n1. one, with\n   - a; and\n   - "
                                  "b;\n2. two.",
                                  link) ==
        "RESOLVED that\n\n1. one, with\n   - a; and\n   "
        "- b;\n2. two.");
  // An address given as its own words is given once.
  CHECK(output::MarkdownPlainText("Send to [a@b.org](mailto:a@b.org) or <https://x.org>.",
                                  link) == "Send to a@b.org or https://x.org.");
  CHECK(output::MarkdownPlainText("See [the site](https://x.org/).", link) ==
        "See the site (https://x.org/).");
}

TEST_CASE("public URLs drop index.html before a fragment", "[open-data-text]") {
  CHECK(output::AbsoluteUrl("https://x.org", "meetings/m/index.html#item-7") ==
        "https://x.org/meetings/m/#item-7");
  CHECK(output::PublicUrl("", "meetings/m/minutes/index.html#action-3-1") ==
        "/meetings/m/minutes/#action-3-1");
  CHECK(output::PublicLink("", "@/meetings/m/minutes#minute-3") ==
        "/meetings/m/minutes/#minute-3");
  CHECK(output::PublicLink("", "https://x.org/a") == "https://x.org/a");
}

TEST_CASE("open data holds plain text and public URLs", "[open-data-text]") {
  for (const std::string base : {"", "https://papers.example.org/"}) {
    INFO("base URL '" << base << "'");
    std::map<std::string, json> data = OpenData(base);
    // No Markdown and no reference in any string of any file.
    int strings = 0;
    for (const auto& [path, j] : data) {
      Strings(j, path, [&](const std::string& where, const std::string& s) {
        ++strings;
        INFO(where << ": " << s);
        for (const char* mark : {"**", "__", "`", "](", "@/", "index.html#"})
          CHECK(s.find(mark) == std::string::npos);
      });
    }
    CHECK(strings > 50);

    // data/decisions.json is an index of months: the months' files together.
    json decisions = {{"decisions", json::array()}, {"actions", json::array()}};
    for (const auto& [path, j] : data)
      if (path.starts_with("data/months/") && path.ends_with("/decisions.json"))
        for (const char* key : {"decisions", "actions"})
          for (const json& e : j.at(key)) decisions[key].push_back(e);
    REQUIRE(decisions.at("decisions").size() == 3);
    REQUIRE(decisions.at("actions").size() == 2);
    std::string paper = base.empty() ? "/" : base;
    CHECK(Record(decisions, "decisions", "resolution-12-1").at("text") ==
          "Resolved: that the apologies are noted.");
    CHECK(Record(decisions, "decisions", "resolution-13-1").at("text") ==
          "RESOLVED that\n\n1. the local plan (" + paper +
              "meetings/2024-03-04-planning/local-plan/) is agreed, with\n"
              "   - its housing sites; and\n   - its H1 policy;\n2. it goes to Council.");
    CHECK(Record(decisions, "decisions", "resolution-13-2").at("text") ==
          "Resolved: that the minute (" + paper +
              "meetings/2024-03-04-planning/minutes/#minute-12) is corrected.");
    CHECK(Record(decisions, "decisions", "resolution-13-2").at("url") ==
          paper + "meetings/2024-03-04-planning/minutes/#resolution-13-2");
    const json& write = Record(decisions, "actions", "action-12-1");
    CHECK(write.at("text") == "write to Bo.");
    CHECK(write.at("owner").at("name") == "Alex Chair");
    CHECK(write.at("owner").at("person_id") == "alex-chair");
    CHECK(write.at("due") == "2024-05-01");
    CHECK(write.at("status") == "open");
    const json& send = Record(decisions, "actions", "action-12-2");
    CHECK(send.at("text") == "send the papers.");
    CHECK(send.at("owner").is_null());
    CHECK(send.at("due").is_null());
    CHECK(send.at("status").is_null());

    const json& row = data.at("data/work-programmes/planning-2024.json")["rows"][0];
    CHECK(row.at("description") == "To agree the draft plan (" + paper +
                                       "meetings/2024-03-04-planning/local-plan/).");
  }
}
