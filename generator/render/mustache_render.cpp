// Rendering a parsed Mustache template straight from the page data: names
// are looked up in the JSON where it lies, and the output is written into
// one string, line by line as kainjow writes it (mustache.h says what is
// kept of kainjow's rules).
#include <array>
#include <span>

#include "render/mustache.h"

namespace clerk {

using json = nlohmann::json;
using Node = MustacheTemplate::Node;
using Kind = MustacheTemplate::Kind;

class MustacheRenderer {
 public:
  MustacheRenderer(const MustacheScope& scope, std::string& out)
      : scope_(scope), out_(out) {
    stack_.push_back(&scope.data);
  }

  void Run(const MustacheTemplate& tmpl) {
    Range(tmpl.nodes_, 0, tmpl.nodes_.size());
    EndLine(nullptr);  // the last line, which has no line break
  }

  const std::string& error() const { return error_; }

 private:
  void Range(const std::vector<Node>& nodes, size_t from, size_t to) {
    for (size_t i = from; i < to && error_.empty();) {
      if (++steps_ > MustacheTemplate::kMaxSteps) {
        error_ = "rendering stopped after " +
                 std::to_string(MustacheTemplate::kMaxSteps) +
                 " steps: partials or sections repeat without end";
        return;
      }
      const Node& node = nodes[i];
      switch (node.kind) {
        case Kind::kText:
          out_ += node.text;
          break;
        case Kind::kNewline:
          EndLine(&node.text);
          break;
        case Kind::kVariable:
        case Kind::kUnescaped:
          if (const json* value = Find(node)) Write(*value, node.kind == Kind::kVariable);
          break;
        case Kind::kSection:
          if (const json* value = Find(node); value && Truthy(*value))
            Section(nodes, i, *value);
          i = node.end;
          continue;
        case Kind::kInverted:
          if (const json* value = Find(node); !value || !Truthy(*value)) {
            // kainjow makes a false value found the current item ({{.}}).
            line_has_section_ = true;
            if (value) stack_.push_back(value);
            Range(nodes, i + 1, node.end);
            if (value) stack_.pop_back();
            line_has_section_ = true;
          }
          i = node.end;
          continue;
        case Kind::kPartial:
          Partial(node.text);
          break;
      }
      ++i;
    }
  }

  // The section at nodes[at], once for each item of a list or once for any
  // other value, with the item or value innermost for names.
  void Section(const std::vector<Node>& nodes, size_t at, const json& value) {
    const size_t end = nodes[at].end;
    if (value.is_array()) {
      for (const json& item : value) {
        line_has_section_ = true;
        stack_.push_back(&item);
        Range(nodes, at + 1, end);
        stack_.pop_back();
        line_has_section_ = true;
      }
      return;
    }
    line_has_section_ = true;
    stack_.push_back(&value);
    Range(nodes, at + 1, end);
    stack_.pop_back();
    line_has_section_ = true;
  }

  void Partial(const std::string& name) {
    if (!scope_.partials || !error_.empty()) return;
    auto it = scope_.partials->find(name);
    if (it == scope_.partials->end()) return;
    if (++partial_depth_ > MustacheTemplate::kMaxPartialDepth) {
      error_ = "partial '" + name + "' is included more than " +
               std::to_string(MustacheTemplate::kMaxPartialDepth) +
               " deep: it includes itself with no end";
      return;
    }
    const std::vector<Node>& nodes = it->second.nodes_;
    Range(nodes, 0, nodes.size());
    --partial_depth_;
  }

  // A line ends: it is left out, with its line break, if it held a section
  // tag and wrote nothing but spaces and tabs.
  void EndLine(const std::string* line_break) {
    bool blank = line_has_section_;
    for (size_t i = line_start_; blank && i < out_.size(); ++i)
      blank = out_[i] == ' ' || out_[i] == '\t';
    if (blank)
      out_.resize(line_start_);
    else if (line_break)
      out_ += *line_break;
    line_start_ = out_.size();
    line_has_section_ = false;
  }

  static bool Truthy(const json& value) {
    switch (value.type()) {
      case json::value_t::string:
        return !value.get_ref<const std::string&>().empty();
      case json::value_t::boolean:
        return value.get<bool>();
      case json::value_t::array:
        return !value.empty();
      case json::value_t::object:
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
      case json::value_t::number_float:
        return true;
      default:
        return false;
    }
  }

  void Write(const json& value, bool escape) {
    if (value.is_number()) {
      out_ += value.dump();
    } else if (value.is_string()) {
      const std::string& text = value.get_ref<const std::string&>();
      if (escape)
        AppendEscaped(text);
      else
        out_ += text;
    }
  }

  // kainjow's escaping ("&apos;" for the apostrophe, as pages have always
  // had), copying the text between the characters to escape in one go.
  void AppendEscaped(const std::string& text) {
    size_t from = 0;
    for (size_t at = 0; at < text.size(); ++at) {
      const char c = text[at];
      const char* entity = c == '&'    ? "&amp;"
                           : c == '<'  ? "&lt;"
                           : c == '>'  ? "&gt;"
                           : c == '"'  ? "&quot;"
                           : c == '\'' ? "&apos;"
                                       : nullptr;
      if (!entity) continue;
      out_.append(text, from, at - from);
      out_ += entity;
      from = at + 1;
    }
    out_.append(text, from, std::string::npos);
  }

  // The value a tag names: {{.}} is the innermost item; otherwise the
  // innermost item, then the ones around it, that holds the whole path.
  const json* Find(const Node& node) const {
    if (node.path.empty()) return stack_.back();
    for (size_t level = stack_.size(); level-- > 0;) {
      // The root is the root also where a section pushed it again ({{#.}}).
      const json* value = stack_[level] == &scope_.data
                              ? AtRoot(node.path[0])
                              : Member(*stack_[level], node.path[0]);
      for (size_t k = 1; value && k < node.path.size(); ++k)
        value = Member(*value, node.path[k]);
      if (value) return value;
    }
    return nullptr;
  }

  // `name` at the root: the data with the scope's objects set over it.
  const json* AtRoot(const std::string& name) const {
    std::array<const json*, 3> layers{};  // the one set last first
    size_t n = 0;
    for (const json* over : scope_.over)
      if (over && over->is_object()) layers[n++] = over;
    layers[n++] = &scope_.data;
    return MemberOf(std::span<const json* const>(layers.data(), n), name);
  }

  static const json* Member(const json& object, const std::string& name) {
    const json* one[] = {&object};
    return MemberOf(one, name);
  }

  // `name` in the object made of `layers` set one over another (the first
  // wins), with the has_x of every list x that object has; null if it has no
  // such name (a layer that is no object has no names).
  static const json* MemberOf(std::span<const json* const> layers,
                              const std::string& name) {
    const std::pair<const std::string, json>* own = nullptr;
    for (const json* layer : layers)
      if ((own = Entry(*layer, name))) break;
    if (name.starts_with("has_")) {
      const std::string_view listed = std::string_view(name).substr(4);
      for (const json* layer : layers) {
        const auto* list = Entry(*layer, listed);
        if (!list) continue;
        // kainjow's conversion wrote has_x when it came to x, in key order:
        // it replaced an explicit has_x that sorts before x.
        if (list->second.is_array() && (!own || list->first > own->first))
          return list->second.empty() ? &kFalse : &kTrue;
        break;
      }
    }
    return own ? &own->second : nullptr;
  }

  // The member `name` of `object`, or null (also if `object` is no object).
  static const std::pair<const std::string, json>* Entry(const json& object,
                                                         std::string_view name) {
    if (!object.is_object()) return nullptr;
    const auto& members = object.get_ref<const json::object_t&>();
    const auto it = members.find(name);
    return it == members.end() ? nullptr : &*it;
  }

  static inline const json kTrue = true;
  static inline const json kFalse = false;

  const MustacheScope& scope_;
  std::string& out_;
  std::vector<const json*> stack_;  // the root first, the innermost item last
  size_t line_start_ = 0;
  bool line_has_section_ = false;
  int partial_depth_ = 0;
  size_t steps_ = 0;
  std::string error_;
};

std::string MustacheTemplate::Render(const MustacheScope& scope,
                                     std::string* error) const {
  std::string out;
  if (!valid()) return out;
  MustacheRenderer renderer(scope, out);
  renderer.Run(*this);
  if (renderer.error().empty()) return out;
  if (error) *error = renderer.error();
  return "";
}

}  // namespace clerk
