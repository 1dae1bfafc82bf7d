// People, committees, venues and the glossary: the records meetings refer to.
#include <optional>

#include "content/record_loaders.h"
#include "content/source_files.h"
#include "content/yaml_reader.h"

namespace clerk {
namespace {

std::optional<YAML::Node> ReadYamlFile(const std::string& path,
                                       const std::string& display, Diagnostics& diag) {
  std::string text;
  if (!ReadTextFile(path, display, &text, diag)) return std::nullopt;
  return ParseYaml(text, display, 1, diag);
}

void CheckDateOrder(const std::optional<Date>& from, const std::optional<Date>& to,
                    YamlRecord& record) {
  if (from && to && *to < *from)
    record.diag().Error(
        record.PosOfKey("to"),
        "'to' (" + IsoDate(*to) + ") is before 'from' (" + IsoDate(*from) + ")");
}

}  // namespace

void LoadPerson(const std::string& id, const std::string& path,
                const std::string& display, Site& site, Diagnostics& diag) {
  Person& p = site.people[id];
  p.id = id;
  p.pos = {display, 1, 1};
  p.incomplete = true;
  std::optional<YAML::Node> doc = ReadYamlFile(path, display, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, "person", diag);
  if (!r.ok()) return;
  p.incomplete = false;
  p.name = r.String("name", true);
  p.honorific = r.String("honorific");
  p.aliases = r.StringList("aliases");
  p.job_title = r.String("job_title");
  p.organisation = r.String("organisation");
  p.email = r.String("email");
  p.phone = r.String("phone");
  if (!p.email.empty() && p.email.find('@') == std::string::npos)
    diag.Error(r.PosOfKey("email"), "'" + p.email + "' is not an email address");
}

void LoadCommittee(const std::string& id, const std::string& path,
                   const std::string& display, Site& site, Diagnostics& diag) {
  Committee& c = site.committees[id];
  c.id = id;
  c.pos = {display, 1, 1};
  c.incomplete = true;
  std::optional<YAML::Node> doc = ReadYamlFile(path, display, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, "committee", diag);
  if (!r.ok()) return;
  c.incomplete = false;
  c.name = r.String("name", true);
  c.short_name = r.String("short_name");
  c.organisation = r.String("organisation", true);
  c.remit = r.String("remit", true);
  c.remit_pos = r.PosOfKey("remit");
  c.contact = r.RefField("contact");
  if (auto numbering = r.Choice("minute_numbering", {"per-meeting", "continuous"}))
    c.minute_numbering =
        *numbering == 0 ? MinuteNumbering::kPerMeeting : MinuteNumbering::kContinuous;

  YAML::Node members = r.Node("members");
  if (members.IsDefined() && !members.IsNull() && !members.IsSequence()) {
    diag.Error(r.PosOf(members),
               "expected a list for 'members', found " + DescribeNodeType(members));
  } else if (members.IsSequence()) {
    for (const YAML::Node& node : members) {
      YamlRecord m(node, display, 1, "member", diag);
      if (!m.ok()) continue;
      Membership member;
      member.pos = m.pos();
      member.person = m.RefField("person", true);
      if (auto role = m.Choice("role", {"chair", "vice-chair", "member"}))
        member.role = static_cast<MemberRole>(*role);
      member.party = m.String("party");
      member.from = m.DateField("from");
      member.to = m.DateField("to");
      CheckDateOrder(member.from, member.to, m);
      c.members.push_back(std::move(member));
    }
  }
  YAML::Node co_optees = r.Node("co_optees");
  if (co_optees.IsDefined() && !co_optees.IsNull() && !co_optees.IsSequence()) {
    diag.Error(r.PosOf(co_optees),
               "expected a list for 'co_optees', found " + DescribeNodeType(co_optees));
  } else if (co_optees.IsSequence()) {
    for (const YAML::Node& node : co_optees) {
      YamlRecord m(node, display, 1, "co-optee", diag);
      if (!m.ok()) continue;
      CoOptee co;
      co.pos = m.pos();
      co.person = m.RefField("person", true);
      co.represents = m.String("represents");
      co.voting = m.Bool("voting").value_or(false);
      co.from = m.DateField("from");
      co.to = m.DateField("to");
      CheckDateOrder(co.from, co.to, m);
      c.co_optees.push_back(std::move(co));
    }
  }
}

void LoadVenues(const std::string& path, const std::string& display, Site& site,
                Diagnostics& diag) {
  std::optional<YAML::Node> doc = ReadYamlFile(path, display, diag);
  if (!doc) site.venues_incomplete = true;
  if (!doc || doc->IsNull()) return;
  if (!doc->IsMap()) {
    site.venues_incomplete = true;
    diag.Error({display, 1, 1}, "expected a mapping of venue ids to venues, found " +
                                    DescribeNodeType(*doc));
    return;
  }
  for (const auto& kv : *doc) {
    std::string id = kv.first.Scalar();
    SourcePos key_pos{display, kv.first.Mark().line + 1, kv.first.Mark().column + 1};
    if (!IsValidId(id)) {
      diag.Error(key_pos,
                 "venue id '" + id + "' must be lower case letters, digits and hyphens");
      continue;
    }
    if (site.venues.count(id)) {
      diag.Error(key_pos, "duplicate venue id '" + id + "' (first defined on line " +
                              std::to_string(site.venues[id].pos.line) + ")");
      continue;
    }
    YamlRecord r(kv.second, display, 1, "venue", diag);
    if (!r.ok()) continue;
    Venue v;
    v.id = id;
    v.pos = key_pos;
    v.name = r.String("name", true);
    v.address = r.String("address", true);
    v.postcode = r.String("postcode");
    v.access = r.String("access");
    site.venues[id] = std::move(v);
  }
}

void LoadTopics(const std::string& path, const std::string& display, Site& site,
                Diagnostics& diag) {
  std::optional<YAML::Node> doc = ReadYamlFile(path, display, diag);
  if (!doc || doc->IsNull()) return;
  if (!doc->IsMap()) {
    diag.Error({display, 1, 1}, "expected a mapping of topic ids to topics, found " +
                                    DescribeNodeType(*doc));
    return;
  }
  for (const auto& kv : *doc) {
    std::string id = kv.first.Scalar();
    SourcePos key_pos{display, kv.first.Mark().line + 1, kv.first.Mark().column + 1};
    if (!IsValidId(id)) {
      diag.Error(key_pos,
                 "topic id '" + id + "' must be lower case letters, digits and hyphens");
      continue;
    }
    if (site.topics.count(id)) {
      diag.Error(key_pos, "duplicate topic id '" + id + "' (first defined on line " +
                              std::to_string(site.topics[id].pos.line) + ")");
      continue;
    }
    YamlRecord r(kv.second, display, 1, "topic", diag);
    if (!r.ok()) continue;
    Topic t;
    t.id = id;
    t.pos = key_pos;
    t.title = r.String("title", true);
    t.description = r.String("description");
    site.topics[id] = std::move(t);
  }
}

void LoadGlossary(const std::string& path, const std::string& display, Site& site,
                  Diagnostics& diag) {
  std::optional<YAML::Node> doc = ReadYamlFile(path, display, diag);
  if (!doc || doc->IsNull()) return;
  if (!doc->IsMap()) {
    diag.Error({display, 1, 1}, "expected a mapping of terms to their meaning, found " +
                                    DescribeNodeType(*doc));
    return;
  }
  for (const auto& kv : *doc) {
    std::string term = kv.first.Scalar();
    SourcePos key_pos{display, kv.first.Mark().line + 1, kv.first.Mark().column + 1};
    if (site.glossary.count(term)) {
      diag.Error(key_pos, "duplicate glossary term '" + term +
                              "' (first defined on line " +
                              std::to_string(site.glossary[term].pos.line) + ")");
      continue;
    }
    YamlRecord r(kv.second, display, 1, "glossary term", diag);
    if (!r.ok()) continue;
    GlossaryTerm g;
    g.term = term;
    g.pos = key_pos;
    g.expansion = r.String("expansion", true);
    g.plain = r.String("plain", true);
    site.glossary[term] = std::move(g);
  }
}

}  // namespace clerk
