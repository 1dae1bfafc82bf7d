// Forward plans of key decisions: content/forward-plans/<id>.yaml, the
// notice English councils publish at least 28 days before a key decision.
// Nothing a plan leaves out is filled in: an entry with no `key_decision`
// is not said to be one or not, an entry with no `classification` is not
// said to be open.
#include <algorithm>
#include <optional>
#include <set>

#include "content/list_fields.h"
#include "content/record_loaders.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "schema/tables.h"

namespace clerk {
namespace {

// "2019-10-14" (a day), "2019-10" (a month) or "tbc".
void ReadExpected(YamlRecord& e, ForwardPlanEntry& out, Diagnostics& diag) {
  out.expected_pos = e.PosOfKey("expected");
  std::string text = e.String("expected", true);
  if (text.empty()) return;
  if (text == "tbc") {
    out.expected = ExpectedKind::kTbc;
    return;
  }
  if (text.size() == 10) {
    if (DateParse day = ParseDate(text); day.date) {
      out.expected = ExpectedKind::kDate;
      out.expected_date = *day.date;
      return;
    }
  }
  if (text.size() == 7) {
    if (DateParse month = ParseDate(text + "-01"); month.date) {
      out.expected = ExpectedKind::kMonth;
      out.expected_date = {month.date->year, month.date->month, 0};
      return;
    }
  }
  diag.Error(out.expected_pos,
             "'expected' must be a date (YYYY-MM-DD), a month (YYYY-MM) or tbc, not '" +
                 text + "'");
}

void ReadKeyDecision(YamlRecord& e, ForwardPlanEntry& out, Diagnostics& diag) {
  std::string text = e.String("key_decision");
  if (text.empty()) return;  // not given: never shown as yes or no
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "yes" || lower == "true")
    out.key_decision = KeyDecision::kYes;
  else if (lower == "no" || lower == "false")
    out.key_decision = KeyDecision::kNo;
  else if (lower == "unknown" || lower == "tbc")
    out.key_decision = KeyDecision::kUnknown;
  else
    diag.Error(e.PosOfKey("key_decision"),
               "'key_decision' must be yes, no or unknown, not '" + text + "'");
}

void ReadAccess(YamlRecord& e, ForwardPlanEntry& out, Diagnostics& diag) {
  std::optional<size_t> access =
      e.Choice("classification", {"open", "exempt", "part-exempt"});
  if (access) out.access = static_cast<DecisionAccess>(*access + 1);
  YAML::Node paragraphs = e.Node("exempt_paragraph");
  bool has_paragraphs = paragraphs.IsDefined() && !paragraphs.IsNull();
  out.exempt_reason = e.String("exempt_reason");
  // A classification that is not one of the choices was reported by Choice;
  // whether the paragraphs belong cannot be judged, so say nothing more.
  if (!access && e.Has("classification")) return;
  bool exempt =
      out.access == DecisionAccess::kExempt || out.access == DecisionAccess::kPartExempt;
  if (!exempt) {
    if (has_paragraphs)
      diag.Error(e.PosOf(paragraphs),
                 "'exempt_paragraph' needs 'classification: exempt' or 'part-exempt'");
    else if (!out.exempt_reason.empty())
      diag.Error(e.PosOfKey("exempt_reason"),
                 "'exempt_reason' needs 'classification: exempt' or 'part-exempt'");
    return;
  }
  if (paragraphs.IsSequence() && paragraphs.size() == 0) {
    diag.Error(e.PosOf(paragraphs),
               "'exempt_paragraph' is an empty list: an exempt decision needs the "
               "paragraph of Schedule 12A (1 to 7) that allows it");
    return;
  }
  if (!has_paragraphs) {
    diag.Error(e.PosOfKey("classification"),
               "an exempt decision needs 'exempt_paragraph': the paragraph of Schedule "
               "12A (1 to 7) that allows it");
    return;
  }
  std::vector<YAML::Node> nodes;
  if (paragraphs.IsSequence()) {
    for (const YAML::Node& n : paragraphs) nodes.push_back(n);
  } else {
    nodes.push_back(paragraphs);
  }
  for (const YAML::Node& n : nodes) {
    std::string text = n.IsScalar() ? n.Scalar() : "";
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '7') {
      out.exempt_paragraphs.push_back(text[0] - '0');
    } else {
      diag.Error(e.PosOf(n),
                 "'exempt_paragraph' must be a paragraph of Schedule 12A, 1 to 7, not " +
                     (n.IsScalar() ? "'" + text + "'" : DescribeNodeType(n)));
    }
  }
}

ForwardPlanEntry ReadEntry(YamlRecord& e, Diagnostics& diag) {
  ForwardPlanEntry out;
  out.pos = e.pos();
  out.id = e.String("id", true);
  if (!out.id.empty() && !IsValidId(out.id))
    diag.Error(e.PosOfKey("id"), "entry id '" + out.id + "' must be " + kIdRule +
                                     ": it is the entry's address");
  out.reference = e.String("reference");
  out.title = e.String("title", true);
  out.title_pos = e.PosOfKey("title");
  out.description = e.String("description");
  out.description_pos = e.PosOfKey("description");
  // A committee id (or "@/committees/<id>") names a committee; anything else
  // ("Cabinet member children and families") is the words as printed.
  std::string maker = e.String("decision_maker", true);
  if (maker.rfind("@/", 0) == 0 || IsValidId(maker)) {
    out.decision_maker = e.RefField("decision_maker");
  } else {
    out.decision_maker_text = maker;
  }
  ReadExpected(e, out, diag);
  ReadKeyDecision(e, out, diag);
  ReadAccess(e, out, diag);
  out.contact = e.RefField("contact");
  RequireList(e, "wards");
  out.wards = e.StringList("wards");
  out.meeting = e.RefField("meeting");
  return out;
}

}  // namespace

void LoadForwardPlan(const std::string& id, const std::string& path,
                     const std::string& display, Site& site, Diagnostics& diag,
                     Disk& disk) {
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return;
  std::optional<YAML::Node> doc = ParseYaml(text, display, 1, diag);
  if (!doc) return;
  YamlRecord r(*doc, display, 1, schema::ForwardPlanTable(), diag);
  if (!r.ok()) return;
  ForwardPlan plan;
  plan.id = id;
  plan.pos = r.pos();
  plan.title = r.String("title", true);
  plan.title_pos = r.PosOfKey("title");
  plan.published = r.DateField("published");
  plan.period = r.String("period");
  plan.contact = r.RefField("contact");
  YAML::Node entries = r.Node("entries");
  if (!entries.IsDefined() || entries.IsNull()) {
    r.Missing("entries");
  } else if (!entries.IsSequence()) {
    diag.Error(r.PosOf(entries),
               "expected a list for 'entries', found " + DescribeNodeType(entries));
  } else {
    std::set<std::string> ids;
    for (const YAML::Node& node : entries) {
      YamlRecord e(node, display, 1, schema::ForwardPlanEntryTable(), diag);
      if (!e.ok()) continue;
      ForwardPlanEntry entry = ReadEntry(e, diag);
      if (!entry.id.empty() && !ids.insert(entry.id).second)
        diag.Error(e.PosOfKey("id"), "entry id '" + entry.id +
                                         "' is used twice in this plan: each entry "
                                         "needs its own, for its address");
      plan.entries.push_back(std::move(entry));
    }
  }
  site.forward_plans[id] = std::move(plan);
}

}  // namespace clerk
