// Every piece of Markdown in the site rendered to HTML exactly once, before
// any page is built, so renditions share the result and each problem is
// reported once. Fragments that share a page get distinct footnote ids and
// avoid the ids the templates use.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "incremental/body_summary.h"
#include "model/diagnostics.h"
#include "model/fingerprint.h"
#include "model/model.h"
#include "render/markdown.h"

namespace clerk {

struct MinuteHtml {
  int number = 0;
  std::string title;  // heading text: "609 West Mercia Youth Justice Service"
  std::string html;   // the section's body, without its heading
};

struct MinutesHtml {
  std::string preamble;  // text before the first minute, if any
  std::vector<MinuteHtml> sections;
  // The HTML of every resolution and action (its paragraph and the list
  // that belongs to it), by id: "resolution-609-1".
  std::map<std::string, std::string> decision_html;

  std::string DecisionHtml(const std::string& id) const {
    auto it = decision_html.find(id);
    return it == decision_html.end() ? std::string() : it->second;
  }
};

// A meeting's notice and its agenda items' purposes, rendered together
// (they share the meeting page, so their ids are kept apart).
struct AgendaHtml {
  std::string notice;
  std::map<std::string, std::string> purposes;  // item full number -> html

  // The purpose of item `full_number`, or "" if it has none.
  std::string Purpose(const std::string& full_number) const {
    auto it = purposes.find(full_number);
    return it == purposes.end() ? std::string() : it->second;
  }
};

struct DocumentHtml {
  std::string body;
  std::vector<MarkdownHeading> headings;               // for a contents list
  std::map<std::string, std::string> recommendations;  // recommendation id -> html
};

// The fingerprint of everything a paper's rendered body (DocumentHtml) is
// made from: its Markdown, recommendations, title, where it sits in its
// file, whether it is exempt, and the clerk binary that renders it.
Fingerprint BodySource(const Document& doc);

// What RenderContent rendered of each work programme's rows, by programme
// id: clerk serve keeps it from one build to the next (RenderMemory), as a
// large site has a thousand programmes and an edit changes one at most.
struct ProgrammeTexts {
  struct Programme {
    Fingerprint source;             // the rows' descriptions and their places
    std::vector<std::string> rows;  // each row's description as HTML, or ""
    std::vector<MarkdownSiteLink> links;
    Diagnostics diag;  // said again by every build that uses it
  };
  using Map = std::map<std::string, Programme>;
  Map by_id;
};

struct RenderedContent {
  RenderedContent();
  ~RenderedContent();
  RenderedContent(RenderedContent&&) noexcept;
  RenderedContent& operator=(RenderedContent&&) noexcept;

  std::map<std::string, std::string> remits;  // committee id
  // Every paper ("<meeting>/<document>"), minutes ("minutes:<meeting>") and
  // agenda ("agenda:<meeting>"), rendered or not -> its summary.
  std::map<std::string, BodySummary> bodies;
  std::map<std::string, std::vector<std::string>>
      work_programme_rows;  // wp id -> row html
  std::string accessibility;
  // The "@/" links of the committees' remits, the work programmes and the
  // accessibility statement; those of papers, minutes and agendas are in
  // `bodies`. SiteLinks() gives them all, for checking once all pages exist.
  std::vector<MarkdownSiteLink> site_links;
  // Every "@/" link in the content: `site_links`, then each body's in key
  // order. Pointers into this object, which must outlive them.
  std::vector<const std::vector<SiteLink>*> SiteLinks() const;
  // The same, but of the bodies only those with a link that may point at a
  // file (SiteLinkList::to_files).
  std::vector<const std::vector<SiteLink>*> FileSiteLinks() const;

  // A paper's rendered body ("<meeting>/<document>"), or null if there is no
  // such paper. A paper left unrendered (see RenderContent) is rendered on
  // first use. Past the bytes of each kind's HTML RenderContent was given to
  // keep, a paper's texts are kept packed, and each call gives a copy of
  // them unpacked, freed with the last pointer. Safe from several threads at
  // once.
  std::shared_ptr<const DocumentHtml> Document(const std::string& key) const;
  // The same for a meeting's minutes and its agenda (by meeting id).
  std::shared_ptr<const MinutesHtml> Minutes(const std::string& meeting_id) const;
  std::shared_ptr<const AgendaHtml> Agenda(const std::string& meeting_id) const;
  // Errors met rendering on first use (a paper's file changed while
  // building), once all pages are built; not thread-safe.
  Diagnostics TakeLateErrors();
  // The number of papers, and of minutes and agendas, rendered so far.
  size_t DocumentsRendered() const;
  size_t MeetingTextsRendered() const;

 private:
  friend RenderedContent RenderContent(const Site&, Diagnostics&, int,
                                       const std::map<std::string, BodySummary>*,
                                       const std::set<std::string>*, ProgrammeTexts*,
                                       size_t);
  struct Lazy;
  std::unique_ptr<Lazy> lazy_;
};

// Ids the page templates use; Markdown headings never take them.
const std::vector<std::string>& TemplateIds();

// The bytes of papers' rendered HTML, and of minutes', that
// RenderContent keeps as they are for their pages, unless told otherwise.
// A council's archive renders to far more (about 500 MB at 10,000
// meetings), all held from the Markdown stage until the last page is
// built: past them a text is kept packed (render/packed_text.h), under a
// third of its size, and unpacked for each page that shows it, which costs
// far less than rendering it again. At 10,000 meetings a budget of 32 MB
// instead of 8 built the pages 10 % faster and peaked 38 MB higher
// (docs/benchmarks.md).
inline constexpr size_t kKeptHtml = size_t{8} << 20;

// `jobs`: threads that render documents side by side. A paper, minutes or
// agenda whose source fingerprint matches its entry in `known` (what the
// last build rendered, without a warning) is not rendered now: its links
// come from `known`, and it is rendered only if a page asks for it
// (rendering the same source again can report nothing new). With
// `only_meetings` (clerk serve's edit, RenderOptions::changed_meetings),
// the texts of every other meeting that `known` has are taken as it has
// them, their source not worked out again. `programmes` is given what this
// call rendered of the work programmes; with `only_meetings` too (so the
// programmes' files are as they were), a programme whose rows are as the
// last call left them there is taken from it, not rendered again.
// `kept_html`: see kKeptHtml; the summaries and links are kept whatever it
// is. The result renders texts left for later from `site`'s records, and
// finds them by `site`'s own keys: `site` must outlive it.
RenderedContent RenderContent(const Site& site, Diagnostics& diag, int jobs = 1,
                              const std::map<std::string, BodySummary>* known = nullptr,
                              const std::set<std::string>* only_meetings = nullptr,
                              ProgrammeTexts* programmes = nullptr,
                              size_t kept_html = kKeptHtml);

}  // namespace clerk
