// Front matter of papers, minutes and easy-read versions
// (content/load_papers.cpp, content/load_easy_read.cpp).
#include "schema/field_builders.h"
#include "schema/tables.h"

namespace clerk::schema {

using namespace build;

const RecordTable& PaperPersonTable() {
  static const RecordTable t{
      "paper-person",
      "author",
      "A person named by a paper: 'person' (an id) or 'name' (as printed), and a role.",
      {Id("person", "people", "The person's id."),
       Text("name", "The name as printed, when they have no person record."),
       Text("role", "Their role in this paper: 'Report author'.")}};
  return t;
}

const RecordTable& RecommendationTable() {
  static const RecordTable t{"recommendation",
                             "recommendation",
                             "A recommendation of the report.",
                             {Required(Text("id", "Its number as printed: 'a', '2.1'.")),
                              Required(Text("text", "The recommendation's words."))}};
  return t;
}

const RecordTable& ExternalAppendixTable() {
  static const RecordTable t{
      "external-appendix",
      "appendix",
      "An appendix published elsewhere.",
      {Required(Text("title", "The appendix's title.")),
       Required(Text("url", "Where it is published (https://)."))}};
  return t;
}

const RecordTable& PaperTable() {
  static const RecordTable t{
      "paper",
      "document front matter",
      "The front matter of a paper (a report, appendix, briefing or plan).",
      {Required(Choice("kind", {"report", "appendix", "briefing", "plan", "other"},
                       "What kind of paper this is.")),
       Required(Text("title", "The paper's title.")),
       Text("item", "The agenda item number it belongs to; needed for a report."),
       Id("author", "people", "The author's id (or use 'authors')."),
       Text("author_role", "The author's role, as printed."),
       OneOrMore(IdOrRecordList("authors", "people", PaperPersonTable,
                                "The authors: ids, or 'person'/'name' with 'role'.")),
       OneOrMore(IdOrRecordList("contacts", "people", PaperPersonTable,
                                "Whom to contact about the paper.")),
       Text("organisation", "Who wrote it, if not the council."),
       Choice("status", {"draft", "final"}, "draft or final."),
       Choice("classification", {"open", "exempt"},
              "exempt: only the title is published."),
       Bool("key_decision", "Whether the paper asks for a key decision."),
       Date("published", "When it was published (YYYY-MM-DD)."),
       List("wards", FieldType::kText, "The wards it affects."),
       Text("pages", "The pages in the printed pack."),
       Text("summary", "A summary, in Markdown."),
       Map("glossary", FieldType::kText,
           "Which meaning of a term this paper uses: term: expansion."),
       RecordList("recommendations", RecommendationTable, "The recommendations."),
       IdOrRecordList("appendices", "papers", ExternalAppendixTable,
                      "Appendices: papers in this folder (ids), or 'title' and 'url'.")}};
  return t;
}

const RecordTable& MinuteSectionTable() {
  static const RecordTable t{
      "minute-section",
      "minute section",
      "One numbered minute and the agenda item it minutes.",
      {Required(Int("minute", "The minute's number, as in its '## <number>' heading.")),
       Required(Text("item", "The agenda item number it minutes."))}};
  return t;
}

const RecordTable& MinutesTable() {
  static const RecordTable t{
      "minutes",
      "minutes front matter",
      "The front matter of minutes.md.",
      {Choice("kind", {"minutes", "action-notes"},
              "minutes (the default) or action-notes."),
       Required(Choice("status", {"draft", "approved"}, "draft or approved.")),
       Id("approved_at", "meetings", "The meeting that approved these minutes."),
       RecordList("sections", MinuteSectionTable, "The minutes, in order.")}};
  return t;
}

const RecordTable& EasyReadTable() {
  static const RecordTable t{
      "easy-read",
      "easy-read front matter",
      "The front matter of an easy-read version (<paper>.easy.md).",
      {Required(Text("written_from",
                     "The sha256 of the paper this was written from, so a change to "
                     "the paper is noticed."))}};
  return t;
}

}  // namespace clerk::schema
