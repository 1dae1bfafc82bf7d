// Committee and people pages (work programmes: work_programme_pages.cpp).
#include <algorithm>
#include <cctype>
#include <map>

#include "model/ascii.h"
#include "render/html_text.h"
#include "render/page_context.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

namespace {

std::string OptionalDate(const std::optional<Date>& d) {
  return d ? ShortDate(*d) : "";
}

// A role as it stands on the build's date: "Chair", "Chair (former)" once
// its `to` has passed, "Chair (from 19 May 2022)" before its `from`; a role
// with brackets of its own takes the words inside them ("(voting, former)").
std::string RoleNow(std::string role, const std::optional<Date>& from,
                    const std::optional<Date>& to, const Date& today) {
  if (today.year == 0 || IsCurrent(from, to, today)) return role;
  std::string note = to && *to < today ? "former" : "from " + ShortDate(*from);
  if (!role.empty() && role.back() == ')') {
    role.insert(role.size() - 1, ", " + note);
    return role;
  }
  return role + " (" + note + ")";
}

// Sort key for people lists: surname, then the rest.
std::string SurnameKey(const std::string& name) {
  size_t space = name.find_last_of(' ');
  return ascii::Lower(space == std::string::npos ? name
                                                 : name.substr(space + 1) + " " + name);
}

// Whether any row gives `key`: a column no row fills is left out.
bool AnyFilled(const json& rows, const char* key) {
  for (const json& r : rows) {
    if (!r[key].get<std::string>().empty()) return true;
  }
  return false;
}

// The details of a person's page (job, organisation, email, phone), or
// false when none is given.
json PersonDetails(const Person& p) {
  json rows = json::array();
  if (!p.job_title.empty()) rows.push_back(Row("Job title", Line(p.job_title)));
  if (!p.organisation.empty()) rows.push_back(Row("Organisation", Line(p.organisation)));
  if (!p.email.empty()) rows.push_back(Row("Email", Line(p.email, "mailto:" + p.email)));
  if (!p.phone.empty()) {
    rows.push_back(Row("Phone", Line(p.phone, TelHref(p.phone))));
  }
  return rows.empty() ? json(false) : json{{"rows", rows}};
}

}  // namespace

// Chair first, then vice-chairs, lead members and members, each in the
// order the file gives them.
json PageContext::CommitteeMembers(const Committee& c) const {
  json members = json::array();
  std::vector<const Membership*> sorted;
  for (const Membership& m : c.members) sorted.push_back(&m);
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const Membership* a, const Membership* b) { return a->role < b->role; });
  for (const Membership* mp : sorted) {
    const Membership& m = *mp;
    members.push_back({{"person", PersonLink(m.person.id)},
                       {"role", RoleNow(RoleTitle(m), m.from, m.to, site_.today)},
                       {"party", m.party},
                       {"from", OptionalDate(m.from)},
                       {"to", OptionalDate(m.to)}});
  }
  return members;
}

// Co-optees, "voting" left blank where the papers are silent.
json PageContext::CommitteeCoOptees(const Committee& c) const {
  json co_optees = json::array();
  for (const CoOptee& m : c.co_optees) {
    co_optees.push_back({{"person", PersonLink(m.person.id)},
                         {"represents", m.represents},
                         {"voting", !m.voting   ? ""
                                    : *m.voting ? "Yes"
                                                : "No"},
                         {"from", OptionalDate(m.from)},
                         {"to", OptionalDate(m.to)}});
  }
  return co_optees;
}

json PageContext::CommitteeWorkProgrammes(const Committee& c) const {
  json programmes = json::array();
  if (auto it = index_.committee_work_programmes.find(c.id);
      it != index_.committee_work_programmes.end()) {
    for (const std::string& id : it->second) {
      const WorkProgramme& wp = site_.work_programmes.at(id);
      programmes.push_back(
          {{"href", Link(urls::WorkProgramme(id))}, {"title", wp.title}});
    }
  }
  return programmes;
}

PageData PageContext::CommitteePage(const Committee& c) {
  PageData page = Begin(urls::Committee(c.id), "committee", c.name, "committees",
                        {{"Home", urls::Home()}, {"Committees", urls::Committees()}});
  json& d = page.data;
  d["name"] = c.name;

  json rows = json::array();
  if (!c.organisation.empty()) rows.push_back(Row("Organisation", Line(c.organisation)));
  if (json lines = ContactLines(c.contact.id); !lines.is_null())
    rows.push_back(Row("Contact officer", lines));
  d["details"] = {{"rows", rows}};
  auto remit = content_.remits.find(c.id);
  d["remit"] = remit == content_.remits.end() ? "" : remit->second;

  json members = CommitteeMembers(c);
  d["members"] = members;
  // Columns no row fills are left out.
  d["m_party"] = AnyFilled(members, "party");
  d["m_from"] = AnyFilled(members, "from");
  d["m_to"] = AnyFilled(members, "to");
  json co_optees = CommitteeCoOptees(c);
  // "Can vote" only where the papers say; a row they are silent on says so.
  d["c_voting"] = AnyFilled(co_optees, "voting");
  for (json& row : co_optees)
    if (row["voting"].get<std::string>().empty()) row["voting"] = "Not stated";
  d["co_optees"] = co_optees;
  d["c_from"] = AnyFilled(co_optees, "from");
  d["c_to"] = AnyFilled(co_optees, "to");

  json upcoming = json::array(), past = json::array();
  if (auto it = index_.committee_meetings.find(c.id);
      it != index_.committee_meetings.end()) {
    for (auto m = it->second.rbegin(); m != it->second.rend(); ++m) {
      (IsUpcoming(**m, site_.today) ? upcoming : past).push_back(MeetingSummary(**m));
    }
  }
  std::reverse(upcoming.begin(), upcoming.end());  // soonest first
  d["upcoming"] = upcoming;
  d["build_date"] = BuildDate();
  d["upcoming_script"] = ThemeHref("js/upcoming.js");
  d["past"] = past;
  d["work_programmes"] = CommitteeWorkProgrammes(c);
  return page;
}

PageData PageContext::PeopleIndex() {
  PageData page =
      Begin(urls::People(), "people", "People", "people", {{"Home", urls::Home()}});
  std::vector<const Person*> people;
  for (const auto& [id, p] : site_.people) people.push_back(&p);
  std::stable_sort(people.begin(), people.end(), [](const Person* a, const Person* b) {
    return SurnameKey(a->name) < SurnameKey(b->name);
  });
  json list = json::array();
  for (const Person* p : people) {
    list.push_back({{"href", Link(urls::Person(p->id))},
                    {"name", index_.PersonName(p->id)},
                    {"job_title", p->job_title}});
  }
  page.data["people"] = list;
  return page;
}

// The person's memberships and co-options, committee by committee.
json PageContext::PersonRoles(const Person& p) const {
  json roles = json::array();
  for (const auto& [id, c] : site_.committees) {
    json committee = {{"href", Link(urls::Committee(id))}, {"name", c.name}};
    for (const Membership& m : c.members) {
      if (m.person.id != p.id) continue;
      roles.push_back({{"committee", committee},
                       {"role", RoleNow(RoleTitle(m), m.from, m.to, site_.today)},
                       {"party", m.party},
                       {"from", OptionalDate(m.from)},
                       {"to", OptionalDate(m.to)}});
    }
    for (const CoOptee& m : c.co_optees) {
      if (m.person.id != p.id) continue;
      roles.push_back({{"committee", committee},
                       {"role", RoleNow(!m.voting   ? "Co-opted member"
                                        : *m.voting ? "Co-opted member (voting)"
                                                    : "Co-opted member (non-voting)",
                                        m.from, m.to, site_.today)},
                       {"party", m.represents},
                       {"from", OptionalDate(m.from)},
                       {"to", OptionalDate(m.to)}});
    }
  }
  return roles;
}

// Per committee, the counts (a member's record, at a glance).
json PageContext::AttendanceByCommittee(const Person& p) const {
  struct Counts {
    int present = 0, apologies = 0, substitute = 0, also = 0;
  };
  std::map<std::string, Counts> by_committee;
  if (auto it = index_.attendance.find(p.id); it != index_.attendance.end()) {
    for (const AttendanceRecord& r : it->second) {
      const Meeting* m = r.meeting;
      Counts& c = by_committee[m->committee.id];
      if (r.kind == "present" || r.kind == "remote")
        ++c.present;
      else if (r.kind == "apologies")
        ++c.apologies;
      else if (r.kind == "substitute")
        ++c.substitute;
      else if (r.kind == "also_attending")
        ++c.also;
    }
  }
  json per_committee = json::array();
  for (const auto& [committee_id, c] : by_committee) {
    auto committee = site_.committees.find(committee_id);
    if (committee == site_.committees.end()) continue;
    per_committee.push_back({{"href", Link(urls::Committee(committee_id))},
                             {"name", committee->second.name},
                             {"id", committee_id},
                             {"present", c.present},
                             {"apologies", c.apologies},
                             {"substitute", c.substitute},
                             {"also", c.also}});
  }
  return per_committee;
}

// The meetings the person attended, was invited to or sent apologies for,
// with the counts by committee and a one-line summary.
void PageContext::FillPersonAttendance(json& d, const Person& p) const {
  json attendance = json::array();
  int attended = 0, apologies = 0;
  if (auto it = index_.attendance.find(p.id); it != index_.attendance.end()) {
    for (const AttendanceRecord& r : it->second) {
      const Meeting* m = r.meeting;
      std::string what;
      if (r.kind == "present")
        what = "Present", ++attended;
      else if (r.kind == "remote")
        what = "Attended online", ++attended;
      else if (r.kind == "substitute")
        what = "Substitute for " + index_.PersonName(*r.detail), ++attended;
      else if (r.kind == "also_attending")
        what = "Also attending", ++attended;
      else if (r.kind == "invited")
        what = "Invited to present item " + *r.item;
      else
        what = "Sent apologies", ++apologies;
      if (r.kind != "substitute") what += AfterName(*r.detail);
      if (r.remote && r.kind != "remote") what += ", online";
      attendance.push_back({{"href", Link(urls::Meeting(m->id))},
                            {"meeting", index_.MeetingTitle(*m)},
                            {"date", ShortDate(m->start.date)},
                            {"attendance", what}});
    }
  }
  d["attendance"] = attendance;
  d["attendance_by_committee"] = AttendanceByCommittee(p);
  auto plural = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string summary = "Attended " + plural(attended, "meeting", "meetings");
  if (apologies > 0)
    summary += "; sent apologies for " + plural(apologies, "meeting", "meetings");
  d["attendance_summary"] = attendance.empty() ? "" : summary + ".";
}

// The papers the person is an author of, each with its meeting.
json PageContext::AuthoredPapers(const Person& p) const {
  json papers = json::array();
  if (auto it = index_.authored.find(p.id); it != index_.authored.end()) {
    for (const Authored& a : it->second) {
      const Document* doc = index_.FindDocument(a.meeting_id, a.document_id);
      const Meeting* m = index_.FindMeeting(a.meeting_id);
      if (!doc || !m) continue;
      json link = DocumentLink(*doc);
      link["meeting"] = index_.MeetingLabel(*m);
      papers.push_back(link);
    }
  }
  return papers;
}

PageData PageContext::PersonPage(const Person& p) {
  std::string name = index_.PersonName(p.id);
  PageData page = Begin(urls::Person(p.id), "person", name, "people",
                        {{"Home", urls::Home()}, {"People", urls::People()}});
  json& d = page.data;
  d["name"] = name;
  d["details"] = PersonDetails(p);
  std::string aliases;
  for (const std::string& a : p.aliases) aliases += (aliases.empty() ? "" : "; ") + a;
  d["aliases"] = aliases;

  json roles = PersonRoles(p);
  d["roles"] = roles;
  d["r_party"] = AnyFilled(roles, "party");
  d["r_from"] = AnyFilled(roles, "from");
  d["r_to"] = AnyFilled(roles, "to");

  FillPersonAttendance(d, p);
  d["papers"] = AuthoredPapers(p);
  return page;
}

}  // namespace clerk
