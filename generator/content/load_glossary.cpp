// content/glossary.yaml: terms with one meaning or several, names in
// capitals that are not acronyms, and patterns for codes that are not words
// (docs/content-format.md, "Glossary").
#include <optional>
#include <regex>
#include <set>

#include "content/glossary_loader.h"
#include "content/list_fields.h"
#include "content/record_loaders.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "model/did_you_mean.h"
#include "model/word_pattern.h"
#include "schema/tables.h"

namespace clerk {
namespace {

constexpr const char* kNotAcronyms = "not_acronyms";
constexpr const char* kIgnorePatterns = "ignore_patterns";

SourcePos PosOfNode(const YAML::Node& node, const std::string& display) {
  YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {display, 1, 1};
  return {display, mark.line + 1, mark.column + 1};
}

// The scalars of a `not_acronyms:` or `ignore_patterns:` list, with their
// places; anything else is reported.
std::vector<std::pair<std::string, SourcePos>> ScalarList(const YAML::Node& list,
                                                          const std::string& key,
                                                          const std::string& display,
                                                          Diagnostics& diag) {
  std::vector<std::pair<std::string, SourcePos>> out;
  if (list.IsNull()) return out;
  if (list.IsScalar()) {
    diag.Error(PosOfNode(list, display), NotAListMessage(key, list.Scalar()));
    out.push_back({list.Scalar(), PosOfNode(list, display)});
    return out;
  }
  if (!list.IsSequence()) {
    diag.Error(PosOfNode(list, display),
               "expected a list for '" + key + "', found " + DescribeNodeType(list));
    return out;
  }
  for (const YAML::Node& item : list) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      diag.Error(PosOfNode(item, display), "expected a word in the list '" + key +
                                               "', found " + DescribeNodeType(item));
      continue;
    }
    out.push_back({item.Scalar(), PosOfNode(item, display)});
  }
  return out;
}

// Reports a duplicate term; true when `term` is new.
bool NewTerm(const std::string& term, const SourcePos& pos, const Site& site,
             Diagnostics& diag) {
  auto it = site.glossary.find(term);
  if (it == site.glossary.end()) return true;
  diag.Error(pos, "duplicate glossary term '" + term + "' (first defined on line " +
                      std::to_string(it->second.pos.line) + ")");
  return false;
}

void ReadMeanings(YamlRecord& r, GlossaryTerm& g, const Site& site) {
  Diagnostics& diag = r.diag();
  YAML::Node list = r.Node("meanings");
  if (list.IsSequence() && list.size() == 0) {
    diag.Error(r.PosOf(list), "'meanings' of '" + g.term +
                                  "' is an empty list: give each meaning with expansion, "
                                  "plain and committees, or remove 'meanings'");
    return;
  }
  if (!list.IsSequence()) {
    diag.Error(r.PosOf(list), "expected a list of meanings for '" + g.term +
                                  "', each with expansion, plain and committees; found " +
                                  DescribeNodeType(list));
    return;
  }
  std::vector<std::string> committee_ids;
  for (const auto& [id, c] : site.committees) committee_ids.push_back(id);
  std::map<std::string, int> claimed;  // committee -> line of its meaning
  for (const YAML::Node& node : list) {
    YamlRecord m(node, r.path(), r.line_offset(), schema::MeaningTable(), diag);
    if (!m.ok()) continue;
    GlossaryMeaning meaning;
    meaning.pos = m.pos();
    meaning.expansion = m.String("expansion", true);
    meaning.plain = m.String("plain", true);
    RequireList(m, "committees");
    meaning.committees = m.RefList("committees");
    for (const GlossaryMeaning& before : g.meanings) {
      if (!meaning.expansion.empty() && before.expansion == meaning.expansion)
        diag.Error(m.PosOfKey("expansion"),
                   "'" + g.term + "' already has the meaning '" + meaning.expansion +
                       "' (line " + std::to_string(before.pos.line) +
                       "): each meaning needs its own expansion");
      if (before.committees.empty() && meaning.committees.empty())
        diag.Error(meaning.pos, "'" + g.term +
                                    "' has two meanings without committees (this and "
                                    "line " +
                                    std::to_string(before.pos.line) +
                                    "): only one may be used where no other is chosen; "
                                    "list the committees of the other");
    }
    for (const Ref& c : meaning.committees) {
      if (!site.committees.count(c.id)) {
        diag.Error(c.pos,
                   "unknown committee '" + c.id + "'" + DidYouMean(c.id, committee_ids));
        continue;
      }
      auto [it, added] = claimed.insert({c.id, meaning.pos.line});
      if (!added && it->second != meaning.pos.line) {
        diag.Error(c.pos, "committee '" + c.id +
                              "' is already given another meaning of '" + g.term +
                              "' (line " + std::to_string(it->second) + ")");
      }
    }
    g.meanings.push_back(std::move(meaning));
  }
}

void ReadTerm(const std::string& term, const SourcePos& pos, const YAML::Node& value,
              const std::string& display, Site& site, Diagnostics& diag) {
  YamlRecord r(value, display, 1, schema::GlossaryTermTable(), diag);
  if (!r.ok()) return;
  GlossaryTerm g;
  g.term = term;
  g.pos = pos;
  std::optional<bool> name = r.Bool("name");
  g.name = name.value_or(false);
  // 'name: maybe' was reported by Bool; whether an expansion is required
  // depends on it, so nothing more is said about the term.
  if (!name && r.Has("name")) {
    for (const char* key : {"expansion", "plain", "meanings"}) r.Node(key);
    r.Finish();
    site.glossary[term] = std::move(g);
    return;
  }
  const bool has_meanings = r.Has("meanings");
  const bool has_expansion = r.Has("expansion");
  const bool has_plain = r.Has("plain");
  if (g.name) {
    if (has_expansion)
      diag.Error(r.PosOfKey("expansion"),
                 "'" + term +
                     "' is a name (name: true), which is never expanded: remove its "
                     "expansion, or 'name' if it is short for something");
    if (has_meanings)
      diag.Error(r.PosOfKey("meanings"),
                 "'" + term + "' is a name (name: true) and cannot have meanings");
    r.Node("meanings");
    g.plain = r.String("plain");
  } else if (has_meanings) {
    if (has_expansion || has_plain)
      diag.Error(r.PosOfKey(has_expansion ? "expansion" : "plain"),
                 "'" + term +
                     "' has meanings: write its expansion and plain under each meaning");
    ReadMeanings(r, g, site);
  } else {
    g.expansion = r.String("expansion", true);
    g.plain = r.String("plain", true);
  }
  r.Finish();
  site.glossary[term] = std::move(g);
}

}  // namespace

std::string RegexProblem(const std::string& pattern) {
  if (pattern.empty()) return "an empty pattern matches nothing";
  if (std::string shape = PatternShapeProblem(pattern); !shape.empty()) return shape;
  try {
    std::regex re(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    switch (e.code()) {
      case std::regex_constants::error_brack:
        return "a '[' is not closed";
      case std::regex_constants::error_paren:
        return "a '(' or ')' is not matched";
      case std::regex_constants::error_brace:
        return "a '{' is not closed";
      case std::regex_constants::error_badbrace:
        return "a repeat count in '{...}' is not valid";
      case std::regex_constants::error_range:
        return "a range in '[...]' is not valid";
      case std::regex_constants::error_escape:
        return "a '\\' escape is not valid";
      case std::regex_constants::error_badrepeat:
        return "a repeat ('*', '+', '?' or '{...}') follows nothing";
      case std::regex_constants::error_ctype:
        return "a character class name is not valid";
      default:
        return "it is not a valid regular expression";
    }
  }
  return "";
}

void LoadGlossary(const std::string& path, const std::string& display, Site& site,
                  Diagnostics& diag, Disk& disk) {
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return;
  std::optional<YAML::Node> doc = ParseYaml(text, display, 1, diag);
  if (!doc || doc->IsNull()) return;
  if (!doc->IsMap()) {
    diag.Error({display, 1, 1},
               "expected a mapping of glossary terms, each under its "
               "name, found " +
                   DescribeNodeType(*doc));
    return;
  }
  for (const auto& kv : *doc) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const SourcePos key_pos = PosOfNode(kv.first, display);
    // `"":` and `~:` name no term: nothing in a paper could ever match them.
    if (kv.first.IsNull() || key.find_first_not_of(" \t") == std::string::npos) {
      diag.Error(key_pos, "a glossary term needs a name: this key is empty");
      continue;
    }
    if (key == kNotAcronyms) {
      // Names in capitals that are no acronyms: never expanded nor warned about.
      for (const auto& [word, pos] : ScalarList(kv.second, key, display, diag)) {
        if (!NewTerm(word, pos, site, diag)) continue;
        GlossaryTerm& g = site.glossary[word];
        g.term = word;
        g.pos = pos;
        g.name = true;
      }
      continue;
    }
    if (key == kIgnorePatterns) {
      for (const auto& [pattern, pos] : ScalarList(kv.second, key, display, diag)) {
        if (std::string problem = RegexProblem(pattern); !problem.empty()) {
          diag.Error(pos, "'" + pattern + "' is not a valid pattern: " + problem);
          continue;
        }
        site.glossary_ignore.push_back({pos, pattern});
      }
      continue;
    }
    if (kv.second.IsSequence()) {
      // A list is a setting, not a term: a misspelt one.
      diag.Error(key_pos, "'" + key + "' is not a glossary setting" +
                              DidYouMean(key, schema::GlossaryFileTable().Keys()) +
                              " (a term is a mapping with expansion and plain)");
      continue;
    }
    if (!NewTerm(key, key_pos, site, diag)) continue;
    ReadTerm(key, key_pos, kv.second, display, site, diag);
  }
}

std::vector<GlossaryChoice> ReadGlossaryChoices(YamlRecord& r) {
  std::vector<GlossaryChoice> out;
  YAML::Node map = r.Node("glossary");
  if (!map.IsDefined() || map.IsNull()) return out;
  if (!map.IsMap()) {
    r.diag().Error(r.PosOf(map),
                   "expected a mapping for 'glossary' (a term, a colon and the "
                   "expansion of the meaning this paper uses), found " +
                       DescribeNodeType(map));
    return out;
  }
  for (const auto& kv : map) {
    if (!kv.second.IsScalar()) {
      r.diag().Error(r.PosOf(kv.second),
                     "expected the expansion of the meaning of '" + kv.first.Scalar() +
                         "' this paper uses, found " + DescribeNodeType(kv.second));
      continue;
    }
    out.push_back({r.PosOf(kv.second), kv.first.Scalar(), kv.second.Scalar()});
  }
  return out;
}

}  // namespace clerk
