// Parsing a Mustache template into a flat list of nodes, as kainjow reads
// one (its tokens, delimiters and errors); rendering is in
// mustache_render.cpp.
#include "render/mustache.h"

#include <algorithm>

namespace clerk {
namespace {

using Node = MustacheTemplate::Node;
using Kind = MustacheTemplate::Kind;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

struct Delimiters {
  std::string begin = "{{";
  std::string end = "}}";
  bool IsDefault() const { return begin == "{{" && end == "}}"; }
};

bool ValidDelimiter(std::string_view d) {
  for (char c : d)
    if (c == '=' || IsSpace(c)) return false;
  return true;
}

// {{=<% %>=}}: `contents` is the tag's trimmed text.
bool SetDelimiters(std::string_view contents, Delimiters& delimiters) {
  if (contents.size() < 5 || contents.back() != '=') return false;
  std::string_view inner = Trim(contents.substr(1, contents.size() - 2));
  const size_t space = inner.find(' ');
  if (space == std::string_view::npos) return false;
  const size_t next = inner.find_first_not_of(' ', space + 1);
  std::string_view begin = inner.substr(0, space);
  std::string_view end = inner.substr(next);
  if (!ValidDelimiter(begin) || !ValidDelimiter(end)) return false;
  delimiters.begin = begin;
  delimiters.end = end;
  return true;
}

// "a.b" -> {"a", "b"} as kainjow splits it (a trailing dot adds no name);
// "." -> {} (the current item); a name without dots is itself.
std::vector<std::string> SplitPath(std::string_view name) {
  if (name == ".") return {};
  if (name.find('.') == std::string_view::npos) return {std::string(name)};
  std::vector<std::string> parts;
  size_t from = 0;
  while (true) {
    const size_t dot = name.find('.', from);
    if (dot == std::string_view::npos) {
      if (from < name.size()) parts.emplace_back(name.substr(from));
      return parts;
    }
    parts.emplace_back(name.substr(from, dot - from));
    from = dot + 1;
  }
}

class Parser {
 public:
  Parser(std::string_view input, std::vector<Node>& nodes, std::string& error,
         size_t& error_offset)
      : in_(input), nodes_(nodes), error_(error), error_offset_(error_offset) {}

  void Run() {
    size_t pos = 0;
    while (pos < in_.size() && error_.empty()) {
      if (in_.compare(pos, delimiters_.begin.size(), delimiters_.begin) == 0) {
        pos = Tag(pos);
      } else if (in_[pos] == '\n' || in_[pos] == '\r') {
        const size_t length = in_.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
        Push(Kind::kNewline, in_.substr(pos, length));
        pos += length;
      } else {
        // Text joins the text before it, unless a section ended between.
        if (nodes_.empty() || nodes_.back().kind != Kind::kText ||
            closed_ == nodes_.size())
          Push(Kind::kText, "");
        nodes_.back().text += in_[pos++];
      }
    }
    if (error_.empty()) CheckSections();
    if (!error_.empty()) nodes_.clear();
  }

 private:
  void Fail(std::string message, size_t at) {
    error_ = std::move(message);
    error_offset_ = at;
  }

  void Push(Kind kind, std::string_view text) {
    Node node;
    node.kind = kind;
    node.text = text;
    if (kind != Kind::kText && kind != Kind::kNewline) node.path = SplitPath(text);
    nodes_.push_back(std::move(node));
  }

  // The tag at `start`; returns the position after it.
  size_t Tag(size_t start) {
    size_t contents_at = start + delimiters_.begin.size();
    const bool triple =
        delimiters_.IsDefault() && contents_at < in_.size() && in_[contents_at] == '{';
    const std::string close = triple ? "}}}" : delimiters_.end;
    if (triple) ++contents_at;
    const size_t end = in_.find(close, contents_at);
    if (end == std::string_view::npos) {
      Fail("unclosed tag: no '" + close + "' after '" + delimiters_.begin + "'", start);
      return in_.size();
    }
    const size_t after = end + close.size();
    const std::string_view contents = Trim(in_.substr(contents_at, end - contents_at));
    const char sigil = triple || contents.empty() ? '\0' : contents[0];
    const std::string_view name =
        sigil != '\0' && std::string_view("#^/>&!=").find(sigil) != std::string_view::npos
            ? Trim(contents.substr(1))
            : contents;
    switch (sigil) {
      case '=':
        if (!SetDelimiters(contents, delimiters_))
          Fail("invalid set-delimiter tag (write it as {{=<% %>=}})", start);
        break;
      case '!':
        break;  // a comment
      case '/':
        CloseSection(std::string(name), start);
        break;
      case '#':
      case '^':
        open_.push_back(nodes_.size());
        opened_at_[nodes_.size()] = start;
        Push(sigil == '#' ? Kind::kSection : Kind::kInverted, name);
        break;
      case '>':
        Push(Kind::kPartial, name);
        break;
      case '&':
        Push(Kind::kUnescaped, name);
        break;
      default:
        Push(triple ? Kind::kUnescaped : Kind::kVariable, name);
        break;
    }
    return after;
  }

  void CloseSection(const std::string& name, size_t at) {
    if (open_.empty()) {
      Fail("{{/" + name + "}} closes a section that is not open", at);
      return;
    }
    Node& section = nodes_[open_.back()];
    section.end = nodes_.size();
    if (section.text != name) mismatched_.push_back(open_.back());
    open_.pop_back();
    closed_ = nodes_.size();
  }

  // kainjow reports the first section, in the order they open, that is not
  // closed by a tag of its own name.
  void CheckSections() {
    for (size_t index : open_) {
      nodes_[index].end = nodes_.size();
      mismatched_.push_back(index);
    }
    if (mismatched_.empty()) return;
    const size_t first = *std::min_element(mismatched_.begin(), mismatched_.end());
    const std::string& name = nodes_[first].text;
    Fail("section '" + name + "' is not closed by {{/" + name + "}}", opened_at_[first]);
  }

  std::string_view in_;
  std::vector<Node>& nodes_;
  std::string& error_;
  size_t& error_offset_;
  Delimiters delimiters_;
  std::vector<size_t> open_;                 // open sections' nodes, innermost last
  std::map<size_t, size_t> opened_at_;       // a section's node -> where its tag starts
  std::vector<size_t> mismatched_;           // sections closed by another name
  size_t closed_ = static_cast<size_t>(-1);  // the node count when a section last closed
};

}  // namespace

MustacheTemplate::MustacheTemplate(std::string_view text) {
  Parser(text, nodes_, error_, error_offset_).Run();
}

}  // namespace clerk
