#include "scaffold/command_line.h"

namespace clerk::scaffold {

CLI::App* AddInitCommand(CLI::App& app, InitOptions& options, std::string& today_flag) {
  CLI::App* init = app.add_subcommand("init", "Start a new site in a new folder");
  init->add_option("DIR", options.dir, "The new site's folder (new or empty)")
      ->required();
  init->add_option("--today", today_flag,
                   "Date the first meeting from this day, YYYY-MM-DD (default: "
                   "SOURCE_DATE_EPOCH or today)");
  return init;
}

CLI::App* AddNewCommand(CLI::App& app, NewOptions& options) {
  CLI::App* scaffold = app.add_subcommand("new", "Create new content from a template");
  scaffold->require_subcommand(1);
  const char* source_help =
      "Site folder (default: here or the nearest folder above "
      "with site.yaml)";
  CLI::App* meeting = scaffold->add_subcommand("meeting", "Start a new meeting folder");
  meeting->add_option("--source", options.source, source_help);
  meeting->add_option("--committee", options.committee, "Committee id")->required();
  meeting->add_option("--date", options.date, "Meeting date, YYYY-MM-DD")->required();
  CLI::App* paper = scaffold->add_subcommand("paper", "Start a report or other paper");
  paper->add_option("--source", options.source, source_help);
  paper->add_option("--meeting", options.paper.meeting, "Meeting id")->required();
  paper->add_option("--title", options.paper.title, "Title, as printed")->required();
  paper->add_option("--item", options.paper.item,
                    "Agenda item number (default: none; reports need one)");
  paper->add_option("--kind", options.paper.kind, "Kind of paper (default: report)")
      ->check(CLI::IsMember({"report", "appendix", "briefing", "plan", "other"}));
  paper->add_option("--id", options.paper.id,
                    "File name without .md (default: the one the item names, else from "
                    "the title)");
  paper->add_option("--author", options.paper.author, "Author's person id (default: none)");
  CLI::App* minutes = scaffold->add_subcommand(
      "minutes", "Start a meeting's minutes, a section per agenda item");
  minutes->add_option("--source", options.source, source_help);
  minutes->add_option("--meeting", options.paper.meeting, "Meeting id")->required();
  CLI::App* person = scaffold->add_subcommand("person", "Add a person");
  person->add_option("--source", options.source, source_help);
  person->add_option("--name", options.person.name, "Name, as papers print it")
      ->required();
  person->add_option("--id", options.person.id, "Id (default: from the name)");
  person->add_option("--honorific", options.person.honorific, "Councillor, Dr ... (default: none)");
  person->add_option("--job-title", options.person.job_title, "Job title, for officers (default: none)");
  person->add_option("--organisation", options.person.organisation, "Organisation (default: none)");
  person->add_option("--email", options.person.email, "Email address (default: none)");
  person->add_option("--phone", options.person.phone, "Phone number (default: none)");
  CLI::App* committee = scaffold->add_subcommand("committee", "Add a committee");
  committee->add_option("--source", options.source, source_help);
  committee->add_option("--name", options.committee_record.name, "Full name")->required();
  committee->add_option("--id", options.committee_record.id,
                        "Id (default: from the name)");
  committee->add_option("--short-name", options.committee_record.short_name,
                        "Short name, for breadcrumbs (default: none)");
  committee->add_option("--organisation", options.committee_record.organisation,
                        "Organisation (default: the site's)");
  committee->add_option("--contact", options.committee_record.contact,
                        "Contact officer's person id (default: none)");
  committee
      ->add_option("--minute-numbering", options.committee_record.minute_numbering,
                   "per-meeting (default) or continuous")
      ->check(CLI::IsMember({"per-meeting", "continuous"}));
  return scaffold;
}

}  // namespace clerk::scaffold
