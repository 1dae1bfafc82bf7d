#include "schema/field_table.h"

#include "schema/tables.h"

namespace clerk::schema {

const Field* RecordTable::Find(const std::string& key) const {
  for (const Field& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

std::vector<std::string> RecordTable::Keys() const {
  std::vector<std::string> keys;
  for (const Field& f : fields) keys.push_back(f.key);
  return keys;
}

const std::vector<FileKind>& FileKinds() {
  static const std::vector<FileKind> kinds = {
      {"site", {"/site.yaml"}, SiteTable, false},
      {"committee", {"/content/committees/*.yaml"}, CommitteeTable, false},
      {"person", {"/content/people/*.yaml"}, PersonTable, false},
      {"venues", {"/content/venues.yaml"}, VenuesFileTable, false},
      {"topics", {"/content/topics.yaml"}, TopicsFileTable, false},
      {"glossary", {"/content/glossary.yaml"}, GlossaryFileTable, false},
      {"meeting", {"/content/meetings/*/meeting.yaml"}, MeetingTable, false},
      {"work-programme", {"/content/work-programmes/*.yaml"}, WorkProgrammeTable, false},
      {"forward-plan", {"/content/forward-plans/*.yaml"}, ForwardPlanTable, false},
      // Front matter: yaml-language-server does not read it inside Markdown,
      // so these two (and easy-read) are for other tools and the tests.
      {"paper", {"/content/meetings/*/*.md"}, PaperTable, true},
      {"minutes", {"/content/meetings/*/minutes.md"}, MinutesTable, true},
      {"easy-read", {"/content/meetings/*/*.easy.md"}, EasyReadTable, true},
  };
  return kinds;
}

}  // namespace clerk::schema
