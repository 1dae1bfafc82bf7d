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

#include "files/program_identity.h"
#include "incremental/records_fingerprint.h"
#include "links/site_links.h"
#include "model/parallel.h"
#include "model/stage_timer.h"
#include "render/content_html.h"
#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/page_context.h"
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
Fingerprint SharedInputs(const Site& site, const RenderOptions& options,
                         const ThemeFiles& theme) {
  Hasher h;
  h.Add(ProgramIdentity());
  h.Add(IsoDate(site.today));
  for (const auto& [rel, bytes] : theme.files) h.Add(rel).Add(bytes);
  AddGlossary(h, site);
  h.Add(options.base_url);
  return h.Finish();
}

// Writes a page's data as the bytes Hasher::Add would feed for each piece
// (its size, then its bytes), into one buffer hashed at the end: XXH3's
// streaming update per small piece was most of the cost. No serialising
// with dump() either, which escapes every string. A type tag before each
// value keeps [1] and "1" and {"1":null} apart.
void AppendFramed(std::string& out, std::string_view bytes) {
  const uint64_t size = bytes.size();
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
  out.append(bytes);
}

void FrameJson(std::string& out, const nlohmann::json& value) {
  using Type = nlohmann::json::value_t;
  const char tag = static_cast<char>(value.type());
  AppendFramed(out, std::string_view(&tag, 1));
  switch (value.type()) {
    case Type::object:
      for (const auto& [key, item] : value.get_ref<const nlohmann::json::object_t&>()) {
        AppendFramed(out, key);
        FrameJson(out, item);
      }
      AppendFramed(out, "}");
      break;
    case Type::array:
      for (const auto& item : value) FrameJson(out, item);
      AppendFramed(out, "]");
      break;
    case Type::string:
      AppendFramed(out, value.get_ref<const std::string&>());
      break;
    case Type::boolean:
      AppendFramed(out, value.get<bool>() ? "true" : "false");
      break;
    case Type::null:
      AppendFramed(out, "null");
      break;
    default:
      AppendFramed(out, value.dump());  // numbers: short
  }
}

void HashJson(Hasher& h, const nlohmann::json& value) {
  std::string framed;
  framed.reserve(16 * 1024);
  FrameJson(framed, value);
  h.AddRaw(framed);
}

// Keys of bodies go into the build log between commas and spaces.
bool LoggableKeys(const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    if (key.empty() || key.find_first_of(", \n\r") != std::string::npos) return false;
  }
  return true;
}

// What pages depend on besides the shared inputs and their own path: the
// records, and a fingerprint per paper body, to hash the bodies a page read.
struct DepsInputs {
  Fingerprint records;
  // The source of each body (RenderedContent::bodies, which must outlive
  // this), set before the pages are built and not changed while they are: a
  // hash map, as every page looks up the bodies it read (a few hundred
  // thousand look-ups), and the ordered map's keys share long date prefixes.
  std::unordered_map<std::string_view, Fingerprint> sources;

  void SetBodies(const std::map<std::string, BodySummary>& bodies) {
    sources.reserve(bodies.size());
    for (const auto& [key, body] : bodies) sources.emplace(key, body.source);
  }

  Fingerprint Of(const Fingerprint& shared, const Rendition& rendition,
                 const std::string& path, const std::vector<std::string>& read) const {
    Hasher h;
    h.Add(shared).Add(records).Add(rendition.id).Add(path);
    for (const std::string& key : read) {
      auto it = sources.find(key);
      h.Add(key).Add(it == sources.end() ? Fingerprint{} : it->second);
    }
    return h.Finish();
  }
};

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

// What one rendering thread keeps: its templates and page builders (one per
// rendition; they are not shared between threads), its diagnostics, and the
// ids of the pages "@/" links point at.
struct Worker {
  std::vector<std::unique_ptr<Theme>> themes;
  std::vector<std::unique_ptr<PageContext>> contexts;
  Diagnostics diag;
};

// A page "@/" links point at: the anchors they point at, and (once the page
// is built or kept) the ids it has. `ids` is written under RenderSite's
// `ids_mutex`: a page is built by one thread, unless two pages would be
// written to the same file, an error found only after they are built.
struct LinkTarget {
  std::set<std::string> anchors;
  std::optional<std::vector<std::string>> ids;
  // Set when the page is built or kept in the standard rendition: the link
  // check then need not look for it among every file of the site.
  std::atomic<bool> is_page{false};
};

}  // namespace

std::optional<std::vector<std::string>> OutputSink::ExistingIds(
    const std::string& path, const std::set<std::string>&) {
  std::optional<std::string> html = Existing(path);
  if (!html) return std::nullopt;
  return HtmlIds(*html);
}

RenderStats RenderSite(const Site& site, const RenderOptions& options, OutputSink& sink,
                       Diagnostics& diag) {
  RenderStats stats;
  StageTimer timer;
  RenderOptions opts = options;
  if (opts.base_url.empty()) opts.base_url = site.config.base_url;
  // The index and the Markdown read the site and not each other: the index
  // (and the rendition extras made from it) is built on its own thread
  // meanwhile. The fingerprint of the records, which pages' dependencies
  // need, follows the Markdown on this thread, and so does the page list,
  // unless the index is kept from the last build: then the list follows the
  // extras, on the side that is shorter. (The fingerprint reads files on
  // every core, and ran slower on the index's thread. A third thread gained
  // nothing on two cores: the index only ran slower beside it.)
  const bool track_deps = sink.KeepsDeps();
  DepsInputs deps_inputs;
  struct Indexed {
    std::unique_ptr<SiteIndex> index;
    std::unique_ptr<RenditionExtras> extras;
  };
  // How long each side took, for CLERK_TIMINGS (the stage is the longer).
  double index_seconds = 0, markdown_seconds = 0;
  std::unique_ptr<SiteIndex> kept_index;
  const bool index_kept = opts.kept_index && opts.kept_index_fits && *opts.kept_index;
  if (index_kept) {
    kept_index = std::move(*opts.kept_index);
    kept_index->MoveTo(site);
  }
  std::vector<PageJob> jobs;
  std::future<Indexed> indexing = Beside(opts.jobs, [&] {
    SecondsSince started;
    Indexed out;
    out.index = kept_index ? std::move(kept_index) : std::make_unique<SiteIndex>(site);
    out.extras = std::make_unique<RenditionExtras>(*out.index, opts.base_url);
    if (index_kept) jobs = PageJobs(site);
    index_seconds = started.Seconds();
    return out;
  });
  SecondsSince markdown_started;
  RenderedContent content = RenderContent(site, diag, opts.jobs, sink.KnownBodies());
  if (track_deps) deps_inputs.records = RecordsFingerprint(site, opts.jobs);
  if (!index_kept) jobs = PageJobs(site);
  if (track_deps) deps_inputs.SetBodies(content.bodies);
  markdown_seconds = markdown_started.Seconds();
  Indexed indexed = indexing.get();
  const SiteIndex& index = *indexed.index;
  const RenditionExtras& extras = *indexed.extras;
  timer.Mark(
      "index and markdown",
      std::to_string(content.DocumentsRendered()) + " papers rendered of " +
          std::to_string(site.documents.size()) + ", " +
          std::to_string(content.MeetingTextsRendered()) + " minutes and agendas of " +
          std::to_string(site.minutes.size() + site.meetings.size()) +
          (index_kept
               ? "; markdown and records " + StageTimer::Format(markdown_seconds) +
                     " beside the extras and page list " +
                     StageTimer::Format(index_seconds) +
                     " (the index kept from the last build)"
               : "; markdown, records and page list " +
                     StageTimer::Format(markdown_seconds) + " beside index and extras " +
                     StageTimer::Format(index_seconds)));
  const std::vector<Rendition> renditions = DefaultRenditions();
  ResidentLinks resident_links(index, opts.base_url);
  GlossaryExpander glossary(site);
  // Every theme file, read once: templates, styles and files copied.
  const ThemeFiles theme_files = ThemeFiles::Read(opts.theme_dir);
  const Fingerprint shared = SharedInputs(site, opts, theme_files);
  auto theme_file = [&theme_files](const std::string& rel) {
    const std::string* bytes = theme_files.Find(rel);
    return bytes ? *bytes : std::string();
  };
  const std::string standard_css = theme_file("css/standard.css");

  // Pages that "@/" links point at, with the anchors they point at: their
  // ids are kept for the link check.
  const std::vector<const std::vector<SiteLink>*> site_links = content.SiteLinks();
  std::unordered_map<std::string, LinkTarget> targets;
  std::mutex ids_mutex;   // see LinkTarget
  size_t link_count = 0;  // room made once, not grown by rehashing
  for (const std::vector<SiteLink>* links : site_links) link_count += links->size();
  targets.reserve(link_count);
  for (const std::vector<SiteLink>* links : site_links) {
    for (const SiteLink& link : *links) {
      if (auto target = ParseSiteLink(link.target)) {
        LinkTarget& linked = targets[target->page];
        if (!target->anchor.empty()) linked.anchors.insert(target->anchor);
      }
    }
  }

  // A theme without templates: said once here, not once per page of a large
  // site. (A template missing is said once too: Diagnostics drops repeats.)
  for (const Rendition& each : renditions) {
    Theme theme;
    theme.Load(theme_files, each, diag);
  }
  if (diag.HasErrors()) return stats;

  timer.Mark("render setup");
  const size_t total = jobs.size() * renditions.size();
  std::vector<Worker> workers(static_cast<size_t>(std::max(1, opts.jobs)));
  std::vector<std::string> page_paths(total);
  std::atomic<size_t> done{0}, built{0}, rendered{0};

  ParallelFor(total, opts.jobs, [&](size_t i, int thread) {
    Worker& w = workers[static_cast<size_t>(thread)];
    size_t r = i / jobs.size();
    const Rendition& rendition = renditions[r];
    if (w.themes.empty()) {
      for (const Rendition& each : renditions) {
        w.themes.push_back(std::make_unique<Theme>());
        w.themes.back()->Load(theme_files, each, w.diag);
      }
      for (const Rendition& each : renditions) {
        w.contexts.push_back(
            std::make_unique<PageContext>(index, content, each, renditions, opts));
      }
    }
    const PageJob& job = jobs[i % jobs.size()];
    const std::string path = urls::Page(rendition, job.key);
    page_paths[i] = path;
    auto target = r == 0 ? targets.find(path) : targets.end();
    if (target != targets.end()) target->second.is_page = true;
    // Only the anchors of a page are checked: a page linked without one
    // needs only to exist, and its ids are neither looked up nor kept.
    const bool is_target = target != targets.end() && !target->second.anchors.empty();
    auto keep_target_ids = [&] {
      if (!is_target) return;
      std::optional<std::vector<std::string>> ids =
          sink.ExistingIds(path, target->second.anchors);
      std::lock_guard<std::mutex> lock(ids_mutex);
      target->second.ids = std::move(ids);
    };

    // Unchanged records, unchanged bodies read last time, file as written:
    // the page is as it was, without building its data.
    if (track_deps) {
      std::optional<OutputSink::LastPageDeps> last = sink.LastDeps(path);
      if (last &&
          deps_inputs.Of(shared, rendition, path, *last->bodies) == last->fingerprint &&
          sink.Keep(path)) {
        keep_target_ids();
        size_t n = ++done;
        if (opts.progress && (n % 256 == 0 || n == total)) opts.progress(n, total);
        return;
      }
    }

    std::vector<std::string> bodies_read;
    w.contexts[r]->RecordBodyReads(&bodies_read);
    PageData page = job.build(*w.contexts[r]);
    w.contexts[r]->RecordBodyReads(nullptr);
    ++built;
    if (page.path != path) {
      w.diag.Error(SourcePos{path, 0, 0}, "internal error: page job '" + job.key +
                                              "' built '" + page.path + "'");
    }
    extras.AddData(page, rendition, renditions);
    resident_links.AddData(page, rendition);
    if (page.template_name == "not_found") {
      // Served at any path, so it carries its styles with it.
      std::string css = standard_css;
      if (rendition.id != "standard") {
        css += theme_file(rendition.id + "/css/" + rendition.id + ".css");
      }
      page.data["inline_css"] = css;
    }
    Hasher hasher;
    hasher.Add(shared).Add(rendition.id).Add(page.path).Add(page.template_name);
    HashJson(hasher, page.data);
    Fingerprint inputs = hasher.Finish();
    if (sink.UpToDate(page.path, inputs)) {
      keep_target_ids();
    } else {
      const Theme& theme = *w.themes[r];
      std::string html =
          DropBlankLines(theme.RenderPage(page.template_name, page.data, w.diag));
      html = extras.Finish(rendition,
                           urls::ResolveSiteLinks(std::move(html), page.path, rendition));
      // Terms are explained after the rendition's finish, so a table shown
      // again row by row (large print) links its terms rather than writing
      // them out a second time.
      if (page.template_name != "glossary" && page.template_name != "not_found")
        html = glossary.Expand(
            html, urls::Relative(page.path, urls::Page(rendition, urls::Glossary())),
            page.key);
      std::vector<std::string> ids;
      if (is_target) ids = HtmlIds(html);
      sink.Put(page.path, inputs, std::move(html));
      if (is_target) {
        sink.RecordIds(page.path, ids, target->second.anchors);
        std::lock_guard<std::mutex> lock(ids_mutex);
        target->second.ids = std::move(ids);
      }
      ++rendered;
    }
    if (track_deps && LoggableKeys(bodies_read)) {
      Fingerprint fingerprint = deps_inputs.Of(shared, rendition, path, bodies_read);
      sink.RecordDeps(path, {fingerprint, std::move(bodies_read)});
    }
    size_t n = ++done;
    if (opts.progress && (n % 256 == 0 || n == total)) opts.progress(n, total);
  });
  stats.built = built;
  stats.records = deps_inputs.records;
  stats.rendered = rendered;
  stats.up_to_date = total - rendered;
  timer.Mark("pages", std::to_string(stats.built) + " built, " +
                          std::to_string(stats.rendered) + " rendered of " +
                          std::to_string(total));

  diag.Merge(content.TakeLateErrors());
  for (Worker& w : workers) {
    diag.Merge(w.diag);
  }

  // Theme files (CSS, pictures), not its templates; then the site's own
  // files, as they are.
  std::vector<std::string> paths = std::move(page_paths);
  auto put_bytes = [&](const std::string& path, std::string bytes) {
    Fingerprint inputs = FingerprintOf(bytes);
    if (!sink.UpToDate(path, inputs)) sink.Put(path, inputs, std::move(bytes));
    paths.push_back(path);
  };
  auto put_file = [&](const std::string& path, const fs::path& from) {
    put_bytes(path, ReadFile(from));
  };
  for (const auto& [rel, bytes] : theme_files.files) {
    if (IsTemplate(rel) || IsHidden(rel)) continue;
    put_bytes(urls::ThemeAsset(rel), bytes);
  }
  // Browsers and feed readers ask for /favicon.ico whatever a page links to:
  // the theme's icon answers there too, not a 404.
  if (const std::string* icon = theme_files.Find("favicon.ico"))
    put_bytes(urls::RootFavicon(), *icon);
  fs::path root = site.root.empty() ? "." : site.root;
  fs::path assets = root / "assets";
  for (const std::string& rel : ListFiles(assets)) {
    if (!IsHidden(rel)) put_file(urls::SiteAsset(rel), assets / rel);
  }
  // Pictures of papers, beside their meeting's page, once for every
  // rendition: only those a published paper shows, so a picture in an
  // exempt paper (or in none) is never published. `pictures`: every picture
  // a paper may show, by its output path, to check links to them.
  std::map<std::string, fs::path> pictures;
  std::set<std::string> exempt_papers;
  for (const auto& [key, doc] : site.documents) {
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
      if (picture != pictures.end() && shown.insert(picture->first).second)
        put_file(picture->first, picture->second);
    }
  }

  std::sort(paths.begin(), paths.end());
  for (size_t i = 1; i < paths.size(); ++i) {
    if (paths[i] == paths[i - 1]) {
      diag.Error(SourcePos{paths[i], 0, 0},
                 "two pages would be written to the same file '" + paths[i] + "'");
    }
  }
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());

  // "@/" links in the content must reach a page and an anchor on it; the
  // standard rendition has every page and anchor the others have.
  auto is_page = [](const std::string& path) {
    return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
  };
  CheckSiteLinks(
      site_links,
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
  timer.Mark("assets and link check");
  // Last: `site_links` points into the bodies.
  sink.RecordBodies(std::move(content.bodies));
  stats.paths = std::move(paths);
  stats.index_kept = index_kept;
  if (opts.kept_index) *opts.kept_index = std::move(indexed.index);
  return stats;
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
