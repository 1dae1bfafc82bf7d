// Small helpers over a cmark-gfm tree, shared by the content stage (minutes
// records) and the render stage (papers, table cells), which come after it.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <vector>

namespace clerk {

// Every node of the tree under `root`, in document order (entered once).
std::vector<cmark_node*> CmarkNodes(cmark_node* root);

// Appends the plain text of a node's inline content to `out` (code as its
// text, line breaks as spaces).
void CollectText(cmark_node* node, std::string& out);

}  // namespace clerk
