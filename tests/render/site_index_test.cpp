// The site index answers per page in constant time: a meeting's neighbours
// in its committee, and an agenda item's neighbours on its topic.
#include "render/site_index.h"

#include <catch2/catch.hpp>

#include "render/content_html.h"
#include "render/page_context.h"
#include "small_site.h"

using namespace clerk;

namespace {

// SmallSite plus 12 monthly meetings of committee "cyp" in 2021, each with
// item 1 on topic "budget", and its sub-item 1(1) on the same topic.
Site LongHistory() {
  Site site = render_testing::SmallSite();
  site.topics["budget"] = Topic{"budget", {}, "Budget", "Money."};
  for (int month = 1; month <= 12; ++month) {
    Meeting m;
    m.id =
        "2021-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-10-cyp";
    m.committee = {"cyp", {}};
    m.status = MeetingStatus::kScheduled;
    m.start = {Date{2021, month, 10}, TimeOfDay{10, 0}};
    AgendaItem item;
    item.number = item.full_number = "1";
    item.title = "Budget";
    item.topic = {"budget", {}};
    AgendaItem sub;
    sub.number = "(1)";
    sub.full_number = "1(1)";
    sub.title = "Budget detail";
    sub.topic = {"budget", {}};
    item.sub_items.push_back(sub);
    m.agenda.push_back(item);
    site.meetings[m.id] = m;
  }
  return site;
}

}  // namespace

TEST_CASE("a meeting's previous and next are its neighbours in its committee",
          "[render][index]") {
  Site site = LongHistory();
  SiteIndex index(site);
  const Meeting& first = site.meetings.at("2019-09-16-cyp");
  const Meeting& june = site.meetings.at("2021-06-10-cyp");
  const Meeting& last = site.meetings.at("2021-12-10-cyp");
  CHECK(index.Previous(first) == nullptr);
  REQUIRE(index.Previous(june) != nullptr);
  CHECK(index.Previous(june)->id == "2021-05-10-cyp");
  CHECK(index.Next(june)->id == "2021-07-10-cyp");
  CHECK(index.Next(last) == nullptr);
  CHECK(index.Previous(last)->id == "2021-11-10-cyp");
  // A meeting the index was not built from has no neighbours.
  Meeting stranger = june;
  CHECK(index.Previous(stranger) == nullptr);
  CHECK(index.Next(stranger) == nullptr);
}

TEST_CASE("an agenda item shows the nearest uses of its topic on each side",
          "[render][index]") {
  Site site = LongHistory();
  SiteIndex index(site);
  Diagnostics diag;
  RenderedContent content = RenderContent(site, diag);
  const std::vector<Rendition> renditions = {{"standard", "Standard", ""}};
  RenderOptions options;
  PageContext context(index, content, renditions[0], renditions, options);

  // 24 uses of the topic (an item and a sub-item a month); June's item is
  // the 11th (index 10): three on each side, itself left out.
  PageData june = context.MeetingPage(site.meetings.at("2021-06-10-cyp"));
  const nlohmann::json& item = june.data["agenda"]["items"][0];
  const nlohmann::json& topic = item["topic"];
  REQUIRE(topic.is_object());
  std::vector<std::string> labels;
  for (const auto& other : topic["others"]) labels.push_back(other["label"]);
  REQUIRE(labels.size() == 6);
  auto ends_with = [](const std::string& s, const std::string& end) {
    return s.size() >= end.size() &&
           s.compare(s.size() - end.size(), end.size(), end) == 0;
  };
  // April 1(1), May 1, May 1(1) | June 1(1), July 1, July 1(1).
  CHECK(labels[0].find("April") != std::string::npos);
  CHECK(ends_with(labels[0], "item 1(1)"));
  CHECK(labels[1].find("May") != std::string::npos);
  CHECK(ends_with(labels[1], "item 1"));
  CHECK(labels[3].find("June") != std::string::npos);  // its own sub-item
  CHECK(ends_with(labels[3], "item 1(1)"));
  CHECK(labels[5].find("July") != std::string::npos);
  CHECK(topic["more"]["count"] == "23");
  // The sub-item's window is centred on the sub-item.
  const nlohmann::json& sub_topic = item["sub_items"][0]["topic"];
  const std::string parent = sub_topic["others"][2]["label"];
  CHECK(parent.find("June") != std::string::npos);
  CHECK(ends_with(parent, "item 1"));
  // The first use has only later ones.
  PageData january = context.MeetingPage(site.meetings.at("2021-01-10-cyp"));
  const nlohmann::json& first = january.data["agenda"]["items"][0]["topic"];
  CHECK(first["others"].size() == 3);
}
