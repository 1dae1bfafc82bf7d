// meeting.yaml: the meeting, its attendance and its agenda
// (content/load_meetings.cpp).
#include "schema/field_builders.h"
#include "schema/tables.h"

namespace clerk::schema {

using namespace build;

const RecordTable& AttendeeTable() {
  static const RecordTable t{
      "attendee",
      "attendee",
      "A person at the meeting, with how they took part.",
      {Required(Id("person", "people", "The person's id (content/people/<id>.yaml).")),
       Text("capacity", "In what role they attended: 'Cabinet Member', 'witness'."),
       Bool("remote", "true: they took part online.")}};
  return t;
}

const RecordTable& SubstituteTable() {
  static const RecordTable t{"substitute",
                             "attendee",
                             "A councillor standing in for a member of the committee.",
                             {Required(Id("person", "people", "The substitute's id.")),
                              Text("capacity", "In what role they attended."),
                              Bool("remote", "true: they took part online."),
                              Required(Id("for", "people", "The member they replace."))}};
  return t;
}

const RecordTable& AttendanceTable() {
  static const RecordTable t{
      "attendance",
      "attendance",
      "Who came, who sent apologies, who stood in. Each entry is a person id, or a "
      "mapping with 'person'.",
      {IdOrRecordList("present", "people", AttendeeTable, "Members present."),
       IdOrRecordList("apologies", "people", AttendeeTable,
                      "Members who sent apologies."),
       RecordList("substitutes", SubstituteTable,
                  "Substitutes, each with 'person' and 'for'."),
       IdOrRecordList("also_attending", "people", AttendeeTable,
                      "Others at the meeting: officers, witnesses, cabinet members."),
       IdOrRecordList("remote", "people", AttendeeTable,
                      "People who took part online.")}};
  return t;
}

const RecordTable& ExemptionTable() {
  static const RecordTable t{
      "exemption",
      "exemption",
      "Why the public is excluded from this item.",
      {Required(Int("paragraph", "The paragraph of Schedule 12A (1 to 7) that applies.")),
       Required(Text("reason", "The reason, in plain words."))}};
  return t;
}

const RecordTable& AgendaItemTable() {
  static const RecordTable t{
      "agenda-item",
      "agenda item",
      "An item of the agenda.",
      {Required(Text("number", "The item's number as printed: '5', '7a'.")),
       Required(Text("title", "The item's title.")),
       Text("purpose", "What the item is for, in Markdown."),
       Text("timing", "When the item is taken: '10.05 to 11.00'."),
       Text("pages", "The pages in the printed pack: '9 - 24'."),
       IdList("documents", "papers", "The papers of this item (file names without .md)."),
       Record("exempt", ExemptionTable, "Why the public is excluded, if they are."),
       Text("easy_read", "The item in easy-read words, for the easy-read page."),
       Id("topic", "topics", "The topic this item belongs to (content/topics.yaml)."),
       Text("picture", "The pictogram shown beside the item on the easy-read page."),
       IdOrRecordList("invited", "people", AttendeeTable, "People invited to this item."),
       RecordList("items", AgendaItemTable, "Sub-items: 'a', 'b' ...")}};
  return t;
}

const RecordTable& MeetingTable() {
  static const RecordTable t{
      "meeting",
      "meeting",
      "A meeting. Its folder is named <date>-<committee>.",
      {Required(Id("committee", "committees", "The committee's id.")),
       Text("title", "A title, if not the committee's name."),
       Choice("kind", {"formal", "informal", "referenced"},
              "formal (the default), informal, or referenced (another body's)."),
       Bool("open_to_public", "Whether the public may attend."),
       Text("papers_url", "Where the original papers are published (https://)."),
       Required(Choice("status",
                       {"scheduled", "confirmed", "held", "cancelled", "postponed"},
                       "Where the meeting stands.")),
       Required(Text("start",
                     "Date and time: '2019-09-16 10:00'; the date alone, or "
                     "'2019-09-16 tbc', when the time is not known.")),
       Time("end", "When the meeting ended: '12:30'."),
       Id("venue", "venues",
          "A venue id from content/venues.yaml, or 'tbc'. Needed unless cancelled, "
          "postponed or referenced."),
       Text("webcast", "The address of the webcast (https://)."),
       Id("contact", "people", "The officer to contact about the meeting."),
       Text("notice", "A notice shown at the top of the meeting page, in Markdown."),
       Text("easy_read", "The meeting in easy-read words, for the easy-read page."),
       Id("moved_to", "meetings", "The meeting this one was moved to."),
       Int("sequence", "Orders two meetings of one committee on the same day."),
       Record("attendance", AttendanceTable, "Who came, once the meeting is held."),
       RecordList("agenda", AgendaItemTable, "The agenda items, in order.")}};
  return t;
}

}  // namespace clerk::schema
