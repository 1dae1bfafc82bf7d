#include "output/open_data.h"

#include <cstdio>
#include <sstream>

#include "model/parallel.h"
#include "output/calendar.h"
#include "output/plain_text.h"
#include "render/public_urls.h"
#include "render/urls.h"

namespace clerk::output {
namespace {

using nlohmann::json;

std::string Url(const OpenDataOptions& o, const std::string& key) {
  return PublicUrl(o.base_url, key);  // "/meetings/x/" without a base URL
}

// Markdown (a purpose, a remit, a resolution) as the plain text open data
// promises, its "@/" references as public URLs.
std::string Text(const OpenDataOptions& o, const std::string& markdown) {
  return MarkdownPlainText(
      markdown, [&o](const std::string& url) { return PublicLink(o.base_url, url); });
}

const char* OcdStatus(MeetingStatus s) {
  switch (s) {
    case MeetingStatus::kScheduled:
      return "tentative";
    case MeetingStatus::kConfirmed:
      return "confirmed";
    case MeetingStatus::kHeld:
      return "passed";
    case MeetingStatus::kCancelled:
    case MeetingStatus::kPostponed:
      return "cancelled";
  }
  return "tentative";
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

const char* KindId(DocumentKind k) {
  switch (k) {
    case DocumentKind::kReport:
      return "report";
    case DocumentKind::kAppendix:
      return "appendix";
    case DocumentKind::kBriefing:
      return "briefing";
    case DocumentKind::kPlan:
      return "plan";
    case DocumentKind::kOther:
      return "other";
  }
  return "other";
}

json Link(const std::string& note, const std::string& url) {
  return {{"note", note}, {"url", url}};
}

json DocumentJson(const SiteIndex& index, const Document& doc, const OpenDataOptions& o) {
  const Meeting* m = index.FindMeeting(doc.meeting_id);
  json d = {{"id", doc.id},
            {"note", doc.title},
            {"date", m ? IsoDate(m->start.date) : ""},
            {"classification", KindId(doc.kind)},
            {"status", doc.status == DocumentStatus::kDraft ? "draft" : "final"},
            {"exempt", doc.exempt},
            {"key_decision", doc.key_decision ? json(*doc.key_decision) : json(nullptr)},
            {"published", doc.published ? json(IsoDate(*doc.published)) : json(nullptr)},
            {"agenda_item", doc.item},
            {"summary", doc.summary},
            {"wards", doc.wards},
            {"links",
             json::array({{{"media_type", "text/html"},
                           {"url", Url(o, urls::Document(doc.meeting_id, doc.id))}}})}};
  auto people = [&](const std::vector<PaperPerson>& list) {
    json out = json::array();
    for (const PaperPerson& p : list)
      out.push_back({{"person_id", p.person.empty() ? json(nullptr) : json(p.person.id)},
                     {"name", p.person.empty() ? p.name : index.PersonName(p.person.id)},
                     {"role", p.role.empty() ? json(nullptr) : json(p.role)}});
    return out;
  };
  d["authors"] = people(doc.authors);
  d["contacts"] = people(doc.contacts);
  // The first author's name, as before `authors` (null when none is named).
  d["author"] = d["authors"].empty() || d["authors"][0]["name"] == ""
                    ? json(nullptr)
                    : d["authors"][0]["name"];
  json external = json::array();
  for (const ExternalAppendix& e : doc.external_appendices)
    external.push_back({{"title", e.title}, {"url", e.url}});
  d["external_appendices"] = external;
  json recs = json::array();
  for (const Recommendation& r : doc.recommendations)
    recs.push_back({{"id", r.id}, {"text", Text(o, r.text)}});
  d["recommendations"] = recs;
  return d;
}

void Participants(const SiteIndex& index, const std::vector<Attendee>& list,
                  const std::string& note, json& out);

void AgendaJson(const SiteIndex& index, const Meeting& m,
                const std::vector<AgendaItem>& items, const std::string& parent_order,
                const OpenDataOptions& o, json& out) {
  int n = 0;
  for (const AgendaItem& item : items) {
    ++n;
    std::string order =
        parent_order.empty() ? std::to_string(n) : parent_order + "." + std::to_string(n);
    json related = json::array();
    for (const Ref& ref : item.documents) {
      if (const Document* doc = index.FindDocument(m.id, ref.id)) {
        related.push_back({{"entity_type", "document"},
                           {"id", doc->id},
                           {"name", doc->title},
                           {"url", Url(o, urls::Document(m.id, doc->id))}});
      }
    }
    json notes = json::array();
    if (!item.purpose.empty()) notes.push_back(Text(o, item.purpose));
    if (!item.pages.empty())
      notes.push_back("Pages " + item.pages + " of the printed pack");
    json entry = {
        {"order", order},
        {"number", item.full_number},
        {"description", item.title},
        {"subjects", json::array()},
        {"notes", notes},
        {"related_entities", related},
        {"media", json::array()},
        {"url", Url(o, urls::Meeting(m.id) + "#" + urls::ItemAnchor(item.full_number))}};
    entry["time"] = item.time_from ? json(IsoTime(*item.time_from)) : json(nullptr);
    json invited = json::array();
    Participants(index, item.invited, "invited", invited);
    entry["invited"] = invited;
    entry["exempt"] = item.exempt ? json({{"paragraph", item.exempt->paragraph},
                                          {"reason", item.exempt->reason}})
                                  : json(nullptr);
    auto minute = index.item_minutes.find(m.id + "/" + item.full_number);
    entry["minute"] =
        minute != index.item_minutes.end() ? json(minute->second) : json(nullptr);
    out.push_back(entry);
    AgendaJson(index, m, item.sub_items, order, o, out);
  }
}

void Participants(const SiteIndex& index, const std::vector<Attendee>& list,
                  const std::string& note, json& out) {
  for (const Attendee& a : list) {
    json p = {{"entity_type", "person"},
              {"id", a.person.id},
              {"name", index.PersonName(a.person.id)},
              {"note", note}};
    if (!a.capacity.empty()) p["capacity"] = a.capacity;
    if (!a.substitute_for.empty()) p["substitute_for"] = a.substitute_for.id;
    if (a.remote) p["remote"] = true;
    out.push_back(p);
  }
}

json PersonJson(const SiteIndex& index, const Person& p, const OpenDataOptions& o) {
  return {{"id", p.id},
          {"name", p.name},
          {"display_name", index.PersonName(p.id)},
          {"honorific", p.honorific},
          {"aliases", p.aliases},
          {"job_title", p.job_title},
          {"organisation", p.organisation},
          {"email", p.email},
          {"phone", p.phone},
          {"url", Url(o, urls::Person(p.id))}};
}

json OptDate(const std::optional<Date>& d) {
  return d ? json(IsoDate(*d)) : json(nullptr);
}

json CommitteeJson(const SiteIndex& index, const Committee& c, const OpenDataOptions& o) {
  json members = json::array();
  for (const Membership& m : c.members) {
    members.push_back({{"person_id", m.person.id},
                       {"name", index.PersonName(m.person.id)},
                       {"role", Lower(ToString(m.role))},
                       {"role_title", RoleTitle(m)},
                       {"elect", m.elect},
                       {"party", m.party},
                       {"start_date", OptDate(m.from)},
                       {"end_date", OptDate(m.to)}});
  }
  json co = json::array();
  for (const CoOptee& m : c.co_optees) {
    co.push_back({{"person_id", m.person.id},
                  {"name", index.PersonName(m.person.id)},
                  {"represents", m.represents},
                  {"voting", m.voting ? json(*m.voting) : json(nullptr)},
                  {"start_date", OptDate(m.from)},
                  {"end_date", OptDate(m.to)}});
  }
  json meetings = json::array();
  if (auto it = index.committee_meetings.find(c.id); it != index.committee_meetings.end())
    for (const Meeting* m : it->second) meetings.push_back(m->id);
  return {
      {"id", c.id},
      {"name", c.name},
      {"short_name", c.short_name},
      {"classification", "committee"},
      {"organisation", c.organisation},
      {"remit", c.remit.empty() ? json(nullptr) : json(Text(o, c.remit))},
      {"contact", c.contact.empty() ? json(nullptr) : json(c.contact.id)},
      {"minute_numbering",
       c.minute_numbering == MinuteNumbering::kContinuous ? "continuous" : "per-meeting"},
      {"memberships", members},
      {"co_optees", co},
      {"meetings", meetings},
      {"links", json::array({Link("Committee page", Url(o, urls::Committee(c.id))),
                             Link("Calendar", Url(o, CommitteeCalendar(c.id))),
                             Link("Feed", Url(o, CommitteeFeed(c.id)))})}};
}

std::string Dump(const json& j) {
  // Input is strict UTF-8; `replace` is the backstop that never throws.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string OffsetDateTime(const DateTime& local) {
  DateTime utc = LondonToUtc(local);
  bool bst = utc != local;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00%s", local.date.year,
                local.date.month, local.date.day, local.time.hour, local.time.minute,
                bst ? "+01:00" : "+00:00");
  return buf;
}

json MeetingEvent(const SiteIndex& index, const Meeting& m, const OpenDataOptions& o) {
  const Site& site = index.site();
  const Committee* c = index.CommitteeOf(m);
  json e;
  e["id"] = m.id;
  e["name"] = index.MeetingTitle(m);
  e["description"] = index.MeetingLabel(m);
  e["classification"] = "committee-meeting";
  // A time the papers do not give is null, never a default; `date` always holds.
  e["date"] = IsoDate(m.start.date);
  e["start_date"] =
      m.start.time ? json(OffsetDateTime({m.start.date, *m.start.time})) : json(nullptr);
  e["end_date"] = m.end ? json(OffsetDateTime({m.start.date, *m.end})) : json(nullptr);
  e["meeting_kind"] = Lower(ToString(m.kind));
  std::optional<bool> open = OpenToPublic(m);
  e["open_to_public"] = open ? json(*open) : json(nullptr);
  e["location_tbc"] = m.venue_tbc;
  e["papers_url"] = m.papers_url.empty() ? json(nullptr) : json(m.papers_url);
  e["all_day"] = false;
  e["status"] = OcdStatus(m.status);
  e["clerk_status"] = Lower(ToString(m.status));
  e["calendar_sequence"] = CalendarSequence(m);
  e["moved_to"] = m.moved_to.empty() ? json(nullptr) : json(m.moved_to.id);
  if (auto it = site.venues.find(m.venue.id); it != site.venues.end()) {
    const Venue& v = it->second;
    e["location"] = {{"id", v.id},           {"name", v.name},
                     {"address", v.address}, {"postcode", v.postcode},
                     {"note", v.access},     {"coordinates", nullptr}};
  } else {
    e["location"] = nullptr;
  }
  json media = json::array();
  if (!m.webcast.empty())
    media.push_back(
        {{"note", "Webcast"},
         {"date", IsoDate(m.start.date)},
         {"offset", nullptr},
         {"links", json::array({{{"media_type", "text/html"}, {"url", m.webcast}}})}});
  e["media"] = media;
  json docs = json::array();
  for (const std::string& id : index.DocumentsInOrder(m))
    if (const Document* d = index.FindDocument(m.id, id))
      docs.push_back(DocumentJson(index, *d, o));
  if (auto it = site.minutes.find(m.id); it != site.minutes.end()) {
    docs.push_back(
        {{"id", "minutes"},
         {"note", "Minutes"},
         {"date", IsoDate(m.start.date)},
         {"classification", "minutes"},
         {"status", it->second.status == MinutesStatus::kApproved ? "approved" : "draft"},
         {"links", json::array({{{"media_type", "text/html"},
                                 {"url", Url(o, urls::Minutes(m.id))}}})}});
  }
  e["documents"] = docs;
  e["links"] = json::array({Link("Meeting page", Url(o, urls::Meeting(m.id))),
                            Link("Calendar", Url(o, MeetingCalendar(m.id)))});
  json participants = json::array();
  participants.push_back({{"entity_type", "organization"},
                          {"id", m.committee.id},
                          {"name", c ? c->name : m.committee.id},
                          {"note", "host"}});
  Participants(index, m.attendance.present, "present", participants);
  Participants(index, m.attendance.remote, "remote", participants);
  Participants(index, m.attendance.substitutes, "substitute", participants);
  Participants(index, m.attendance.also_attending, "also attending", participants);
  Participants(index, m.attendance.apologies, "apologies", participants);
  e["participants"] = participants;
  json agenda = json::array();
  AgendaJson(index, m, m.agenda, "", o, agenda);
  e["agenda"] = agenda;
  e["sources"] = json::array({{{"note", "meeting.yaml"}, {"url", m.pos.path}}});
  return e;
}

namespace {

// "2019-09" of a meeting: the open data listings are split by month, so a
// listing stays small however long the archive (at N = 10,000 meetings one
// file of them all was 173 MB; a month of a busy council is under 1 MB).
std::string MonthOf(const Meeting& m) {
  return IsoDate(m.start.date).substr(0, 7);
}

// One entry of a listing: its month, the list it goes in, the entry.
struct Listed {
  std::string month;
  const char* key;
  json entry;
};

// A listing split by month: one file per month, each with a list per key
// of `keys`, and the index at `index_path` linking every month with its
// counts, so a consumer that reads the index misses nothing. Made a month
// at a time, so a large archive's entries (a JSON tree each) are never all
// in memory at once.
class MonthListing {
 public:
  MonthListing(const json& meta, std::vector<const char*> keys, std::string index_path,
               const OpenDataOptions& o)
      : meta_(meta), keys_(std::move(keys)), index_path_(std::move(index_path)), o_(o) {
    index_ = meta;
    index_["months"] = json::array();
    for (const char* key : keys_) totals_[key] = 0;
  }

  // The file of one month, from its entries (in date order; none: no file).
  void AddMonth(const std::string& month, std::vector<Listed>& items,
                const OutputFileSink& emit) {
    if (items.empty()) return;
    json file = meta_;
    file["month"] = month;
    for (const char* key : keys_) file[key] = json::array();
    for (Listed& item : items) file[item.key].push_back(std::move(item.entry));
    std::string path = MonthData(month, keys_.front());
    json listed = {{"month", month}, {"url", Url(o_, path)}};
    for (const char* key : keys_) {
      listed[key] = file[key].size();
      totals_[key] = totals_[key].get<size_t>() + file[key].size();
    }
    index_["months"].push_back(std::move(listed));
    emit({path, Dump(file)});
  }

  // The index, once every month is in.
  void Finish(const OutputFileSink& emit) {
    index_["counts"] = totals_;
    emit({index_path_, Dump(index_)});
  }

 private:
  const json& meta_;
  std::vector<const char*> keys_;
  std::string index_path_;
  const OpenDataOptions& o_;
  json index_;
  json totals_ = json::object();
};

// The meetings of `by_date` from `i` that share its month: [i, end).
size_t MonthEnd(const std::vector<const Meeting*>& by_date, size_t i) {
  const std::string month = MonthOf(*by_date[i]);
  size_t end = i + 1;
  while (end < by_date.size() && MonthOf(*by_date[end]) == month) ++end;
  return end;
}

// Resolutions and actions as the minutes were parsed into them
// (content/minutes_records.h), as the decisions register shows them. A
// fact the minutes do not give is null, never a default.
void DecisionsOf(const Site& site, const Meeting& m, const Minutes& minutes,
                 const OpenDataOptions& o, std::vector<Listed>& out) {
  auto common = [&](const MinuteSection* s, const std::string& id) {
    return json{{"meeting_id", m.id},
                {"committee_id", m.committee.id},
                {"date", IsoDate(m.start.date)},
                {"minute", s ? json(s->number) : json(nullptr)},
                {"agenda_item", s && !s->item.empty() ? json(s->item) : json(nullptr)},
                {"title", s ? json(Text(o, s->title)) : json(nullptr)},
                {"id", id},
                {"minutes_kind",
                 minutes.kind == MinutesKind::kActionNotes ? "action-notes" : "minutes"},
                {"minutes_status",
                 minutes.status == MinutesStatus::kApproved ? "approved" : "draft"},
                {"url", Url(o, urls::Minutes(m.id) + "#" + id)}};
  };
  auto add = [&](const MinuteSection* s, const std::vector<MinuteResolution>& rs,
                 const std::vector<MinuteAction>& as) {
    for (const MinuteResolution& r : rs) {
      json j = common(s, r.id);
      j["text"] = Text(o, r.text);
      out.push_back({MonthOf(m), "decisions", std::move(j)});
    }
    for (const MinuteAction& a : as) {
      json j = common(s, a.id);
      j["text"] = Text(o, a.text);
      json owner = nullptr;
      if (!a.owner.empty() || !a.owner_text.empty()) {
        std::string name = Text(o, a.owner_text);
        if (name.empty())
          if (auto p = site.people.find(a.owner.id); p != site.people.end())
            name = p->second.name;
        owner = {{"person_id", a.owner.empty() ? json(nullptr) : json(a.owner.id)},
                 {"name", name.empty() ? json(nullptr) : json(name)}};
      }
      j["owner"] = owner;
      j["due"] = a.due ? json(IsoDate(*a.due)) : json(nullptr);
      j["status"] = a.status == ActionStatus::kNotGiven ? json(nullptr)
                                                        : json(Lower(ToString(a.status)));
      out.push_back({MonthOf(m), "actions", std::move(j)});
    }
  };
  add(nullptr, minutes.resolutions, minutes.actions);
  for (const MinuteSection& s : minutes.sections) add(&s, s.resolutions, s.actions);
}

}  // namespace

void OpenDataFiles(const SiteIndex& index, const OpenDataOptions& o,
                   const OutputFileSink& emit) {
  const Site& site = index.site();
  json meta = {{"publisher", site.config.organisation}, {"title", site.config.title}};

  // A file per meeting, and the months listing them, a month at a time;
  // each month's meetings made on any free core.
  const std::vector<const Meeting*>& by_date = index.meetings_by_date;
  MonthListing meetings(meta, {"meetings"}, MeetingsData(), o);
  MonthListing decisions(meta, {"decisions", "actions"}, DecisionsData(), o);
  for (size_t from = 0; from < by_date.size();) {
    const size_t end = MonthEnd(by_date, from);
    std::vector<Listed> events(end - from);
    std::vector<OutputFile> meeting_files(end - from);
    ParallelFor(end - from, o.jobs, [&](size_t i, int) {
      const Meeting& m = *by_date[from + i];
      json e = MeetingEvent(index, m, o);
      meeting_files[i] = {MeetingData(m.id), Dump(e)};
      events[i] = {MonthOf(m), "meetings", std::move(e)};
    });
    for (OutputFile& f : meeting_files) emit(std::move(f));
    const std::string month = MonthOf(*by_date[from]);
    meetings.AddMonth(month, events, emit);
    std::vector<Listed> decided;
    for (size_t i = from; i < end; ++i) {
      const Meeting& m = *by_date[i];
      if (auto it = site.minutes.find(m.id); it != site.minutes.end())
        DecisionsOf(site, m, it->second, o, decided);
    }
    decisions.AddMonth(month, decided, emit);
    from = end;
  }
  meetings.Finish(emit);

  json committees = meta;
  committees["committees"] = json::array();
  for (const auto& [id, c] : site.committees)
    committees["committees"].push_back(CommitteeJson(index, c, o));
  emit({CommitteesData(), Dump(committees)});

  json people = meta;
  people["people"] = json::array();
  for (const auto& [id, p] : site.people)
    people["people"].push_back(PersonJson(index, p, o));
  emit({PeopleData(), Dump(people)});
  decisions.Finish(emit);
}

std::vector<OutputFile> OpenDataFiles(const SiteIndex& index, const OpenDataOptions& o) {
  std::vector<OutputFile> out;
  OpenDataFiles(index, o, [&](OutputFile f) { out.push_back(std::move(f)); });
  return out;
}

}  // namespace clerk::output
