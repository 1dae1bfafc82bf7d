// People, committees, venues, topics and the glossary: the records meetings
// refer to (content/load_registers.cpp, content/load_glossary.cpp).
#include "schema/field_builders.h"
#include "schema/tables.h"

namespace clerk::schema {

using namespace build;

const RecordTable& PersonTable() {
  static const RecordTable t{
      "person",
      "person",
      "A person: a councillor, officer or witness. The file name is their id.",
      {Required(Text("name", "The name as printed, without honorific: 'Carole Gandy'.")),
       Text("honorific", "Printed before the name: 'Councillor', 'Mr', 'Dr'."),
       List("aliases", FieldType::kText,
            "Other spellings of the name found in papers, so they link to this person."),
       Text("job_title", "Their job or office: 'Director for Children and Families'."),
       Text("organisation", "Who they work for, if not the council."),
       Text("email", "A published email address."),
       Text("phone", "A published phone number.")}};
  return t;
}

const RecordTable& MemberTable() {
  static const RecordTable t{
      "member",
      "member",
      "A member of the committee.",
      {Required(Id("person", "people", "The person's id (content/people/<id>.yaml).")),
       Text("role", "Chair, Vice-Chair, Member, or a title of its own as printed."),
       Text("party", "Their political group."),
       Date("from", "First day on the committee (YYYY-MM-DD)."),
       Date("to", "Last day on the committee (YYYY-MM-DD).")}};
  return t;
}

const RecordTable& CoOpteeTable() {
  static const RecordTable t{
      "co-optee",
      "co-optee",
      "A co-opted member: someone who is not a councillor.",
      {Required(Id("person", "people", "The person's id (content/people/<id>.yaml).")),
       Text("represents", "Who they represent: 'Church of England diocese'."),
       Bool("voting", "Whether they may vote. Leave out if the papers do not say."),
       Date("from", "First day on the committee (YYYY-MM-DD)."),
       Date("to", "Last day on the committee (YYYY-MM-DD).")}};
  return t;
}

const RecordTable& CommitteeTable() {
  static const RecordTable t{
      "committee",
      "committee",
      "A committee. The file name is its id.",
      {Required(Text("name", "The committee's full name.")),
       Text("short_name", "A shorter name for menus and headings."),
       Required(Text("organisation", "The council the committee belongs to.")),
       Text("remit", "What the committee does, in Markdown."),
       Id("contact", "people", "The democratic services officer to contact."),
       Choice("minute_numbering", {"per-meeting", "continuous"},
              "Whether minute numbers start again at each meeting or run on."),
       RecordList("members", MemberTable, "The councillors on the committee."),
       RecordList("co_optees", CoOpteeTable, "Co-opted members.")}};
  return t;
}

const RecordTable& VenueTable() {
  static const RecordTable t{
      "venue",
      "venue",
      "A place where meetings are held.",
      {Required(Text("name", "The room and building: 'Council Chamber, Shire Hall'.")),
       Required(Text("address", "The street address.")),
       Text("postcode", "The postcode."),
       Text("access", "How to get in: step-free access, hearing loop, parking.")}};
  return t;
}

const RecordTable& VenuesFileTable() {
  static const RecordTable t{
      "venues", "venues",   "Every venue, each under its id (lower case, hyphens).",
      {},       VenueTable, true};
  return t;
}

const RecordTable& TopicTable() {
  static const RecordTable t{"topic",
                             "topic",
                             "A subject that agenda items across meetings come back to.",
                             {Required(Text("title", "The topic's title.")),
                              Text("description", "What the topic covers.")}};
  return t;
}

const RecordTable& TopicsFileTable() {
  static const RecordTable t{
      "topics", "topics",   "Every topic, each under its id (lower case, hyphens).",
      {},       TopicTable, true};
  return t;
}

const RecordTable& MeaningTable() {
  static const RecordTable t{
      "meaning",
      "meaning",
      "One meaning of a term that means different things to different committees.",
      {Required(Text("expansion", "What the letters stand for.")),
       Required(Text("plain", "What it means, in plain words.")),
       IdList(
           "committees", "committees",
           "The committees that use this meaning; none: the meaning used elsewhere.")}};
  return t;
}

const RecordTable& GlossaryTermTable() {
  static const RecordTable t{
      "glossary-term",
      "glossary term",
      "A term readers may not know: an acronym with its expansion, or a name.",
      {Bool("name", "true: a name in capitals that is not short for anything."),
       Text("expansion", "What the letters stand for."),
       Text("plain", "What it means, in plain words."),
       RecordList("meanings", MeaningTable,
                  "Several meanings, each with the committees that use it.")}};
  return t;
}

const RecordTable& GlossaryFileTable() {
  static const RecordTable t{
      "glossary",
      "glossary",
      "Terms readers may not know, each under the term itself.",
      {List("not_acronyms", FieldType::kText,
            "Words in capitals that are not acronyms: never expanded nor warned about."),
       List("ignore_patterns", FieldType::kText,
            "Regular expressions for codes that are not words (ref numbers).")},
      GlossaryTermTable,
      false};
  return t;
}

}  // namespace clerk::schema
