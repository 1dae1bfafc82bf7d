#include "render/page_pass.h"

#include <algorithm>

#include "links/site_links.h"
#include "render/page_finish.h"
#include "render/urls.h"

namespace clerk {
namespace {

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

// The ids of a page that links point at, as the link check keeps them: only
// the linked ones when every anchor is there, else all of them, for its
// "did you mean". A large site's target pages hold millions of ids that no
// link names (50 MB at 10,000 meetings).
std::vector<std::string> IdsToKeep(std::vector<std::string> ids,
                                   const std::set<std::string>& anchors) {
  std::vector<std::string> linked;
  for (const std::string& id : ids)
    if (anchors.count(id)) linked.push_back(id);
  std::sort(linked.begin(), linked.end());
  linked.erase(std::unique(linked.begin(), linked.end()), linked.end());
  return linked.size() == anchors.size() ? linked : ids;
}

}  // namespace

void DepsInputs::IndexBodies() {
  if (!bodies || !sources.empty()) return;
  sources.reserve(bodies->size());
  for (const auto& [key, body] : *bodies) sources.emplace(key, body.source);
}

Fingerprint DepsInputs::Of(const Fingerprint& shared, const Rendition& rendition,
                           const std::string& path,
                           const std::vector<std::string>& read) const {
  Hasher h;
  h.Add(shared).Add(records).Add(rendition.id).Add(path);
  for (const std::string& key : read) h.Add(key).Add(SourceOf(key));
  return h.Finish();
}

Fingerprint DepsInputs::SourceOf(const std::string& key) const {
  if (!sources.empty()) {
    auto it = sources.find(key);
    return it == sources.end() ? Fingerprint{} : it->second;
  }
  if (!bodies) return {};
  auto it = bodies->find(key);
  return it == bodies->end() ? Fingerprint{} : it->second.source;
}

bool LoggableKeys(const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    if (key.empty() || key.find_first_of(", \n\r") != std::string::npos) return false;
  }
  return true;
}

PagePass::PagePass(const PageInputs& in, LinkTargets& targets,
                   std::vector<std::string>& page_paths)
    : in_(in),
      targets_(targets),
      page_paths_(page_paths),
      workers_(static_cast<size_t>(std::max(1, in.options.jobs))),
      total_(in.jobs.size() * in.renditions.size()) {}

void PagePass::Render(size_t i, int thread) {
  Worker& w = workers_[static_cast<size_t>(thread)];
  if (w.themes.empty()) {
    for (const Rendition& each : in_.renditions) {
      w.themes.push_back(std::make_unique<Theme>());
      w.themes.back()->Load(in_.theme_files, each, w.diag);
      w.contexts.push_back(std::make_unique<PageContext>(in_.index, in_.content, each,
                                                         in_.renditions, in_.options));
    }
  }
  const size_t r = i / in_.jobs.size();
  const PageJob& job = in_.jobs[i % in_.jobs.size()];
  const std::string path = urls::Page(in_.renditions[r], job.key);
  page_paths_[i] = path;
  auto found = r == 0 ? targets_.find(path) : targets_.end();
  LinkTarget* target = found == targets_.end() ? nullptr : &found->second;
  if (target) target->is_page = true;
  // Only the anchors of a page are checked: a page linked without one
  // needs only to exist, and its ids are neither looked up nor kept.
  if (target && target->anchors.empty()) target = nullptr;
  if (KeptUnbuilt(in_.renditions[r], path))
    KeepTargetIds(path, target);
  else
    BuildAndPut(w, r, job, path, target);
  Progress();
}

bool PagePass::KeptUnbuilt(const Rendition& rendition, const std::string& path) {
  if (!in_.track_deps) return false;
  std::optional<OutputSink::LastPageDeps> last = in_.sink.LastDeps(path);
  return last &&
         in_.deps.Of(in_.shared, rendition, path, *last->bodies) == last->fingerprint &&
         in_.sink.Keep(path);
}

void PagePass::BuildAndPut(Worker& w, size_t r, const PageJob& job,
                           const std::string& path, LinkTarget* target) {
  const Rendition& rendition = in_.renditions[r];
  std::vector<std::string> bodies_read;
  PageData page = BuildData(w, r, job, bodies_read);
  ++built_;
  if (page.path != path) {
    w.diag.Error(SourcePos{path, 0, 0},
                 "internal error: page job '" + job.key + "' built '" + page.path + "'");
  }
  in_.extras.AddData(page, job, rendition, in_.renditions);
  in_.resident_links.AddData(page, rendition);
  if (page.template_name == "not_found") {
    // Served at any path, so it carries its styles with it.
    auto css = [&](const std::string& rel) {
      const std::string* bytes = in_.theme_files.Find(rel);
      return bytes ? *bytes : std::string();
    };
    std::string inline_css = css("css/standard.css");
    if (rendition.id != "standard")
      inline_css += css(rendition.id + "/css/" + rendition.id + ".css");
    page.data["inline_css"] = inline_css;
  }
  Hasher hasher;
  hasher.Add(in_.shared).Add(rendition.id).Add(page.path).Add(page.template_name);
  if (page.common) hasher.Add(w.common.fingerprint);
  HashJson(hasher, page.data);
  Fingerprint inputs = hasher.Finish();
  if (in_.sink.UpToDate(page.path, inputs)) {
    KeepTargetIds(path, target);
  } else {
    std::string html = RenderHtml(w, r, page);
    std::vector<std::string> ids;
    if (target) ids = HtmlIds(html);
    in_.sink.Put(page.path, inputs, std::move(html));
    if (target) {
      in_.sink.RecordIds(page.path, ids, target->anchors);
      ids = IdsToKeep(std::move(ids), target->anchors);
      std::lock_guard<std::mutex> lock(ids_mutex_);
      target->ids = std::move(ids);
    }
    ++rendered_;
  }
  // A page without them is built again by the next build too.
  if (!in_.track_deps || !LoggableKeys(bodies_read)) return;
  Fingerprint fingerprint = in_.deps.Of(in_.shared, rendition, path, bodies_read);
  in_.sink.RecordDeps(path, {fingerprint, std::move(bodies_read)});
}

PageData PagePass::BuildData(Worker& w, size_t r, const PageJob& job,
                             std::vector<std::string>& bodies_read) {
  if (!DataSameInEveryRendition(job.kind)) {
    w.contexts[r]->RecordBodyReads(&bodies_read);
    PageData page = w.contexts[r]->Build(job);
    w.contexts[r]->RecordBodyReads(nullptr);
    return page;
  }
  Worker::Common& common = w.common;
  if (common.key != job.key || !common.data) {
    common = Worker::Common{};
    w.contexts[0]->RecordBodyReads(&common.bodies);
    PageData first = w.contexts[0]->Build(job);
    w.contexts[0]->RecordBodyReads(nullptr);
    Hasher hasher;
    HashJson(hasher, first.data);
    common.fingerprint = hasher.Finish();
    common.template_name = std::move(first.template_name);
    common.data = std::make_shared<const nlohmann::json>(std::move(first.data));
    common.key = job.key;
  }
  bodies_read = common.bodies;
  return w.contexts[r]->FromCommon(job, common.template_name, common.data);
}

std::string PagePass::RenderHtml(Worker& w, size_t r, PageData& page) const {
  const Rendition& rendition = in_.renditions[r];
  const std::string html =
      page.common
          ? w.themes[r]->RenderPage(page.template_name, *page.common, &page.data, w.diag)
          : w.themes[r]->RenderPage(page.template_name, page.data, nullptr, w.diag);
  PageFinish finish;
  finish.rendition = &rendition;
  finish.page_path = page.path;
  in_.extras.SetFinish(rendition, finish);
  // Terms are explained after the rendition's changes, so a table shown
  // again row by row (large print) links its terms rather than writing them
  // out a second time.
  if (page.template_name != "glossary" && page.template_name != "not_found") {
    finish.glossary = &in_.glossary;
    finish.glossary_href =
        urls::Relative(page.path, urls::Page(rendition, urls::Glossary()));
    finish.page_key = page.key;
  }
  finish.drop_blank_lines = true;
  return FinishPage(html, finish);
}

void PagePass::KeepTargetIds(const std::string& path, LinkTarget* target) {
  if (!target) return;
  std::optional<std::vector<std::string>> ids =
      in_.sink.ExistingIds(path, target->anchors);
  if (ids) ids = IdsToKeep(std::move(*ids), target->anchors);
  std::lock_guard<std::mutex> lock(ids_mutex_);
  target->ids = std::move(ids);
}

void PagePass::Progress() {
  const size_t n = ++done_;
  if (in_.options.progress && (n % 256 == 0 || n == total_))
    in_.options.progress(n, total_);
}

Diagnostics PagePass::TakeDiagnostics() {
  Diagnostics all;
  for (Worker& w : workers_) all.Merge(w.diag);
  return all;
}

}  // namespace clerk
