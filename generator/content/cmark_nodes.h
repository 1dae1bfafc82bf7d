// Small helpers over a cmark-gfm tree, shared by the content stage (minutes
// records) and the render stage (papers, table cells), which come after it.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

namespace clerk {

// Markdown parsed as the site reads it (GitHub-flavoured: tables, autolinks,
// strikethrough, footnotes, tagfilter), the same blocks render/markdown.cpp
// sees. Owns the tree; `root()` lives as long as this.
class ParsedMarkdown {
 public:
  explicit ParsedMarkdown(std::string_view text);
  ~ParsedMarkdown();
  ParsedMarkdown(const ParsedMarkdown&) = delete;
  ParsedMarkdown& operator=(const ParsedMarkdown&) = delete;
  cmark_node* root() const { return doc_; }

 private:
  cmark_parser* parser_;
  cmark_node* doc_;
};

// Every node of the tree under `root`, in document order (entered once).
std::vector<cmark_node*> CmarkNodes(cmark_node* root);

// Appends the plain text of a node's inline content to `out` (code as its
// text, line breaks as spaces).
void CollectText(cmark_node* node, std::string& out);

}  // namespace clerk
