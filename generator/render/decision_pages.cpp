// The decisions register (/decisions/): every resolution in the minutes,
// newest meeting first, with its meeting, agenda item, minute and whether the
// minutes are approved yet. One page for all committees and one for each, so
// it can be filtered without JavaScript.
#include "render/page_context.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

PageData PageContext::DecisionsPage(const Committee* committee) {
  std::string title = committee ? "Decisions: " + committee->name : "Decisions";
  std::vector<Crumb> crumbs = {{"Home", urls::Home()}};
  if (committee) crumbs.push_back({"Decisions", urls::Decisions()});
  PageData page =
      Begin(committee ? urls::CommitteeDecisions(committee->id) : urls::Decisions(),
            "decisions", title, "decisions", crumbs);
  json& d = page.data;
  d["committee"] = committee ? json(committee->name) : json(false);

  // The filter: all, or one committee; the current choice is not a link.
  json filters = json::array();
  filters.push_back({{"label", "All committees"},
                     {"href", Link(urls::Decisions())},
                     {"current", committee == nullptr}});
  for (const auto& [id, c] : site_.committees) {
    filters.push_back({{"label", c.name},
                       {"href", Link(urls::CommitteeDecisions(id))},
                       {"current", committee && committee->id == id}});
  }
  d["filters"] = filters;

  json meetings = json::array();
  int count = 0;
  for (auto it = index_.meetings_by_date.rbegin(); it != index_.meetings_by_date.rend();
       ++it) {
    const Meeting& m = **it;
    if (committee && m.committee.id != committee->id) continue;
    auto minutes = site_.minutes.find(m.id);
    auto html = content_.minutes.find(m.id);
    if (minutes == site_.minutes.end() || html == content_.minutes.end()) continue;
    bool approved = minutes->second.status == MinutesStatus::kApproved;
    json decisions = json::array();
    for (const MinuteHtml& section : html->second.sections) {
      std::string item_number, minute_title = section.title;
      for (const MinuteSection& s : minutes->second.sections) {
        if (s.number != section.number) continue;
        item_number = s.item;
        minute_title = s.title;
      }
      const AgendaItem* item =
          item_number.empty() ? nullptr : index_.FindItem(m, item_number);
      for (const MarkdownDecision& decision : section.decisions) {
        if (decision.kind != "resolution") continue;
        ++count;
        decisions.push_back(
            {{"id", "decision-" + m.id + "-" + decision.id},
             {"minute", "Minute " + std::to_string(section.number)},
             {"minute_title", minute_title},
             {"href", Link(urls::Minutes(m.id) + "#" + decision.id)},
             {"item",
              item ? json({{"label", "Agenda item " + item_number + ": " + item->title},
                           {"href", Link(urls::Meeting(m.id) + "#" +
                                         urls::ItemAnchor(item_number))}})
                   : json(false)},
             {"status",
              approved ? "Minutes approved" : "Draft minutes: not yet approved"},
             {"draft", !approved},
             {"html", decision.html}});
      }
    }
    if (decisions.empty()) continue;
    meetings.push_back({{"id", "meeting-" + m.id},
                        {"label", index_.MeetingLabel(m)},
                        {"href", Link(urls::Meeting(m.id))},
                        {"decisions", decisions}});
  }
  d["meetings"] = meetings;
  d["count"] = count;
  d["count_text"] = std::to_string(count) + (count == 1 ? " decision" : " decisions");
  return page;
}

}  // namespace clerk
