// Minutes parsed once into records: each minute's resolutions and actions
// (model.h: MinuteResolution, MinuteAction). The minutes page, the decisions
// register, data/decisions.json and the easy-read pages all read these
// records; nothing else looks for "Resolved" or "Action" in the Markdown.
//
// The rules (docs/content-format.md, "Minutes"):
//   - a paragraph, or the first paragraph of a list item, that starts with a
//     bold "Resolved" (`**Resolved:**`, `**RESOLVED**`) is a resolution; a
//     list right after a resolution paragraph belongs to it, unless every
//     item of the list is an action (actions among its points are recorded
//     as actions too);
//   - one that starts with a bold "Action" is an action, optionally followed
//     by its fields in brackets:
//       **Action** (owner: [Jo Bloggs](@/people/jo-bloggs), due: 2024-01-31,
//       status: done): circulate the figures.
//   - a paragraph that starts "Resolved" or "RESOLVED" without bold is a
//     warning: it would not be listed as a decision.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// A minutes body cut at the minute headings the loader tied to sections
// (MinuteSection::heading_line), so every reader splits it the same way.
struct MinutesPiece {
  int number = -1;     // the minute; -1 for the text before the first minute
  std::string title;   // the heading as written, without "## ": "609 West Mercia ..."
  int first_line = 0;  // line in the file of the text's first line
  std::string text;    // the text after the heading, up to the next one
};
// `body` is minutes.body, or (once left in the file) MinutesBody's.
std::vector<MinutesPiece> SplitMinutes(const Minutes& minutes, const std::string& body);

// The anchors of a minute's resolutions and actions: "resolution-609-1";
// `minute` < 0 (before the first minute): "resolution-1".
std::string ResolutionId(int minute, int n);
std::string ActionId(int minute, int n);

// Fills the resolutions and actions of `minutes` (its sections', and its
// own for text before the first minute) from its body. Needs the sections'
// heading lines. Reports a "Resolved" without bold, and action fields it
// cannot read, at their file:line:col.
void ParseMinutesRecords(Minutes& minutes, Diagnostics& diag);

}  // namespace clerk
