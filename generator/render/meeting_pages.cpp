// Meeting pages: the list of meetings, a meeting (details, attendance,
// agenda), each of its documents, and its minutes.
#include <algorithm>
#include <map>

#include "render/html_text.h"
#include "render/page_context.h"
#include "render/unique_ids.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

namespace {

std::string DisplayNumber(const AgendaItem& item) {
  return item.number;
}

// Why a meeting has no agenda here, as far as the records tell.
const char* NoAgendaReason(const Meeting& m) {
  return m.kind == MeetingKind::kReferenced
             ? "This is another body's meeting, named in papers published here. This "
               "site does not publish its agenda."
         : m.status == MeetingStatus::kCancelled || m.status == MeetingStatus::kPostponed
             ? "There is no agenda on this site for this meeting."
         : m.status == MeetingStatus::kHeld
             ? "There is no agenda on this site for this meeting."
             : "The agenda has not been published yet.";
}

// The paper's recommendations, each with its words from the rendered body.
json RecommendationsData(const Document& doc, const DocumentHtml* html) {
  json recs = json::array();
  for (const Recommendation& r : doc.recommendations) {
    recs.push_back({{"id", "rec-" + r.id},
                    {"label", r.id},
                    {"html", html && html->recommendations.count(r.id)
                                 ? UnwrapParagraph(html->recommendations.at(r.id))
                                 : ""}});
  }
  return recs;
}

// The paper's table of contents: its level-2 headings, shown only from three.
json ContentsList(const DocumentHtml* html) {
  json contents = json::array();
  if (html) {
    for (const MarkdownHeading& h : html->headings) {
      if (h.level == 2) contents.push_back({{"href", "#" + h.id}, {"text", h.text}});
    }
  }
  return contents.size() >= 3 ? contents : json::array();
}

}  // namespace

std::vector<PageContext::Crumb> PageContext::MeetingCrumbs(const Meeting& m) const {
  std::vector<Crumb> crumbs = {{"Home", urls::Home()}};
  if (const Committee* c = index_.CommitteeOf(m)) {
    crumbs.push_back(
        {c->short_name.empty() ? c->name : c->short_name, urls::Committee(c->id)});
  } else {
    crumbs.push_back({"Meetings", urls::Meetings()});
  }
  return crumbs;
}

json PageContext::AttendanceData(const Meeting& m) const {
  const Attendance& a = m.attendance;
  auto list = [&](const std::vector<Attendee>& people, bool substitutes) {
    json out = json::array();
    for (const Attendee& person : people) {
      json entry = PersonLink(person.person.id);
      std::string detail = person.capacity;
      if (substitutes && !person.substitute_for.empty()) {
        detail = "substitute for " + index_.PersonName(person.substitute_for.id);
      }
      if (person.remote && &people != &a.remote)
        detail += std::string(detail.empty() ? "" : ", ") + "online";
      entry["detail"] = detail;
      entry["after_name"] = AfterName(detail);
      out.push_back(entry);
    }
    return out;
  };
  json groups = json::array();
  auto group = [&](const char* id, const char* title, const std::vector<Attendee>& people,
                   bool substitutes = false) {
    if (people.empty()) return;
    groups.push_back(
        {{"id", id}, {"title", title}, {"people", list(people, substitutes)}});
  };
  group("present", "Present", a.present);
  group("remote", "Attended online only", a.remote);
  group("substitutes", "Substitutes", a.substitutes, true);
  group("apologies", "Apologies", a.apologies);
  group("also-attending", "Also attending", a.also_attending);
  if (groups.empty()) return false;
  return {{"groups", groups}};
}

json PageContext::InvitedData(const std::vector<Attendee>& invited) const {
  json people = json::array();
  for (const Attendee& a : invited) {
    json entry = PersonLink(a.person.id);
    std::string detail = a.capacity;
    if (a.remote) detail += std::string(detail.empty() ? "" : ", ") + "online";
    entry["detail"] = detail;
    entry["after_name"] = AfterName(detail);
    people.push_back(entry);
  }
  return people;
}

json PageContext::AgendaItems(const Meeting& m, const std::vector<AgendaItem>& items,
                              int level) const {
  json out = json::array();
  for (const AgendaItem& item : items) {
    std::string key = m.id + "/" + item.full_number;
    json docs = json::array();
    if (auto it = index_.item_documents.find(key); it != index_.item_documents.end()) {
      for (const std::string& doc_id : it->second) {
        if (const Document* d = index_.FindDocument(m.id, doc_id))
          docs.push_back(DocumentLink(*d));
      }
    }
    json minute = false;
    if (auto it = index_.item_minutes.find(key);
        it != index_.item_minutes.end() && m.has_minutes) {
      minute = {
          {"number", std::to_string(it->second)},
          {"href", Link(urls::Minutes(m.id) + "#" + urls::MinuteAnchor(it->second))}};
    }
    json exempt = false;
    if (item.exempt) {
      exempt = {{"paragraph", std::to_string(item.exempt->paragraph)},
                {"reason", item.exempt->reason}};
    }
    std::shared_ptr<const AgendaHtml> agenda = content_.Agenda(m.id);
    out.push_back({{"anchor", urls::ItemAnchor(item.full_number)},
                   {"number", DisplayNumber(item)},
                   {"title", item.title},
                   {"level", std::to_string(std::min(level, 6))},
                   {"purpose", agenda ? agenda->Purpose(item.full_number) : ""},
                   {"timing", Timing(item.time_from, item.time_to)},
                   {"pages", PagesText(item.pages)},
                   {"exempt", exempt},
                   {"documents", docs},
                   {"minute", minute},
                   {"topic", TopicOfItem(m, item)},
                   {"invited", InvitedData(item.invited)},
                   {"sub_items", AgendaItems(m, item.sub_items, level + 1)}});
  }
  return out;
}

PageData PageContext::MeetingIndex() {
  PageData page = Begin(urls::Meetings(), "meetings", "Meetings", "meetings",
                        {{"Home", urls::Home()}});
  std::map<int, std::vector<const Meeting*>, std::greater<int>> by_year;
  for (const Meeting* m : index_.meetings_by_date)
    by_year[m->start.date.year].push_back(m);
  json years = json::array();
  for (auto& [year, meetings] : by_year) {
    json list = json::array();
    for (auto it = meetings.rbegin(); it != meetings.rend(); ++it)
      list.push_back(MeetingSummary(**it));
    years.push_back({{"year", std::to_string(year)},
                     {"id", "year-" + std::to_string(year)},
                     {"meetings", list}});
  }
  page.data["years"] = years;
  return page;
}

// The notice at the top of a cancelled or postponed meeting (with where it
// moved to), or the agenda's own notice; false when there is neither.
json PageContext::MeetingBanner(const Meeting& m) const {
  std::shared_ptr<const AgendaHtml> agenda_html = content_.Agenda(m.id);
  json banner = false;
  if (m.status == MeetingStatus::kCancelled || m.status == MeetingStatus::kPostponed) {
    json moved = false;
    if (!m.moved_to.empty()) {
      if (const Meeting* to = index_.FindMeeting(m.moved_to.id)) {
        moved = {{"href", Link(urls::Meeting(to->id))},
                 {"label", index_.MeetingLabel(*to)}};
      }
    }
    banner = {{"title", m.status == MeetingStatus::kCancelled
                            ? "This meeting has been cancelled"
                            : "This meeting has been postponed"},
              {"notice", agenda_html ? agenda_html->notice : ""},
              {"moved_to", moved}};
  } else if (agenda_html && !agenda_html->notice.empty()) {
    banner = {
        {"title", "Important"}, {"notice", agenda_html->notice}, {"moved_to", false}};
  }
  return banner;
}

json PageContext::MeetingDetailRows(const Meeting& m) const {
  json rows = json::array();
  rows.push_back(Row("Date", Line(LongDate(m.start.date))));
  // An unknown time or place is said to be unknown, never filled in.
  std::string time = m.start.time ? ClockTime(*m.start.time) : "To be confirmed";
  if (m.end) time += (m.start.time ? " to " : ", ended at ") + ClockTime(*m.end);
  if (m.status != MeetingStatus::kCancelled) rows.push_back(Row("Time", Line(time)));
  if (m.venue_tbc && m.status != MeetingStatus::kCancelled) {
    rows.push_back(Row("Venue", Line("To be confirmed")));
  } else if (auto it = site_.venues.find(m.venue.id); it != site_.venues.end()) {
    const Venue& v = it->second;
    json lines = json::array({Line(v.name)});
    if (!v.address.empty()) lines.push_back(Line(v.address));
    if (!v.postcode.empty()) lines.push_back(Line(v.postcode));
    if (!v.access.empty()) lines.push_back(Line("Access: " + v.access));
    rows.push_back(Row("Venue", lines));
  }
  rows.push_back(Row("Status", Line(ToString(m.status))));
  if (std::string who = WhoMayAttend(m); !who.empty())
    rows.push_back(Row("Who can attend", Line(who)));
  if (const Committee* c = index_.CommitteeOf(m)) {
    rows.push_back(Row("Committee", Line(c->name, Link(urls::Committee(c->id)))));
  }
  if (!m.papers_url.empty())
    rows.push_back(Row(
        "Papers", Line("The papers of this meeting, on the website of " +
                           (index_.CommitteeOf(m) ? index_.CommitteeOf(m)->organisation
                                                  : std::string("its organisation")),
                       m.papers_url)));
  if (!m.webcast.empty()) {
    rows.push_back(Row("Webcast", Line("Watch the webcast of this meeting", m.webcast)));
  }
  std::string contact_id = m.contact.empty() ? "" : m.contact.id;
  if (contact_id.empty()) {
    if (const Committee* c = index_.CommitteeOf(m)) contact_id = c->contact.id;
  }
  if (json lines = ContactLines(contact_id, /*job_title=*/true); !lines.is_null())
    rows.push_back(Row("Contact officer", lines));
  return rows;
}

// The link to the meeting's minutes (or action notes), or false.
json PageContext::MeetingMinutesLink(const Meeting& m) const {
  json minutes = false;
  if (m.has_minutes) {
    auto it = site_.minutes.find(m.id);
    bool draft = it != site_.minutes.end() && it->second.status == MinutesStatus::kDraft;
    bool notes =
        it != site_.minutes.end() && it->second.kind == MinutesKind::kActionNotes;
    minutes = {{"href", Link(urls::Minutes(m.id))},
               {"draft", draft},
               {"label", notes ? "action notes" : "minutes"}};
  }
  return minutes;
}

// The minutes of other meetings that this meeting approved.
json PageContext::MinutesApprovedAt(const Meeting& m) const {
  json approved = json::array();
  if (auto it = index_.approved_minutes_of.find(m.id);
      it != index_.approved_minutes_of.end()) {
    for (const std::string& other : it->second) {
      if (const Meeting* o = index_.FindMeeting(other)) {
        approved.push_back(
            {{"href", Link(urls::Minutes(o->id))}, {"label", index_.MeetingLabel(*o)}});
      }
    }
  }
  return approved;
}

// The work programme rows planned for this meeting.
json PageContext::PlannedTopics(const Meeting& m) const {
  json planned = json::array();
  if (auto it = index_.planned_topics.find(m.id); it != index_.planned_topics.end()) {
    for (const auto& [wp_id, row] : it->second) {
      const WorkProgramme& wp = site_.work_programmes.at(wp_id);
      planned.push_back(
          {{"topic", wp.rows[row].topic},
           {"href", Link(urls::WorkProgramme(wp_id) + "#row-" + std::to_string(row + 1))},
           {"programme", wp.title}});
    }
  }
  return planned;
}

// Deadlines the work programmes give for this meeting, only where a record
// says so.
json PageContext::ProgrammeDeadlines(const Meeting& m) const {
  json deadlines = json::array();
  if (auto it = index_.meeting_deadlines.find(m.id);
      it != index_.meeting_deadlines.end()) {
    for (const auto& [wp_id, i] : it->second) {
      const ProgrammeMeeting& pm = site_.work_programmes.at(wp_id).meetings[i];
      if (pm.report_deadline)
        deadlines.push_back(
            {{"key", "Reports due by"}, {"value", ShortDate(*pm.report_deadline)}});
      if (pm.publication)
        deadlines.push_back(
            {{"key", "Papers published"}, {"value", ShortDate(*pm.publication)}});
    }
  }
  return deadlines;
}

// The decisions of forward plans that go to this meeting.
json PageContext::ForwardDecisionsAt(const Meeting& m) const {
  json decisions = json::array();
  if (auto it = index_.meeting_decisions.find(m.id);
      it != index_.meeting_decisions.end()) {
    for (const auto& [plan_id, i] : it->second) {
      const ForwardPlan& plan = site_.forward_plans.at(plan_id);
      const ForwardPlanEntry& e = plan.entries[i];
      decisions.push_back({{"title", e.title},
                           {"href", Link(urls::ForwardPlan(plan_id) + "#" +
                                         urls::ForwardPlanEntryAnchor(e.id))},
                           {"plan", plan.title}});
    }
  }
  return decisions;
}

// The link to the previous or next meeting of the series, or false.
json PageContext::SequenceLink(const Meeting* other) const {
  return other ? json{{"href", Link(urls::Meeting(other->id))},
                      {"date", LongDate(other->start.date) + StatusNote(*other)}}
               : json(false);
}

PageData PageContext::MeetingPage(const Meeting& m) {
  std::string title = index_.MeetingTitle(m);
  PageData page = Begin(urls::Meeting(m.id), "meeting", index_.MeetingLabel(m),
                        "meetings", MeetingCrumbs(m));
  json& d = page.data;
  d["title"] = title;
  d["date"] = LongDate(m.start.date);
  d["breadcrumbs"]["current"] = LongDate(m.start.date);
  d["banner"] = MeetingBanner(m);
  d["details"] = {{"rows", MeetingDetailRows(m)}};

  d["attendance"] = m.status == MeetingStatus::kHeld ? AttendanceData(m) : json(false);
  json agenda = AgendaItems(m, m.agenda, 3);
  d["agenda"] = agenda.empty() ? json(false) : json{{"items", agenda}};
  d["no_agenda"] = NoAgendaReason(m);

  d["minutes"] = MeetingMinutesLink(m);
  d["approved_minutes"] = MinutesApprovedAt(m);
  d["planned"] = PlannedTopics(m);
  d["deadlines"] = ProgrammeDeadlines(m);
  d["forward_decisions"] = ForwardDecisionsAt(m);

  const Meeting* prev = index_.Previous(m);
  const Meeting* next = index_.Next(m);
  d["previous"] = SequenceLink(prev);
  d["next"] = SequenceLink(next);
  d["has_sequence"] = prev || next;
  return page;
}

// The crumbs of a page under a meeting (a paper, the minutes): down to the
// meeting's date; just Home when the meeting is unknown.
std::vector<PageContext::Crumb> PageContext::UnderMeetingCrumbs(const Meeting* m) const {
  std::vector<Crumb> crumbs = {{"Home", urls::Home()}};
  if (m) {
    crumbs = MeetingCrumbs(*m);
    crumbs.push_back({LongDate(m->start.date), urls::Meeting(m->id)});
  }
  return crumbs;
}

json PageContext::DocumentDetailRows(const Document& doc, const Meeting* m) const {
  json rows = json::array();
  rows.push_back(Row("Type", Line(ToString(doc.kind))));
  if (m)
    rows.push_back(
        Row("Meeting", Line(index_.MeetingLabel(*m), Link(urls::Meeting(m->id)))));
  if (m && !doc.item.empty()) {
    const AgendaItem* item = index_.FindItem(*m, doc.item);
    std::string label = "Item " + doc.item + (item ? ": " + item->title : "");
    rows.push_back(Row("Agenda item", Line(label, Link(urls::Meeting(m->id) + "#" +
                                                       urls::ItemAnchor(doc.item)))));
  }
  auto people_row = [&](const char* one, const char* many,
                        const std::vector<PaperPerson>& people) {
    if (people.empty()) return;
    json lines = json::array();
    for (const PaperPerson& p : people) {
      if (!p.person.empty()) {
        json link = PersonLink(p.person.id);
        lines.push_back(Line(link["name"], link["href"]));
      } else if (!p.name.empty()) {
        lines.push_back(Line(p.name));
      }
      if (!p.role.empty()) lines.push_back(Line(p.role));
    }
    rows.push_back(Row(people.size() == 1 ? one : many, lines));
  };
  people_row("Author", "Authors", doc.authors);
  people_row("Contact officer", "Contact officers", doc.contacts);
  if (doc.published) rows.push_back(Row("Published", Line(LongDate(*doc.published))));
  if (!doc.organisation.empty())
    rows.push_back(Row("Organisation", Line(doc.organisation)));
  rows.push_back(Row("Status", Line(ToString(doc.status))));
  rows.push_back(
      Row("Classification", Line(doc.exempt ? "Exempt (not for publication)" : "Open")));
  if (doc.key_decision)  // shown only when the paper says, either way
    rows.push_back(Row("Key decision", Line(*doc.key_decision ? "Yes" : "No")));
  if (!doc.wards.empty()) {
    std::string wards;
    for (const std::string& w : doc.wards) wards += (wards.empty() ? "" : ", ") + w;
    rows.push_back(Row(doc.wards.size() == 1 ? "Ward" : "Wards", Line(wards)));
  }
  if (!doc.pages.empty()) rows.push_back(Row("Printed pack", Line(PagesText(doc.pages))));
  return rows;
}

// The paper's appendices: its own documents, then those on other websites.
json PageContext::DocumentAppendices(const Document& doc) const {
  json appendices = json::array();
  for (const Ref& a : doc.appendices) {
    if (const Document* ad = index_.FindDocument(doc.meeting_id, a.id))
      appendices.push_back(DocumentLink(*ad));
  }
  for (const ExternalAppendix& e : doc.external_appendices)
    appendices.push_back({{"href", e.url},
                          {"title", e.title},
                          {"kind", "Appendix, on another website"},
                          {"draft", false},
                          {"exempt", false}});
  return appendices;
}

// The papers this one is an appendix of (`key` is "<meeting>/<document>").
json PageContext::AppendixParents(const Document& doc, const std::string& key) const {
  json parents = json::array();
  if (auto it = index_.appendix_of.find(key); it != index_.appendix_of.end()) {
    for (const std::string& parent : it->second) {
      if (const Document* pd = index_.FindDocument(doc.meeting_id, parent))
        parents.push_back(DocumentLink(*pd));
    }
  }
  return parents;
}

// The minute of the paper's agenda item, or false.
json PageContext::DocumentMinute(const Document& doc, const Meeting* m) const {
  json minute = false;
  if (m && m->has_minutes && !doc.item.empty()) {
    if (auto it = index_.item_minutes.find(doc.meeting_id + "/" + doc.item);
        it != index_.item_minutes.end()) {
      minute = {
          {"number", std::to_string(it->second)},
          {"href", Link(urls::Minutes(m->id) + "#" + urls::MinuteAnchor(it->second))}};
    }
  }
  return minute;
}

PageData PageContext::DocumentPage(const Document& doc) {
  const Meeting* m = index_.FindMeeting(doc.meeting_id);
  PageData page = Begin(urls::Document(doc.meeting_id, doc.id), "document", doc.title,
                        "meetings", UnderMeetingCrumbs(m));
  json& d = page.data;
  d["title"] = doc.title;
  d["kind"] = ToString(doc.kind);
  d["details"] = {{"rows", DocumentDetailRows(doc, m)}};
  d["summary"] = doc.summary;
  d["draft"] = doc.status == DocumentStatus::kDraft;
  d["exempt"] = doc.exempt;

  std::string key = doc.meeting_id + "/" + doc.id;
  std::shared_ptr<const DocumentHtml> html = DocumentBody(key);
  d["recommendations"] = RecommendationsData(doc, html.get());
  d["appendices"] = DocumentAppendices(doc);
  d["appendix_of"] = AppendixParents(doc, key);
  d["minute"] = DocumentMinute(doc, m);
  d["contents"] = ContentsList(html.get());
  d["body"] = html ? html->body : "";
  return page;
}

json PageContext::MinutesDetailRows(const Minutes& minutes, const Meeting* m,
                                    const std::string& label) const {
  json rows = json::array();
  if (m) rows.push_back(Row("Meeting", Line(label, Link(urls::Meeting(m->id)))));
  rows.push_back(Row("Status", Line(ToString(minutes.status))));
  if (!minutes.approved_at.empty()) {
    if (const Meeting* at = index_.FindMeeting(minutes.approved_at.id)) {
      rows.push_back(Row("Approved at",
                         Line(index_.MeetingLabel(*at), Link(urls::Meeting(at->id)))));
    }
  }
  return rows;
}

// Each section of the minutes, with the agenda item it minutes and that
// item's papers.
json PageContext::MinuteSections(const Minutes& minutes, const Meeting* m,
                                 const MinutesHtml* html) const {
  json sections = json::array();
  if (html) {
    UniqueIds used;
    for (const MinuteHtml& s : html->sections) {
      json item = false;
      json papers = json::array();
      for (const MinuteSection& ms : minutes.sections) {
        if (ms.number != s.number || ms.item.empty()) continue;
        auto docs = index_.item_documents.find(minutes.meeting_id + "/" + ms.item);
        if (docs != index_.item_documents.end()) {
          for (const std::string& doc_id : docs->second)
            if (const Document* doc = index_.FindDocument(minutes.meeting_id, doc_id))
              papers.push_back(DocumentLink(*doc));
        }
        const AgendaItem* ai = m ? index_.FindItem(*m, ms.item) : nullptr;
        item = {{"href", Link(urls::Meeting(minutes.meeting_id) + "#" +
                              urls::ItemAnchor(ms.item))},
                {"label", "Agenda item " + ms.item + (ai ? ": " + ai->title : "")}};
        break;
      }
      sections.push_back({{"id", used.Take(urls::MinuteAnchor(s.number))},
                          {"title", s.title},
                          {"html", s.html},
                          {"item", item},
                          {"papers", papers},
                          {"has_papers", !papers.empty()}});
    }
  }
  return sections;
}

// An action's owner as the minutes name them (linked when a person on
// record), or false.
json PageContext::ActionOwner(const MinuteAction& a) const {
  json owner = false;
  std::string name = a.owner_text;
  const Person* person = nullptr;
  if (!a.owner.empty())
    if (auto p = site_.people.find(a.owner.id); p != site_.people.end())
      person = &p->second;
  if (name.empty() && person) name = person->name;
  if (!name.empty())
    owner = {{"text", name},
             {"href", person ? json(Link(urls::Person(person->id))) : json(false)}};
  return owner;
}

// Every action, from the records the minutes were parsed into: what the
// minutes say of its owner, date and status, and nothing where they are
// silent.
// The table is shown once any action has a field given.
void PageContext::FillMinutesActions(json& d, const Minutes& minutes) const {
  json actions = json::array();
  bool any_fields = false;
  auto add_actions = [&](const std::vector<MinuteAction>& list, const MinuteSection* s) {
    for (size_t i = 0; i < list.size(); ++i) {
      const MinuteAction& a = list[i];
      any_fields = any_fields || !a.owner.empty() || !a.owner_text.empty() || a.due ||
                   a.status != ActionStatus::kNotGiven;
      actions.push_back(
          {{"label", (s ? "Minute " + std::to_string(s->number) + ", action "
                        : std::string("Action ")) +
                         std::to_string(i + 1)},
           {"href", "#" + a.id},
           {"owner", ActionOwner(a)},
           {"due", a.due ? json(LongDate(*a.due)) : json(false)},
           {"status", a.status == ActionStatus::kNotGiven ? json(false)
                                                          : json(ToString(a.status))}});
    }
  };
  add_actions(minutes.actions, nullptr);
  for (const MinuteSection& s : minutes.sections) add_actions(s.actions, &s);
  d["actions"] = actions;
  d["has_actions"] = any_fields;
}

PageData PageContext::MinutesPage(const Minutes& minutes) {
  const Meeting* m = index_.FindMeeting(minutes.meeting_id);
  std::vector<Crumb> crumbs = UnderMeetingCrumbs(m);
  std::string label = m ? index_.MeetingLabel(*m) : minutes.meeting_id;
  // "Minutes" or "Action notes" (an informal meeting's), in every word.
  std::string kind = ToString(minutes.kind);
  PageData page = Begin(urls::Minutes(minutes.meeting_id), "minutes", kind + ": " + label,
                        "meetings", crumbs);
  json& d = page.data;
  d["breadcrumbs"]["current"] = kind;
  d["kind"] = kind;
  d["kind_lower"] =
      minutes.kind == MinutesKind::kActionNotes ? "action notes" : "minutes";
  d["title"] = m ? index_.MeetingTitle(*m) : minutes.meeting_id;
  d["date"] = m ? LongDate(m->start.date) : "";
  d["draft"] = minutes.status == MinutesStatus::kDraft;
  d["details"] = {{"rows", MinutesDetailRows(minutes, m, label)}};
  d["attendance"] = m ? AttendanceData(*m) : json(false);

  std::shared_ptr<const MinutesHtml> html = content_.Minutes(minutes.meeting_id);
  d["preamble"] = html ? html->preamble : "";
  d["sections"] = MinuteSections(minutes, m, html.get());
  FillMinutesActions(d, minutes);
  return page;
}

}  // namespace clerk
