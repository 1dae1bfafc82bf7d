// The decisions register (/decisions/): every resolution and every action in
// the minutes (content/minutes_records.h), newest meeting first, with its
// meeting, agenda item, minute and whether the minutes are approved yet; an
// action with its owner, due date and status where the minutes give them.
// Pages per committee and per year, so it can be filtered without JavaScript.
#include <algorithm>
#include <functional>
#include <unordered_set>

#include "render/page_context.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

// A register of every decision on one page does not scale (ten years of a
// county council is tens of thousands), so the register is split: the
// latest decisions and the years on /decisions/, each year on its own page,
// and each committee's decisions on its page.
constexpr size_t kLatestMeetings = 5;
// A year of a county council's decisions was 5.2 MB on one page (N = 10,000
// meetings): years and committees are paged, 100 meetings with minutes a
// page (about 1.2 MB there).
constexpr size_t kDecisionMeetingsPerPage = 100;

namespace {

// A record's HTML as the minutes page has it, without its ids: the register
// gives each record its own anchor, and ids inside the text (a nested
// action's, a footnote's) would repeat from meeting to meeting.
std::string WithoutIds(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  size_t from = 0;
  for (size_t at = html.find(" id=\""); at != std::string::npos;
       at = html.find(" id=\"", from)) {
    size_t end = html.find('"', at + 5);
    if (end == std::string::npos) break;
    out.append(html, from, at - from);
    from = end + 1;
  }
  out.append(html, from, std::string::npos);
  return out;
}

std::string Counted(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The meetings with minutes `keep` on page `page` (from 1), counted newest
// first, as DecisionPagesOf counts them.
std::unordered_set<const Meeting*> MeetingsOnPage(
    const SiteIndex& index, const std::function<bool(const Meeting&)>& keep, int page) {
  std::unordered_set<const Meeting*> on_page;
  size_t rank = 0;
  for (auto it = index.minuted_by_date.rbegin(); it != index.minuted_by_date.rend();
       ++it) {
    if (!keep(**it)) continue;
    if (rank / kDecisionMeetingsPerPage == static_cast<size_t>(page - 1))
      on_page.insert(*it);
    ++rank;
  }
  return on_page;
}

// Links to every page of a paged list, the current one marked (no
// pagination when there is one page).
json Pagination(const std::string& label, int page, int pages,
                const std::function<std::string(int)>& href) {
  if (pages <= 1) return false;
  json list = json::array();
  for (int n = 1; n <= pages; ++n)
    list.push_back({{"label", "Page " + std::to_string(n)},
                    {"href", href(n)},
                    {"current", n == page}});
  return {{"label", label}, {"pages", list}};
}

std::string PageSuffix(int page, int pages) {
  if (pages <= 1) return "";
  return " (page " + std::to_string(page) + " of " + std::to_string(pages) + ")";
}

std::string CountText(const json& meetings, int count) {
  int actions = 0;
  for (const json& m : meetings)
    for (const json& d : m.at("decisions"))
      if (d.at("action").get<bool>()) ++actions;
  std::string text = Counted(count, "decision", "decisions");
  if (actions > 0) text += " and " + Counted(actions, "action", "actions");
  return text;
}
}  // namespace

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
  for (int y : index_.minuted_years) {
    years.push_back({{"label", std::to_string(y)},
                     {"href", Link(urls::YearDecisions(y))},
                     {"current", y == year}});
  }
  d["years"] = years;
  return page;
}

int PageContext::DecisionPagesOf(const std::function<bool(const Meeting&)>& keep) const {
  return DecisionPages(static_cast<size_t>(
      std::count_if(index_.minuted_by_date.begin(), index_.minuted_by_date.end(),
                    [&](const Meeting* m) { return keep(*m); })));
}

int PageContext::DecisionPages(size_t meetings_with_minutes) {
  return static_cast<int>(std::max<size_t>(
      1,
      (meetings_with_minutes + kDecisionMeetingsPerPage - 1) / kDecisionMeetingsPerPage));
}

PageData PageContext::DecisionsPage(const Committee* committee, int page_number) {
  if (!committee) {  // the latest, all committees
    PageData page = BeginDecisions(urls::Decisions(), "Decisions", nullptr, 0);
    int count = 0;
    json meetings =
        DecisionMeetings([](const Meeting&) { return true; }, kLatestMeetings, count);
    page.data["meetings"] = meetings;
    page.data["count"] = count;
    page.data["count_text"] = CountText(meetings, count);
    page.data["pagination"] = false;
    return page;
  }
  auto of = [&](const Meeting& m) { return m.committee.id == committee->id; };
  int pages = DecisionPagesOf(of);
  PageData page = BeginDecisions(
      urls::CommitteeDecisions(committee->id, page_number),
      "Decisions: " + committee->name + PageSuffix(page_number, pages), committee, 0);
  FillDecisionPage(
      page, of, page_number, pages, "Pages of the decisions of " + committee->name,
      [&](int n) { return Link(urls::CommitteeDecisions(committee->id, n)); });
  return page;
}

PageData PageContext::YearDecisionsPage(int year, int page_number) {
  auto of = [year](const Meeting& m) { return m.start.date.year == year; };
  int pages = DecisionPagesOf(of);
  std::string title = "Decisions in " + std::to_string(year);
  PageData page = BeginDecisions(urls::YearDecisions(year, page_number),
                                 title + PageSuffix(page_number, pages), nullptr, year);
  FillDecisionPage(page, of, page_number, pages,
                   "Pages of the decisions in " + std::to_string(year),
                   [&](int n) { return Link(urls::YearDecisions(year, n)); });
  return page;
}

void PageContext::FillDecisionPage(PageData& page,
                                   const std::function<bool(const Meeting&)>& of,
                                   int page_number, int pages, const std::string& label,
                                   const std::function<std::string(int)>& href) {
  const std::unordered_set<const Meeting*> on_page =
      MeetingsOnPage(index_, of, page_number);
  int count = 0;
  json meetings =
      DecisionMeetings([&](const Meeting& m) { return on_page.count(&m) > 0; }, 0, count);
  json& d = page.data;
  d["meetings"] = meetings;
  d["count"] = count;
  d["count_text"] = CountText(meetings, count);
  d["page_suffix"] = PageSuffix(page_number, pages);
  d["pagination"] = Pagination(label, page_number, pages, href);
}

json PageContext::DecisionMeetings(const std::function<bool(const Meeting&)>& keep,
                                   size_t max_meetings, int& count) const {
  json meetings = json::array();
  count = 0;
  for (auto it = index_.minuted_by_date.rbegin();
       it != index_.minuted_by_date.rend() &&
       (max_meetings == 0 || meetings.size() < max_meetings);
       ++it) {
    const Meeting& m = **it;
    if (!keep(m)) continue;
    auto minutes = site_.minutes.find(m.id);
    if (minutes == site_.minutes.end()) continue;
    std::shared_ptr<const MinutesHtml> html = content_.Minutes(m.id);
    if (!html) continue;
    // Every resolution and every action the minutes were parsed into
    // (content/minutes_records.h), minute by minute; their HTML is what the
    // minutes page shows.
    const Minutes& mins = minutes->second;
    bool approved = mins.status == MinutesStatus::kApproved;
    std::string kind = ToString(mins.kind);  // "Minutes", "Action notes"
    std::string lower_kind =
        mins.kind == MinutesKind::kActionNotes ? "action notes" : "minutes";
    json decisions = json::array();
    auto entry = [&](const std::string& id, const MinuteSection* s,
                     const std::string& what, int n) {
      const AgendaItem* item =
          !s || s->item.empty() ? nullptr : index_.FindItem(m, s->item);
      std::string minute = s ? "Minute " + std::to_string(s->number) : kind;
      return json{
          {"id", "decision-" + m.id + "-" + id},
          {"minute", minute},
          {"minute_title", s ? s->title : what + " " + std::to_string(n)},
          {"where", (s ? minute : what) + " in the " + lower_kind},
          {"href", Link(urls::Minutes(m.id) + "#" + id)},
          {"item", item ? json({{"label", "Agenda item " + s->item + ": " + item->title},
                                {"href", Link(urls::Meeting(m.id) + "#" +
                                              urls::ItemAnchor(s->item))}})
                        : json(false)},
          {"status",
           approved ? kind + " approved" : "Draft " + lower_kind + ": not yet approved"},
          {"draft", !approved},
          {"html", WithoutIds(html->DecisionHtml(id))},
          {"action", false}};
    };
    auto add = [&](const MinuteSection* s, const std::vector<MinuteResolution>& rs,
                   const std::vector<MinuteAction>& as) {
      // In the order the minutes give them: a resolution, then the actions
      // written after it.
      size_t r = 0, i = 0;
      while (r < rs.size() || i < as.size()) {
        if (r < rs.size() && (i == as.size() || rs[r].pos.line <= as[i].pos.line)) {
          ++count;
          decisions.push_back(entry(rs[r].id, s, "Resolution", static_cast<int>(r) + 1));
          ++r;
          continue;
        }
        const MinuteAction& a = as[i];
        json e = entry(a.id, s, "Action", static_cast<int>(i) + 1);
        e["action"] = true;
        e["action_label"] = s ? json("Action " + std::to_string(i + 1)) : json(false);
        e["owner"] = ActionOwner(a);
        e["due"] = a.due ? json(LongDate(*a.due)) : json(false);
        e["action_status"] =
            a.status == ActionStatus::kNotGiven ? json(false) : json(ToString(a.status));
        decisions.push_back(std::move(e));
        ++i;
      }
    };
    add(nullptr, mins.resolutions, mins.actions);
    for (const MinuteSection& s : mins.sections) add(&s, s.resolutions, s.actions);
    if (decisions.empty()) continue;
    meetings.push_back({{"id", "meeting-" + m.id},
                        {"label", index_.MeetingLabel(m)},
                        {"href", Link(urls::Meeting(m.id))},
                        {"decisions", decisions}});
  }
  return meetings;
}

}  // namespace clerk
