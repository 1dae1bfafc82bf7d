// RenderSite wires the render stage together:
//   SiteIndex (lookups) + RenderedContent (Markdown, once)
//   -> for each rendition: PageContext (data per page) -> Theme (Mustache)
//   + theme files and <source>/assets/ copied as they are.
#include "render/site_renderer.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "files/program_identity.h"
#include "incremental/records_fingerprint.h"
#include "links/site_links.h"
#include "model/parallel.h"
#include "model/stage_timer.h"
#include "render/content_html.h"
#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/page_context.h"
#include "render/page_pass.h"
#include "render/renditions.h"
#include "render/resident_links.h"
#include "render/site_index.h"
#include "render/templates.h"
#include "render/theme_files.h"
#include "render/urls.h"

namespace clerk {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every regular file under `dir`, as paths relative to it, sorted.
std::vector<std::string> ListFiles(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file())
      files.push_back(fs::relative(it->path(), dir).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool IsTemplate(const std::string& rel) {
  return rel.size() > 9 && rel.compare(rel.size() - 9, 9, ".mustache") == 0;
}

bool IsHidden(const std::string& rel) {
  return rel.empty() || rel[0] == '.' || rel.find("/.") != std::string::npos;
}

}  // namespace

std::vector<Rendition> DefaultRenditions() {
  return {{"standard", "Standard", ""},
          {"large-print", "Large print", "large-print/"},
          {"easy-read", "Easy read", "easy-read/"}};
}

namespace {

// What every page depends on besides its own data: the clerk binary (a new
// clerk may render differently), every theme file, the glossary (terms are
// expanded into the text), the base address and the build's date (what
// "upcoming" and "current" mean). Any change renders all; a page whose
// bytes come out the same is still not written again.
// `glossary`: GlossaryInputs of the site.
Fingerprint SharedInputs(const Site& site, const RenderOptions& options,
                         const ThemeFiles& theme, const Fingerprint& glossary) {
  Hasher h;
  h.Add(ProgramIdentity());
  h.Add(IsoDate(site.today));
  for (const auto& [rel, bytes] : theme.files) h.Add(rel).Add(bytes);
  h.Add(glossary);
  h.Add(options.base_url);
  return h.Finish();
}

// The glossary and the papers' own glossary choices (a walk of every paper
// of the site).
Fingerprint GlossaryInputs(const Site& site) {
  Hasher h;
  AddGlossary(h, site);
  return h.Finish();
}

// Collects files in memory; nothing is ever up to date.
class MemorySink : public OutputSink {
 public:
  bool UpToDate(const std::string&, const Fingerprint&) override { return false; }
  void Put(const std::string& path, const Fingerprint&, std::string content) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files_.push_back({path, std::move(content)});
  }
  std::optional<std::string> Existing(const std::string&) override {
    return std::nullopt;
  }
  std::vector<OutputFile> Take() { return std::move(files_); }

 private:
  std::mutex mutex_;
  std::vector<OutputFile> files_;
};

// What the pages are made from: the index, the rendition extras, the
// Markdown, the list of pages and their dependencies' inputs.
struct Prepared {
  std::unique_ptr<SiteIndex> index;
  std::unique_ptr<RenditionExtras> extras;
  RenderedContent content;
  std::vector<PageJob> jobs;
  DepsInputs deps;
};

// The index and the Markdown read the site and not each other: the index
// (and the rendition extras made from it) is built on its own thread
// meanwhile, unless `kept_index` gives it; the page list is then the last
// build's too (`last`). (The extras are made again even then: they hold
// the site's glossary terms.) The fingerprint of the records,
// which pages' dependencies need, follows the Markdown on this thread
// (unless `records` gives it), and so does the page list, unless the index
// is kept: then the list follows the extras, on the side that is shorter.
// (The fingerprint reads files on every core, and ran slower on the index's
// thread. A third thread gained nothing on two cores: the index only ran
// slower beside it.)
void Prepare(const Site& site, const RenderOptions& opts, OutputSink& sink,
             std::unique_ptr<SiteIndex> kept_index, const Fingerprint* records,
             RenderMemory* last, Prepared& out, Diagnostics& diag, StageTimer& timer) {
  const bool index_kept = kept_index != nullptr;
  // The index is kept only for the same records' keys: so is the page list.
  const bool jobs_kept = index_kept && last && !last->jobs.empty();
  if (jobs_kept) out.jobs = std::move(last->jobs);
  ProgrammeTexts* programmes = last ? &last->programmes : nullptr;
  double index_seconds = 0;  // for CLERK_TIMINGS: the stage is the longer side
  std::future<void> indexing = Beside(opts.jobs, [&] {
    SecondsSince started;
    out.index = index_kept ? std::move(kept_index) : std::make_unique<SiteIndex>(site);
    out.extras = std::make_unique<RenditionExtras>(*out.index, opts.base_url);
    if (index_kept && !jobs_kept) out.jobs = PageJobs(site);
    index_seconds = started.Seconds();
  });
  SecondsSince markdown_started;
  out.content = RenderContent(site, diag, opts.jobs, sink.KnownBodies(),
                              index_kept ? opts.changed_meetings : nullptr, programmes,
                              opts.kept_html);
  if (sink.KeepsDeps()) {
    out.deps.records = records ? *records : RecordsFingerprint(site, opts.jobs);
    out.deps.SetBodies(out.content.bodies);
  }
  if (!index_kept) out.jobs = PageJobs(site);
  const double markdown_seconds = markdown_started.Seconds();
  indexing.get();
  const std::string sides =
      index_kept
          ? "; markdown and records " + StageTimer::Format(markdown_seconds) +
                " beside the extras" + (jobs_kept ? " " : " and page list ") +
                StageTimer::Format(index_seconds) + " (the index" +
                (jobs_kept ? " and page list" : "") + " kept from the last build)"
          : "; markdown, records and page list " + StageTimer::Format(markdown_seconds) +
                " beside index and extras " + StageTimer::Format(index_seconds);
  timer.Mark("index and markdown",
             std::to_string(out.content.DocumentsRendered()) + " papers rendered of " +
                 std::to_string(site.documents.size()) + ", " +
                 std::to_string(out.content.MeetingTextsRendered()) +
                 " minutes and agendas of " +
                 std::to_string(site.minutes.size() + site.meetings.size()) + sides);
}

// Adds the pages the links of `lists` point at, with their anchors, to
// `targets`. With `grown`, gives there the pages this adds, or adds anchors
// to.
void AddTargets(LinkTargets& targets,
                const std::vector<const std::vector<SiteLink>*>& lists,
                std::vector<std::string>* grown = nullptr) {
  for (const std::vector<SiteLink>* links : lists) {
    for (const SiteLink& link : *links) {
      std::optional<SiteLinkTarget> target = ParseSiteLink(link.target);
      if (!target) continue;
      auto [it, added] = targets.try_emplace(target->page);
      if (!target->anchor.empty() && it->second.anchors.insert(target->anchor).second)
        added = true;
      if (added && grown) grown->push_back(target->page);
    }
  }
}

// The bodies whose source is not what the last build rendered: `known`
// (the sink's, the clean ones) or `unclean` (the others).
std::set<std::string> ChangedBodies(const std::map<std::string, BodySummary>& now,
                                    const std::map<std::string, BodySummary>& known,
                                    const std::map<std::string, Fingerprint>& unclean) {
  std::set<std::string> changed;
  auto was = known.begin();
  for (const auto& [key, body] : now) {
    for (; was != known.end() && was->first < key; ++was) changed.insert(was->first);
    if (was != known.end() && was->first == key) {
      if (!(was++->second.source == body.source)) changed.insert(key);
      continue;
    }
    auto other = unclean.find(key);
    if (other == unclean.end() || !(other->second == body.source)) changed.insert(key);
  }
  for (; was != known.end(); ++was) changed.insert(was->first);
  return changed;
}

std::map<std::string, Fingerprint> UncleanSources(
    const std::map<std::string, BodySummary>& bodies) {
  std::map<std::string, Fingerprint> unclean;
  for (const auto& [key, body] : bodies)
    if (!body.clean) unclean.emplace_hint(unclean.end(), key, body.source);
  return unclean;
}

// clerk serve's edit that changed only papers' bodies, with every other
// input as the last build (`last`) had them: the bodies whose source
// changed, and the pages that read one, which are built again; the sink
// has kept every other page. Nothing if the sink has no last build.
struct BodiesEdit {
  std::set<std::string> changed;
  std::vector<size_t> pages;  // of jobs × renditions, as in last.page_paths
};

std::optional<BodiesEdit> PlanBodiesEdit(const RenderMemory& last,
                                         const std::map<std::string, BodySummary>& bodies,
                                         OutputSink& sink, int jobs) {
  const std::map<std::string, BodySummary>* known = sink.KnownBodies();
  if (!known) return std::nullopt;
  BodiesEdit edit;
  edit.changed = ChangedBodies(bodies, *known, last.unclean);
  std::optional<std::vector<size_t>> again =
      sink.KeepPagesNotReading(last.page_paths, last.page_list, edit.changed, jobs);
  if (!again) return std::nullopt;
  edit.pages = std::move(*again);
  return edit;
}

// The links an edit of bodies needs checked: those of the committees'
// remits, the work programmes and the accessibility statement (read on
// every build), and those of the bodies that changed.
std::vector<const std::vector<SiteLink>*> EditLinks(
    const RenderedContent& content, const std::set<std::string>& changed) {
  std::vector<const std::vector<SiteLink>*> lists = {&content.site_links};
  for (const std::string& key : changed) {
    auto it = content.bodies.find(key);
    if (it != content.bodies.end() && !it->second.site_links.empty())
      lists.push_back(&it->second.site_links.links());
  }
  return lists;
}

// Whether an anchor links point at appeared on or went from the page.
bool AnchorsMoved(const LinkTarget& target, const std::vector<std::string>& before) {
  const std::vector<std::string> none;
  const std::vector<std::string>& now = target.ids ? *target.ids : none;
  for (const std::string& anchor : target.anchors) {
    const bool was = std::find(before.begin(), before.end(), anchor) != before.end();
    if (was != (std::find(now.begin(), now.end(), anchor) != now.end())) return true;
  }
  return false;
}

// Theme files (CSS, pictures), not its templates; then the site's own
// files, as they are. Their paths go to `paths`.
void PutThemeAndAssets(const Site& site, const ThemeFiles& theme_files, OutputSink& sink,
                       std::vector<std::string>& paths) {
  auto put_bytes = [&](const std::string& path, std::string bytes) {
    Fingerprint inputs = FingerprintOf(bytes);
    if (!sink.UpToDate(path, inputs)) sink.Put(path, inputs, std::move(bytes));
    paths.push_back(path);
  };
  for (const auto& [rel, bytes] : theme_files.files) {
    if (IsTemplate(rel) || IsHidden(rel)) continue;
    put_bytes(urls::ThemeAsset(rel), bytes);
  }
  // Browsers and feed readers ask for /favicon.ico whatever a page links to:
  // the theme's icon answers there too, not a 404.
  if (const std::string* icon = theme_files.Find("favicon.ico"))
    put_bytes(urls::RootFavicon(), *icon);
  const fs::path assets = fs::path(site.root.empty() ? "." : site.root) / "assets";
  for (const std::string& rel : ListFiles(assets)) {
    if (!IsHidden(rel)) put_bytes(urls::SiteAsset(rel), ReadFile(assets / rel));
  }
}

// Pictures of papers, beside their meeting's page, once for every
// rendition: only those a published paper shows, so a picture in an exempt
// paper (or in none) is never published. Returns every picture a paper may
// show, by its output path, to check links to them.
std::map<std::string, fs::path> PutPictures(
    const Site& site, const std::vector<const std::vector<SiteLink>*>& site_links,
    OutputSink& sink, std::vector<std::string>& paths) {
  const fs::path root = site.root.empty() ? "." : site.root;
  std::map<std::string, fs::path> pictures;
  std::set<std::string> exempt_papers;
  for (const auto& [key, doc] : site.documents) {
    if (doc.images.empty() && !doc.exempt) continue;  // most papers: no look-up
    auto m = site.meetings.find(doc.meeting_id);
    if (m == site.meetings.end()) continue;
    for (const std::string& name : doc.images)
      pictures[urls::MeetingFile(doc.meeting_id, name)] = root / m->second.dir / name;
    if (doc.exempt) exempt_papers.insert(doc.path);
  }
  std::set<std::string> shown;
  for (const std::vector<SiteLink>* links : site_links) {
    for (const SiteLink& link : *links) {
      // A file's name has a dot; most links are to pages, without one.
      if (link.target.find('.') == std::string::npos) continue;
      std::optional<SiteLinkTarget> target = ParseSiteLink(link.target);
      if (!target || !target->file || exempt_papers.count(link.pos.path)) continue;
      auto picture = pictures.find(target->page);
      if (picture == pictures.end() || !shown.insert(picture->first).second) continue;
      std::string bytes = ReadFile(picture->second);
      Fingerprint inputs = FingerprintOf(bytes);
      if (!sink.UpToDate(picture->first, inputs))
        sink.Put(picture->first, inputs, std::move(bytes));
      paths.push_back(picture->first);
    }
  }
  return pictures;
}

// Every file of the site, sorted and once each: the pages and the other
// files (each sorted). A path two of them would be written to
// is an error.
std::vector<std::string> AllPaths(const std::vector<std::string>& pages,
                                  const std::vector<std::string>& files,
                                  Diagnostics& diag) {
  std::vector<std::string> paths;
  paths.reserve(pages.size() + files.size());
  std::merge(pages.begin(), pages.end(), files.begin(), files.end(),
             std::back_inserter(paths));
  for (size_t i = 1; i < paths.size(); ++i) {
    if (paths[i] == paths[i - 1]) {
      diag.Error(SourcePos{paths[i], 0, 0},
                 "two pages would be written to the same file '" + paths[i] + "'");
    }
  }
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

// "@/" links in the content must reach a page and an anchor on it; the
// standard rendition has every page and anchor the others have.
void CheckLinks(const std::vector<const std::vector<SiteLink>*>& lists,
                const LinkTargets& targets, const std::vector<std::string>& paths,
                const std::map<std::string, fs::path>& pictures, Diagnostics& diag) {
  auto is_page = [](const std::string& path) {
    return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
  };
  CheckSiteLinks(
      lists,
      [&](const std::string& path) -> const std::vector<std::string>* {
        static const std::vector<std::string> kNone;
        if (auto it = targets.find(path); it != targets.end() && it->second.is_page)
          return it->second.ids ? &*it->second.ids : &kNone;
        const bool exists = std::binary_search(paths.begin(), paths.end(), path);
        // A file link ("@/assets/map.pdf") needs the file, not a page.
        if (!exists || !is_page(path))
          return exists || pictures.count(path) ? &kNone : nullptr;
        auto it = targets.find(path);
        return it == targets.end() || !it->second.ids ? &kNone : &*it->second.ids;
      },
      [&] {
        std::vector<std::string> pages;
        for (const std::string& p : paths)
          if (is_page(p)) pages.push_back(p);
        return pages;
      },
      diag);
}

}  // namespace

std::optional<std::vector<std::string>> OutputSink::ExistingIds(
    const std::string& path, const std::set<std::string>&) {
  std::optional<std::string> html = Existing(path);
  if (!html) return std::nullopt;
  return HtmlIds(*html);
}

namespace {

// One render of the site: what it reads, what it makes, and its steps.
class SiteRender {
 public:
  SiteRender(const Site& site, const RenderOptions& options, OutputSink& sink,
             Diagnostics& diag);
  RenderStats Run();

 private:
  // The theme, the index and the Markdown; false on an error.
  bool SetUp();
  // The pages links point at: all of them, or those of the last build and
  // an edit's (`grown_`: those it added, or added anchors to).
  void FindTargets();
  // Every page, or an edit's. True if every link must then be checked.
  bool RenderPages();
  bool RenderEditPages(const PageInputs& in, PagePass& pass);
  // The other files, every path of the site, and the link check.
  void FinishFiles(bool check_all);
  // The site's paths (RenderStats::paths) from the pages and `files`.
  void SetPaths(std::vector<std::string> files);
  // What the next render of clerk serve goes by (RenderOptions::memory).
  void Remember();

  const Site& site_;
  RenderOptions opts_;
  OutputSink& sink_;
  Diagnostics& diag_;
  StageTimer timer_;
  RenderStats stats_;
  // The last build's memory, taken: a render stopped by an error leaves
  // nothing to go by.
  RenderMemory last_;
  ThemeFiles theme_files_;  // every theme file, read once
  Fingerprint shared_, glossary_;
  Prepared prep_;
  const std::vector<Rendition> renditions_ = DefaultRenditions();
  std::optional<BodiesEdit> edit_;
  std::vector<const std::vector<SiteLink>*> site_links_;
  LinkTargets targets_;
  std::vector<std::string> grown_, page_paths_, sorted_pages_, files_;
  uint64_t page_list_ = 0;  // RenderMemory::page_list
};

SiteRender::SiteRender(const Site& site, const RenderOptions& options, OutputSink& sink,
                       Diagnostics& diag)
    : site_(site), opts_(options), sink_(sink), diag_(diag) {
  if (opts_.base_url.empty()) opts_.base_url = site.config.base_url;
  if (opts_.memory) std::swap(last_, *opts_.memory);
}

RenderStats SiteRender::Run() {
  if (!SetUp()) return std::move(stats_);
  FindTargets();
  timer_.Mark("render setup");
  const bool check_all = RenderPages();
  FinishFiles(check_all);
  if (opts_.memory) Remember();
  // Last: the links checked point into the bodies.
  sink_.RecordBodies(std::move(prep_.content.bodies));
  if (opts_.kept_index) *opts_.kept_index = std::move(prep_.index);
  return std::move(stats_);
}

bool SiteRender::SetUp() {
  theme_files_ = ThemeFiles::Read(opts_.theme_dir);
  std::unique_ptr<SiteIndex> kept_index;
  if (opts_.kept_index && opts_.kept_index_fits && *opts_.kept_index) {
    kept_index = std::move(*opts_.kept_index);
    kept_index->MoveTo(site_);
  }
  // The index is kept only when no file but a meeting folder's changed and
  // the records are as they were: the glossary and the papers' choices too.
  glossary_ = kept_index && last_.valid ? last_.glossary : GlossaryInputs(site_);
  shared_ = SharedInputs(site_, opts_, theme_files_, glossary_);
  stats_.index_kept = kept_index != nullptr;
  // The index is kept only when nothing but papers' bodies changed: with
  // the shared inputs as they were too, every page that reads none of the
  // bodies that changed is as the last build left it.
  const bool bodies_only =
      stats_.index_kept && last_.valid && last_.shared == shared_ && sink_.KeepsDeps();
  Prepare(site_, opts_, sink_, std::move(kept_index),
          bodies_only ? &last_.records : opts_.records, opts_.memory ? &last_ : nullptr,
          prep_, diag_, timer_);
  // A theme without templates: said once here, not once per page of a large
  // site. (A template missing is said once too: Diagnostics drops repeats.)
  for (const Rendition& each : renditions_) {
    Theme theme;
    theme.Load(theme_files_, each, diag_);
  }
  if (diag_.HasErrors()) return false;
  if (bodies_only && last_.page_paths.size() == prep_.jobs.size() * renditions_.size())
    edit_ = PlanBodiesEdit(last_, prep_.content.bodies, sink_, opts_.jobs);
  if (!edit_) prep_.deps.IndexBodies();  // every page is looked at
  return true;
}

void SiteRender::FindTargets() {
  // Pages that "@/" links point at, with the anchors they point at: their
  // ids are kept for the link check.
  if (edit_) {
    targets_ = std::move(last_.targets);
    AddTargets(targets_, EditLinks(prep_.content, edit_->changed), &grown_);
    page_paths_ = std::move(last_.page_paths);
    page_list_ = last_.page_list;
    return;
  }
  site_links_ = prep_.content.SiteLinks();
  size_t link_count = 0;  // room made once, not grown by rehashing
  for (const std::vector<SiteLink>* links : site_links_) link_count += links->size();
  targets_.reserve(link_count);
  AddTargets(targets_, site_links_);
  page_paths_.resize(prep_.jobs.size() * renditions_.size());
  // Unique in the process: a session's lists are told apart by it.
  static std::atomic<uint64_t> lists{0};
  page_list_ = ++lists;
}

bool SiteRender::RenderPages() {
  ResidentLinks resident_links(*prep_.index, opts_.base_url);
  GlossaryExpander glossary(site_);
  const PageInputs in{
      opts_,         sink_,         renditions_,      prep_.jobs, *prep_.index,
      *prep_.extras, prep_.content, resident_links,   glossary,   theme_files_,
      shared_,       prep_.deps,    sink_.KeepsDeps()};
  PagePass pass(in, targets_, page_paths_);
  bool check_all = true;
  if (edit_)
    check_all = RenderEditPages(in, pass);
  else {
    const std::vector<size_t> order = BuildOrder(prep_.jobs, renditions_.size());
    ParallelFor(order.size(), opts_.jobs,
                [&](size_t k, int thread) { pass.Render(order[k], thread); });
  }
  stats_.bodies_edit = edit_.has_value();
  stats_.built = pass.built();
  stats_.records = prep_.deps.records;
  stats_.rendered = pass.rendered();
  stats_.up_to_date = page_paths_.size() - stats_.rendered;
  timer_.Mark("pages", std::to_string(stats_.built) + " built, " +
                           std::to_string(stats_.rendered) + " rendered of " +
                           std::to_string(page_paths_.size()) +
                           (edit_ ? "; only the pages that read the " +
                                        std::to_string(edit_->changed.size()) +
                                        " bodies that changed were looked at"
                                  : ""));
  diag_.Merge(prep_.content.TakeLateErrors());
  diag_.Merge(pass.TakeDiagnostics());
  return check_all;
}

// Builds the pages of a bodies edit (the sink has kept the others), then
// finds the ids of pages whose anchors the edit's links added. True if an
// anchor that links point at appeared on or went from a page built again:
// then every link is checked, not just the edit's.
bool SiteRender::RenderEditPages(const PageInputs& in, PagePass& pass) {
  std::map<std::string, std::vector<std::string>> before;  // targets built again
  for (size_t i : edit_->pages) {
    if (i >= prep_.jobs.size()) continue;  // the standard rendition has every anchor
    auto it = targets_.find(page_paths_[i]);
    if (it != targets_.end() && !it->second.anchors.empty())
      before[it->first] = it->second.ids.value_or(std::vector<std::string>{});
  }
  for (const std::string& path : grown_) targets_[path].ids.reset();
  pass.CountDone(page_paths_.size() - edit_->pages.size());
  ParallelFor(edit_->pages.size(), opts_.jobs,
              [&](size_t k, int thread) { pass.Render(edit_->pages[k], thread); });
  for (const std::string& path : grown_) {
    LinkTarget& target = targets_[path];
    if (!target.ids && !target.anchors.empty() && !before.count(path))
      target.ids = in.sink.ExistingIds(path, target.anchors);
  }
  for (const auto& [path, ids] : before)
    if (AnchorsMoved(targets_.at(path), ids)) return true;
  return false;
}

void SiteRender::FinishFiles(bool check_all) {
  std::vector<std::string> files;
  PutThemeAndAssets(site_, theme_files_, sink_, files);
  const std::map<std::string, fs::path> pictures =
      PutPictures(site_, prep_.content.FileSiteLinks(), sink_, files);
  SetPaths(std::move(files));
  // An edit's pages made no list of every link: made now if it must check all.
  if (check_all && site_links_.empty()) site_links_ = prep_.content.SiteLinks();
  CheckLinks(check_all ? site_links_ : EditLinks(prep_.content, edit_->changed), targets_,
             *stats_.paths, pictures, diag_);
  timer_.Mark("assets and link check", check_all ? "" : "the edited bodies' links");
}

void SiteRender::SetPaths(std::vector<std::string> files) {
  std::sort(files.begin(), files.end());
  if (edit_) {
    sorted_pages_ = std::move(last_.sorted_pages);
    // The same pages; the same other files too, most often.
    if (last_.paths && files == last_.files) {
      stats_.paths = std::move(last_.paths);
      files_ = std::move(files);
      return;
    }
  } else {
    sorted_pages_ = opts_.memory ? page_paths_ : std::move(page_paths_);
    std::sort(sorted_pages_.begin(), sorted_pages_.end());
  }
  stats_.paths = std::make_shared<const std::vector<std::string>>(
      AllPaths(opts_.memory ? sorted_pages_ : std::move(sorted_pages_), files, diag_));
  files_ = std::move(files);
}

void SiteRender::Remember() {
  RenderMemory& next = *opts_.memory;
  next.shared = shared_;
  next.glossary = glossary_;
  next.records = prep_.deps.records;
  next.jobs = std::move(prep_.jobs);
  next.page_paths = std::move(page_paths_);
  next.page_list = page_list_;
  next.sorted_pages = std::move(sorted_pages_);
  next.files = std::move(files_);
  next.paths = stats_.paths;
  next.targets = std::move(targets_);
  next.unclean = UncleanSources(prep_.content.bodies);
  next.programmes = std::move(last_.programmes);
  next.valid = !diag_.HasErrors();
}

}  // namespace

RenderStats RenderSite(const Site& site, const RenderOptions& options, OutputSink& sink,
                       Diagnostics& diag) {
  return SiteRender(site, options, sink, diag).Run();
}

std::vector<OutputFile> RenderSite(const Site& site, const RenderOptions& options,
                                   Diagnostics& diag) {
  MemorySink sink;
  RenderSite(site, options, sink, diag);
  std::vector<OutputFile> files = sink.Take();
  std::sort(files.begin(), files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const OutputFile& a, const OutputFile& b) {
                            return a.path == b.path;
                          }),
              files.end());
  return files;
}

}  // namespace clerk
