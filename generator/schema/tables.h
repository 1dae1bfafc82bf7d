// The table of every kind of record Clerk reads (schema/field_table.h).
#pragma once

#include "schema/field_table.h"

namespace clerk::schema {

// content/people/<id>.yaml, content/committees/<id>.yaml and their parts.
const RecordTable& PersonTable();
const RecordTable& CommitteeTable();
const RecordTable& MemberTable();
const RecordTable& CoOpteeTable();
// content/venues.yaml, content/topics.yaml: records under their ids.
const RecordTable& VenuesFileTable();
const RecordTable& VenueTable();
const RecordTable& TopicsFileTable();
const RecordTable& TopicTable();
// content/glossary.yaml.
const RecordTable& GlossaryFileTable();
const RecordTable& GlossaryTermTable();
const RecordTable& MeaningTable();

// content/meetings/<id>/meeting.yaml.
const RecordTable& MeetingTable();
const RecordTable& AttendanceTable();
const RecordTable& AttendeeTable();
const RecordTable& SubstituteTable();
const RecordTable& AgendaItemTable();
const RecordTable& ExemptionTable();

// Front matter of papers, minutes and easy-read versions.
const RecordTable& PaperTable();
const RecordTable& PaperPersonTable();
const RecordTable& RecommendationTable();
const RecordTable& ExternalAppendixTable();
const RecordTable& MinutesTable();
const RecordTable& MinuteSectionTable();
const RecordTable& EasyReadTable();

// content/work-programmes/<id>.yaml, content/forward-plans/<id>.yaml.
const RecordTable& WorkProgrammeTable();
const RecordTable& ProgrammeMeetingTable();
const RecordTable& WorkProgrammeRowTable();
const RecordTable& ForwardPlanTable();
const RecordTable& ForwardPlanEntryTable();

// site.yaml.
const RecordTable& SiteTable();
const RecordTable& SiteContactTable();
const RecordTable& AccessibilityTable();
const RecordTable& DeployTargetTable();

}  // namespace clerk::schema
