// Work programme and forward plan pages. Every optional fact a row or an
// entry does not give is left out (a blank cell), never filled in.
#include <algorithm>

#include "render/html_text.h"
#include "render/page_context.h"
#include "render/plan_text.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

namespace {

// Parts of a labelled line ("Witnesses: a; b"): each with an optional link.
json Part(const std::string& text, const std::string& href, bool first) {
  return {{"text", text}, {"href", href}, {"sep", !first}};
}

}  // namespace

// The meetings of the programme with their deadlines.
void PageContext::FillProgrammeMeetings(json& d, const WorkProgramme& wp) const {
  json meetings = json::array();
  bool any_deadline = false, any_publication = false;
  for (const ProgrammeMeeting& pm : wp.meetings) {
    const Meeting* m = index_.FindMeeting(pm.meeting.id);
    meetings.push_back(
        {{"meeting",
          m ? Line(LongDate(m->start.date) + StatusNote(*m), Link(urls::Meeting(m->id)))
            : Line(pm.meeting.id)},
         {"report_deadline", pm.report_deadline ? ShortDate(*pm.report_deadline) : ""},
         {"publication", pm.publication ? ShortDate(*pm.publication) : ""}});
    any_deadline |= pm.report_deadline.has_value();
    any_publication |= pm.publication.has_value();
  }
  d["meetings"] = meetings;
  d["m_deadline"] = any_deadline;
  d["m_publication"] = any_publication;
  d["meetings_caption"] = "Meetings of " + wp.title;
}

// When a row comes: its meeting (and item) linked, or the words of the row.
json PageContext::RowWhen(const WorkProgrammeRow& row) const {
  json when;
  if (row.when == WhenKind::kMeeting) {
    const Meeting* m = index_.FindMeeting(row.meeting.id);
    std::string anchor = row.item.empty() ? "" : "#" + urls::ItemAnchor(row.item);
    std::string text = m ? ShortDate(m->start.date) + StatusNote(*m) : row.meeting.id;
    if (!row.item.empty()) text += ", item " + row.item;
    if (!row.cadence.empty()) text += "; " + row.cadence;
    when = m ? Line(text, Link(urls::Meeting(m->id) + anchor)) : Line(text);
  } else {
    when = Line(RowWhenText(row));
  }
  return when;
}

// Facts beside the description, each only when given.
json PageContext::RowExtras(const WorkProgrammeRow& row) const {
  json extras = json::array();
  if (!row.witnesses.empty()) {
    json parts = json::array();
    for (const PersonOrText& w : row.witnesses) {
      if (!w.person.empty()) {
        const Person* p = index_.FindPerson(w.person.id);
        parts.push_back(Part(index_.PersonName(w.person.id),
                             p ? Link(urls::Person(w.person.id)) : "", parts.empty()));
      } else {
        parts.push_back(Part(w.text, "", parts.empty()));
      }
    }
    extras.push_back({{"label", "Witnesses"}, {"parts", parts}});
  }
  if (!row.visits.empty()) {
    json parts = json::array();
    for (const std::string& v : row.visits) parts.push_back(Part(v, "", parts.empty()));
    extras.push_back(
        {{"label", row.visits.size() == 1 ? "Visit" : "Visits"}, {"parts", parts}});
  }
  if (!row.notes.empty())
    extras.push_back(
        {{"label", "Notes"}, {"parts", json::array({Part(row.notes, "", true)})}});
  return extras;
}

// The programme's rows (topics), and whether any gives a last report.
void PageContext::FillProgrammeRows(json& d, const WorkProgramme& wp) const {
  const auto* descriptions = content_.work_programme_rows.count(wp.id)
                                 ? &content_.work_programme_rows.at(wp.id)
                                 : nullptr;
  json list = json::array();
  bool any_last_report = false;
  for (size_t i = 0; i < wp.rows.size(); ++i) {
    const WorkProgrammeRow& row = wp.rows[i];
    json when = RowWhen(row);
    json extras = RowExtras(row);
    any_last_report |= row.last_report.has_value();
    list.push_back({{"id", "row-" + std::to_string(i + 1)},
                    {"topic", row.topic},
                    {"description", descriptions && i < descriptions->size()
                                        ? UnwrapParagraph((*descriptions)[i])
                                        : ""},
                    {"extras", extras},
                    {"author", row.author},
                    {"scrutiny", row.scrutiny},
                    {"last_report", row.last_report ? ShortDate(*row.last_report) : ""},
                    {"when", when}});
  }
  d["rows"] = list;
  d["r_last_report"] = any_last_report;
}

PageData PageContext::WorkProgrammePage(const WorkProgramme& wp) {
  std::vector<Crumb> crumbs = {{"Home", urls::Home()}};
  auto committee = site_.committees.find(wp.committee.id);
  if (committee != site_.committees.end()) {
    const Committee& c = committee->second;
    crumbs.push_back(
        {c.short_name.empty() ? c.name : c.short_name, urls::Committee(c.id)});
  }
  PageData page =
      Begin(urls::WorkProgramme(wp.id), "work_programme", wp.title, "committees", crumbs);
  json& d = page.data;
  d["title"] = wp.title;
  json rows = json::array();
  if (committee != site_.committees.end()) {
    rows.push_back(Row("Committee", Line(committee->second.name,
                                         Link(urls::Committee(wp.committee.id)))));
  }
  if (!wp.period.empty()) rows.push_back(Row("Period", Line(wp.period)));
  d["details"] = {{"rows", rows}};
  FillProgrammeMeetings(d, wp);
  FillProgrammeRows(d, wp);
  return page;
}

PageData PageContext::ForwardPlanIndex() {
  PageData page =
      Begin(urls::ForwardPlans(), "forward_plans", "Forward plans of key decisions",
            "decisions", {{"Home", urls::Home()}, {"Decisions", urls::Decisions()}});
  std::vector<const ForwardPlan*> plans;
  for (const auto& [id, plan] : site_.forward_plans) plans.push_back(&plan);
  // Newest notice first; plans without a date (already reported) last.
  std::stable_sort(plans.begin(), plans.end(),
                   [](const ForwardPlan* a, const ForwardPlan* b) {
                     return a->published.value_or(Date{}) > b->published.value_or(Date{});
                   });
  json list = json::array();
  for (const ForwardPlan* plan : plans) {
    list.push_back(
        {{"href", Link(urls::ForwardPlan(plan->id))},
         {"title", plan->title},
         {"published", plan->published ? ShortDate(*plan->published) : ""},
         {"count", std::to_string(plan->entries.size()) +
                       (plan->entries.size() == 1 ? " decision" : " decisions")}});
  }
  page.data["plans"] = list;
  return page;
}

PageData PageContext::ForwardPlanPage(const ForwardPlan& plan) {
  PageData page =
      Begin(urls::ForwardPlan(plan.id), "forward_plan", plan.title, "decisions",
            {{"Home", urls::Home()},
             {"Decisions", urls::Decisions()},
             {"Forward plans", urls::ForwardPlans()}});
  json& d = page.data;
  d["title"] = plan.title;
  json rows = json::array();
  if (plan.published) rows.push_back(Row("Published", Line(ShortDate(*plan.published))));
  if (!plan.period.empty()) rows.push_back(Row("Period", Line(plan.period)));
  if (json lines = ContactLines(plan.contact.id); !lines.is_null())
    rows.push_back(Row("Contact", lines));
  d["details"] = {{"rows", rows}};

  json entries = json::array();
  for (const ForwardPlanEntry& e : plan.entries) {
    json maker;
    if (!e.decision_maker.empty() && site_.committees.count(e.decision_maker.id))
      maker =
          Line(DecisionMakerName(site_, e), Link(urls::Committee(e.decision_maker.id)));
    else
      maker = Line(DecisionMakerName(site_, e));
    json extras = json::array();
    if (!e.wards.empty()) {
      json parts = json::array();
      for (const std::string& w : e.wards) parts.push_back(Part(w, "", parts.empty()));
      extras.push_back(
          {{"label", e.wards.size() == 1 ? "Ward" : "Wards"}, {"parts", parts}});
    }
    if (!e.meeting.empty()) {
      const Meeting* m = index_.FindMeeting(e.meeting.id);
      extras.push_back(
          {{"label", "Meeting"},
           {"parts", json::array({m ? Part(index_.MeetingLabel(*m) + StatusNote(*m),
                                           Link(urls::Meeting(m->id)), true)
                                    : Part(e.meeting.id, "", true)})}});
    }
    if (!e.exempt_reason.empty())
      extras.push_back({{"label", "Why it is exempt"},
                        {"parts", json::array({Part(e.exempt_reason, "", true)})}});
    json contact_line = json(false);
    if (!e.contact.empty()) {
      const Person* p = index_.FindPerson(e.contact.id);
      contact_line = Line(index_.PersonName(e.contact.id),
                          p ? Link(urls::Person(e.contact.id)) : "");
    }
    entries.push_back({{"id", urls::ForwardPlanEntryAnchor(e.id)},
                       {"title", e.title},
                       {"reference", e.reference},
                       {"description", e.description},
                       {"extras", extras},
                       {"maker", maker},
                       {"expected", ExpectedText(e)},
                       {"key_decision", KeyDecisionText(e.key_decision)},
                       {"access", AccessText(e)},
                       {"contact", contact_line}});
  }
  d["entries"] = entries;
  return page;
}

}  // namespace clerk
