// Markdown to HTML with cmark-gfm and its extensions (tables, autolinks,
// strikethrough, footnotes, tagfilter). Raw HTML is never passed through: it
// is reported with its position and left out. Unsafe link schemes are refused.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace clerk {

struct MarkdownHeading {
  int level = 0;
  std::string text;  // plain text of the heading
  std::string id;    // stable, unique on the page: "legal-implications", "-2"...
};

struct MarkdownResult {
  std::string html;
  std::vector<MarkdownHeading> headings;
};

struct MarkdownOptions {
  // Shift every heading down so a document's "#" sits below the page's h1:
  // with heading_offset = 1, "# Purpose" becomes <h2>.
  int heading_offset = 1;
  // Ids already used on the page (template headings), so ours stay unique.
  std::vector<std::string> reserved_ids;
};

// `start` is where `text` begins in its file (line of the first body line),
// so diagnostics point into the real file.
MarkdownResult RenderMarkdown(const std::string& text, const SourcePos& start,
                              const MarkdownOptions& options, Diagnostics& diag);

}  // namespace clerk
