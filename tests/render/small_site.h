// A small hand-built Site for the render tests: one committee, three
// meetings (held, cancelled, scheduled), a report with an appendix, minutes,
// a work programme, a glossary term.
#pragma once

#include "content/minutes_records.h"
#include "model/fingerprint.h"
#include "model/model.h"

namespace clerk::render_testing {

inline Date D(int y, int m, int d) {
  return Date{y, m, d};
}

inline Site SmallSite() {
  Site site;
  site.root = CLERK_SOURCE_DIR "/tests/render/no-such-source";  // no assets/
  site.config.title = "Committee papers";
  site.config.organisation = "Example Council";
  site.config.language = "en-GB";
  site.config.contact = {"Democratic Services", "ds@example.gov.uk", "01234 567890"};
  site.config.accessibility = "We want everyone to use this site.\n";
  site.config.accessibility_reviewed = "1 November 2026";

  Person chair;
  chair.id = "carole-gandy";
  chair.name = "Carole Gandy";
  chair.honorific = "Councillor";
  Person officer;
  officer.id = "matthew-evans";
  officer.name = "Matthew Evans";
  officer.job_title = "Democratic services officer";
  officer.email = "m.evans@example.gov.uk";
  officer.phone = "01234 000000";
  site.people[chair.id] = chair;
  site.people[officer.id] = officer;
  site.venues["shire-hall"] =
      Venue{"shire-hall", {}, "Shire Hall", "St Peter's Square", "HR1 2HX", ""};
  site.glossary["CAMHS"] = GlossaryTerm{"CAMHS",
                                        {},
                                        "Child and Adolescent Mental Health Services",
                                        "NHS help for young people's mental health."};

  Committee c;
  c.id = "cyp";
  c.name = "Children and young people scrutiny committee";
  c.organisation = "Example Council";
  c.remit = "Looks at services for children.\n";
  c.contact = {"matthew-evans", {}};
  Membership m;
  m.person = {"carole-gandy", {}};
  m.role = MemberRole::kChair;
  m.party = "Conservative";
  m.from = D(2019, 5, 1);
  c.members.push_back(m);
  site.committees[c.id] = c;

  Meeting held;
  held.id = "2019-09-16-cyp";
  held.committee = {"cyp", {}};
  held.status = MeetingStatus::kHeld;
  held.start = {D(2019, 9, 16), TimeOfDay{10, 15}};
  held.end = TimeOfDay{13, 5};
  held.venue = {"shire-hall", {}};
  held.attendance.present.push_back({{}, {"carole-gandy", {}}, "", {}});
  AgendaItem item;
  item.number = "1";
  item.full_number = "1";
  item.title = "General";
  AgendaItem sub;
  sub.number = "(2)";
  sub.full_number = "1(2)";
  sub.title = "Apologies";
  item.sub_items.push_back(sub);
  held.agenda.push_back(item);
  AgendaItem report_item;
  report_item.number = "7";
  report_item.full_number = "7";
  report_item.title = "Care leavers";
  report_item.purpose = "To scrutinise the decision.";
  report_item.pages = "11 - 30";
  report_item.documents = {{"care-leavers", {}}, {"care-leavers-eia", {}}};
  held.agenda.push_back(report_item);
  held.documents = {"care-leavers", "care-leavers-eia"};
  held.has_minutes = true;
  site.meetings[held.id] = held;

  Meeting cancelled;
  cancelled.id = "2019-11-25-cyp";
  cancelled.committee = {"cyp", {}};
  cancelled.status = MeetingStatus::kCancelled;
  cancelled.start = {D(2019, 11, 25), TimeOfDay{14, 0}};
  cancelled.notice = "Cancelled for lack of business.";
  cancelled.moved_to = {"2020-01-27-cyp", {}};
  site.meetings[cancelled.id] = cancelled;

  Meeting next;
  next.id = "2020-01-27-cyp";
  next.committee = {"cyp", {}};
  next.status = MeetingStatus::kScheduled;
  next.start = {D(2020, 1, 27), TimeOfDay{10, 0}};
  next.venue = {"shire-hall", {}};
  site.meetings[next.id] = next;

  Document report;
  report.id = "care-leavers";
  report.meeting_id = held.id;
  report.path = "content/meetings/2019-09-16-cyp/care-leavers.md";
  report.title = "Accommodation for care leavers";
  report.item = "7";
  report.authors = {PaperPerson{{}, {"matthew-evans", {}}, "", ""}};
  report.recommendations.push_back({{}, "a", "That a service is commissioned."});
  report.appendices.push_back({"care-leavers-eia", {}});
  report.body =
      "## Purpose\n\nTo commission a service[^1].\n\n## Costs\n\n| Year | Cost "
      "|\n|---|---|\n| 2020 | 10 |\n\n[^1]: For five years.\n";
  report.body_line = 20;
  report.body_fingerprint = FingerprintOf(report.body);  // as the loader sets it
  site.documents[held.id + "/" + report.id] = report;
  Document eia;
  eia.id = "care-leavers-eia";
  eia.meeting_id = held.id;
  eia.kind = DocumentKind::kAppendix;
  eia.title = "Equality impact assessment";
  eia.item = "7";
  eia.body = "Text.\n";
  eia.body_fingerprint = FingerprintOf(eia.body);
  site.documents[held.id + "/" + eia.id] = eia;

  Minutes minutes;
  minutes.meeting_id = held.id;
  minutes.path = "content/meetings/2019-09-16-cyp/minutes.md";
  minutes.status = MinutesStatus::kApproved;
  minutes.approved_at = {"2020-01-27-cyp", {}};
  MinuteSection section;
  section.number = 609;
  section.item = "7";
  section.title = "609 Care leavers";
  section.heading_line = 5;
  minutes.sections.push_back(section);
  minutes.body =
      "## 609 Care leavers\n\nThe committee discussed the report.\n\n**Resolved:** that "
      "the plan is noted.\n";
  minutes.body_line = 5;
  minutes.body_fingerprint = FingerprintOf(minutes.body);
  {
    Diagnostics parse_diag;  // the loader parses minutes into their records
    ParseMinutesRecords(minutes, parse_diag);
  }
  site.minutes[held.id] = minutes;

  WorkProgramme wp;
  wp.id = "cyp-2019-20";
  wp.committee = {"cyp", {}};
  wp.title = "Work programme 2019 to 2020";
  WorkProgrammeRow row;
  row.topic = "Youth justice plan";
  row.when = WhenKind::kMeeting;
  row.meeting = {"2020-01-27-cyp", {}};
  wp.rows.push_back(row);
  WorkProgrammeRow later;
  later.topic = "School places";
  later.when = WhenKind::kMonth;
  later.year = 2020;
  later.month = 3;
  wp.rows.push_back(later);
  site.work_programmes[wp.id] = wp;
  return site;
}

}  // namespace clerk::render_testing
