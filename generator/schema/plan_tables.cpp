// Work programmes and forward plans (content/load_work_programmes.cpp,
// content/load_forward_plans.cpp).
#include "schema/field_builders.h"
#include "schema/tables.h"

namespace clerk::schema {

using namespace build;

const RecordTable& ProgrammeMeetingTable() {
  static const RecordTable t{
      "programme-meeting",
      "work programme meeting",
      "A meeting of the programme, with its deadlines.",
      {Required(Id("meeting", "meetings", "The meeting's id (its folder name).")),
       Date("report_deadline", "When reports are due (YYYY-MM-DD)."),
       Date("publication", "When the papers are published (YYYY-MM-DD).")}};
  return t;
}

const RecordTable& WorkProgrammeRowTable() {
  static const RecordTable t{
      "work-programme-row",
      "work programme row",
      "A subject the committee plans to look at. Give 'meeting' or 'when'.",
      {Required(Text("topic", "The subject.")),
       Text("description", "What the committee will look at."),
       Text("author", "Who writes the report."),
       Text("scrutiny", "How it is scrutinised: 'report', 'task group'."),
       Text("cadence", "How often it comes back: 'annual'."),
       Date("last_report", "When it was last reported (YYYY-MM-DD)."),
       OneOrMore(List("witnesses", FieldType::kText,
                      "Who is invited: person ids, or names as printed.")),
       OneOrMore(List("visits", FieldType::kText, "Visits, as printed.")),
       Text("notes", "Anything else."),
       Id("meeting", "meetings", "The meeting it goes to, once known."),
       Text("item", "The agenda item number at that meeting."),
       Text("when",
            "tbc, standing, or a month (YYYY-MM), when there is no meeting yet.")}};
  return t;
}

const RecordTable& WorkProgrammeTable() {
  static const RecordTable t{
      "work-programme",
      "work programme",
      "A committee's work programme.",
      {Required(Id("committee", "committees", "The committee's id.")),
       Required(Text("title", "The programme's title.")),
       Text("period", "The period it covers: '2024 to 2025'."),
       RecordList("meetings", ProgrammeMeetingTable, "The meetings and their deadlines."),
       Required(RecordList("rows", WorkProgrammeRowTable, "The subjects planned."))}};
  return t;
}

const RecordTable& ForwardPlanEntryTable() {
  static const RecordTable t{
      "forward-plan-entry",
      "forward plan entry",
      "A decision the council expects to take.",
      {Required(Text("id", "The entry's id (lower case, hyphens): its address.")),
       Text("reference", "The council's reference number."),
       Required(Text("title", "The decision's title.")),
       Text("description", "What is to be decided, in Markdown."),
       Required(Id("decision_maker", "committees",
                   "A committee id, or who decides in words: 'Cabinet Member for "
                   "Children and Families'.")),
       Required(Text("expected", "When: a date (YYYY-MM-DD), a month (YYYY-MM) or tbc.")),
       Text("key_decision", "yes, no or unknown."),
       Choice("classification", {"open", "exempt", "part-exempt"},
              "Whether the decision is taken in public."),
       OneOrMore(List("exempt_paragraph", FieldType::kInt,
                      "The paragraphs of Schedule 12A (1 to 7) that allow exemption.")),
       Text("exempt_reason", "Why it is exempt, in plain words."),
       Id("contact", "people", "The officer to contact."),
       List("wards", FieldType::kText, "The wards it affects."),
       Id("meeting", "meetings", "The meeting that takes the decision, once known.")}};
  return t;
}

const RecordTable& ForwardPlanTable() {
  static const RecordTable t{
      "forward-plan",
      "forward plan",
      "A forward plan of key decisions.",
      {Required(Text("title", "The plan's title.")),
       Date("published", "When it was published (YYYY-MM-DD)."),
       Text("period", "The period it covers."),
       Id("contact", "people", "The officer to contact."),
       Required(RecordList("entries", ForwardPlanEntryTable, "The decisions."))}};
  return t;
}

}  // namespace clerk::schema
