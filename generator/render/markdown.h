// Markdown to HTML with cmark-gfm and its extensions (tables, autolinks,
// strikethrough, footnotes, tagfilter). Raw HTML is never passed through: it
// is reported with its position and left out. Unsafe link schemes are refused.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "links/site_links.h"
#include "model/diagnostics.h"

namespace clerk {

struct MarkdownHeading {
  int level = 0;
  std::string text;  // plain text of the heading
  std::string id;    // stable, unique on the page: "legal-implications", "-2"...
};

// A link to a page of the site written with the reference syntax
// ("@/meetings/2019-09-16-cyp-scrutiny#item-7"): kept as written in the
// HTML, resolved per page once its path is known, and checked after every
// page is rendered (links/site_links.h).
using MarkdownSiteLink = SiteLink;

// A resolution or action in minutes, with the id it got on the page.
struct MarkdownDecision {
  std::string kind;  // "resolution" or "action"
  std::string id;    // "resolution-609-1"
  std::string html;  // the paragraph (and the list that follows it)
};

// A paragraph of minutes to mark as a resolution or action: the one that
// starts on `line` of the file.
struct MarkedBlock {
  int line = 0;
  std::string kind;        // "resolution" or "action"
  std::string id;          // "resolution-609-1", used as it is
  bool with_list = false;  // the list right after the paragraph belongs to it
};

struct MarkdownResult {
  std::string html;
  std::vector<MarkdownHeading> headings;
  // Every id the fragment put on the page (headings, footnotes, notes
  // heading), so the caller can reserve them for the next fragment.
  std::vector<std::string> ids;
  int tables = 0;  // number of tables, for numbering ("Table 3: ...")
  std::vector<MarkdownSiteLink> site_links;
  std::vector<MarkdownDecision> decisions;  // the marked blocks, in order
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
  // Minutes: the resolutions and actions the content stage found
  // (content/minutes_records.h), each wrapped in <div class="resolution">
  // or <div class="action"> with its id; the renderer has no rule of its own.
  std::vector<MarkedBlock> marked_blocks;
  // Text from a YAML scalar (a notice, a purpose, a remit): maps a 1-based
  // line and column of `text` to the file, in place of counting from
  // `start` (content/yaml_reader.h, YamlTextPositions).
  std::function<SourcePos(int line, int column)> map_position;
  // Reports: each item of a top-level numbered list is a numbered paragraph
  // and gets an anchor "para-<number>", so it can be referred to; so does a
  // paragraph that starts with a number as printed, "3.4.2 The service...":
  // "para-3.4.2".
  bool number_paragraphs = false;
  // Papers: the pictures of the paper's folder, and where they are copied
  // ("meetings/<id>/"). A relative picture path must name one of them; null
  // (minutes, agendas, YAML text): pictures come from assets/ ("@/assets/").
  const std::vector<std::string>* images = nullptr;
  std::string images_base;
};

// `start` is where `text` begins in its file (line of the first body line),
// so diagnostics point into the real file.
MarkdownResult RenderMarkdown(const std::string& text, const SourcePos& start,
                              const MarkdownOptions& options, Diagnostics& diag);

}  // namespace clerk
