// Listings that stay small at scale (issue 20): data/meetings.json and
// data/decisions.json are indexes of months, each month's file holds that
// month's entries, and together they hold every entry exactly once.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "output/open_data.h"
#include "render/site_index.h"
#include "render/small_site.h"

using namespace clerk;
using json = nlohmann::json;

namespace {

// The small site with the held meeting (and its minutes) copied to the 1st
// and 15th of every month of 2019 to 2021: three years, 72 meetings more.
Site ThreeYears() {
  Site site = render_testing::SmallSite();
  const Meeting held = site.meetings.at("2019-09-16-cyp");
  const Minutes minutes = site.minutes.at(held.id);
  for (int y = 2019; y <= 2021; ++y)
    for (int mo = 1; mo <= 12; ++mo)
      for (int day : {1, 15}) {
        char id[32];
        std::snprintf(id, sizeof id, "%04d-%02d-%02d-cyp", y, mo, day);
        Meeting m = held;
        m.id = id;
        m.start.date = {y, mo, day};
        site.meetings[m.id] = m;
        Minutes mins = minutes;
        mins.meeting_id = m.id;
        site.minutes[m.id] = mins;
      }
  return site;
}

}  // namespace

TEST_CASE("open data: listings split by month, every entry once", "[open-data]") {
  Site site = ThreeYears();
  SiteIndex index(site);
  std::map<std::string, json> files;
  for (const OutputFile& f : output::OpenDataFiles(index, {"https://x.example/", 2}))
    files[f.path] = json::parse(f.content);

  const json& meetings = files.at("data/meetings.json");
  CHECK_FALSE(meetings.contains("meetings"));  // an index, not the archive
  REQUIRE(meetings.at("months").size() == 36);
  CHECK(meetings.at("counts").at("meetings") == site.meetings.size());
  std::map<std::string, int> seen;
  for (const json& month : meetings.at("months")) {
    std::string name = month.at("month");
    std::string path = "data/months/" + name + "/meetings.json";
    CHECK(month.at("url") == "https://x.example/" + path);
    const json& file = files.at(path);
    CHECK(file.at("month") == name);
    CHECK(file.at("meetings").size() == month.at("meetings").get<size_t>());
    std::string last;
    for (const json& m : file.at("meetings")) {
      CHECK(m.at("date").get<std::string>().substr(0, 7) == name);
      CHECK(m.at("date").get<std::string>() >= last);  // in date order
      last = m.at("date");
      ++seen[m.at("id")];
    }
  }
  CHECK(seen.size() == site.meetings.size());
  for (const auto& [id, n] : seen) CHECK(n == 1);
  CHECK(files.at("data/months/2019-09/meetings.json").at("meetings").size() == 3);

  // Decisions: each copied minutes' one resolution, in its meeting's month.
  const json& decisions = files.at("data/decisions.json");
  CHECK_FALSE(decisions.contains("decisions"));
  CHECK(decisions.at("counts").at("decisions") == 72 + 1);
  CHECK(decisions.at("counts").at("actions") == 0);
  size_t total = 0;
  for (const json& month : decisions.at("months")) {
    const json& file = files.at("data/months/" + month.at("month").get<std::string>() +
                                "/decisions.json");
    CHECK(file.at("decisions").size() == month.at("decisions").get<size_t>());
    total += file.at("decisions").size();
  }
  CHECK(total == 72 + 1);
  // No month's file is unlinked.
  size_t month_files = 0;
  for (const auto& [path, j] : files)
    if (path.starts_with("data/months/")) ++month_files;
  CHECK(month_files == meetings.at("months").size() + decisions.at("months").size());
}

TEST_CASE("open data goes out a month at a time, not all held at once", "[open-data]") {
  // At 10,000 meetings the open data is 400 MB, and the events it is made
  // from were all held as JSON trees until the last file was made.
  Site site = ThreeYears();
  SiteIndex index(site);
  std::vector<std::string> order;
  output::OpenDataFiles(index, {"https://x.example/", 2},
                        [&](OutputFile f) { order.push_back(f.path); });
  auto at = [&](const std::string& path) {
    auto it = std::find(order.begin(), order.end(), path);
    REQUIRE(it != order.end());
    return it - order.begin();
  };
  // January 2019's listings are out before February's meetings are made.
  CHECK(at("data/months/2019-01/meetings.json") <
        at("data/meetings/2019-02-01-cyp.json"));
  CHECK(at("data/months/2019-01/decisions.json") <
        at("data/meetings/2019-02-01-cyp.json"));
  CHECK(at("data/meetings/2021-12-15-cyp.json") < at("data/meetings.json"));
  // The same files as all at once.
  std::vector<std::string> all;
  for (const OutputFile& f : output::OpenDataFiles(index, {"https://x.example/", 1}))
    all.push_back(f.path);
  std::sort(all.begin(), all.end());
  std::sort(order.begin(), order.end());
  CHECK(all == order);
}
