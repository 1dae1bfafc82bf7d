// Reading YAML records with positions and clear errors. yaml-cpp gives each
// node a Mark (0-based line and column); these helpers turn every problem
// (wrong type, unknown key, missing field) into a diagnostic at 1-based
// file:line:col and return what could be read, so loading goes on and all
// errors of a file are reported in one run.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"
#include "schema/field_table.h"

namespace clerk {

// Parses a YAML document. `first_line` is the line of `text`'s first line in
// the file (front matter starts on line 2). On a syntax error, reports it at
// yaml-cpp's position and returns nullopt.
std::optional<YAML::Node> ParseYaml(const std::string& text, const std::string& path,
                                    int first_line, Diagnostics& diag);

// Where each document of a YAML stream starts, up to three: enough to see a
// second document and a parser that stalls. Not YAML::LoadAll: yaml-cpp 0.7
// reports a document again and again without reading anything on some input
// (a lone ','), and LoadAll then loops for ever. Throws YAML::Exception on a
// syntax error, as the parser does.
std::vector<YAML::Mark> DocumentStarts(const std::string& text);

// True when `text` surely holds one YAML document that YAML::Load reads to
// its end (or fails on): no line starts with "---", "..." or '%', and the
// first line that is not blank or a comment is a plain key at column 0
// ("title: ...", "minutes:"), so the root is a block mapping, which ends
// only at the end of the stream. Other text (a second document, a root
// that is a list or a flow, on which yaml-cpp can stop short) is parsed
// twice by ParseYaml: once to find where each document starts.
bool SurelyOneDocument(std::string_view text);

// One YAML mapping being read as a record of `table` (schema/tables.h). Every
// key a getter reads must be in the table, with a type the getter can read:
// anything else throws std::logic_error, a bug in the loader that the tests
// (which load every test site) catch, so the schemas written from the tables
// say what the loader reads. Finish() then reports keys nobody asked for, with
// a "did you mean" suggestion drawn from the table.
class YamlRecord {
 public:
  // `what`, if given, names the record in messages instead of the table's
  // own name ("deploy target 'live'").
  // `path` is shared by every position the record gives (and by records
  // read with it: pass path()), so a file's many positions hold one copy.
  YamlRecord(const YAML::Node& node, SourcePath path, int line_offset,
             const schema::RecordTable& table, Diagnostics& diag, std::string what = "");
  ~YamlRecord();

  // False when the node is not a mapping (already reported).
  bool ok() const { return ok_; }
  SourcePos pos() const { return PosOf(node_); }
  SourcePos PosOf(const YAML::Node& node) const;
  // Position of the value under `key`, or of the record if it is absent.
  SourcePos PosOfKey(const char* key) const;

  bool Has(const char* key);
  // The raw node (declares the key). Null node when absent.
  YAML::Node Node(const char* key);

  // Text scalars. `required` reports a missing or empty value.
  std::string String(const char* key, bool required = false);
  std::optional<bool> Bool(const char* key);
  std::optional<int> Int(const char* key, bool required = false);
  std::optional<Date> DateField(const char* key, bool required = false);
  Ref RefField(const char* key, bool required = false);
  // A list of text scalars; a single scalar is taken as a one-item list.
  std::vector<std::string> StringList(const char* key);
  std::vector<Ref> RefList(const char* key);
  // One of `choices`; returns the index, or nullopt (reported) if absent
  // and required, or not one of them.
  std::optional<size_t> Choice(const char* key,
                               std::initializer_list<const char*> choices,
                               bool required = false);

  // Reports a missing required field. Deferred to Finish(), so that a
  // misspelt key ("venu") gives one error (unknown key, did you mean
  // 'venue'?) rather than two.
  // `hint`, if given, follows the message: how to write what is missing.
  void Missing(const char* key, std::string hint = "");

  // A key of the file the caller has reported itself (a password in
  // site.yaml): Finish() says nothing more about it.
  void Reported(const std::string& key);

  // Reports undeclared keys. Called by the destructor if not called before.
  void Finish();

  Diagnostics& diag() const { return diag_; }
  const SourcePath& path() const { return path_; }
  int line_offset() const { return line_offset_; }

 private:
  // Reads a scalar; reports a type error when the node is a list or map.
  std::optional<std::string> Scalar(const YAML::Node& node, const char* key);
  // The table's field for `key`, declared as read; throws std::logic_error
  // when the table has no such key, or `reader` cannot read its type.
  enum class Reader {
    kAny,
    kScalar,
    kBool,
    kInt,
    kDate,
    kId,
    kChoice,
    kTextList,
    kIdList
  };
  const schema::Field& Declare(const char* key, Reader reader);
  // The value of the first text key `key`, as yaml-cpp's lookup finds it;
  // null when absent. From a list of the keys made at the first lookup:
  // yaml-cpp converts every key of the mapping to text on each lookup.
  const YAML::Node* ValueOf(std::string_view key);

  const schema::RecordTable* table_;
  YAML::Node node_;
  SourcePath path_;
  int line_offset_;
  std::string what_;
  Diagnostics& diag_;
  bool ok_ = true;
  bool finished_ = false;
  std::vector<std::string> declared_;
  std::vector<std::pair<std::string, YAML::Node>> entries_;  // ValueOf's
  bool indexed_ = false;
  std::vector<std::pair<std::string, std::string>> missing_;  // key, hint
};

// A field that names a record takes its id (`carole-gandy`) or its
// reference (`@/people/carole-gandy`; a paper: `@/meetings/<id>/<paper>`).
struct IdReference {
  std::string collection;  // "people", "meetings/<id>" for a paper; "" for a plain id
  std::string id;
  std::string problem;  // why the text is not one of those forms, or ""
};
IdReference ParseIdReference(const std::string& text);

// The id in a reference written as a plain id ("carole-gandy") or in the
// reference syntax ("@/people/carole-gandy"); the text itself if it is
// neither.
std::string RefId(const std::string& text);

// Reads a reference written as an id or a reference at `node`. `key`, when
// given, says what kind of record it must name ("contact": a person); a
// reference to another kind, to a place on a page (`#...`) or with a path
// that names no record is an error at the value, and the id is left empty.
Ref RefAt(const YAML::Node& node, const YamlRecord& record, const char* key = nullptr);

// Describes a node's type for messages: "a list", "a mapping", "text".
std::string DescribeNodeType(const YAML::Node& node);

// Ids are lower case letters, digits and single hyphens.
bool IsValidId(const std::string& id);

// The rule IsValidId checks, in the words of every message about an id.
inline constexpr const char* kIdRule =
    "lower case letters, digits and single hyphens, with no hyphen at the start or end";

// Positions inside the text of a YAML scalar, mapped back to its file. The
// text as loaded is not as written: a block scalar (`|`, `>`) loses its
// header and indentation, a folded or plain one joins its lines, a quoted one
// loses its quotes and escapes. This lines the text up with the file, so a
// problem on line 7 of a `notice: |` is reported at its own line and column,
// not at the key.
class ScalarPositions {
 public:
  ScalarPositions() = default;
  // `file`: the whole file; `value_at`: where the scalar's node starts (its
  // `|`, `>` or quote; YamlRecord::PosOf); `text`: the value as loaded
  // (trimmed or not). A position that cannot be found maps to `value_at`.
  ScalarPositions(std::string_view file, const SourcePos& value_at,
                  std::string_view text);
  // `line` and `column` are 1-based inside `text` (as cmark-gfm counts).
  SourcePos At(int line, int column) const;
  SourcePos AtOffset(size_t offset) const;

 private:
  SourcePos value_at_;
  std::vector<size_t> text_lines_;          // offset in `text` of each line's start
  std::vector<std::pair<int, int>> where_;  // per byte of `text`: file line, col
};

// Where the value of `key` starts in the block mapping at `record` (a
// YamlRecord's pos(): the column of its first key), found in the file's
// lines, for texts whose own position the model does not keep (an agenda
// item's `purpose`). nullopt when the key is not there or the mapping is
// not a block mapping.
std::optional<SourcePos> FindKeyValue(std::string_view file, const SourcePos& record,
                                      std::string_view key);

// Maps positions in a text that a record's YAML holds under `keys` (a path
// of keys: {"accessibility", "statement"}) to its file, reading the file at
// `record.path` when first asked. Safe to copy; not thread-safe.
class YamlTextPositions {
 public:
  YamlTextPositions() = default;
  // `value_at`: the value's own position if known (then `keys` is unused),
  // else the record's.
  YamlTextPositions(SourcePos record, std::vector<std::string> keys, std::string text,
                    bool value_known = false);
  SourcePos At(int line, int column) const;
  bool empty() const { return record_.path.empty(); }

 private:
  void Load() const;
  SourcePos record_;
  std::vector<std::string> keys_;
  std::string text_;
  bool value_known_ = false;
  mutable bool loaded_ = false;
  mutable std::optional<ScalarPositions> map_;
};

}  // namespace clerk
