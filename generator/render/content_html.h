// Every piece of Markdown in the site rendered to HTML exactly once, before
// any page is built, so renditions share the result and each problem is
// reported once. Fragments that share a page get distinct footnote ids and
// avoid the ids the templates use.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"
#include "render/markdown.h"

namespace clerk {

struct MinuteHtml {
  int number = 0;
  std::string title;  // heading text: "609 West Mercia Youth Justice Service"
  std::string html;   // the section's body, without its heading
  std::vector<MarkdownDecision> decisions;  // its resolutions and actions
};

struct MinutesHtml {
  std::string preamble;  // text before the first minute, if any
  std::vector<MinuteHtml> sections;
};

struct DocumentHtml {
  std::string body;
  std::vector<MarkdownHeading> headings;  // for a contents list
  std::map<std::string, std::string> recommendations;  // recommendation id -> html
};

struct RenderedContent {
  std::map<std::string, std::string> remits;     // committee id
  std::map<std::string, std::string> notices;    // meeting id
  std::map<std::string, std::string> purposes;   // "<meeting>/<item full number>"
  std::map<std::string, DocumentHtml> documents; // "<meeting>/<document>"
  std::map<std::string, MinutesHtml> minutes;    // meeting id
  std::map<std::string, std::vector<std::string>> work_programme_rows;  // wp id -> row html
  std::string accessibility;
  // Every "@/" link in the content, with its position, for checking once
  // all pages exist.
  std::vector<MarkdownSiteLink> site_links;
};

// Ids the page templates use; Markdown headings never take them.
const std::vector<std::string>& TemplateIds();

// `jobs`: threads that render documents side by side.
RenderedContent RenderContent(const Site& site, Diagnostics& diag, int jobs = 1);

}  // namespace clerk
