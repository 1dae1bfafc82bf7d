// Topics followed across meetings and committees (/topics/): a youth justice
// plan comes back every year; each agenda item on it shows the others, and
// the topic's page lists them all, oldest first.
#include <algorithm>

#include "render/page_context.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

// An item shows the nearest other items on its topic, a few before and a few
// after, and links to the topic's page for the rest: a topic that comes back
// every month for ten years would otherwise list hundreds of links on every
// agenda (and make the site grow with the square of its meetings).
constexpr size_t kNearestOnEachSide = 3;

json PageContext::TopicOfItem(const Meeting& meeting, const AgendaItem& item) const {
  auto topic = site_.topics.find(item.topic.id);
  if (item.topic.empty() || topic == site_.topics.end()) return false;
  static const std::vector<SiteIndex::TopicItem> kNone;
  auto found = index_.topic_items.find(topic->first);
  const std::vector<SiteIndex::TopicItem>& all =
      found == index_.topic_items.end() ? kNone : found->second;
  auto position = index_.topic_item_position.find(&item);
  size_t here =
      position == index_.topic_item_position.end() ? all.size() : position->second;
  if (here < all.size() && all[here].meeting != &meeting) here = all.size();
  size_t from = here > kNearestOnEachSide ? here - kNearestOnEachSide : 0;
  size_t to = std::min(all.size(), here + kNearestOnEachSide + 1);
  json others = json::array();
  for (size_t i = from; i < to; ++i) {
    if (i == here) continue;
    const Meeting& m = *all[i].meeting;
    others.push_back(
        {{"href",
          Link(urls::Meeting(m.id) + "#" + urls::ItemAnchor(all[i].item->full_number))},
         {"label", index_.MeetingLabel(m) + ", item " + all[i].item->full_number}});
  }
  size_t total_others = all.empty() ? 0 : all.size() - 1;
  json more = false;
  if (total_others > others.size()) {
    more = {{"href", Link(urls::Topic(topic->first))},
            {"count", std::to_string(total_others)}};
  }
  return {{"href", Link(urls::Topic(topic->first))},
          {"title", topic->second.title},
          {"others", others},
          {"has_others", !others.empty()},
          {"more", more}};
}

PageData PageContext::TopicIndex() {
  PageData page = Begin(urls::Topics(), "topics", "Topics", "", {{"Home", urls::Home()}});
  json topics = json::array();
  for (const auto& [id, t] : site_.topics) {
    auto found = index_.topic_items.find(id);
    int count =
        found == index_.topic_items.end() ? 0 : static_cast<int>(found->second.size());
    topics.push_back(
        {{"href", Link(urls::Topic(id))},
         {"title", t.title},
         {"description", t.description},
         {"count", std::to_string(count) + (count == 1 ? " item" : " items")}});
  }
  page.data["topics"] = topics;
  page.data["has_topics"] = !topics.empty();
  return page;
}

PageData PageContext::TopicPage(const Topic& topic) {
  PageData page = Begin(urls::Topic(topic.id), "topic", topic.title, "",
                        {{"Home", urls::Home()}, {"Topics", urls::Topics()}});
  json& d = page.data;
  d["title"] = topic.title;
  d["description"] = topic.description;
  json items = json::array();
  static const std::vector<SiteIndex::TopicItem> kNone;
  auto found = index_.topic_items.find(topic.id);
  for (const SiteIndex::TopicItem& use :
       found == index_.topic_items.end() ? kNone : found->second) {
    const Meeting* m = use.meeting;
    const AgendaItem* item = use.item;
    {
      std::string key = m->id + "/" + item->full_number;
      json docs = json::array();
      if (auto it = index_.item_documents.find(key); it != index_.item_documents.end()) {
        for (const std::string& doc_id : it->second) {
          if (const Document* doc = index_.FindDocument(m->id, doc_id))
            docs.push_back(DocumentLink(*doc));
        }
      }
      json minute = false;
      if (auto it = index_.item_minutes.find(key);
          it != index_.item_minutes.end() && m->has_minutes) {
        minute = {
            {"number", std::to_string(it->second)},
            {"href", Link(urls::Minutes(m->id) + "#" + urls::MinuteAnchor(it->second))}};
      }
      items.push_back(
          {{"id", "item-" + m->id + "-" + urls::ItemAnchor(item->full_number)},
           {"meeting", index_.MeetingLabel(*m)},
           {"href",
            Link(urls::Meeting(m->id) + "#" + urls::ItemAnchor(item->full_number))},
           {"title", "Item " + item->full_number + ": " + item->title},
           {"status", ToString(m->status)},
           {"documents", docs},
           {"has_documents", !docs.empty()},
           {"minute", minute}});
    }
  }
  d["items"] = items;
  d["has_items"] = !items.empty();
  return page;
}

}  // namespace clerk
