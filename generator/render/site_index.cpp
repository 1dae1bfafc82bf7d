#include "render/site_index.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

namespace clerk {
namespace {

void IndexItems(const Meeting& meeting, const std::vector<AgendaItem>& items,
                SiteIndex& index) {
  for (const AgendaItem& item : items) {
    // Only items with papers get an entry: every reader takes no entry as
    // none, and most items (apologies, minutes, any other business) have none.
    if (!item.documents.empty()) {
      auto& docs = index.item_documents[meeting.id + "/" + item.full_number];
      for (const Ref& ref : item.documents) docs.push_back(ref.id);
    }
    if (!item.topic.empty()) {
      auto& uses = index.topic_items[item.topic.id];
      index.topic_item_position[&item] = uses.size();
      uses.push_back({&meeting, &item});
    }
    IndexItems(meeting, item.sub_items, index);
  }
}

// People invited to present items, in agenda order.
void IndexInvited(
    const Meeting& meeting, const std::vector<AgendaItem>& items,
    std::unordered_map<std::string, std::vector<AttendanceRecord>>& attendance) {
  for (const AgendaItem& item : items) {
    for (const Attendee& a : item.invited)
      attendance[a.person.id].push_back(
          {&meeting, "invited", &a.capacity, a.remote, &item.full_number});
    IndexInvited(meeting, item.sub_items, attendance);
  }
}

const AgendaItem* FindIn(const std::vector<AgendaItem>& items,
                         const std::string& number) {
  for (const AgendaItem& item : items) {
    if (item.full_number == number) return &item;
    if (const AgendaItem* sub = FindIn(item.sub_items, number)) return sub;
  }
  return nullptr;
}

}  // namespace

bool IsUpcoming(const Meeting& meeting, const Date& today) {
  return meeting.start.date >= today && IsUpcoming(meeting);
}

bool IsUpcoming(const Meeting& meeting) {
  return meeting.status == MeetingStatus::kScheduled ||
         meeting.status == MeetingStatus::kConfirmed;
}

SiteIndex::SiteIndex(const Site& s) : site_(&s) {
  const Site& site = *site_;
  for (const auto& [id, meeting] : site.meetings) meetings_by_date.push_back(&meeting);
  std::sort(meetings_by_date.begin(), meetings_by_date.end(),
            [](const Meeting* a, const Meeting* b) {
              return std::tie(a->start, a->id) < std::tie(b->start, b->id);
            });
  std::set<int, std::greater<int>> years;
  for (const Meeting* m : meetings_by_date) {
    if (site.minutes.count(m->id) == 0) continue;
    minuted_by_date.push_back(m);
    years.insert(m->start.date.year);
  }
  minuted_years.assign(years.begin(), years.end());
  for (const Meeting* m : meetings_by_date) {
    auto& of_committee = committee_meetings[m->committee.id];
    committee_position[m] = of_committee.size();
    of_committee.push_back(m);
    IndexItems(*m, m->agenda, *this);
    auto record = [&](const std::vector<Attendee>& list, const char* kind) {
      for (const Attendee& a : list) {
        attendance[a.person.id].push_back(
            {m, kind, a.substitute_for.empty() ? &a.capacity : &a.substitute_for.id,
             a.remote, nullptr});
      }
    };
    record(m->attendance.present, "present");
    record(m->attendance.remote, "remote");
    record(m->attendance.substitutes, "substitute");
    record(m->attendance.also_attending, "also_attending");
    record(m->attendance.apologies, "apologies");
    IndexInvited(*m, m->agenda, attendance);
  }
  // Documents that name an item but that the agenda does not list.
  for (const auto& [key, doc] : site.documents) {
    if (!doc.item.empty()) {
      auto& docs = item_documents[doc.meeting_id + "/" + doc.item];
      if (std::find(docs.begin(), docs.end(), doc.id) == docs.end())
        docs.push_back(doc.id);
    }
    for (const Ref& appendix : doc.appendices) {
      appendix_of[doc.meeting_id + "/" + appendix.id].push_back(doc.id);
    }
    for (const PaperPerson& p : doc.authors)
      if (!p.person.empty()) authored[p.person.id].push_back({doc.meeting_id, doc.id});
  }
  for (const auto& [meeting_id, minutes] : site.minutes) {
    for (const MinuteSection& section : minutes.sections) {
      item_minutes.emplace(meeting_id + "/" + section.item, section.number);
    }
    if (!minutes.approved_at.empty()) {
      approved_minutes_of[minutes.approved_at.id].push_back(meeting_id);
    }
  }
  for (const auto& [id, wp] : site.work_programmes) {
    committee_work_programmes[wp.committee.id].push_back(id);
    for (size_t i = 0; i < wp.rows.size(); ++i) {
      if (wp.rows[i].when == WhenKind::kMeeting) {
        planned_topics[wp.rows[i].meeting.id].push_back({id, i});
      }
    }
    for (size_t i = 0; i < wp.meetings.size(); ++i)
      meeting_deadlines[wp.meetings[i].meeting.id].push_back({id, i});
  }
  for (const auto& [id, plan] : site.forward_plans) {
    for (size_t i = 0; i < plan.entries.size(); ++i) {
      const ForwardPlanEntry& e = plan.entries[i];
      if (!e.meeting.empty()) meeting_decisions[e.meeting.id].push_back({id, i});
      if (!e.decision_maker.empty()) {
        std::vector<std::string>& plans = committee_forward_plans[e.decision_maker.id];
        if (plans.empty() || plans.back() != id) plans.push_back(id);
      }
    }
  }
}

const Committee* SiteIndex::CommitteeOf(const Meeting& meeting) const {
  auto it = site_->committees.find(meeting.committee.id);
  return it == site_->committees.end() ? nullptr : &it->second;
}

const Person* SiteIndex::FindPerson(const std::string& id) const {
  auto it = site_->people.find(id);
  return it == site_->people.end() ? nullptr : &it->second;
}

const Meeting* SiteIndex::FindMeeting(const std::string& id) const {
  auto it = site_->meetings.find(id);
  return it == site_->meetings.end() ? nullptr : &it->second;
}

const Document* SiteIndex::FindDocument(const std::string& meeting_id,
                                        const std::string& id) const {
  auto it = site_->documents.find(meeting_id + "/" + id);
  return it == site_->documents.end() ? nullptr : &it->second;
}

const AgendaItem* SiteIndex::FindItem(const Meeting& meeting,
                                      const std::string& full_number) const {
  return FindIn(meeting.agenda, full_number);
}

std::vector<std::string> SiteIndex::DocumentsInOrder(const Meeting& meeting) const {
  std::vector<std::string> out;
  auto add = [&](const std::string& id) {
    if (std::find(out.begin(), out.end(), id) == out.end() &&
        FindDocument(meeting.id, id)) {
      out.push_back(id);
    }
  };
  auto walk = [&](auto& self, const std::vector<AgendaItem>& items) -> void {
    for (const AgendaItem& item : items) {
      auto it = item_documents.find(meeting.id + "/" + item.full_number);
      if (it != item_documents.end()) {
        for (const std::string& id : it->second) add(id);
      }
      self(self, item.sub_items);
    }
  };
  walk(walk, meeting.agenda);
  for (const std::string& id : meeting.documents) add(id);
  return out;
}

const Meeting* SiteIndex::Previous(const Meeting& meeting) const {
  auto it = committee_meetings.find(meeting.committee.id);
  if (it == committee_meetings.end()) return nullptr;
  const auto& list = it->second;
  auto at = committee_position.find(&meeting);
  if (at == committee_position.end() || at->second == 0 || list[at->second] != &meeting)
    return nullptr;
  return list[at->second - 1];
}

const Meeting* SiteIndex::Next(const Meeting& meeting) const {
  auto it = committee_meetings.find(meeting.committee.id);
  if (it == committee_meetings.end()) return nullptr;
  const auto& list = it->second;
  auto at = committee_position.find(&meeting);
  if (at == committee_position.end() || at->second + 1 >= list.size() ||
      list[at->second] != &meeting)
    return nullptr;
  return list[at->second + 1];
}

std::string SiteIndex::PersonName(const std::string& id) const {
  const Person* p = FindPerson(id);
  if (!p) return id;
  return p->honorific.empty() ? p->name : p->honorific + " " + p->name;
}

std::string SiteIndex::MeetingTitle(const Meeting& meeting) const {
  if (!meeting.title.empty()) return meeting.title;
  const Committee* c = CommitteeOf(meeting);
  return c ? c->name : meeting.committee.id;
}

std::string SiteIndex::MeetingLabel(const Meeting& meeting) const {
  return MeetingTitle(meeting) + ", " + LongDate(meeting.start.date);
}

}  // namespace clerk
