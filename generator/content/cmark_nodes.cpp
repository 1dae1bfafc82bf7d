#include "content/cmark_nodes.h"

#include <cmark-gfm-core-extensions.h>

#include <mutex>

namespace clerk {

ParsedMarkdown::ParsedMarkdown(std::string_view text) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  parser_ = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser_, ext);
  cmark_parser_feed(parser_, text.data(), text.size());
  doc_ = cmark_parser_finish(parser_);
}

ParsedMarkdown::~ParsedMarkdown() {
  cmark_node_free(doc_);
  cmark_parser_free(parser_);
}

std::vector<cmark_node*> CmarkNodes(cmark_node* root) {
  std::vector<cmark_node*> nodes;
  cmark_iter* it = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(it));
  }
  cmark_iter_free(it);
  return nodes;
}

void CollectText(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(c)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        CollectText(c, out);
    }
  }
}

}  // namespace clerk
