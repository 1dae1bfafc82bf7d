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
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// Parses a YAML document. `first_line` is the line of `text`'s first line in
// the file (front matter starts on line 2). On a syntax error, reports it at
// yaml-cpp's position and returns nullopt.
std::optional<YAML::Node> ParseYaml(const std::string& text, const std::string& path,
                                    int first_line, Diagnostics& diag);

// One YAML mapping being read as a record. Declare every key the record may
// hold with the getters; Finish() then reports keys nobody asked for, with a
// "did you mean" suggestion drawn from the declared ones.
class YamlRecord {
 public:
  // `what` names the record in messages: "committee", "agenda item".
  YamlRecord(const YAML::Node& node, std::string path, int line_offset, std::string what,
             Diagnostics& diag);
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
  void Missing(const char* key);

  // Reports undeclared keys. Called by the destructor if not called before.
  void Finish();

  Diagnostics& diag() { return diag_; }
  const std::string& path() const { return path_; }
  int line_offset() const { return line_offset_; }

 private:
  // Reads a scalar; reports a type error when the node is a list or map.
  std::optional<std::string> Scalar(const YAML::Node& node, const char* key);

  YAML::Node node_;
  std::string path_;
  int line_offset_;
  std::string what_;
  Diagnostics& diag_;
  bool ok_ = true;
  bool finished_ = false;
  std::vector<std::string> declared_;
  std::vector<std::string> missing_;
};

// The id in a reference written as a plain id ("carole-gandy") or in the
// reference syntax ("@/people/carole-gandy").
std::string RefId(const std::string& text);

// Reads a reference written as a plain id (`carole-gandy`) at `node`.
Ref RefAt(const YAML::Node& node, const YamlRecord& record);

// Describes a node's type for messages: "a list", "a mapping", "text".
std::string DescribeNodeType(const YAML::Node& node);

// The closest of `candidates` to `word` by edit distance, if close enough to
// be a plausible typo; empty otherwise.
std::string ClosestMatch(const std::string& word,
                         const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "".
std::string DidYouMean(const std::string& word,
                       const std::vector<std::string>& candidates);

// Ids are lower case letters, digits and single hyphens.
bool IsValidId(const std::string& id);

}  // namespace clerk
