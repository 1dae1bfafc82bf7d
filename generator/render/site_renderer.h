// The render stage: turns a loaded, validated Site into the files of the
// website, in memory. Nothing is written to disk here (the output stage does
// that), so `clerk check` can render everything and still write nothing.
//
// A rendition (standard, large print, easy read) is a parameter: the same page
// model is rendered once per rendition with that rendition's templates and CSS.
// Markdown is parsed once per document, not once per rendition.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/fingerprint.h"
#include "model/model.h"
#include "render/content_html.h"
#include "render/render_memory.h"

namespace clerk {

struct SiteIndex;  // render/site_index.h

struct Rendition {
  std::string id;      // "standard", "large-print", "easy-read"
  std::string label;   // "Standard", "Large print", "Easy read"
  std::string prefix;  // output folder: "" for standard, "large-print/" ...
};

// The renditions this build produces: standard, large print, easy read.
std::vector<Rendition> DefaultRenditions();

struct OutputFile {
  std::string
      path;  // relative to the output root, '/'-separated: "meetings/x/index.html"
  std::string content;  // bytes to write
};

// Takes files one at a time as they are made.
using OutputFileSink = std::function<void(OutputFile)>;

struct RenderOptions {
  std::string theme_dir;  // themes/default: templates/*.mustache, css, images
  std::string base_url;   // from --base-url or site.yaml; may be empty
  int jobs = 1;           // threads that render pages side by side
  // Called now and then from the rendering threads with pages done so far.
  std::function<void(size_t done, size_t total)> progress;
  // clerk serve's: where the index of the site rendered is left for the next
  // build (not left if rendering stops on an error). With `kept_index_fits`,
  // it holds one to use instead of making one: the index of records just
  // like this site's, over the very meeting objects it holds
  // (SiteIndex::MoveTo).
  std::unique_ptr<SiteIndex>* kept_index = nullptr;
  bool kept_index_fits = false;
  // clerk serve's: what the last build's render left, and where this one
  // leaves its own (render/render_memory.h). When the index is kept and
  // every input but papers' bodies is as it was, only the pages that read a
  // body whose source changed are looked at, the sink keeping the others
  // (OutputSink::KeepPagesNotReading), and only the changed bodies' links
  // are checked, unless a page built again lost or gained an anchor that
  // links point at.
  RenderMemory* memory = nullptr;
  // clerk serve's edit in which nothing but papers' bodies changed, and
  // only in these meeting folders (with kept_index_fits): every other
  // meeting's texts are as the last build rendered them.
  const std::set<std::string>* changed_meetings = nullptr;
  // The records' fingerprint (incremental/records_fingerprint.h), if the
  // build worked it out already for this very site.
  const Fingerprint* records = nullptr;
  // The bytes of each kind's HTML the Markdown stage keeps for their pages
  // (kKeptHtml in render/content_html.h).
  size_t kept_html = kKeptHtml;
};

// What a page was built from besides the inputs every page shares: the
// site's records (incremental/records_fingerprint.h) and the paper bodies it
// read. Kept per page, so the next build can tell that a page is unchanged
// without building its data.
struct PageDeps {
  Fingerprint fingerprint;          // of the shared inputs, the records and those bodies
  std::vector<std::string> bodies;  // keys ("<meeting>/<document>") of the bodies read
};

// Where rendered files go: the output stage implements it (and tests fake
// it). Every method may be called from several threads at once.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // True if the sink keeps PageDeps between builds (the methods below do
  // something); rendering then works them out.
  virtual bool KeepsDeps() const { return false; }
  // The dependencies the last build recorded for `path`, if any. The bodies
  // are the sink's own (not copied: this is asked for every page), valid
  // until the build ends.
  struct LastPageDeps {
    Fingerprint fingerprint;
    const std::vector<std::string>* bodies = nullptr;
  };
  virtual std::optional<LastPageDeps> LastDeps(const std::string&) {
    return std::nullopt;
  }
  // Keeps `path` exactly as the last build left it, if its file is still as
  // it was written; false otherwise.
  virtual bool Keep(const std::string&) { return false; }
  // What `path` (just found up to date, or put) was built from.
  virtual void RecordDeps(const std::string&, PageDeps) {}
  // What the last build knew of each paper's body (see RenderContent), or
  // null; and what this build knows, for the next.
  virtual const std::map<std::string, BodySummary>* KnownBodies() { return nullptr; }
  // Keeps every file the last build recorded with these dependencies, if
  // there are any and all are intact, and returns their paths; else keeps
  // nothing and returns none.
  virtual std::vector<std::string> KeepAllWithDeps(const Fingerprint&) { return {}; }
  // Of `pages` (paths of the last build's pages), keeps, with their ids
  // (ExistingIds), each the last build recorded PageDeps for that read
  // none of `bodies`, if its file is as written; returns the positions in
  // `pages` of the others, in order, which the caller must build again; on
  // `jobs` threads. Nothing (and nothing kept) if the sink has no last build.
  // `list`: the id the render gave this page list (RenderMemory::page_list),
  // so a sink may keep what it found of the same list last time.
  virtual std::optional<std::vector<size_t>> KeepPagesNotReading(
      const std::vector<std::string>& /*pages*/, uint64_t /*list*/,
      const std::set<std::string>& /*bodies*/, int /*jobs*/) {
    return std::nullopt;
  }
  virtual void RecordBodies(std::map<std::string, BodySummary>) {}

  // True if `path` was built before from inputs with this fingerprint and
  // is still there as it was written: it is then neither rendered nor
  // written again.
  virtual bool UpToDate(const std::string& path, const Fingerprint& inputs) = 0;
  // A rendered file and the fingerprint of what it was made from.
  virtual void Put(const std::string& path, const Fingerprint& inputs,
                   std::string content) = 0;
  // An up-to-date file as it is on disk (for the link check), if readable.
  virtual std::optional<std::string> Existing(const std::string& path) = 0;
  // The ids in an up-to-date page that links point at (for the link
  // check), if readable: all of them, read from Existing() by default. A
  // sink may remember the linked ones between builds and give just those,
  // but only if every id in `linked` is among them (else a missing anchor
  // gets its "did you mean" from every id of the page).
  virtual std::optional<std::vector<std::string>> ExistingIds(
      const std::string& path, const std::set<std::string>& linked);
  // The ids of a page just put, and those links point at, for a sink that
  // remembers the linked ones.
  virtual void RecordIds(const std::string&, const std::vector<std::string>&,
                         const std::set<std::string>&) {}
};

// Keeps nothing (clerk check renders everything to find every problem).
class DiscardSink : public OutputSink {
 public:
  bool UpToDate(const std::string&, const Fingerprint&) override { return false; }
  void Put(const std::string&, const Fingerprint&, std::string) override {}
  std::optional<std::string> Existing(const std::string&) override {
    return std::nullopt;
  }
};

struct RenderStats {
  // Every file of the render stage, sorted (shared with RenderMemory).
  std::shared_ptr<const std::vector<std::string>> paths =
      std::make_shared<const std::vector<std::string>>();
  size_t resident_files = 0;  // made after it: feeds, calendars, data, sitemap
  size_t files() const { return paths->size() + resident_files; }
  Fingerprint records;      // incremental/records_fingerprint.h; zero if not worked out
  size_t built = 0;         // pages whose data was built
  size_t rendered = 0;      // pages rendered and handed to the sink
  size_t up_to_date = 0;    // pages the sink already had
  bool index_kept = false;  // the index came from RenderOptions::kept_index
  // Only the pages that read a body that changed were looked at
  // (RenderOptions::memory).
  bool bodies_edit = false;
};

// Renders every page of every rendition, plus theme assets (CSS, images) and
// everything under <source>/assets/, into `sink`. A page whose inputs (its
// data, the theme, the glossary, the clerk binary) are unchanged since the
// last build is skipped; if the sink keeps PageDeps, a page whose records
// and paper bodies are unchanged is not even built, and papers the sink
// already knows are rendered only for the pages built. Problems found while rendering
// (raw HTML in Markdown, unsafe link schemes, missing templates, "@/" links to no page or
// anchor) go to `diag` with their file:line:col. Output is byte-for-byte
// deterministic whatever `jobs` is.
RenderStats RenderSite(const Site& site, const RenderOptions& options, OutputSink& sink,
                       Diagnostics& diag);

// The same, collected in memory and sorted by path (tests, small sites).
std::vector<OutputFile> RenderSite(const Site& site, const RenderOptions& options,
                                   Diagnostics& diag);

}  // namespace clerk
