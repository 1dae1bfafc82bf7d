#include "output/plain_text.h"

#include <cmark-gfm.h>

#include <cstring>
#include <vector>

#include "content/cmark_nodes.h"

namespace clerk::output {
namespace {

bool IsType(cmark_node* node, const char* name) {
  return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

class Writer {
 public:
  explicit Writer(const LinkResolver& link) : link_(link) {}

  // The blocks under `parent`, each a run of lines without a final newline,
  // separated by a blank line (`loose`) or a line break.
  std::string Blocks(cmark_node* parent, bool loose) {
    std::string out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      std::string block = Block(n);
      if (block.empty()) continue;
      if (!out.empty()) out += loose ? "\n\n" : "\n";
      out += block;
    }
    return out;
  }

 private:
  std::string Block(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        return Inlines(n);
      case CMARK_NODE_CODE_BLOCK: {
        std::string code = Literal(n);
        while (!code.empty() && code.back() == '\n') code.pop_back();
        return code;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        return Blocks(n, true);
      case CMARK_NODE_LIST:
        return List(n);
      case CMARK_NODE_FOOTNOTE_DEFINITION: {
        const char* label = cmark_node_get_literal(n);
        return "[" + std::string(label ? label : "") + "] " + Blocks(n, false);
      }
      default:
        break;
    }
    if (IsType(n, "table")) {
      std::string out;
      for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
        std::string line;
        for (cmark_node* cell = cmark_node_first_child(row); cell;
             cell = cmark_node_next(cell)) {
          if (cell != cmark_node_first_child(row)) line += " | ";
          line += Inlines(cell);
        }
        if (!out.empty()) out += "\n";
        out += line;
      }
      return out;
    }
    return "";  // a thematic break, raw HTML
  }

  std::string List(cmark_node* list) {
    bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(list);
    bool loose = !cmark_node_get_list_tight(list);
    std::string out;
    for (cmark_node* item = cmark_node_first_child(list); item;
         item = cmark_node_next(item), ++number) {
      std::string bullet = ordered ? std::to_string(number) + ". " : "- ";
      std::string body = Blocks(item, loose);
      // Continuation lines line up under the item's first word.
      std::string indented;
      for (char c : body) {
        indented += c;
        if (c == '\n') indented += std::string(bullet.size(), ' ');
      }
      // A blank line keeps no trailing spaces.
      for (size_t at; (at = indented.find(" \n")) != std::string::npos;)
        indented.erase(at, 1);
      while (!indented.empty() && indented.back() == ' ') indented.pop_back();
      if (!out.empty()) out += loose ? "\n\n" : "\n";
      out += bullet + indented;
    }
    return out;
  }

  static std::string Literal(cmark_node* n) {
    const char* lit = cmark_node_get_literal(n);
    return lit ? lit : "";
  }

  std::string Inlines(cmark_node* parent) {
    std::string out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          out += Literal(n);
          break;
        case CMARK_NODE_SOFTBREAK:
          out += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          out += '\n';
          break;
        case CMARK_NODE_HTML_INLINE:
          break;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          out += "[" + Literal(n) + "]";
          break;
        case CMARK_NODE_LINK: {
          std::string words = Inlines(n);
          const char* raw = cmark_node_get_url(n);
          std::string url = raw ? raw : "";
          out += words;
          if (url.empty() || url == words || url == "mailto:" + words) break;
          out += " (" + link_(url) + ")";
          break;
        }
        default:  // emphasis, strong, strikethrough, an image's words
          out += Inlines(n);
      }
    }
    return out;
  }

  const LinkResolver& link_;
};

}  // namespace

std::string MarkdownPlainText(const std::string& markdown, const LinkResolver& link) {
  if (markdown.empty()) return "";
  ParsedMarkdown parsed(markdown);
  return Writer(link).Blocks(parsed.root(), true);
}

}  // namespace clerk::output
