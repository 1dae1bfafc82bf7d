// The derived links of the example site, checked on the built pages against
// figures the test computes itself from the records.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>

#include "content/loader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace clerk;
using namespace clerk::testing;

namespace {

// Builds the example site once for all the tests in this file.
const fs::path& BuiltSite() {
  static TempDir dir;
  static bool built = false;
  if (!built) {
    CommandResult r = RunClerk("build --source '" + SourceDir().string() + "' --out '" +
                                   (dir.path() / "public").string() + "'",
                               dir.path());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    built = true;
  }
  static fs::path public_dir = dir.path() / "public";
  return public_dir;
}

const Site& ExampleSite() {
  static Diagnostics diag;
  static Site site = LoadSite(SourceDir().string(), diag);
  return site;
}

bool Has(const std::string& html, const std::string& text) {
  return html.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("meetings link to their papers and minutes, and these link back",
          "[e2e][links]") {
  const Site& site = ExampleSite();
  int checked = 0;
  for (const auto& [id, meeting] : site.meetings) {
    std::string page = ReadFile(BuiltSite() / "meetings" / id / "index.html");
    for (const std::string& doc : meeting.documents) {
      INFO(id << " -> " << doc);
      CHECK(Has(page, "href=\"" + doc + "/index.html\""));
      std::string doc_page = ReadFile(BuiltSite() / "meetings" / id / doc / "index.html");
      CHECK(Has(doc_page, "href=\"../index.html"));
      ++checked;
    }
    if (meeting.has_minutes) {
      INFO(id << " -> minutes");
      CHECK(Has(page, "href=\"minutes/index.html\""));
      std::string minutes =
          ReadFile(BuiltSite() / "meetings" / id / "minutes/index.html");
      CHECK(Has(minutes, "href=\"../index.html\""));
      // Each minute links back to its agenda item.
      for (const MinuteSection& s : site.minutes.at(id).sections) {
        std::string anchor = s.item;
        for (char& c : anchor)
          if (c == '(' || c == ')') c = '-';
        while (!anchor.empty() && anchor.back() == '-') anchor.pop_back();
        size_t dash;
        while ((dash = anchor.find("--")) != std::string::npos) anchor.erase(dash, 1);
        CHECK(Has(minutes, "href=\"../index.html#item-" + anchor + "\""));
      }
    }
  }
  CHECK(checked >= 20);
}

TEST_CASE("every resolution in the minutes is in the decisions register",
          "[e2e][links]") {
  const Site& site = ExampleSite();
  // Count resolutions in the Markdown itself: paragraphs starting **Resolved.
  int resolutions = 0;
  for (const auto& [id, minutes] : site.minutes) {
    std::regex resolved(R"((^|\n)\*\*Resolved)");
    resolutions += static_cast<int>(std::distance(
        std::sregex_iterator(minutes.body.begin(), minutes.body.end(), resolved),
        std::sregex_iterator()));
  }
  REQUIRE(resolutions > 5);
  std::regex article("<article class=\"decision\"");
  auto articles = [&](const std::string& page) {
    return static_cast<int>(std::distance(
        std::sregex_iterator(page.begin(), page.end(), article), std::sregex_iterator()));
  };
  // The year pages hold every decision once; /decisions/ the latest of them.
  int by_year = 0;
  std::set<int> years;
  for (const auto& [id, minutes] : site.minutes)
    years.insert(site.meetings.at(id).start.date.year);
  for (int year : years) {
    by_year += articles(ReadFile(BuiltSite() / "decisions" /
                                 ("year-" + std::to_string(year)) / "index.html"));
  }
  CHECK(by_year == resolutions);
  std::string latest = ReadFile(BuiltSite() / "decisions/index.html");
  CHECK(articles(latest) > 0);
  CHECK(articles(latest) <= resolutions);
  for (int year : years)
    CHECK(Has(latest, "href=\"year-" + std::to_string(year) + "/index.html\""));
  // The per-committee pages split the same decisions between them.
  int split = 0;
  for (const auto& [id, committee] : site.committees) {
    std::string page = ReadFile(BuiltSite() / "decisions" / id / "index.html");
    split += articles(page);
  }
  CHECK(split == resolutions);
}

TEST_CASE("work programme rows link to the meeting they are planned for",
          "[e2e][links]") {
  const Site& site = ExampleSite();
  int rows = 0;
  for (const auto& [id, wp] : site.work_programmes) {
    std::string page = ReadFile(BuiltSite() / "work-programmes" / id / "index.html");
    for (const WorkProgrammeRow& row : wp.rows) {
      if (row.when != WhenKind::kMeeting || !site.meetings.count(row.meeting.id))
        continue;
      INFO(id << " -> " << row.meeting.id);
      CHECK(Has(page, "href=\"../../meetings/" + row.meeting.id + "/index.html"));
      // And the meeting says it was planned.
      std::string meeting =
          ReadFile(BuiltSite() / "meetings" / row.meeting.id / "index.html");
      CHECK(Has(meeting, "id=\"planned\""));
      ++rows;
    }
  }
  CHECK(rows >= 5);
}

TEST_CASE("person pages show attendance counted from the meetings", "[e2e][links]") {
  const Site& site = ExampleSite();
  // Independently: person -> committee -> {present, apologies, substitute, also}.
  std::map<std::string, std::map<std::string, std::array<int, 4>>> counts;
  for (const auto& [id, m] : site.meetings) {
    auto add = [&](const std::vector<Attendee>& list, int kind) {
      for (const Attendee& a : list) ++counts[a.person.id][m.committee.id][kind];
    };
    add(m.attendance.present, 0);
    add(m.attendance.remote, 0);
    add(m.attendance.apologies, 1);
    add(m.attendance.substitutes, 2);
    add(m.attendance.also_attending, 3);
  }
  REQUIRE(counts.size() > 10);
  std::regex row(
      R"re(<tr data-committee="([a-z0-9-]+)">.*?data-count="present">(\d+)<.*?data-count="apologies">(\d+)<.*?data-count="substitute">(\d+)<.*?data-count="also">(\d+)<)re");
  for (const auto& [person, by_committee] : counts) {
    std::string page = ReadFile(BuiltSite() / "people" / person / "index.html");
    std::map<std::string, std::array<int, 4>> shown;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), row);
         it != std::sregex_iterator(); ++it) {
      shown[(*it)[1]] = {std::stoi((*it)[2]), std::stoi((*it)[3]), std::stoi((*it)[4]),
                         std::stoi((*it)[5])};
    }
    INFO(person);
    CHECK(shown == by_committee);
  }
}

TEST_CASE("a topic links its items across meetings, both ways", "[e2e][links]") {
  const Site& site = ExampleSite();
  // topic -> (meeting, item) from the records.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> on;
  for (const auto& [id, m] : site.meetings)
    for (const AgendaItem& item : m.agenda)
      if (!item.topic.empty()) on[item.topic.id].push_back({id, item.full_number});
  REQUIRE(on.size() >= 3);
  for (auto& [topic, items] : on) {
    // Meeting ids start with the date: this is date order, agenda order within.
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string page = ReadFile(BuiltSite() / "topics" / topic / "index.html");
    for (size_t i = 0; i < items.size(); ++i) {
      const auto& [meeting, number] = items[i];
      INFO(topic << " " << meeting << " " << number);
      std::string target = "meetings/" + meeting + "/index.html#item-" + number + "\"";
      CHECK(Has(page, "href=\"../../" + target));
      // The nearest three items of the topic on each side are linked from
      // this item's meeting page, and the topic's page for the rest.
      std::string meeting_page =
          ReadFile(BuiltSite() / "meetings" / meeting / "index.html");
      CHECK(Has(meeting_page, "href=\"../../topics/" + topic + "/index.html\""));
      size_t shown = 0;
      for (size_t j = (i > 3 ? i - 3 : 0); j < std::min(items.size(), i + 4); ++j) {
        if (j == i) continue;
        ++shown;
        const auto& [other, other_number] = items[j];
        std::string href = other == meeting ? "" : "../" + other + "/index.html";
        CHECK(Has(meeting_page, "href=\"" + href + "#item-" + other_number + "\""));
      }
      if (items.size() - 1 > shown) {
        CHECK(Has(meeting_page, "All " + std::to_string(items.size() - 1) +
                                    " other items on this topic"));
      }
    }
  }
}

TEST_CASE("a broken reference in the example content fails the build at its position",
          "[e2e][links]") {
  TempDir dir;
  for (const char* part : {"site.yaml", "content"}) {
    fs::path from = SourceDir() / part;
    if (fs::is_directory(from))
      CopyTree(from, dir.path() / part);
    else
      fs::copy_file(from, dir.path() / part);
  }
  fs::path minutes =
      dir.path() / "content/meetings/2023-12-06-children-families-panel/minutes.md";
  std::string text = ReadFile(minutes);
  size_t at = text.find("children-families-panel#item-5)");
  REQUIRE(at != std::string::npos);
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  text.replace(at, 31, "children-families-panel#item-55)");
  WriteFile(minutes, text);
  CommandResult r = RunClerk("build", dir.path());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "content/meetings/2023-12-06-children-families-panel/minutes.md:" +
                          std::to_string(line) + ":"));
  CHECK(Has(r.output, "the page has no anchor '#item-55'"));
  CHECK(!fs::exists(dir.path() / "public"));
}
