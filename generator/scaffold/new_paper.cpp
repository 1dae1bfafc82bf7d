#include "scaffold/new_paper.h"

#include <filesystem>

#include "content/yaml_reader.h"
#include "links/check_references.h"
#include "model/did_you_mean.h"
#include "scaffold/new_file.h"
#include "scaffold/yaml_text.h"

namespace clerk::scaffold {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> Keys(const auto& map) {
  std::vector<std::string> keys;
  for (const auto& kv : map) keys.push_back(kv.first);
  return keys;
}

void AllNumbers(const std::vector<AgendaItem>& items, std::vector<std::string>& out) {
  for (const AgendaItem& item : items) {
    out.push_back(item.full_number.empty() ? item.number : item.full_number);
    AllNumbers(item.sub_items, out);
  }
}

// The first paper `item` names that the folder does not hold yet: the clerk
// wrote the agenda first, and this is the paper for it.
std::string MissingPaper(const Meeting& meeting, const AgendaItem& item) {
  for (const Ref& doc : item.documents) {
    bool there = false;
    for (const std::string& held : meeting.documents) there = there || held == doc.id;
    if (!there) return doc.id;
  }
  return "";
}

bool Names(const AgendaItem& item, const std::string& id) {
  for (const Ref& doc : item.documents)
    if (doc.id == id) return true;
  return false;
}

std::string PaperText(const NewPaperRequest& r, const Meeting& meeting) {
  std::string out = "---\n";
  out += "# A paper for the meeting " + meeting.id +
         ". Fields: docs/content-format.md, \"Documents\".\n";
  out += "kind: " + r.kind + "\n";
  out += "title: " + YamlString(r.title) + "\n";
  if (!r.item.empty()) out += "item: " + YamlQuoted(r.item) + "\n";
  if (!r.author.empty()) out += "author: " + r.author + "\n";
  out += "status: draft   # final once it is published\n";
  out += "# summary: One or two sentences on what the paper asks for.\n";
  out +=
      "# recommendations:\n#   - id: a\n#     text: That the committee notes the "
      "report.\n";
  out += "---\n\n";
  out += "## Purpose\n\nWhat this paper asks the committee to do.\n\n";
  out += "## Background\n\nWhat the committee needs to know first.\n";
  return out;
}

}  // namespace

NewPaperResult NewPaper(const Site& site, const NewPaperRequest& r, Diagnostics& diag) {
  NewPaperResult result;
  auto meeting = site.meetings.find(r.meeting);
  if (meeting == site.meetings.end()) {
    diag.Error({"--meeting", 0, 0}, "unknown meeting '" + r.meeting + "'" +
                                        DidYouMean(r.meeting, Keys(site.meetings)));
    return result;
  }
  const Meeting& m = meeting->second;
  const AgendaItem* item = r.item.empty() ? nullptr : FindAgendaItem(m, r.item);
  std::vector<std::string> numbers;
  AllNumbers(m.agenda, numbers);
  if (!r.item.empty() && !item) {
    diag.Error({"--item", 0, 0}, "meeting " + m.id + " has no agenda item '" + r.item +
                                     "'" + DidYouMean(r.item, numbers));
    return result;
  }
  if (r.kind == "report" && !item) {
    diag.Error(
        {"--item", 0, 0},
        "a report belongs to an agenda item: give --item (the items of " + m.id +
            " are " + (numbers.empty() ? "none yet" : "") +
            [&] {
              std::string list;
              for (const std::string& n : numbers) list += (list.empty() ? "" : ", ") + n;
              return list;
            }() +
            ")");
    return result;
  }
  if (r.title.empty()) {
    diag.Error({"--title", 0, 0}, "give the paper's title, as printed on it");
    return result;
  }
  if (!r.author.empty() && !site.people.count(r.author)) {
    diag.Error({"--author", 0, 0}, "unknown person '" + r.author + "'" +
                                       DidYouMean(r.author, Keys(site.people)) +
                                       " (add them with clerk new person)");
    return result;
  }
  result.id = !r.id.empty() ? r.id : item ? MissingPaper(m, *item) : "";
  if (result.id.empty()) result.id = IdFromName(r.title);
  if (!IsValidId(result.id)) {
    diag.Error({"--id", 0, 0}, "'" + result.id + "' is not an id: ids are " + kIdRule);
    return result;
  }
  fs::path file =
      fs::path(site.root) / "content" / "meetings" / m.id / (result.id + ".md");
  if (result.id == "minutes" || site.documents.count(m.id + "/" + result.id)) {
    diag.Error({ShownPath(file), 0, 0},
               "there is already a paper '" + result.id + "' in " + m.id +
                   ": edit it, or give another id with --id " + result.id + "-2");
    return result;
  }
  std::string error;
  if (!WriteNewFile(file, PaperText(r, m), &error)) {
    diag.Error({ShownPath(file), 0, 0}, error);
    return result;
  }
  result.path = file.string();
  result.named_by_item = item && Names(*item, result.id);
  return result;
}

}  // namespace clerk::scaffold
