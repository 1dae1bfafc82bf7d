// Topics followed across meetings and committees (/topics/): a youth justice
// plan comes back every year; each agenda item on it shows the others, and
// the topic's page lists them all, oldest first.
#include "render/page_context.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

namespace {

// Every agenda item (and sub-item) of `meeting` on `topic_id`.
void ItemsOn(const std::vector<AgendaItem>& items, const std::string& topic_id,
             std::vector<const AgendaItem*>& out) {
  for (const AgendaItem& item : items) {
    if (item.topic.id == topic_id) out.push_back(&item);
    ItemsOn(item.sub_items, topic_id, out);
  }
}

}  // namespace

json PageContext::TopicOfItem(const Meeting& meeting, const AgendaItem& item) const {
  auto topic = site_.topics.find(item.topic.id);
  if (item.topic.empty() || topic == site_.topics.end()) return false;
  json others = json::array();
  for (const Meeting* m : index_.meetings_by_date) {
    std::vector<const AgendaItem*> on;
    ItemsOn(m->agenda, topic->first, on);
    for (const AgendaItem* other : on) {
      if (m->id == meeting.id && other->full_number == item.full_number) continue;
      others.push_back(
          {{"href",
            Link(urls::Meeting(m->id) + "#" + urls::ItemAnchor(other->full_number))},
           {"label", index_.MeetingLabel(*m) + ", item " + other->full_number}});
    }
  }
  return {{"href", Link(urls::Topic(topic->first))},
          {"title", topic->second.title},
          {"others", others},
          {"has_others", !others.empty()}};
}

PageData PageContext::TopicIndex() {
  PageData page = Begin(urls::Topics(), "topics", "Topics", "", {{"Home", urls::Home()}});
  json topics = json::array();
  for (const auto& [id, t] : site_.topics) {
    int count = 0;
    for (const Meeting* m : index_.meetings_by_date) {
      std::vector<const AgendaItem*> on;
      ItemsOn(m->agenda, id, on);
      count += static_cast<int>(on.size());
    }
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
  for (const Meeting* m : index_.meetings_by_date) {
    std::vector<const AgendaItem*> on;
    ItemsOn(m->agenda, topic.id, on);
    for (const AgendaItem* item : on) {
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
