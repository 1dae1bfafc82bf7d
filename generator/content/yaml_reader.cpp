#include "content/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>

#include "content/yaml_syntax.h"
#include "files/source_files.h"
#include "model/did_you_mean.h"
#include "model/utf8.h"

namespace clerk {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

namespace {

// Records where each document of a YAML stream starts, and nothing else.
class DocumentStart : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;
  void OnDocumentStart(const YAML::Mark& m) override { mark = m; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::vector<YAML::Mark> DocumentStarts(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStart start;
  std::vector<YAML::Mark> starts;
  while (starts.size() < 3) {
    start.mark.reset();
    if (!parser.HandleNextDocument(start)) break;
    starts.push_back(start.mark.value_or(YAML::Mark::null_mark()));
  }
  return starts;
}

namespace {

// A YAML stream may hold several documents ("---" starts one, "..." ends
// one); clerk reads the first, so anything after it would be dropped
// without a word. And a document that starts where the one before it
// started is the parser stuck on text it cannot read.
void ReportMoreDocuments(const std::string& text, const std::vector<YAML::Mark>& starts,
                         const std::string& path, int first_line, Diagnostics& diag) {
  for (size_t i = 1; i < starts.size(); ++i) {
    const YAML::Mark& m = starts[i];
    SourcePos pos{path, first_line, 1};
    if (m.line >= 0) {
      pos.line = m.line + first_line;
      pos.column = m.column + 1;
    }
    if (m.pos >= 0 && m.pos == starts[i - 1].pos) {
      std::string what =
          static_cast<size_t>(m.pos) < text.size()
              ? "'" + std::string(1, text[static_cast<size_t>(m.pos)]) + "'"
              : "this";
      diag.Error(pos, "YAML cannot read what starts here (" + what +
                          "): it is no key, value or list item; remove it, or put quotes "
                          "around the text it belongs to");
      return;
    }
  }
  if (starts.size() < 2) return;
  const YAML::Mark& m = starts[1];
  SourcePos pos{path, first_line, 1};
  bool dashes = false;
  if (m.line >= 0) {
    pos.line = m.line + first_line;
    pos.column = m.column + 1;
    dashes = text.compare(static_cast<size_t>(m.pos), 3, "---") == 0;
  }
  diag.Error(pos, dashes ? "a second YAML document starts here, and a file holds one "
                           "YAML document: remove this '---' (or move what follows it "
                           "to a file of its own)"
                         : "a second YAML document starts here, after the '...' that "
                           "ends the first, and a file holds one YAML document: remove "
                           "the '...' line above (or what follows it)");
}

}  // namespace

bool SurelyOneDocument(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    size_t nl = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, nl - at);
    if (line.starts_with("---") || line.starts_with("...") || line.starts_with("%"))
      return false;
    at = nl + 1;
    const size_t k = line.find_first_not_of(" \t\r");
    if (k == std::string_view::npos || line[k] == '#') continue;
    // The first line with content: a plain key at column 0, then ": " or
    // the line's end. Nothing in the key may start a flow, a quote, an
    // anchor, a tag or a comment.
    const auto c = static_cast<unsigned char>(line[0]);
    if (k != 0 || !(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos ||
        line.substr(0, colon).find_first_of("[]{},#&*!|>'\"%@`?") !=
            std::string_view::npos)
      return false;
    const std::string_view after = line.substr(colon + 1);
    if (!after.empty() && after[0] != ' ' && after[0] != '\t' && after[0] != '\r')
      return false;
    // The rest: no document marker or directive at a line's start.
    for (size_t from = nl; from < text.size(); from = text.find('\n', from + 1)) {
      const std::string_view next = text.substr(from + 1, 3);
      if (next == "---" || next == "..." || next.starts_with("%")) return false;
    }
    return true;
  }
  return false;  // blank or comments only: no document
}

namespace {

// yaml-cpp gives an empty value (`civic-centre:` with nothing after it) the
// position of the next token: the next key, or past the end of the file. A
// problem with the value belongs at its key, so each empty value of a
// mapping is tagged with its key's position (a tag is the one thing a node
// keeps that the public API can set; clerk reads no tags otherwise), and
// YamlRecord::PosOf reads it back.
constexpr std::string_view kKeyAtTag = "!clerk-key-at:";

void TagEmptyValues(YAML::Node node, int depth) {
  if (depth > 200) return;  // the parser refuses deeper nesting anyway
  if (node.IsMap()) {
    for (auto kv : node) {
      if (kv.second.IsNull()) {
        YAML::Mark key = kv.first.Mark();
        if (key.line >= 0)
          kv.second.SetTag(std::string(kKeyAtTag) + std::to_string(key.line) + ":" +
                           std::to_string(key.column));
      } else {
        TagEmptyValues(kv.second, depth + 1);
      }
    }
  } else if (node.IsSequence()) {
    for (auto item : node) TagEmptyValues(item, depth + 1);
  }
}

// The key position TagEmptyValues left on an empty value, if any.
std::optional<YAML::Mark> KeyAtTag(const YAML::Node& node) {
  if (!node.IsNull()) return std::nullopt;
  const std::string& tag = node.Tag();
  if (tag.rfind(kKeyAtTag, 0) != 0) return std::nullopt;
  YAML::Mark mark;
  if (std::sscanf(tag.c_str() + kKeyAtTag.size(), "%d:%d", &mark.line, &mark.column) != 2)
    return std::nullopt;
  return mark;
}

}  // namespace

std::optional<YAML::Node> ParseYaml(const std::string& text, const std::string& path,
                                    int first_line, Diagnostics& diag) {
  try {
    // The first document only (YAML::Load); the stream's shape is checked
    // apart, so that no input can keep the parser going for ever.
    // One parse, not two, for the records of a site (half of their YAML's time).
    std::vector<YAML::Mark> starts = SurelyOneDocument(text)
                                         ? std::vector<YAML::Mark>{YAML::Mark()}
                                         : DocumentStarts(text);
    ReportMoreDocuments(text, starts, path, first_line, diag);
    std::vector<YAML::Node> documents;
    if (!starts.empty()) documents.push_back(YAML::Load(text));
    if (std::optional<YamlSyntaxProblem> quote = QuoteNeverClosed(text)) {
      diag.Error({path, quote->line + first_line - 1, quote->column}, quote->message);
      return std::nullopt;
    }
    if (documents.empty()) return YAML::Node();
    TagEmptyValues(documents.front(), 0);
    // The first document is still read, so its own problems are reported too.
    return documents.front();
  } catch (const YAML::Exception& e) {
    YamlSyntaxProblem problem =
        ExplainYamlSyntaxError(text, e.mark.line, e.mark.column, e.msg);
    SourcePos pos{path, first_line, 1};
    if (problem.line > 0) {
      pos.line = problem.line + first_line - 1;
      pos.column = problem.column;
    }
    // yaml-cpp quotes one byte of a bad escape ("\\Über"), which may be
    // half a character: a message is always valid UTF-8.
    if (!utf8::IsValid(problem.message)) problem.message = utf8::Escaped(problem.message);
    diag.Error(pos, problem.message);
    return std::nullopt;
  }
}

std::string DescribeNodeType(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping (key: value pairs)";
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "text";
  }
}

bool IsValidId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && i > 0 && id[i - 1] == '-')) return false;
  }
  return true;
}

YamlRecord::YamlRecord(const YAML::Node& node, SourcePath path, int line_offset,
                       const schema::RecordTable& table, Diagnostics& diag,
                       std::string what)
    : table_(&table),
      node_(node),
      path_(std::move(path)),
      line_offset_(line_offset),
      what_(what.empty() ? table.what : std::move(what)),
      diag_(diag) {
  if (!node_.IsMap()) {
    ok_ = false;
    finished_ = true;
    diag_.Error(PosOf(node_), "expected a mapping (key: value pairs) for the " + what_ +
                                  ", found " + DescribeNodeType(node_));
  }
}

YamlRecord::~YamlRecord() {
  Finish();
}

SourcePos YamlRecord::PosOf(const YAML::Node& node) const {
  SourcePos pos{path_, 1, 1};
  if (node.IsDefined()) {
    YAML::Mark mark = KeyAtTag(node).value_or(node.Mark());
    if (mark.line >= 0) {
      pos.line = mark.line + line_offset_;
      pos.column = mark.column + 1;
    }
  }
  return pos;
}

SourcePos YamlRecord::PosOfKey(const char* key) const {
  if (ok_) {
    for (const auto& kv : node_) {
      if (kv.first.Scalar() == key)
        return PosOf(kv.second.IsNull() ? kv.first : kv.second);
    }
  }
  return PosOf(node_);
}

bool YamlRecord::Has(const char* key) {
  YAML::Node value = Node(key);
  return value.IsDefined() && !value.IsNull();
}

const schema::Field& YamlRecord::Declare(const char* key, Reader reader) {
  const schema::Field* field = table_->Find(key);
  if (!field)
    throw std::logic_error("programming error: the loader reads '" + std::string(key) +
                           "' of the " + table_->what +
                           ", a key its field table (generator/schema/) does not have");
  using T = schema::FieldType;
  const bool scalar =
      field->type != T::kRecord && field->type != T::kList && field->type != T::kMap;
  const bool list_of = field->type == T::kList;
  bool readable = true;
  switch (reader) {
    case Reader::kAny:
      break;
    case Reader::kScalar:
      readable = scalar;
      break;
    case Reader::kBool:
      readable = field->type == T::kBool;
      break;
    case Reader::kInt:
      readable = field->type == T::kInt;
      break;
    case Reader::kDate:
      readable = field->type == T::kDate;
      break;
    case Reader::kId:
      readable = field->type == T::kId;
      break;
    case Reader::kChoice:
      readable = field->type == T::kChoice;
      break;
    case Reader::kTextList:
      readable = list_of && (field->item == T::kText || field->item == T::kInt);
      break;
    case Reader::kIdList:
      readable = list_of && field->item == T::kId;
      break;
  }
  if (!readable)
    throw std::logic_error("programming error: the loader reads '" + std::string(key) +
                           "' of the " + table_->what +
                           " as another type than its field table (generator/schema/) "
                           "gives it");
  declared_.push_back(key);
  return *field;
}

YAML::Node YamlRecord::Node(const char* key) {
  Declare(key, Reader::kAny);
  if (!ok_) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node* value = ValueOf(key);
  // An absent key gives a plain undefined node.
  if (!value || !value->IsDefined()) return YAML::Node(YAML::NodeType::Undefined);
  return *value;
}

const YAML::Node* YamlRecord::ValueOf(std::string_view key) {
  if (!indexed_) {
    indexed_ = true;
    // Text keys only, as yaml-cpp's own lookup matches.
    for (const auto& kv : node_)
      if (kv.first.IsScalar()) entries_.emplace_back(kv.first.Scalar(), kv.second);
  }
  for (const auto& [name, value] : entries_)
    if (name == key) return &value;
  return nullptr;
}

std::optional<std::string> YamlRecord::Scalar(const YAML::Node& node, const char* key) {
  if (!node.IsScalar()) {
    diag_.Error(PosOf(node), "expected text for '" + std::string(key) + "' in the " +
                                 what_ + ", found " + DescribeNodeType(node));
    return std::nullopt;
  }
  return Trim(node.Scalar());
}

std::string YamlRecord::String(const char* key, bool required) {
  Declare(key, Reader::kScalar);
  YAML::Node value = Node(key);
  if (!ok_) return "";
  if (!value.IsDefined() || value.IsNull()) {
    if (required) Missing(key);
    return "";
  }
  std::optional<std::string> text = Scalar(value, key);
  if (!text) return "";
  if (text->empty() && required)
    diag_.Error(PosOf(value), "'" + std::string(key) + "' must not be empty");
  return *text;
}

std::optional<bool> YamlRecord::Bool(const char* key) {
  Declare(key, Reader::kBool);
  YAML::Node value = Node(key);
  if (!ok_ || !value.IsDefined() || value.IsNull()) return std::nullopt;
  std::optional<std::string> text = Scalar(value, key);
  if (!text) return std::nullopt;
  std::string lower = *text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower == "true" || lower == "yes") return true;
  if (lower == "false" || lower == "no") return false;
  diag_.Error(PosOf(value),
              "'" + std::string(key) + "' must be true or false, not '" + *text + "'");
  return std::nullopt;
}

std::optional<int> YamlRecord::Int(const char* key, bool required) {
  Declare(key, Reader::kInt);
  std::string text = String(key, required);
  if (text.empty()) return std::nullopt;
  // A sign is read, so that a caller's range check ("must be 0 or more")
  // speaks for -1 rather than a claim that -1 is not a whole number.
  size_t sign = text[0] == '-' || text[0] == '+' ? 1 : 0;
  bool digits = text.size() > sign &&
                std::all_of(text.begin() + static_cast<std::ptrdiff_t>(sign), text.end(),
                            [](unsigned char c) { return std::isdigit(c); });
  if (!digits || text.size() - sign > 9) {
    diag_.Error(PosOfKey(key),
                "'" + std::string(key) + "' must be a whole number, not '" + text + "'");
    return std::nullopt;
  }
  return std::stoi(text);
}

std::optional<Date> YamlRecord::DateField(const char* key, bool required) {
  Declare(key, Reader::kDate);
  std::string text = String(key, required);
  if (text.empty()) return std::nullopt;
  DateParse parsed = ParseDate(text);
  if (!parsed.date) diag_.Error(PosOfKey(key), parsed.error);
  return parsed.date;
}

IdReference ParseIdReference(const std::string& text) {
  IdReference ref;
  if (text.rfind("@/", 0) != 0) {
    ref.id = text;
    return ref;
  }
  size_t hash = text.find('#');
  std::vector<std::string> parts;
  std::string rest = text.substr(2, hash == std::string::npos ? hash : hash - 2);
  for (size_t start = 0;;) {
    size_t slash = rest.find('/', start);
    parts.push_back(rest.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  bool blank = std::any_of(parts.begin(), parts.end(),
                           [](const std::string& p) { return p.empty(); });
  if (!blank && parts.size() == 2) {
    ref.collection = parts[0];
    ref.id = parts[1];
  } else if (!blank && parts.size() == 3 && parts[0] == "meetings") {
    ref.collection = "meetings/" + parts[1];  // a paper of that meeting
    ref.id = parts[2];
  } else {
    ref.problem = "is not a reference to one record";
    // The id meant, if it can be seen, for the message's example.
    if (parts.size() != 2 && !parts.back().empty()) ref.id = parts.back();
  }
  if (ref.problem.empty() && hash != std::string::npos)
    ref.problem = "points to a place on a page ('" + text.substr(hash) + "')";
  return ref;
}

std::string RefId(const std::string& text) {
  IdReference ref = ParseIdReference(text);
  return ref.problem.empty() ? ref.id : text;
}

namespace {

// What a field names, by its key, where that is certain: a reference to
// another kind of record ("contact: @/committees/x") is then an error.
struct FieldKind {
  const char* collection;  // "meetings/" for a paper: any meeting's
  const char* noun;
};

std::optional<FieldKind> KindOfField(const char* key) {
  if (!key) return std::nullopt;
  static const std::map<std::string, FieldKind> kinds = {
      {"contact", {"people", "person"}},
      {"person", {"people", "person"}},
      {"for", {"people", "person"}},
      {"author", {"people", "person"}},
      {"authors", {"people", "person"}},
      {"presenters", {"people", "person"}},
      {"witnesses", {"people", "person"}},
      {"present", {"people", "person"}},
      {"apologies", {"people", "person"}},
      {"absent", {"people", "person"}},
      {"committee", {"committees", "committee"}},
      {"committees", {"committees", "committee"}},
      {"meeting", {"meetings", "meeting"}},
      {"moved_to", {"meetings", "meeting"}},
      {"approved_at", {"meetings", "meeting"}},
      {"venue", {"venues", "venue"}},
      {"topic", {"topics", "topic"}},
      {"documents", {"meetings/", "paper"}},
      {"appendices", {"meetings/", "paper"}},
  };
  auto it = kinds.find(key);
  if (it == kinds.end()) return std::nullopt;
  return it->second;
}

bool InCollection(const std::string& collection, const FieldKind& kind) {
  std::string_view want = kind.collection;
  if (!want.empty() && want.back() == '/') return collection.rfind(want, 0) == 0;
  return collection == want;
}

// Checks the reference `text` read at `pos` for `key`; the id, or "" when
// it was reported.
std::string CheckedRefId(const std::string& text, const char* key, const SourcePos& pos,
                         Diagnostics& diag) {
  IdReference ref = ParseIdReference(text);
  std::optional<FieldKind> kind = KindOfField(key);
  if (ref.problem.empty() &&
      (ref.collection.empty() || !kind || InCollection(ref.collection, *kind)))
    return ref.id;
  std::string message =
      "'" + text + "' " +
      (ref.problem.empty() ? "is not a " + std::string(kind->noun) : ref.problem);
  if (kind) {
    std::string example = IsValidId(ref.id) ? ref.id : "<id>";
    std::string prefix = kind->collection;
    prefix += prefix.back() == '/' ? "<meeting id>/" : "/";
    message += ": '" + std::string(key) + "' names a " + kind->noun + ": write '" +
               example + "' or '@/" + prefix + example + "'";
  } else {
    message += ": write the id of a record, or @/<kind>/<id>";
  }
  diag.Error(pos, message);
  return "";
}

}  // namespace

Ref RefAt(const YAML::Node& node, const YamlRecord& record, const char* key) {
  Ref ref;
  ref.pos = record.PosOf(node);
  if (node.IsScalar())
    ref.id = CheckedRefId(Trim(node.Scalar()), key, ref.pos, record.diag());
  return ref;
}

Ref YamlRecord::RefField(const char* key, bool required) {
  Declare(key, Reader::kId);
  std::string text = String(key, required);
  Ref ref;
  ref.pos = PosOfKey(key);
  if (!text.empty()) ref.id = CheckedRefId(text, key, ref.pos, diag_);
  return ref;
}

std::vector<std::string> YamlRecord::StringList(const char* key) {
  Declare(key, Reader::kTextList);
  std::vector<std::string> out;
  YAML::Node value = Node(key);
  if (!ok_ || !value.IsDefined() || value.IsNull()) return out;
  if (value.IsScalar()) {
    out.push_back(Trim(value.Scalar()));
    return out;
  }
  if (!value.IsSequence()) {
    diag_.Error(PosOf(value), "expected a list for '" + std::string(key) + "', found " +
                                  DescribeNodeType(value));
    return out;
  }
  for (const YAML::Node& item : value) {
    if (std::optional<std::string> text = Scalar(item, key)) out.push_back(*text);
  }
  return out;
}

std::vector<Ref> YamlRecord::RefList(const char* key) {
  Declare(key, Reader::kIdList);
  std::vector<Ref> out;
  YAML::Node value = Node(key);
  if (!ok_ || !value.IsDefined() || value.IsNull()) return out;
  if (value.IsScalar()) {
    out.push_back(RefAt(value, *this, key));
    return out;
  }
  if (!value.IsSequence()) {
    diag_.Error(PosOf(value), "expected a list of ids for '" + std::string(key) +
                                  "', found " + DescribeNodeType(value));
    return out;
  }
  for (const YAML::Node& item : value) {
    if (!item.IsScalar()) {
      diag_.Error(PosOf(item), "expected an id in the list '" + std::string(key) +
                                   "', found " + DescribeNodeType(item));
      continue;
    }
    out.push_back(RefAt(item, *this, key));
  }
  return out;
}

std::optional<size_t> YamlRecord::Choice(const char* key,
                                         std::initializer_list<const char*> choices,
                                         bool required) {
  std::vector<std::string> names(choices.begin(), choices.end());
  if (Declare(key, Reader::kChoice).choices != names)
    throw std::logic_error("programming error: the loader reads '" + std::string(key) +
                           "' of the " + table_->what +
                           " with other choices than its field table gives");
  std::string text = String(key, required);
  if (text.empty()) return std::nullopt;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return i;
  }
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  diag_.Error(PosOfKey(key), "'" + text + "' is not a valid " + key + ": use " + list +
                                 DidYouMean(text, names));
  return std::nullopt;
}

void YamlRecord::Missing(const char* key, std::string hint) {
  Declare(key, Reader::kAny);
  if (ok_) missing_.emplace_back(key, std::move(hint));
}

void YamlRecord::Reported(const std::string& key) {
  declared_.push_back(key);
}

void YamlRecord::Finish() {
  if (finished_) return;
  finished_ = true;
  std::vector<std::string> explained;  // missing keys an unknown key is a typo of
  std::map<std::string, int> seen_at_line;
  for (const auto& kv : node_) {
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    SourcePos pos = PosOf(kv.first);
    if (auto it = seen_at_line.find(key); it != seen_at_line.end()) {
      diag_.Error(pos, "duplicate key '" + key + "' (first given on line " +
                           std::to_string(it->second) + ")");
      continue;
    }
    seen_at_line[key] = pos.line;
    if (std::find(declared_.begin(), declared_.end(), key) == declared_.end()) {
      // Suggestions come from the table: every key the record may hold.
      const std::vector<std::string> known = table_->Keys();
      diag_.Error(pos,
                  "unknown key '" + key + "' in the " + what_ + DidYouMean(key, known));
      explained.push_back(ClosestMatch(key, known));
    }
  }
  for (const auto& [key, hint] : missing_) {
    if (std::find(explained.begin(), explained.end(), key) != explained.end()) continue;
    std::string tail = " in the " + what_ + (hint.empty() ? "" : ": " + hint);
    const YAML::Node* found = ValueOf(key);
    const YAML::Node value = found ? *found : YAML::Node(YAML::NodeType::Undefined);
    if (!value.IsDefined()) {
      diag_.Error(PosOf(node_), "missing required field '" + key + "'" + tail);
    } else if (value.IsNull() || (value.IsScalar() && Trim(value.Scalar()).empty())) {
      // Written but left empty (`item:`): the key is there, so say so at it.
      diag_.Error(PosOfKey(key.c_str()), "'" + key + "' is empty" + tail);
    }
    // Otherwise the value is there but could not be read (a list where text
    // belongs): that was reported at it, and "missing" would be untrue.
  }
}

}  // namespace clerk

namespace clerk {
namespace {

std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// The offset of 1-based `line` and `column` in `text`, or npos.
size_t OffsetOf(const std::vector<size_t>& starts, std::string_view text, int line,
                int column) {
  if (line < 1 || static_cast<size_t>(line) > starts.size()) return std::string::npos;
  size_t at = starts[line - 1] + static_cast<size_t>(std::max(column, 1) - 1);
  return at < text.size() ? at : std::string::npos;
}

}  // namespace

ScalarPositions::ScalarPositions(std::string_view file, const SourcePos& value_at,
                                 std::string_view text)
    : value_at_(value_at), text_lines_(LineStarts(text)) {
  std::vector<size_t> file_lines = LineStarts(file);
  size_t j = OffsetOf(file_lines, file, value_at.line, value_at.column);
  if (j == std::string::npos) return;
  if (file[j] == '|' || file[j] == '>') {
    // A block scalar: its text starts on the line after the header.
    size_t end = file.find('\n', j);
    j = end == std::string::npos ? file.size() : end + 1;
  } else if (file[j] == '"' || file[j] == '\'') {
    ++j;
  }
  // The file's line and column of offset j, kept up to date as j moves on.
  int line = value_at.line;
  size_t line_start = file_lines[line - 1];
  auto advance_to = [&](size_t to) {
    while (static_cast<size_t>(line) < file_lines.size() && file_lines[line] <= to) {
      line_start = file_lines[line];
      ++line;
    }
  };
  where_.reserve(text.size());
  for (char v : text) {
    // Line the text up with the file: what the file has and the text has
    // not is indentation, line ends (folded into spaces or dropped), quotes
    // and backslashes; anything else is an escape ("\t"), taken as the
    // character it stands for.
    while (j < file.size()) {
      char s = file[j];
      if (s == v || (v == ' ' && s == '\n')) break;
      if (s == ' ' || s == '\t' || s == '\r' || s == '\n' || s == '\\' || s == '"' ||
          s == '\'') {
        ++j;
        continue;
      }
      break;
    }
    if (j >= file.size()) break;
    advance_to(j);
    where_.push_back({line, static_cast<int>(j - line_start) + 1});
    ++j;
  }
}

SourcePos ScalarPositions::AtOffset(size_t offset) const {
  SourcePos pos = value_at_;
  if (where_.empty()) return pos;
  const auto& [line, column] = where_[std::min(offset, where_.size() - 1)];
  pos.line = line;
  pos.column = column;
  return pos;
}

SourcePos ScalarPositions::At(int line, int column) const {
  if (line < 1 || text_lines_.empty()) return value_at_;
  size_t l = std::min(static_cast<size_t>(line), text_lines_.size()) - 1;
  return AtOffset(text_lines_[l] + static_cast<size_t>(std::max(column, 1) - 1));
}

std::optional<SourcePos> FindKeyValue(std::string_view file, const SourcePos& record,
                                      std::string_view key) {
  std::vector<size_t> starts = LineStarts(file);
  if (record.line < 1 || static_cast<size_t>(record.line) > starts.size() ||
      record.column < 1)
    return std::nullopt;
  const size_t indent = static_cast<size_t>(record.column - 1);
  auto line_text = [&](size_t l) {
    size_t b = starts[l];
    size_t e = l + 1 < starts.size() ? starts[l + 1] : file.size();
    std::string_view s = file.substr(b, e - b);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  // The first non-blank character at or after line `l`, as a position.
  auto next_content = [&](size_t l) -> std::optional<SourcePos> {
    for (; l < starts.size(); ++l) {
      std::string_view s = line_text(l);
      size_t i = s.find_first_not_of(" \t");
      if (i == std::string_view::npos || s[i] == '#') continue;
      return SourcePos{record.path, static_cast<int>(l) + 1, static_cast<int>(i) + 1};
    }
    return std::nullopt;
  };
  for (size_t l = static_cast<size_t>(record.line - 1); l < starts.size(); ++l) {
    std::string_view s = line_text(l);
    size_t i = s.find_first_not_of(" \t");
    if (i == std::string_view::npos || s[i] == '#' || s == "---") continue;
    // On the record's own line the key may follow "- "; below it, a line
    // less indented than the record's keys ends the record.
    bool first = l == static_cast<size_t>(record.line - 1);
    if (!first && i < indent) return std::nullopt;
    if (first) i = indent;
    if (i != indent || s.size() < indent + key.size() + 1) continue;
    if (s.substr(indent, key.size()) != key) continue;
    size_t colon = s.find_first_not_of(' ', indent + key.size());
    if (colon == std::string_view::npos || s[colon] != ':') continue;
    size_t value = s.find_first_not_of(" \t", colon + 1);
    if (value == std::string_view::npos || s[value] == '#') return next_content(l + 1);
    return SourcePos{record.path, static_cast<int>(l) + 1, static_cast<int>(value) + 1};
  }
  return std::nullopt;
}

YamlTextPositions::YamlTextPositions(SourcePos record, std::vector<std::string> keys,
                                     std::string text, bool value_known)
    : record_(std::move(record)),
      keys_(std::move(keys)),
      text_(std::move(text)),
      value_known_(value_known) {}

void YamlTextPositions::Load() const {
  if (loaded_) return;
  loaded_ = true;
  if (record_.path.empty()) return;
  std::string file;
  Diagnostics ignored;  // the loader read this file and reported its problems
  if (!ReadTextFile(record_.path, record_.path, &file, ignored)) return;
  std::optional<SourcePos> at = record_;
  if (!value_known_) {
    for (const std::string& key : keys_) {
      at = FindKeyValue(file, *at, key);
      if (!at) return;
    }
  }
  map_.emplace(file, *at, text_);
}

SourcePos YamlTextPositions::At(int line, int column) const {
  Load();
  if (map_) return map_->At(line, column);
  // Not found: as before, counted from the record.
  SourcePos pos = record_;
  pos.line = line > 0 ? std::max(record_.line, 1) + line - 1 : record_.line;
  pos.column = column > 0 ? column + std::max(0, record_.column - 1) : 0;
  return pos;
}

}  // namespace clerk
