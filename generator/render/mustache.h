// Mustache templates rendered straight from the page data (nlohmann::json),
// with no second copy of the data: the page data is made once and read
// where it lies. Converting it to kainjow's own data first, and kainjow's
// rendering through std::function callbacks and a string stream, were
// together about an eighth of a full build's CPU.
//
// The output is kainjow's, byte for byte, for the data as the theme has
// always seen it (tests/render/mustache_test.cpp renders the same templates
// with both):
// - empty strings and nulls are false, numbers print as JSON writes them;
// - every list `x` of an object comes with a boolean `has_x` (an explicit
//   `has_x` key wins only where kainjow's conversion wrote it last: when it
//   sorts after `x`);
// - a line that held a section tag and renders to nothing but spaces and
//   tabs is left out with its line break (kainjow's "standalone" rule:
//   a section that is not rendered at all does not count);
// - escaping is kainjow's: & < > " ' as &amp; &lt; &gt; &quot; &apos;;
// - dotted names (a.b) and {{.}}, set delimiters ({{=<% %>=}}), comments,
//   and partials, which must be named to Render (a partial that is not is
//   left out, as kainjow does when it finds no partial; kainjow would also
//   render a data string of that name as a template, which this does not).
#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace clerk {

class MustacheTemplate;

// What a render reads: the page data, objects set over the data's root
// (the layout's "content", a rendition's own fields over the data its
// renditions share), and the partials a {{> name}} tag may name. The root is
// as one object made of the data with the first `over` set on it, then the
// second: a name is the first's if it has it, and has_x follows the list x
// that the root then has.
struct MustacheScope {
  const nlohmann::json& data;
  std::array<const nlohmann::json*, 2> over{};  // objects, or null
  const std::map<std::string, MustacheTemplate, std::less<>>* partials = nullptr;
};

class MustacheTemplate {
 public:
  // Parses `text`. A syntax error leaves the template invalid, and error()
  // says what it is and at which byte of `text` (kainjow's words).
  explicit MustacheTemplate(std::string_view text);

  bool valid() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // The byte of the text the error is at.
  size_t error_offset() const { return error_offset_; }

  // The text rendered with `scope`; "" if the template is invalid, or if
  // partials include each other more than kMaxPartialDepth deep (a partial
  // that includes itself with no end), or the render takes more than
  // kMaxSteps nodes (partials or sections that multiply without end: the
  // largest real page takes well under a million), which `error`, if given,
  // says.
  std::string Render(const MustacheScope& scope, std::string* error = nullptr) const;
  static constexpr int kMaxPartialDepth = 100;
  static constexpr size_t kMaxSteps = 50'000'000;

  enum class Kind : unsigned char {
    kText,       // text with no line break
    kNewline,    // "\n", "\r\n" or "\r"
    kVariable,   // {{name}}, escaped
    kUnescaped,  // {{{name}}} and {{&name}}
    kSection,    // {{#name}} ... {{/name}}
    kInverted,   // {{^name}} ... {{/name}}
    kPartial,    // {{> name}}
  };
  struct Node {
    Kind kind = Kind::kText;
    std::string text;               // the text, or the tag's name
    std::vector<std::string> path;  // the name split at its dots; empty for "."
    size_t end = 0;                 // a section's: the index after its last node
  };

 private:
  friend class MustacheRenderer;
  std::vector<Node> nodes_;
  std::string error_;
  size_t error_offset_ = 0;
};

}  // namespace clerk
