// The decisions register (/decisions/): every resolution in the minutes,
// newest meeting first, with its meeting, agenda item, minute and whether the
// minutes are approved yet. Pages per committee and per year, so it can be
// filtered without JavaScript.
#include <functional>
#include <set>

#include "render/page_context.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

// A register of every decision on one page does not scale (ten years of a
// county council is tens of thousands), so the register is split: the
// latest decisions and the years on /decisions/, each year on its own page,
// and each committee's decisions on its page.
constexpr size_t kLatestMeetings = 5;

std::vector<int> PageContext::DecisionYearsOf(const Site& site) {
  std::set<int, std::greater<int>> years;
  for (const auto& [id, minutes] : site.minutes) {
    auto m = site.meetings.find(id);
    if (m != site.meetings.end()) years.insert(m->second.start.date.year);
  }
  return {years.begin(), years.end()};
}

PageData PageContext::BeginDecisions(const std::string& key, const std::string& title,
                                     const Committee* committee, int year) {
  std::vector<Crumb> crumbs = {{"Home", urls::Home()}};
  if (committee || year) crumbs.push_back({"Decisions", urls::Decisions()});
  PageData page = Begin(key, "decisions", title, "decisions", crumbs);
  json& d = page.data;
  d["committee"] = committee ? json(committee->name) : json(false);
  d["year"] = year ? json(std::to_string(year)) : json(false);
  d["latest"] = !committee && !year;
  // Decisions to come: the forward plans, where there are any.
  d["forward_plans_href"] =
      site_.forward_plans.empty() ? json(false) : json(Link(urls::ForwardPlans()));

  // The filters: all, or one committee; by year. The current choice is not
  // a link.
  json filters = json::array();
  filters.push_back({{"label", "Latest, all committees"},
                     {"href", Link(urls::Decisions())},
                     {"current", !committee && !year}});
  for (const auto& [id, c] : site_.committees) {
    filters.push_back({{"label", c.name},
                       {"href", Link(urls::CommitteeDecisions(id))},
                       {"current", committee && committee->id == id}});
  }
  d["filters"] = filters;
  json years = json::array();
  for (int y : DecisionYearsOf(site_)) {
    years.push_back({{"label", std::to_string(y)},
                     {"href", Link(urls::YearDecisions(y))},
                     {"current", y == year}});
  }
  d["years"] = years;
  return page;
}

PageData PageContext::DecisionsPage(const Committee* committee) {
  PageData page = BeginDecisions(
      committee ? urls::CommitteeDecisions(committee->id) : urls::Decisions(),
      committee ? "Decisions: " + committee->name : "Decisions", committee, 0);
  int count = 0;
  json meetings = DecisionMeetings(
      [&](const Meeting& m) { return !committee || m.committee.id == committee->id; },
      committee ? 0 : kLatestMeetings, count);
  json& d = page.data;
  d["meetings"] = meetings;
  d["count"] = count;
  d["count_text"] = std::to_string(count) + (count == 1 ? " decision" : " decisions");
  return page;
}

PageData PageContext::YearDecisionsPage(int year) {
  PageData page = BeginDecisions(urls::YearDecisions(year),
                                 "Decisions in " + std::to_string(year), nullptr, year);
  int count = 0;
  json meetings = DecisionMeetings(
      [&](const Meeting& m) { return m.start.date.year == year; }, 0, count);
  json& d = page.data;
  d["meetings"] = meetings;
  d["count"] = count;
  d["count_text"] = std::to_string(count) + (count == 1 ? " decision" : " decisions");
  return page;
}

json PageContext::DecisionMeetings(const std::function<bool(const Meeting&)>& keep,
                                   size_t max_meetings, int& count) const {
  json meetings = json::array();
  count = 0;
  for (auto it = index_.meetings_by_date.rbegin();
       it != index_.meetings_by_date.rend() &&
       (max_meetings == 0 || meetings.size() < max_meetings);
       ++it) {
    const Meeting& m = **it;
    if (!keep(m)) continue;
    auto minutes = site_.minutes.find(m.id);
    if (minutes == site_.minutes.end()) continue;
    const MinutesHtml* html = content_.Minutes(m.id);
    if (!html) continue;
    // The resolutions the minutes were parsed into (content/minutes_records.h);
    // their HTML is what the minutes page shows.
    const Minutes& mins = minutes->second;
    bool approved = mins.status == MinutesStatus::kApproved;
    std::string kind = ToString(mins.kind);  // "Minutes", "Action notes"
    std::string lower_kind = mins.kind == MinutesKind::kActionNotes ? "action notes" : "minutes";
    json decisions = json::array();
    auto add = [&](const MinuteResolution& r, const MinuteSection* s, int n) {
      const AgendaItem* item =
          !s || s->item.empty() ? nullptr : index_.FindItem(m, s->item);
      std::string minute = s ? "Minute " + std::to_string(s->number) : kind;
      ++count;
      decisions.push_back(
          {{"id", "decision-" + m.id + "-" + r.id},
           {"minute", minute},
           {"minute_title", s ? s->title : "Resolution " + std::to_string(n)},
           {"where", (s ? minute : std::string("Resolution")) + " in the " + lower_kind},
           {"href", Link(urls::Minutes(m.id) + "#" + r.id)},
           {"item",
            item ? json({{"label", "Agenda item " + s->item + ": " + item->title},
                         {"href", Link(urls::Meeting(m.id) + "#" +
                                       urls::ItemAnchor(s->item))}})
                 : json(false)},
           {"status", approved ? kind + " approved"
                               : "Draft " + lower_kind + ": not yet approved"},
           {"draft", !approved},
           {"html", html->DecisionHtml(r.id)}});
    };
    for (size_t i = 0; i < mins.resolutions.size(); ++i)
      add(mins.resolutions[i], nullptr, static_cast<int>(i) + 1);
    for (const MinuteSection& s : mins.sections)
      for (size_t i = 0; i < s.resolutions.size(); ++i)
        add(s.resolutions[i], &s, static_cast<int>(i) + 1);
    if (decisions.empty()) continue;
    meetings.push_back({{"id", "meeting-" + m.id},
                        {"label", index_.MeetingLabel(m)},
                        {"href", Link(urls::Meeting(m.id))},
                        {"decisions", decisions}});
  }
  return meetings;
}

}  // namespace clerk
