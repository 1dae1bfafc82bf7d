// People, committees, venues and the glossary: the records meetings refer to.
#include <optional>
#include <string>
#include <vector>

#include "content/email_address.h"
#include "content/list_fields.h"
#include "content/record_loaders.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "model/ascii.h"
#include "model/did_you_mean.h"
#include "schema/tables.h"

namespace clerk {
namespace {

std::optional<YAML::Node> ReadYamlFile(Disk& disk, const std::string& path,
                                       const std::string& display, Diagnostics& diag) {
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return std::nullopt;
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
                const std::string& display, Site& site, Diagnostics& diag, Disk& disk) {
  Person& p = site.people[id];
  p.id = id;
  p.pos = {display, 1, 1};
  p.incomplete = true;
  std::optional<YAML::Node> doc = ReadYamlFile(disk, path, display, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, schema::PersonTable(), diag);
  if (!r.ok()) return;
  p.incomplete = false;
  p.name = r.String("name", true);
  p.honorific = r.String("honorific");
  RequireList(r, "aliases");
  p.aliases = r.StringList("aliases");
  p.job_title = r.String("job_title");
  p.organisation = r.String("organisation");
  p.email = r.String("email");
  p.phone = r.String("phone");
  if (std::string why = p.email.empty() ? "" : EmailProblem(p.email); !why.empty())
    diag.Error(r.PosOfKey("email"), "'" + p.email + "' is not an email address" + why);
}

namespace {

// A role as printed ("Chairman", "Vice-Chairman (elect)", "Deputy Chair",
// "Lead Member for Adults", "Labour Group Spokesperson") is kept as printed,
// and mapped to a kind for sorting. Words that are none of these, close to
// one ("Chiar"), are a typo: an error with a suggestion.
void ReadRole(YamlRecord& m, Membership& member) {
  std::string printed = m.String("role");
  if (printed.empty()) return;
  std::string lower = ascii::Lower(printed);
  std::string title = printed;
  if (size_t at = lower.find("(elect)"); at != std::string::npos) {
    member.elect = true;
    title.erase(at, 7);
    lower.erase(at, 7);
  } else if (lower.size() > 6 && lower.compare(lower.size() - 6, 6, " elect") == 0) {
    member.elect = true;
    title.erase(title.size() - 6);
    lower.erase(lower.size() - 6);
  }
  while (!title.empty() && title.back() == ' ') title.pop_back(), lower.pop_back();
  auto has = [&](const char* word) { return lower.find(word) != std::string::npos; };
  bool chair = has("chair") || has("convenor") || has("convener") || has("president");
  if (chair && (has("vice") || has("deputy")))
    member.role = MemberRole::kViceChair;
  else if (chair)
    member.role = MemberRole::kChair;
  else if (has("lead") || has("spokes") || has("portfolio") || has("champion"))
    member.role = MemberRole::kLeadMember;
  else if (lower == "member" || has("member"))
    member.role = MemberRole::kMember;
  else {
    std::string near = ClosestMatch(lower, {"chair", "chairman", "vice-chair", "member",
                                            "deputy chair", "vice-chairman"});
    if (!near.empty()) {
      m.diag().Error(m.PosOfKey("role"),
                     "'" + printed + "' is not a role; did you mean '" + near + "'?");
      return;
    }
    member.role = MemberRole::kMember;  // a title of its own ("Observer")
  }
  // The plain kinds need no printed title; anything else keeps its words.
  if (lower != "chair" && lower != "vice-chair" && lower != "member")
    member.role_title = title;
}

// A period of membership; a missing end is open. Two periods overlap when
// each starts before the other ends: a role handed over on the day one ends
// ("to: 2024-05-01", then "from: 2024-05-01") does not.
bool Overlap(const std::optional<Date>& from_a, const std::optional<Date>& to_a,
             const std::optional<Date>& from_b, const std::optional<Date>& to_b) {
  bool a_starts_first = !from_a || !to_b || *from_a < *to_b;
  bool b_starts_first = !from_b || !to_a || *from_b < *to_a;
  return a_starts_first && b_starts_first;
}

struct Seat {
  const Ref* person;
  const std::optional<Date>* from;
  const std::optional<Date>* to;
  SourcePos pos;
  const char* as;  // "member", "co-optee"
};

// One person holds one seat at a time: listed twice with overlapping dates
// (as chair and as vice-chair, or as member and as co-optee) the pages would
// show them twice and count them twice for a quorum. Error at the second.
void CheckSeatsOnce(const Committee& c, Diagnostics& diag) {
  std::vector<Seat> seats;
  for (const Membership& m : c.members)
    seats.push_back({&m.person, &m.from, &m.to, m.pos, "member"});
  for (const CoOptee& co : c.co_optees)
    seats.push_back({&co.person, &co.from, &co.to, co.pos, "co-optee"});
  for (size_t i = 1; i < seats.size(); ++i) {
    const Seat& b = seats[i];
    if (b.person->empty()) continue;
    for (size_t j = 0; j < i; ++j) {
      const Seat& a = seats[j];
      if (a.person->id != b.person->id || !Overlap(*a.from, *a.to, *b.from, *b.to))
        continue;
      diag.Error(b.person->pos.line > 0 ? b.person->pos : b.pos,
                 "'" + b.person->id + "' is already listed as a " + a.as + " on line " +
                     std::to_string(a.pos.line) +
                     " for the same dates: list each person once, or give each entry "
                     "'from' and 'to' dates that do not overlap");
      break;
    }
  }
}

}  // namespace

void LoadCommittee(const std::string& id, const std::string& path,
                   const std::string& display, Site& site, Diagnostics& diag,
                   Disk& disk) {
  Committee& c = site.committees[id];
  c.id = id;
  c.pos = {display, 1, 1};
  c.incomplete = true;
  std::optional<YAML::Node> doc = ReadYamlFile(disk, path, display, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, schema::CommitteeTable(), diag);
  if (!r.ok()) return;
  c.incomplete = false;
  c.name = r.String("name", true);
  c.short_name = r.String("short_name");
  c.organisation = r.String("organisation", true);
  c.remit = r.String("remit");
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
      YamlRecord m(node, display, 1, schema::MemberTable(), diag);
      if (!m.ok()) continue;
      Membership member;
      member.pos = m.pos();
      member.person = m.RefField("person", true);
      ReadRole(m, member);
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
      YamlRecord m(node, display, 1, schema::CoOpteeTable(), diag);
      if (!m.ok()) continue;
      CoOptee co;
      co.pos = m.pos();
      co.person = m.RefField("person", true);
      co.represents = m.String("represents");
      co.voting = m.Bool("voting");
      co.from = m.DateField("from");
      co.to = m.DateField("to");
      CheckDateOrder(co.from, co.to, m);
      c.co_optees.push_back(std::move(co));
    }
  }
  CheckSeatsOnce(c, diag);
}

namespace {

// A file that maps keys to records (venues, topics, the glossary): calls
// `read(key, key_pos, record)` for each entry, after checking the key is new
// (and, when `keys_are_ids`, a valid id). Returns false if the file could not
// be read as such a mapping (already reported).
// `reserved(key)` says why a key may not be used, or "".
template <typename Map, typename Reserved, typename Read>
bool ForEachKeyedRecord(Disk& disk, const std::string& path, const std::string& display,
                        const schema::RecordTable& table, bool keys_are_ids,
                        const Map& map, Diagnostics& diag, Reserved reserved, Read read) {
  const std::string& what = table.what;
  std::optional<YAML::Node> doc = ReadYamlFile(disk, path, display, diag);
  if (!doc) return false;
  if (doc->IsNull()) return true;
  if (!doc->IsMap()) {
    diag.Error({display, 1, 1}, "expected a mapping of " + what + "s, each under its " +
                                    (keys_are_ids ? "id" : "name") + ", found " +
                                    DescribeNodeType(*doc));
    return false;
  }
  for (const auto& kv : *doc) {
    std::string key = kv.first.Scalar();
    SourcePos key_pos{display, kv.first.Mark().line + 1, kv.first.Mark().column + 1};
    if (keys_are_ids && !IsValidId(key)) {
      // The whole rule: 'civic-centre--old' is refused for its double hyphen.
      diag.Error(key_pos, what + " id '" + key + "' must be " + kIdRule);
      continue;
    }
    if (std::string why = reserved(key); !why.empty()) {
      diag.Error(key_pos, what + " id '" + key + "' is reserved: " + why);
      continue;
    }
    if (auto it = map.find(key); it != map.end()) {
      diag.Error(key_pos, "duplicate " + what + " '" + key + "' (first defined on line " +
                              std::to_string(it->second.pos.line) + ")");
      continue;
    }
    YamlRecord r(kv.second, display, 1, table, diag);
    if (r.ok()) read(key, key_pos, r);
  }
  return true;
}

// A meeting's `venue: tbc` (or `tba`) says the venue is to be confirmed, so
// a venue under that id could never be named.
std::string VenueIdReserved(const std::string& id) {
  if (id == "tbc" || id == "tba")
    return "'venue: " + id +
           "' in a meeting means the venue is to be confirmed: give this venue another "
           "id";
  return "";
}

}  // namespace

void LoadVenues(const std::string& path, const std::string& display, Site& site,
                Diagnostics& diag, Disk& disk) {
  bool ok = ForEachKeyedRecord(
      disk, path, display, schema::VenueTable(), true, site.venues, diag, VenueIdReserved,
      [&](const std::string& id, const SourcePos& pos, YamlRecord& r) {
        Venue& v = site.venues[id];
        v.id = id;
        v.pos = pos;
        v.name = r.String("name", true);
        v.address = r.String("address", true);
        v.postcode = r.String("postcode");
        v.access = r.String("access");
      });
  // References to venues cannot be checked against a file that did not load.
  if (!ok) site.venues_incomplete = true;
}

void LoadTopics(const std::string& path, const std::string& display, Site& site,
                Diagnostics& diag, Disk& disk) {
  ForEachKeyedRecord(
      disk, path, display, schema::TopicTable(), true, site.topics, diag,
      [](const std::string&) { return std::string(); },
      [&](const std::string& id, const SourcePos& pos, YamlRecord& r) {
        Topic& t = site.topics[id];
        t.id = id;
        t.pos = pos;
        t.title = r.String("title", true);
        t.description = r.String("description");
      });
}

}  // namespace clerk
