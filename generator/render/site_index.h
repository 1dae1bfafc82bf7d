// Lookups derived from the Site that pages need in both directions: a
// committee's meetings in date order, the papers of an agenda item, the
// minute that records an item, a person's roles and attendance. Built once,
// shared by every rendition. Containers that pages iterate are ordered, so
// iterating them is deterministic; those only ever looked up by key are hash
// maps (built on every edit build: at 10,000 meetings, ordered maps of keys
// that share a long date prefix were most of the index's time).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace clerk {

// Views into the site's records, which outlive the index: a large site has
// a quarter of a million of these, and copying four strings each was a good
// part of making the index.
struct AttendanceRecord {
  const Meeting* meeting = nullptr;
  // "present", "apologies", "substitute", "also_attending", "remote" (online
  // only), "invited" (to present an agenda item)
  std::string_view kind;
  const std::string* detail = nullptr;  // capacity, or the member substituted for (an id)
  bool remote = false;                  // took part online
  const std::string* item = nullptr;    // "invited": the agenda item they presented
};

struct Authored {
  std::string meeting_id;
  std::string document_id;
};

struct SiteIndex {
  explicit SiteIndex(const Site& site);

  const Site& site() const { return *site_; }
  // The index of `site`, made for another Site object whose records were
  // the same and whose meetings are the very objects `site` holds now: what
  // the index points into (meetings and their agenda items) has not moved.
  // clerk serve keeps its index so after an edit to papers' bodies alone.
  void MoveTo(const Site& site) { site_ = &site; }

  // Meetings in start order (then id), all and per committee.
  std::vector<const Meeting*> meetings_by_date;
  // The meetings that have minutes, in the same order (what the decision
  // registers list), and the years they are in, newest first. Made once: the
  // registers' pages asked the whole site for them on every page, which at
  // 10,000 meetings made the registers quadratic.
  std::vector<const Meeting*> minuted_by_date;
  std::vector<int> minuted_years;
  std::map<std::string, std::vector<const Meeting*>> committee_meetings;
  // Meeting -> its place in its committee's list, for Previous and Next.
  std::unordered_map<const Meeting*, size_t> committee_position;
  // Looked up only, never iterated:
  // "<meeting>/<item full number>" -> minute number.
  std::unordered_map<std::string, int> item_minutes;
  // "<meeting>/<item full number>" -> document ids (agenda order, then front matter).
  std::unordered_map<std::string, std::vector<std::string>> item_documents;
  // "<meeting>/<document>" -> the documents it is an appendix of.
  std::unordered_map<std::string, std::vector<std::string>> appendix_of;
  // Meeting id -> meetings whose minutes it approved.
  std::unordered_map<std::string, std::vector<std::string>> approved_minutes_of;
  // Committee id -> work programme ids.
  std::map<std::string, std::vector<std::string>> committee_work_programmes;
  // Meeting id -> (work programme id, row index) planned for it.
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> planned_topics;
  // Meeting id -> (work programme id, index in its `meetings`): deadlines.
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> meeting_deadlines;
  // Meeting id -> (forward plan id, entry index) of decisions that go to it.
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> meeting_decisions;
  // Committee id -> forward plans with an entry it decides, by plan id.
  std::map<std::string, std::vector<std::string>> committee_forward_plans;
  // Topic id -> its agenda items (and sub-items), in meeting date order.
  struct TopicItem {
    const Meeting* meeting;
    const AgendaItem* item;
  };
  std::map<std::string, std::vector<TopicItem>> topic_items;
  // Agenda item -> its place in its topic's list above. (Searching the list
  // for each item made meeting pages quadratic in a topic's length.)
  std::unordered_map<const AgendaItem*, size_t> topic_item_position;
  // Person id -> attendance in date order; documents written (looked up
  // only).
  std::unordered_map<std::string, std::vector<AttendanceRecord>> attendance;
  std::unordered_map<std::string, std::vector<Authored>> authored;

  const Committee* CommitteeOf(const Meeting& meeting) const;
  const Person* FindPerson(const std::string& id) const;
  const Meeting* FindMeeting(const std::string& id) const;
  const Document* FindDocument(const std::string& meeting_id,
                               const std::string& id) const;
  const AgendaItem* FindItem(const Meeting& meeting,
                             const std::string& full_number) const;
  // The meeting's documents in agenda order, then any the agenda does not name.
  std::vector<std::string> DocumentsInOrder(const Meeting& meeting) const;
  const Meeting* Previous(const Meeting& meeting) const;
  const Meeting* Next(const Meeting& meeting) const;

  // "Councillor Carole Gandy", or the id if the person is unknown.
  std::string PersonName(const std::string& id) const;
  // The meeting's title: its own, or its committee's name.
  std::string MeetingTitle(const Meeting& meeting) const;
  // "Children and young people scrutiny committee, Monday 16 September 2019".
  std::string MeetingLabel(const Meeting& meeting) const;

 private:
  const Site* site_;
};

// Upcoming, on the build's date `today` (Site::today): on or after it, and
// scheduled or confirmed. A meeting whose date has passed is not upcoming,
// whatever its status says (`clerk check` asks whether it should be `held`);
// a postponed or cancelled one is not upcoming at its old date (the meeting
// it moved to is, in its turn). With no date set (year 0), the status alone.
bool IsUpcoming(const Meeting& meeting, const Date& today);
// The status alone, whatever the date: kept only for the easy-read pages
// until they pass the build's date too (render/easy_read.cpp).
bool IsUpcoming(const Meeting& meeting);

}  // namespace clerk
