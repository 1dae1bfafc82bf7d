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
  // Every id the fragment put on the page (headings, footnotes, notes
  // heading), so the caller can reserve them for the next fragment.
  std::vector<std::string> ids;
  int tables = 0;  // number of tables, for numbering ("Table 3: ...")
};

struct MarkdownOptions {
  // Shift every heading down so a document's "#" sits below the page's h1:
  // with heading_offset = 1, "# Purpose" becomes <h2>. More exactly, the
  // fragment's highest heading becomes h(heading_offset + 1) (so a body that
  // starts at "##" also lands on h2), and a heading never skips a level below
  // the one before it. Clamped to h6.
  int heading_offset = 1;
  // Ids already used on the page (template headings), so ours stay unique.
  std::vector<std::string> reserved_ids;
  // Put into footnote ids ("fn-<id_prefix>-1") so two fragments with
  // footnotes can share a page. Empty: "fn-1".
  std::string id_prefix;
  // Tables are captioned "Table <n>: <text>", n counting from here. The text
  // is that of a paragraph "Table: <text>" just above the table (the
  // paragraph is then left out), else the nearest heading above, else
  // `caption_fallback`.
  int first_table_number = 1;
  std::string caption_fallback;
  // Minutes: paragraphs starting with **Resolved** or **Action** are wrapped
  // in <div class="resolution"> / <div class="action">.
  bool mark_decisions = false;
};

// `start` is where `text` begins in its file (line of the first body line),
// so diagnostics point into the real file.
MarkdownResult RenderMarkdown(const std::string& text, const SourcePos& start,
                              const MarkdownOptions& options, Diagnostics& diag);

}  // namespace clerk
