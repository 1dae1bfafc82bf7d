#include "links/check_references.h"

#include <set>

#include "content/yaml_reader.h"
#include "links/check_agenda_numbers.h"
#include "links/check_exempt_papers.h"
#include "links/check_meeting_facts.h"
#include "links/moved_meetings.h"
#include "model/did_you_mean.h"

namespace clerk {
namespace {

template <typename Map>
std::vector<std::string> Keys(const Map& map) {
  std::vector<std::string> keys;
  for (const auto& kv : map) keys.push_back(kv.first);
  return keys;
}

class Checker {
 public:
  Checker(const Site& site, Diagnostics& diag) : site_(site), diag_(diag) {
    people_ = Keys(site.people);
    committees_ = Keys(site.committees);
    venues_ = Keys(site.venues);
    meetings_ = Keys(site.meetings);
    topics_ = Keys(site.topics);
  }

  void Person(const Ref& ref) { Check(ref, site_.people, people_, "person"); }
  void Committee(const Ref& ref) {
    Check(ref, site_.committees, committees_, "committee");
  }
  void Venue(const Ref& ref) {
    if (!site_.venues_incomplete) Check(ref, site_.venues, venues_, "venue");
  }
  void MeetingRef(const Ref& ref) { Check(ref, site_.meetings, meetings_, "meeting"); }
  void TopicRef(const Ref& ref) { Check(ref, site_.topics, topics_, "topic"); }

  void DocumentIn(const Meeting& meeting, const Ref& ref) {
    if (ref.empty()) return;
    if (site_.documents.count(meeting.id + "/" + ref.id)) return;
    // minutes.md is no paper: it is found by its name and has its own page,
    // so "there is no minutes.md" would be false when it exists.
    if (ref.id == "minutes") {
      diag_.Error(ref.pos, "the minutes are not listed as a document: " + meeting.dir +
                               "/minutes.md is found by its name and gets its own page; "
                               "link to them with [minutes](@/meetings/" +
                               meeting.id + "/minutes)");
      return;
    }
    diag_.Error(ref.pos, "unknown document '" + ref.id + "': there is no " + meeting.dir +
                             "/" + ref.id + ".md" +
                             DidYouMean(ref.id, meeting.documents));
  }

  void Attendees(const std::vector<Attendee>& list) {
    for (const Attendee& a : list) {
      Person(a.person);
      Person(a.substitute_for);
    }
  }

  void AgendaItems(const Meeting& meeting, const std::vector<AgendaItem>& items,
                   std::set<std::string>& named) {
    for (const AgendaItem& item : items) {
      TopicRef(item.topic);
      Attendees(item.invited);
      for (const Ref& doc : item.documents) {
        DocumentIn(meeting, doc);
        named.insert(doc.id);
      }
      AgendaItems(meeting, item.sub_items, named);
    }
  }

  std::string AgendaNumbers(const Meeting& meeting) {
    std::string out;
    std::vector<const AgendaItem*> stack;
    for (const AgendaItem& item : meeting.agenda) stack.push_back(&item);
    for (size_t i = 0; i < stack.size(); ++i) {
      out += (out.empty() ? "" : ", ") + stack[i]->full_number;
      for (const AgendaItem& sub : stack[i]->sub_items) stack.push_back(&sub);
    }
    return out.empty() ? "none" : out;
  }

  void ItemIn(const Meeting& meeting, const std::string& item, const SourcePos& pos) {
    if (meeting.incomplete || item.empty() || FindAgendaItem(meeting, item)) return;
    diag_.Error(pos, "meeting " + meeting.id + " has no agenda item '" + item +
                         "' (its items are " + AgendaNumbers(meeting) + ")");
  }

 private:
  template <typename Map>
  void Check(const Ref& ref, const Map& map, const std::vector<std::string>& ids,
             const char* what) {
    if (ref.empty() || map.count(ref.id)) return;
    diag_.Error(ref.pos, std::string("unknown ") + what + " '" + ref.id + "'" +
                             DidYouMean(ref.id, ids));
  }

  const Site& site_;
  Diagnostics& diag_;
  std::vector<std::string> people_, committees_, venues_, meetings_, topics_;
};

}  // namespace

const AgendaItem* FindAgendaItem(const Meeting& meeting, const std::string& full_number) {
  std::vector<const AgendaItem*> stack;
  for (const AgendaItem& item : meeting.agenda) stack.push_back(&item);
  while (!stack.empty()) {
    const AgendaItem* item = stack.back();
    stack.pop_back();
    if (item->full_number == full_number) return item;
    for (const AgendaItem& sub : item->sub_items) stack.push_back(&sub);
  }
  return nullptr;
}

namespace {

// A paper of `meeting` that no agenda item names, nor is an appendix of one
// that is named, has no page linking to it.
void WarnUnnamedDocuments(const Site& site, const std::string& id, const Meeting& meeting,
                          const std::set<std::string>& named, Diagnostics& diag) {
  for (const std::string& doc_id : meeting.documents) {
    if (meeting.incomplete) break;  // its agenda is unknown
    const Document& doc = site.documents.at(id + "/" + doc_id);
    bool is_appendix_of_named = false;
    for (const std::string& other : meeting.documents) {
      auto it = site.documents.find(id + "/" + other);
      if (it == site.documents.end() || !named.count(other)) continue;
      for (const Ref& a : it->second.appendices)
        if (a.id == doc_id) is_appendix_of_named = true;
    }
    if (!named.count(doc_id) && !is_appendix_of_named)
      diag.Warning(doc.pos,
                   "no agenda item names this document, so no page links to it: "
                   "add '" +
                       doc_id + "' to an item's documents in " + meeting.pos.path);
  }
}

void CheckMeeting(const Site& site, const std::string& id, const Meeting& meeting,
                  Checker& check, Diagnostics& diag) {
  check.Committee(meeting.committee);
  check.Venue(meeting.venue);
  check.Person(meeting.contact);
  check.MeetingRef(meeting.moved_to);
  if (meeting.moved_to.id == meeting.id)
    diag.Error(meeting.moved_to.pos, "a meeting cannot be moved to itself");
  check.Attendees(meeting.attendance.present);
  check.Attendees(meeting.attendance.apologies);
  check.Attendees(meeting.attendance.substitutes);
  check.Attendees(meeting.attendance.also_attending);
  check.Attendees(meeting.attendance.remote);

  std::set<std::string> named;
  check.AgendaItems(meeting, meeting.agenda, named);
  WarnUnnamedDocuments(site, id, meeting, named, diag);
}

void CheckWorkProgramme(const Site& site, const WorkProgramme& wp, Checker& check,
                        Diagnostics& diag) {
  check.Committee(wp.committee);
  for (const WorkProgrammeRow& row : wp.rows) {
    check.MeetingRef(row.meeting);
    auto it = site.meetings.find(row.meeting.id);
    if (it != site.meetings.end()) check.ItemIn(it->second, row.item, row.item_pos);
    if (it != site.meetings.end() && !it->second.incomplete &&
        site.committees.count(it->second.committee.id) &&
        it->second.committee.id != wp.committee.id)
      diag.Warning(row.meeting.pos, "meeting '" + row.meeting.id + "' is of committee '" +
                                        it->second.committee.id + "', not '" +
                                        wp.committee.id + "'");
    for (const PersonOrText& w : row.witnesses) check.Person(w.person);
  }
  for (const ProgrammeMeeting& m : wp.meetings) check.MeetingRef(m.meeting);
}

}  // namespace

void CheckReferences(const Site& site, Diagnostics& diag) {
  Checker check(site, diag);

  for (const auto& [id, committee] : site.committees) {
    check.Person(committee.contact);
    for (const Membership& m : committee.members) check.Person(m.person);
    for (const CoOptee& c : committee.co_optees) check.Person(c.person);
  }

  for (const auto& [id, meeting] : site.meetings)
    CheckMeeting(site, id, meeting, check, diag);

  for (const auto& [key, doc] : site.documents) {
    if (doc.incomplete) continue;
    const Meeting& meeting = site.meetings.at(doc.meeting_id);
    check.ItemIn(meeting, doc.item, doc.item_pos);
    for (const PaperPerson& p : doc.authors) check.Person(p.person);
    for (const PaperPerson& p : doc.contacts) check.Person(p.person);
    for (const Ref& appendix : doc.appendices) {
      check.DocumentIn(meeting, appendix);
      if (appendix.id == doc.id)
        diag.Error(appendix.pos, "a document cannot be its own appendix");
    }
  }

  for (const auto& [meeting_id, minutes] : site.minutes) {
    const Meeting& meeting = site.meetings.at(meeting_id);
    check.MeetingRef(minutes.approved_at);
    if (minutes.approved_at.id == meeting_id)
      diag.Error(minutes.approved_at.pos,
                 "minutes are approved at a later meeting, not the one they record");
    for (const MinuteSection& section : minutes.sections) {
      check.ItemIn(meeting, section.item, section.item_pos);
    }
  }

  for (const auto& [id, wp] : site.work_programmes)
    CheckWorkProgramme(site, wp, check, diag);

  for (const auto& [id, plan] : site.forward_plans) {
    check.Person(plan.contact);
    for (const ForwardPlanEntry& e : plan.entries) {
      check.Committee(e.decision_maker);
      check.Person(e.contact);
      check.MeetingRef(e.meeting);
    }
  }

  CheckMovedMeetings(site, diag);
  CheckExemptPapers(site, diag);
  CheckAgendaNumbers(site, diag);
  CheckMeetingFacts(site, diag);
}

}  // namespace clerk
