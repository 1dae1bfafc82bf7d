// The page loop of the render stage: builds, renders and hands to the sink
// one page of one rendition, or keeps it when the sink already has it.
// RenderSite (site_renderer.cpp) runs it over every page side by side, or
// over just the pages an edit touched.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/diagnostics.h"
#include "model/fingerprint.h"
#include "render/content_html.h"
#include "render/glossary_terms.h"
#include "render/page_context.h"
#include "render/render_memory.h"
#include "render/renditions.h"
#include "render/resident_links.h"
#include "render/site_renderer.h"
#include "render/templates.h"
#include "render/theme_files.h"

namespace clerk {

// What pages depend on besides the shared inputs and their own path: the
// records, and a fingerprint per paper body, to hash the bodies a page read.
struct DepsInputs {
  Fingerprint records;
  // The bodies (RenderedContent::bodies, which must outlive this), set
  // before the pages are built and not changed while they are.
  const std::map<std::string, BodySummary>* bodies = nullptr;
  // Their sources in a hash map, when every page is looked at (IndexBodies):
  // each looks up the bodies it read, a few hundred thousand look-ups, and
  // the ordered map's keys share long date prefixes. An edit that builds a
  // few pages looks them up in `bodies` instead of making this.
  std::unordered_map<std::string_view, Fingerprint> sources;

  void SetBodies(const std::map<std::string, BodySummary>& all) { bodies = &all; }
  void IndexBodies();
  Fingerprint Of(const Fingerprint& shared, const Rendition& rendition,
                 const std::string& path, const std::vector<std::string>& read) const;
  // The body's source; zero if there is no such body.
  Fingerprint SourceOf(const std::string& key) const;
};

// True if the sink can keep these keys of bodies a page read (they go into
// the build log between commas and spaces).
bool LoggableKeys(const std::vector<std::string>& keys);

// Everything the page loop reads, set up once by RenderSite.
struct PageInputs {
  const RenderOptions& options;
  OutputSink& sink;
  const std::vector<Rendition>& renditions;
  const std::vector<PageJob>& jobs;
  const SiteIndex& index;
  const RenditionExtras& extras;
  const RenderedContent& content;
  const ResidentLinks& resident_links;
  const GlossaryExpander& glossary;
  const ThemeFiles& theme_files;
  const Fingerprint& shared;
  const DepsInputs& deps;
  bool track_deps = false;  // OutputSink::KeepsDeps
};

class PagePass {
 public:
  // `targets`: the pages "@/" links point at, whose ids it fills in;
  // `page_paths`: one slot per page, each filled with its path.
  PagePass(const PageInputs& in, LinkTargets& targets,
           std::vector<std::string>& page_paths);

  // Page `i` of jobs × renditions (rendition by rendition), on rendering
  // thread `thread` (0 to options.jobs - 1). Safe from several threads.
  void Render(size_t i, int thread);
  // Counts `n` pages as done without a look (kept by the sink in one go).
  void CountDone(size_t n) { done_ += n; }

  size_t built() const { return built_; }
  size_t rendered() const { return rendered_; }
  // Problems found building pages, from every thread.
  Diagnostics TakeDiagnostics();

 private:
  // What one rendering thread keeps: its templates and page builders (one
  // per rendition; they are not shared between threads) and diagnostics.
  struct Worker {
    std::vector<std::unique_ptr<Theme>> themes;
    std::vector<std::unique_ptr<PageContext>> contexts;
    Diagnostics diag;
    // The data the renditions of the last page built share (PageData::common),
    // with what it was made from: the page's renditions come one after
    // another (BuildOrder), so it is made once for all of them.
    struct Common {
      std::string key;  // the page's job key; "" when none is kept
      std::string template_name;
      std::shared_ptr<const nlohmann::json> data;
      Fingerprint fingerprint;          // of `data` (HashJson)
      std::vector<std::string> bodies;  // the bodies read making it
    } common;
  };
  // The page's data in rendition `r`, and the bodies read making it.
  PageData BuildData(Worker& w, size_t r, const PageJob& job,
                     std::vector<std::string>& bodies_read);
  // True if the page is as the last build left it (its records and the
  // bodies it read unchanged, its file as written): kept, not built.
  bool KeptUnbuilt(const Rendition& rendition, const std::string& path);
  // Builds the page's data; renders and puts it unless the sink has it.
  void BuildAndPut(Worker& w, size_t r, const PageJob& job, const std::string& path,
                   LinkTarget* target);
  std::string RenderHtml(Worker& w, size_t r, PageData& page) const;
  // Sets the ids of a page links point at (with anchors) from the sink.
  void KeepTargetIds(const std::string& path, LinkTarget* target);
  void Progress();

  const PageInputs& in_;
  LinkTargets& targets_;
  std::vector<std::string>& page_paths_;
  std::vector<Worker> workers_;
  std::mutex ids_mutex_;  // see LinkTarget
  std::atomic<size_t> done_{0}, built_{0}, rendered_{0};
  const size_t total_;
};

}  // namespace clerk
