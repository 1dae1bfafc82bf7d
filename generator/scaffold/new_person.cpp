#include "scaffold/new_person.h"

#include <filesystem>

#include "content/email_address.h"
#include "content/yaml_reader.h"
#include "model/did_you_mean.h"
#include "scaffold/new_file.h"
#include "scaffold/yaml_text.h"

namespace clerk::scaffold {

namespace {

namespace fs = std::filesystem;

// The id for a new record named `name`: `given`, else made from the name;
// "" after an error.
std::string NewId(const std::string& given, const std::string& name, const char* what,
                  Diagnostics& diag) {
  if (name.empty()) {
    diag.Error({"--name", 0, 0}, std::string("give the ") + what + "'s name with --name");
    return "";
  }
  std::string id = given.empty() ? IdFromName(name) : given;
  if (!IsValidId(id)) {
    diag.Error({given.empty() ? "--name" : "--id", 0, 0},
               "'" + id + "' is not an id: ids are " + kIdRule +
                   (given.empty() ? " (give one with --id)" : ""));
    return "";
  }
  return id;
}

std::string Write(const fs::path& file, const std::string& text, Diagnostics& diag) {
  std::string error;
  if (!WriteNewFile(file, text, &error)) {
    diag.Error({ShownPath(file), 0, 0}, error);
    return "";
  }
  return file.string();
}

void Field(std::string& out, const char* key, const std::string& value) {
  if (!value.empty()) out += std::string(key) + ": " + YamlString(value) + "\n";
}

}  // namespace

std::string NewPerson(const Site& site, const NewPersonRequest& r, Diagnostics& diag) {
  std::string id = NewId(r.id, r.name, "person", diag);
  if (id.empty()) return "";
  fs::path file = fs::path(site.root) / "content" / "people" / (id + ".yaml");
  if (site.people.count(id)) {
    diag.Error({ShownPath(file), 0, 0},
               "there is already a person '" + id + "' (" + site.people.at(id).name +
                   "): edit their file, or for another person of the same name give "
                   "--id " +
                   id + "-2");
    return "";
  }
  if (!r.email.empty() && !EmailProblem(r.email).empty()) {
    diag.Error({"--email", 0, 0},
               "'" + r.email + "' is not an email address" + EmailProblem(r.email));
    return "";
  }
  std::string out = "# " + r.name + ". Fields: docs/content-format.md, \"People\".\n";
  Field(out, "name", r.name);
  Field(out, "honorific", r.honorific);
  Field(out, "job_title", r.job_title);
  Field(out, "organisation", r.organisation);
  Field(out, "email", r.email);
  Field(out, "phone", r.phone);
  out += "# aliases: [Cllr Bloggs]   # other spellings of the name in papers\n";
  return Write(file, out, diag);
}

std::string NewCommittee(const Site& site, const NewCommitteeRequest& r,
                         Diagnostics& diag) {
  std::string id = NewId(r.id, r.name, "committee", diag);
  if (id.empty()) return "";
  fs::path file = fs::path(site.root) / "content" / "committees" / (id + ".yaml");
  if (site.committees.count(id)) {
    diag.Error({ShownPath(file), 0, 0}, "there is already a committee '" + id + "' (" +
                                            site.committees.at(id).name +
                                            "): edit its file, or give another id "
                                            "with --id");
    return "";
  }
  if (!r.contact.empty() && !site.people.count(r.contact)) {
    std::vector<std::string> ids;
    for (const auto& kv : site.people) ids.push_back(kv.first);
    diag.Error({"--contact", 0, 0}, "unknown person '" + r.contact + "'" +
                                        DidYouMean(r.contact, ids) +
                                        " (add them with clerk new person)");
    return "";
  }
  std::string out = "# " + r.name + ". Fields: docs/content-format.md, \"Committees\".\n";
  Field(out, "name", r.name);
  Field(out, "short_name", r.short_name);
  Field(out, "organisation",
        r.organisation.empty() ? site.config.organisation : r.organisation);
  out += "# remit: |\n#   What the committee does, in plain words (Markdown).\n";
  if (!r.contact.empty())
    out += "contact: " + r.contact + "\n";
  else
    out += "# contact: the person id of the officer residents contact\n";
  out += "minute_numbering: " + r.minute_numbering +
         "   # per-meeting: from 1 at each meeting; continuous: carrying on\n";
  out +=
      "members: []\n"
      "# members:\n"
      "#   - person: jo-bloggs   # a person id from content/people/\n"
      "#     role: Chair\n"
      "#     from: 2026-05-20\n";
  return Write(file, out, diag);
}

}  // namespace clerk::scaffold
