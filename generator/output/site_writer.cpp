#include "output/site_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <thread>

#include "files/source_files.h"
#include "incremental/known_bodies.h"
#include "incremental/known_page_ids.h"
#include "incremental/source_stamp.h"
#include "model/parallel.h"
#include "model/stage_timer.h"
#include "output/carry_over.h"
#include "output/folder_swap.h"
#include "output/kill_point.h"
#include "output/spare_record.h"

namespace clerk {
namespace fs = std::filesystem;

namespace {

bool IsInside(const fs::path& child, const fs::path& parent) {
  auto c = child.begin(), p = parent.begin();
  for (; p != parent.end(); ++p, ++c) {
    if (c == child.end() || *c != *p) return false;
  }
  return true;
}

fs::path Absolute(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal() : abs;
}

// A relative, '/'-separated path that stays inside the output folder.
bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  for (const auto& part : fs::path(path)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

// Writes a new file and returns its size and time (one open, write, fstat,
// close: a large build writes hundreds of thousands of files). Sets errno
// and returns nullopt on failure.
std::optional<BuildLogEntry> WriteNewFile(const std::string& path,
                                          const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return std::nullopt;
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      errno = saved;
      return std::nullopt;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    return std::nullopt;
  }
  if (::close(fd) != 0) return std::nullopt;
  BuildLogEntry e;
  e.size = static_cast<uint64_t>(st.st_size);
  e.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return e;
}

// The marker that tells CheckOutputDir this folder is Clerk's to update.
bool WriteMarker(const std::string& dir) {
  return WriteNewFile(dir + "/" + kSiteMarker,
                      "This folder is built by clerk and updated on every build.\n")
      .has_value();
}

std::string Parent(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// mkdir -p of `rel` under `root`, without a stat per level: the parent of a
// new page's folder nearly always exists (made for a sibling), so the leaf
// is tried first. Failures show when the file cannot be written.
void MakeFolders(const std::string& root, const std::string& rel) {
  const std::string full = root + "/" + rel;
  // Made, there already, or a failure the file's write will report.
  if (::mkdir(full.c_str(), 0755) == 0 || errno != ENOENT) return;
  std::string parent = Parent(rel);
  if (!parent.empty()) MakeFolders(root, parent);
  ::mkdir(full.c_str(), 0755);
}

}  // namespace

bool CheckOutputDir(const std::string& out_dir, const std::string& source_root,
                    Diagnostics& diag) {
  fs::path out = Absolute(out_dir);
  fs::path source = Absolute(source_root);
  if (IsInside(source, out)) {
    diag.Error({out_dir, 0, 0}, "refusing to build into '" + out_dir +
                                    "': it holds the source files, which the build would "
                                    "replace; use the default --out public");
    return false;
  }
  for (const char* sub : {"content", "themes", "assets"}) {
    if (IsInside(out, source / sub)) {
      diag.Error({out_dir, 0, 0}, "refusing to build into '" + out_dir +
                                      "': it is inside " + sub + "/ of the source");
      return false;
    }
  }
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) {
    diag.Error({out_dir, 0, 0}, "'" + out_dir + "' exists and is not a folder");
    return false;
  }
  if (fs::is_empty(out, ec) || fs::exists(out / kSiteMarker, ec)) return true;
  diag.Error({out_dir, 0, 0},
             "refusing to replace '" + out_dir +
                 "': it is not empty and is not a site Clerk built (it has "
                 "no " +
                 kSiteMarker +
                 " file); choose another --out or "
                 "empty it yourself");
  return false;
}

SiteWriter::SiteWriter(std::string out_dir) : out_(Absolute(out_dir).string()) {
  staging_ = StagingFolder(out_, ::getpid());
}

SiteWriter::~SiteWriter() {
  if (begun_) Abort();
  if (out_fd_ >= 0) ::close(out_fd_);
}

std::optional<BuildLogEntry> SiteWriter::StatOut(const std::string& path) const {
  return out_fd_ >= 0 ? StatFileAt(out_fd_, path) : StatFile(out_ + "/" + path);
}

namespace {

WriterMemory::FileId Identify(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return {};
  return {static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
          static_cast<uint64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

// `kept` if it is still what the file at `path` holds (`id`), else read by
// `load`; either way `kept` is left empty.
template <typename T, typename Load>
std::optional<T> CurrentOr(std::optional<T>& kept, const WriterMemory::FileId& id,
                           const std::string& path, Load load, bool* from_memory) {
  std::optional<T> result;
  if (kept && !(id == WriterMemory::FileId{}) && Identify(path) == id) {
    result = std::move(kept);
    *from_memory = true;
  } else {
    result = load();
  }
  kept.reset();
  return result;
}

}  // namespace

bool SiteWriter::Begin(Diagnostics& diag, WriterMemory* memory) {
  StageTimer timer;
  // What a killed build left: the old site put back if it was aside, and
  // its staging folders removed, before anything reads the site.
  RecoverOutput(out_, kSiteMarker);
  WriterMemory none;  // no memory: nothing is taken from it
  WriterMemory& kept = memory ? *memory : none;
  bool log_kept = false, bodies_kept = false, ids_kept = false;
  std::optional<BuildLog> log = CurrentOr(
      kept.log, kept.log_file, out_ + "/" + kBuildLogName,
      [&] { return BuildLog::Load(out_); }, &log_kept);
  fresh_ = !log.has_value();
  if (log) old_log_ = std::move(*log);
  kept_ = std::make_unique<std::atomic<bool>[]>(old_log_.slots());
  if (!fresh_) out_fd_ = OpenFolder(out_);
  known_bodies_ = CurrentOr(
      kept.bodies, kept.bodies_file, out_ + "/" + kKnownBodiesName,
      [&] { return LoadKnownBodies(out_); }, &bodies_kept);
  if (!fresh_)
    known_ids_ = CurrentOr(
        kept.ids, kept.ids_file, out_ + "/" + kKnownPageIdsName,
        [&] { return LoadKnownPageIds(out_); }, &ids_kept);
  began_from_memory_ = log_kept && bodies_kept && ids_kept;
  trusted_ = trust_asked_ && log_kept;
  if (trusted_) {
    spare_delta_ = std::move(kept.spare_delta);
    readers_ = std::move(kept.readers);
    spare_books_ = std::move(kept.spare_books);
  }
  kept.spare_books.clear();
  kept.spare_delta.reset();
  kept.readers.reset();
  if (!trusted_ && !fresh_) {
    ReadSpareRecordIfTrue();
  }
  timer.Mark("read build log", std::to_string(old_log_.size()) + " entries" +
                                   (began_from_memory_ ? ", kept in memory" : ""));
  std::error_code ec;
  fs::remove_all(staging_, ec);
  if (!fs::create_directories(staging_, ec) && ec) {
    diag.Error({out_, 0, 0}, "cannot create " + staging_ + ": " + ec.message());
    return false;
  }
  // First, so a staging folder left by a kill is known as Clerk's
  // (RecoverOutput); the new site needs it anyway.
  if (!WriteMarker(staging_)) {
    diag.Error({out_, 0, 0}, "cannot write in " + staging_ + ": " + std::strerror(errno));
    fs::remove_all(staging_, ec);
    return false;
  }
  begun_ = true;
  return true;
}

bool SiteWriter::UpToDate(const std::string& path, const Fingerprint& inputs) {
  const BuildLogEntry* old = fresh_ ? nullptr : old_log_.Find(path);
  return old && old->inputs == inputs && Keep(path);
}

void SiteWriter::Put(const std::string& path, const Fingerprint& inputs,
                     std::string content) {
  if (!IsSafeRelativePath(path)) {
    Fail("internal error: output path '" + path + "' escapes the site folder");
    return;
  }
  Fingerprint bytes = FingerprintOf(content);
  // New inputs, same bytes (a new clerk binary, a theme change that does not
  // touch this page): keep the file, remember the new inputs.
  if (!fresh_) {
    const BuildLogEntry* old = old_log_.Find(path);
    if (old && old->content == bytes && old->size == content.size()) {
      if (StillAsLogged(path, *old)) {
        BuildLogEntry kept = *old;
        kept.inputs = inputs;
        std::lock_guard<std::mutex> lock(mutex_);
        new_log_.Set(path, std::move(kept));
        ++unchanged_;
        return;
      }
    }
  }
  std::string target = staging_ + "/" + path;
  std::string parent = Parent(path);
  if (!parent.empty()) {
    bool known;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      known = made_dirs_.count(parent) > 0;
    }
    if (!known) {
      MakeFolders(staging_, parent);
      std::lock_guard<std::mutex> lock(mutex_);
      made_dirs_.insert(parent);
    }
  }
  std::optional<BuildLogEntry> written = WriteNewFile(target, content);
  if (!written) {
    Fail("cannot write " + target + ": " + std::strerror(errno));
    return;
  }
  written->inputs = inputs;
  written->content = bytes;
  std::lock_guard<std::mutex> lock(mutex_);
  if (new_log_.Find(path)) {
    failure_ =
        failure_.empty() ? "internal error: '" + path + "' was written twice" : failure_;
    return;
  }
  new_log_.Set(path, std::move(*written));
  staged_slots_.push_back(new_log_.IndexOf(path));
}

bool SiteWriter::StillAsLogged(const std::string& path,
                               const BuildLogEntry& logged) const {
  if (trusted_) return true;  // a session's own output: see TrustOutput
  std::optional<BuildLogEntry> now = StatOut(path);
  return now && now->size == logged.size && now->mtime_ns == logged.mtime_ns;
}

std::optional<OutputSink::LastPageDeps> SiteWriter::LastDeps(const std::string& path) {
  const BuildLogEntry* old = fresh_ ? nullptr : old_log_.Find(path);
  if (!old || old->deps == Fingerprint{}) return std::nullopt;
  return LastPageDeps{old->deps, &old->bodies};
}

bool SiteWriter::Keep(const std::string& path) {
  size_t slot = fresh_ ? BuildLog::npos : old_log_.IndexOf(path);
  if (slot == BuildLog::npos) return false;
  const BuildLogEntry& old = *old_log_.At(slot);
  if (!StillAsLogged(path, old)) return false;
  if (!kept_[slot].exchange(true)) ++unchanged_;
  return true;
}

void SiteWriter::RecordDeps(const std::string& path, PageDeps deps) {
  std::lock_guard<std::mutex> lock(mutex_);
  // A page put this build (nearly every page of a full build) takes its
  // deps into its new entry at once: not a second copy of 200,000 paths.
  if (const BuildLogEntry* put = new_log_.Find(path)) {
    BuildLogEntry entry = *put;
    entry.deps = deps.fingerprint;
    entry.bodies = std::move(deps.bodies);
    new_log_.Set(path, std::move(entry));
    return;
  }
  deps_[path] = std::move(deps);
}

std::vector<std::string> SiteWriter::KeepAllWithDeps(const Fingerprint& deps) {
  if (fresh_ || deps == Fingerprint{}) return {};
  const std::vector<size_t> slots = old_log_.SlotsWithDeps(deps);
  for (size_t slot : slots)
    if (!StillAsLogged(old_log_.PathAt(slot), *old_log_.At(slot))) return {};
  std::vector<std::string> paths;
  for (size_t slot : slots) {
    if (!kept_[slot].exchange(true)) ++unchanged_;
    paths.push_back(old_log_.PathAt(slot));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::optional<std::vector<size_t>> SiteWriter::KeepPagesNotReading(
    const std::vector<std::string>& pages, uint64_t list,
    const std::set<std::string>& bodies, int jobs) {
  if (fresh_) return std::nullopt;
  std::vector<size_t> again;
  if (trusted_) {
    // Every file is as the log says: the pages to build again are those
    // the readers name, looked up once for the whole site and then kept.
    if (!readers_ || !readers_->Fits(old_log_, pages, list))
      readers_ = PageReaders::Make(old_log_, pages, list, jobs);
    again = readers_->Reading(bodies);
    const std::vector<size_t>& slots = readers_->slots();
    size_t next = 0;  // in `again`
    for (size_t i = 0; i < pages.size(); ++i) {
      if (next < again.size() && again[next] == i) {
        ++next;
        continue;
      }
      if (!kept_[slots[i]].exchange(true)) ++unchanged_;
    }
    readers_->Rebuilding(old_log_, again, pages);
    readers_used_ = true;
  } else {
    again = KeepCheckedPagesNotReading(pages, bodies, jobs);
  }
  // The ids of the pages kept, as the last build found them, are this
  // build's too (else the saved file would drop them). Pages the last build
  // kept ids for are among its pages.
  if (known_ids_) {
    std::unordered_set<std::string_view> built;
    for (size_t i : again) built.insert(pages[i]);
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [path, ids] : known_ids_->pages)
      if (!built.count(path)) ids_.emplace_hint(ids_.end(), path, ids);
  }
  return again;
}

std::vector<size_t> SiteWriter::KeepCheckedPagesNotReading(
    const std::vector<std::string>& pages, const std::set<std::string>& bodies,
    int jobs) {
  auto reads_one = [&](const BuildLogEntry& entry) {
    return std::any_of(entry.bodies.begin(), entry.bodies.end(),
                       [&](const std::string& key) { return bodies.count(key) > 0; });
  };
  // A look-up in the log and a stat per page, in slices side by side.
  const size_t slices = 64;
  std::vector<std::vector<size_t>> again_in(slices);
  ParallelFor(slices, jobs, [&](size_t slice, int) {
    for (size_t i = slice; i < pages.size(); i += slices) {
      const size_t slot = old_log_.IndexOf(pages[i]);
      const BuildLogEntry* entry = slot == BuildLog::npos ? nullptr : old_log_.At(slot);
      if (!entry || entry->deps == Fingerprint{} || reads_one(*entry) ||
          !StillAsLogged(pages[i], *entry))
        again_in[slice].push_back(i);
      else if (!kept_[slot].exchange(true))
        ++unchanged_;
    }
  });
  std::vector<size_t> again;
  for (const std::vector<size_t>& some : again_in)
    again.insert(again.end(), some.begin(), some.end());
  std::sort(again.begin(), again.end());
  return again;
}

void SiteWriter::RecordBodies(std::map<std::string, BodySummary> bodies) {
  std::lock_guard<std::mutex> lock(mutex_);
  bodies_ = std::move(bodies);
}

BuildLogEntry SiteWriter::WithDeps(const std::string& path, BuildLogEntry entry) const {
  auto it = deps_.find(path);
  if (it != deps_.end()) {
    entry.deps = it->second.fingerprint;
    entry.bodies = it->second.bodies;
  }
  return entry;
}

std::optional<std::string> SiteWriter::Existing(const std::string& path) {
  std::string bytes;
  if (!ReadWholeFile(out_ + "/" + path, &bytes)) return std::nullopt;
  return bytes;
}

namespace {

// The ids of `ids` that links point at: what .clerk-page-ids keeps.
std::vector<std::string> LinkedIds(const std::vector<std::string>& ids,
                                   const std::set<std::string>& linked) {
  std::vector<std::string> out;
  for (const std::string& id : ids)
    if (linked.count(id)) out.push_back(id);
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> SiteWriter::ExistingIds(
    const std::string& path, const std::set<std::string>& linked) {
  const BuildLogEntry* old = fresh_ ? nullptr : old_log_.Find(path);
  if (!old) return std::nullopt;
  std::vector<std::string> ids;
  static const std::map<std::string, PageIds> kNone;
  const std::map<std::string, PageIds>& old_ids = known_ids_ ? known_ids_->pages : kNone;
  auto known = old_ids.find(path);
  if (known != old_ids.end() && known->second.content == old->content &&
      std::all_of(linked.begin(), linked.end(), [&](const std::string& id) {
        const std::vector<std::string>& held = known->second.ids.get();
        return std::find(held.begin(), held.end(), id) != held.end();
      })) {
    ids = known->second.ids.get();
  } else if (std::optional<std::vector<std::string>> read =
                 OutputSink::ExistingIds(path, linked)) {
    ids = std::move(*read);
  } else {
    return std::nullopt;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  ids_[path] = {old->content, LinkedIds(ids, linked)};
  return ids;
}

void SiteWriter::RecordIds(const std::string& path, const std::vector<std::string>& ids,
                           const std::set<std::string>& linked) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (const BuildLogEntry* entry = new_log_.Find(path))
    ids_[path] = {entry->content, LinkedIds(ids, linked)};
}

void SiteWriter::Fail(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (failure_.empty()) failure_ = message;
}

SiteWriter::Counts SiteWriter::counts() const {
  return {staged_slots_.size(), unchanged_.load(), removed_};
}

void SiteWriter::Abort() {
  RemoveSiteFolder(staging_, kSiteMarker);
  begun_ = false;
}

namespace {

// Clerk's bookkeeping that a build writes afresh (or copies and appends
// to), never carries over as it is: incremental/state_files.h.
bool Rewritten(std::string_view path) {
  return IsRewrittenStateFile(path);
}

// Files that are Clerk's though no build log lists them: its bookkeeping and
// caches, and the search index (which removes what it does not know).
bool ClerksOwn(std::string_view path) {
  return IsStateFile(path) || path.rfind("pagefind/", 0) == 0;
}

// "a, b, c and 4 more".
std::string SomeOf(const std::vector<std::string>& paths) {
  std::string text;
  const size_t shown = std::min<size_t>(paths.size(), 5);
  for (size_t i = 0; i < shown; ++i) text += (i ? ", " : "") + paths[i];
  if (paths.size() > shown)
    text += " and " + std::to_string(paths.size() - shown) + " more";
  return text;
}

}  // namespace

bool SiteWriter::Failed(Diagnostics& diag, const std::string& message) {
  diag.Error({out_, 0, 0}, message + "; the previous site is unchanged");
  Abort();
  return false;
}

bool SiteWriter::Commit(Diagnostics& diag) {
  if (!failure_.empty()) return Failed(diag, failure_);
  // The paths written, named now that the pages' memory is freed.
  staged_.clear();
  staged_.reserve(staged_slots_.size());
  for (size_t slot : staged_slots_) staged_.push_back(new_log_.PathAt(slot));
  KillPoint("commit-start");
  committed_ = fresh_ ? CommitFresh(diag) : CommitEdit(diag);
  return committed_;
}

bool SiteWriter::CommitFresh(Diagnostics& diag) {
  // The staging folder holds every page: add the bookkeeping.
  BuildLog log;
  new_log_.ForEach([&](const std::string& path, const BuildLogEntry& entry) {
    log.Set(path, WithDeps(path, entry));
  });
  if (!log.Save(staging_ + "/" + kBuildLogName) ||
      !SaveKnownBodies(bodies_, staging_ + "/" + kKnownBodiesName) ||
      !SaveKnownPageIds(ids_, staging_ + "/" + kKnownPageIdsName))
    return Failed(diag, "cannot write in " + staging_);
  // With no log, Clerk cannot tell which of the old folder's files it wrote:
  // it keeps every one this build does not write again. Its caches and the
  // search index stay useful too (a part is indexed again only if its pages
  // changed: output/search_index.h).
  std::error_code ec;
  if (fs::exists(out_, ec)) {
    std::vector<std::string> kept;
    CarryResult carried =
        CarryOver(out_, staging_, Rewritten, [&](const std::string& path) {
          if (!ClerksOwn(path)) kept.push_back(path);
        });
    if (!carried.ok) return Failed(diag, "cannot keep " + out_ + "/" + carried.error);
    if (!kept.empty()) {
      std::sort(kept.begin(), kept.end());
      diag.Warning(
          {out_, 0, 0},
          "kept " + std::to_string(kept.size()) + " files this build did not write (" +
              SomeOf(kept) + "): the build log " + kBuildLogName +
              " was missing or damaged, and Clerk removes only files it knows it "
              "wrote, so stale pages of earlier builds may be among them; delete "
              "those you do not want, or empty the folder and build again");
    }
  }
  KillPoint("bookkeeping");
  return Publish(diag, staging_);
}

// What an edit build changes in the log and in the site, from the old log
// and this build's: entries gained (files put, kept files with new deps),
// files the site loses (`gone`; `stale` views the same paths), and the
// folders that may be left empty by them.
struct SiteWriter::EditChanges {
  std::vector<std::pair<std::string, BuildLogEntry>> changed;
  std::vector<std::string> gone;
  std::unordered_set<std::string_view> stale;
  std::set<std::string, std::greater<>> emptied;  // deepest first
};

SiteWriter::EditChanges SiteWriter::FindEditChanges() {
  EditChanges edit;
  new_log_.ForEach([&](const std::string& path, const BuildLogEntry& entry) {
    BuildLogEntry now = WithDeps(path, entry);
    const BuildLogEntry* old = old_log_.Find(path);
    if (!old || !(*old == now)) edit.changed.emplace_back(path, std::move(now));
  });
  for (size_t slot = 0; slot < old_log_.slots(); ++slot) {
    const BuildLogEntry* old = old_log_.At(slot);
    if (!old) continue;
    const std::string& path = old_log_.PathAt(slot);
    // Put this build (above): its new entry stands.
    if (new_log_.Find(path)) continue;
    if (kept_[slot]) {
      // Copied only when its deps may have changed: nearly every file is kept.
      if (deps_.count(path) > 0) {
        BuildLogEntry now = WithDeps(path, *old);
        if (!(now == *old)) edit.changed.emplace_back(path, std::move(now));
      }
      continue;
    }
    // A file the last build wrote and this one does not: left out.
    edit.gone.push_back(path);
    if (StatOut(path)) ++removed_;
    edit.stale.insert(path);
    for (std::string dir = Parent(path); !dir.empty(); dir = Parent(dir))
      edit.emptied.insert(dir);
  }
  return edit;
}

// No file of the site changes (only what the log records of them): the
// site stays where it is, and its bookkeeping is updated in place.
bool SiteWriter::CommitInPlace(Diagnostics& diag, StageTimer& timer, EditChanges& edit) {
  if (!old_log_.Update(out_ + "/" + kBuildLogName, std::move(edit.changed), edit.gone))
    return Failed(diag, "cannot write " + out_ + "/" + kBuildLogName);
  SaveBodiesAndIds(out_ + "/" + kKnownBodiesName, out_ + "/" + kKnownPageIdsName);
  timer.Mark("save build log, bodies and ids", "in place: no file changed");
  // The search index is then updated in place: its pages are the same. The
  // source stamp goes first, so a kill meanwhile is not "nothing changed".
  std::remove((out_ + "/" + kSourceStampName).c_str());
  if (before_swap_) before_swap_(out_);
  Abort();  // removes the staging folder
  return true;
}

// The new site is made in the spare folder, the previous site kept beside
// this one: mirrored from the current site, it needs only this build's
// files moved in and the stale ones out. Without one (the first edit
// build), in the staging folder: this build's files, and every other file
// of the current site but the stale ones, as hard links (including files
// put there by hand). Sets `target` to the folder it is made in.
bool SiteWriter::MakeEditedSite(Diagnostics& diag, StageTimer& timer,
                                const EditChanges& edit, std::string* target) {
  *target = SpareFolder(out_);
  std::string error;
  std::error_code ec;
  gone_ = edit.gone;
  if (!fs::exists(fs::path(*target) / kSiteMarker, ec) ||
      !(CatchUpSpare(*target) || MirrorTree(out_, *target, &error, jobs_)) ||
      !MoveStagedInto(*target, &error)) {
    if (!error.empty())
      timer.Mark("mirror into spare", "failed: " + error + "; made afresh");
    *target = staging_;
    CarryResult carried = CarryOver(
        out_, staging_,
        [&](std::string_view path) { return Rewritten(path) || edit.stale.count(path); },
        nullptr);
    if (!carried.ok) return Failed(diag, "cannot keep " + out_ + "/" + carried.error);
    timer.Mark("carry over", std::to_string(carried.carried) + " files kept");
  } else {
    for (const std::string& path : edit.gone) ::unlink((*target + "/" + path).c_str());
    timer.Mark("mirror into spare");
  }
  // Folders that only held stale files go too (not ones that were empty).
  for (const std::string& dir : edit.emptied) ::rmdir((*target + "/" + dir).c_str());
  return true;
}

namespace {

// Appends to `to` the bytes of `from` after its first `have`, which `to`
// holds.
bool AppendRest(const std::string& from, const std::string& to, uint64_t have) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  // Not O_APPEND: copy_file_range refuses such a file.
  int out = ::open(to.c_str(), O_WRONLY | O_CLOEXEC);
  struct stat st;
  bool ok =
      out >= 0 && ::fstat(out, &st) == 0 && static_cast<uint64_t>(st.st_size) == have;
  loff_t read_at = static_cast<loff_t>(have), write_at = read_at;
  while (ok) {
    ssize_t n = ::copy_file_range(in, &read_at, out, &write_at, 1 << 30, 0);
    if (n == 0) break;
    ok = n > 0 || errno == EINTR;
  }
  if (out >= 0 && ::close(out) != 0) ok = false;
  ::close(in);
  return ok;
}

}  // namespace

WriterMemory::FileId SiteWriter::CopyBook(const std::string& target,
                                          const std::string& name) {
  const std::string from = out_ + "/" + name, to = target + "/" + name;
  auto pair = spare_books_.find(name);
  if (pair != spare_books_.end()) {
    const WriterMemory::BookPair& was = pair->second;
    const WriterMemory::FileId spare = Identify(to);
    if (spare == was.spare && Identify(from) == was.current &&
        spare.inode != was.current.inode && AppendRest(from, to, spare.size)) {
      const WriterMemory::FileId copy = Identify(to);
      if (copy.size == was.current.size) return copy;
    }
  }
  // A new file: the one `to` names may be the live site's too (a link).
  ::unlink(to.c_str());
  if (!CopyFile(from, to)) return {};
  return Identify(to);
}

void SiteWriter::NoteBooks(const std::string& target,
                           const std::vector<CopiedBook>& copied) {
  if (!trusted_) return;
  for (const CopiedBook& book : copied) {
    // Only a file the save appended to (the same inode) after every byte
    // of the copy (not after a torn batch it cut off) begins with the
    // current site's file, which the next build finds in the spare.
    const WriterMemory::FileId now = Identify(target + "/" + book.name);
    if (book.copy.inode != 0 && now.inode == book.copy.inode &&
        book.kept == book.copy.size)
      next_spare_books_[book.name] = {Identify(out_ + "/" + book.name), now};
  }
}

// The log, bodies and ids of the new site in `target`.
bool SiteWriter::SaveEditBookkeeping(Diagnostics& diag, StageTimer& timer,
                                     const std::string& target, EditChanges& edit) {
  // The bookkeeping the build appends to is copied first (or brought up to
  // the current site's): the current site's must stay as it is until the
  // swap.
  ::unlink((target + "/" + kSourceStampName).c_str());
  std::vector<CopiedBook> copied;
  const std::string log_path = target + "/" + kBuildLogName;
  // If not copied, Update writes it whole.
  copied.push_back(
      {kBuildLogName, CopyBook(target, kBuildLogName), old_log_.file_size()});
  if (!old_log_.Update(log_path, std::move(edit.changed), edit.gone))
    return Failed(diag, "cannot write " + log_path);
  // Only a speed-up: without them the next build renders every paper.
  const std::string bodies_path = target + "/" + kKnownBodiesName;
  const std::string ids_path = target + "/" + kKnownPageIdsName;
  if (known_bodies_)
    copied.push_back(
        {kKnownBodiesName, CopyBook(target, kKnownBodiesName), known_bodies_->read.size});
  else
    ::unlink(bodies_path.c_str());
  if (known_ids_)
    copied.push_back(
        {kKnownPageIdsName, CopyBook(target, kKnownPageIdsName), known_ids_->read.size});
  else
    ::unlink(ids_path.c_str());
  SaveBodiesAndIds(bodies_path, ids_path);
  NoteBooks(target, copied);
  timer.Mark("save build log, bodies and ids");
  return true;
}

bool SiteWriter::CommitEdit(Diagnostics& diag) {
  StageTimer timer;
  EditChanges edit = FindEditChanges();
  if (staged_.empty() && edit.gone.empty()) return CommitInPlace(diag, timer, edit);
  for (const std::string& path : staged_)
    if (!old_log_.Find(path)) added_.push_back(path);
  std::string target;
  if (!MakeEditedSite(diag, timer, edit, &target)) return false;
  KillPoint("carried");
  if (!SaveEditBookkeeping(diag, timer, target, edit)) return false;
  KillPoint("bookkeeping");
  return Publish(diag, target);
}

void SiteWriter::SaveBodiesAndIds(const std::string& bodies_path,
                                  const std::string& ids_path) {
  batch_file::Extent after;
  if (SaveKnownBodies(bodies_, bodies_path, known_bodies_ ? &*known_bodies_ : nullptr,
                      &after))
    bodies_saved_ = after;
  else
    ::unlink(bodies_path.c_str());
  if (SaveKnownPageIds(ids_, ids_path, known_ids_ ? &*known_ids_ : nullptr, &after))
    ids_saved_ = after;
  else
    ::unlink(ids_path.c_str());
}

WriterMemory SiteWriter::TakeMemory() {
  WriterMemory memory;
  if (fresh_ || !committed_) return memory;
  // Each only if its file ends where this build left it (a check of the
  // hand-over itself: a mismatch means "read it", never a wrong state).
  memory.log_file = Identify(out_ + "/" + kBuildLogName);
  if (memory.log_file.size == old_log_.file_size()) memory.log = std::move(old_log_);
  memory.bodies_file = Identify(out_ + "/" + kKnownBodiesName);
  if (bodies_saved_ && memory.bodies_file.size == bodies_saved_->size)
    memory.bodies = KnownBodiesAsSaved(std::move(bodies_), *bodies_saved_,
                                       known_bodies_ ? &*known_bodies_ : nullptr);
  memory.ids_file = Identify(out_ + "/" + kKnownPageIdsName);
  if (ids_saved_ && memory.ids_file.size == ids_saved_->size)
    memory.ids = KnownPageIdsAsSaved(std::move(ids_), *ids_saved_);
  if (swapped_) memory.spare_books = std::move(next_spare_books_);
  if (memory.log && readers_ && readers_used_) {
    readers_->Update(*memory.log);
    memory.readers = std::move(readers_);
  }
  if (!before_swap_) {
    if (swapped_) {
      // The site before this build is the spare now; these files differ.
      // Known whether or not this build trusted its output: it made the new
      // site from the old one (as a spare record says to a cold build), so
      // clerk serve's first edit, after a first build that read the output
      // from disk, does not wait for a walk of both trees.
      std::sort(staged_.begin(), staged_.end());
      memory.spare_delta = SpareDelta(std::move(staged_), std::move(gone_));
    } else if (trusted_) {
      memory.spare_delta = std::move(spare_delta_);  // changed in place: still due
    }
  }
  if (!memory.spare_delta && !before_swap_) memory.spare_delta = MirroredSpare();
  return memory;
}

void SiteWriter::ReadSpareRecordIfTrue() {
  const std::string file = out_ + "/" + kSpareRecordFile, spare_dir = SpareFolder(out_);
  std::optional<SpareRecord> record = ReadSpareRecord(file);
  ::unlink(file.c_str());
  if (!record) return;
  const WriterMemory::FileId spare = Identify(spare_dir);
  if (spare.device != record->device || spare.inode != record->inode ||
      TopNames(out_) != record->site_top || TopNames(spare_dir) != record->spare_top)
    return;
  // The spare never had the files the last build added: their folders are
  // looked at in the site only (mostly there are none, and one list serves).
  std::vector<std::string> added = record->added;
  std::sort(added.begin(), added.end());
  const std::vector<std::string_view> folders = LoggedFolders(old_log_, {});
  if (!FoldersUnchangedSince(out_, folders, record->made_ns, jobs_) ||
      !FoldersUnchangedSince(spare_dir,
                             added.empty() ? folders : LoggedFolders(old_log_, added),
                             record->made_ns, jobs_))
    return;
  spare_delta_ =
      WriterMemory::SiteDelta{record->written, record->gone, spare, std::nullopt};
  spare_recorded_ = true;
  record_ = std::move(record);
}

void SiteWriter::SaveSpareRecord() {
  if (!committed_ || fresh_ || trusted_) return;
  if (!swapped_) {
    // No file changed (the bookkeeping was updated in place): the folders
    // are as the record found them, so it holds as it was.
    if (record_ && spare_recorded_)
      WriteSpareRecord(out_ + "/" + kSpareRecordFile, *record_);
    return;
  }
  const std::string spare = SpareFolder(out_);
  const WriterMemory::FileId id = Identify(spare);
  const auto site_top = TopNames(out_), spare_top = TopNames(spare);
  if (id.inode == 0 || !site_top || !spare_top) return;
  std::sort(added_.begin(), added_.end());
  // After the build's last change to the folders the next build checks.
  SpareRecord record{id.device,  id.inode, NowNs(), *site_top,
                     *spare_top, staged_,  gone_,   added_};
  ::mkdir((out_ + "/" + kCacheDir).c_str(), 0755);
  if (!WriteSpareRecord(out_ + "/" + kSpareRecordFile, record)) return;
  // Past a clock tick, so that a change made after this one exits cannot
  // carry the record's time (output/spare_record.h).
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

std::optional<WriterMemory::SiteDelta> SiteWriter::MirroredSpare() const {
  const std::string spare = SpareFolder(out_);
  std::error_code ec;
  std::string error;
  if (!fs::exists(fs::path(spare) / kSiteMarker, ec) ||
      !MirrorTree(out_, spare, &error, jobs_))
    return std::nullopt;
  return SpareDelta({}, {});
}

WriterMemory::SiteDelta SiteWriter::SpareDelta(std::vector<std::string> written,
                                               std::vector<std::string> gone) const {
  // Only the folder's device and inode are compared (CatchUpSpare).
  return {std::move(written), std::move(gone), Identify(SpareFolder(out_)),
          std::vector<std::string>()};
}

bool SiteWriter::MoveStagedInto(const std::string& target, std::string* error) {
  std::sort(staged_.begin(), staged_.end());
  std::string made;
  for (const std::string& path : staged_) {
    std::string parent = Parent(path);
    if (!parent.empty() && parent != made) MakeFolders(target, made = parent);
    if (std::rename((staging_ + "/" + path).c_str(), (target + "/" + path).c_str()) !=
        0) {
      *error = path + ": " + std::strerror(errno);
      // What was moved goes back, for the staging folder to be whole.
      for (const std::string& back : staged_) {
        if (back == path) break;
        std::rename((target + "/" + back).c_str(), (staging_ + "/" + back).c_str());
      }
      return false;
    }
  }
  return true;
}

bool SiteWriter::CatchUpSpare(const std::string& spare) {
  // A session's memory is not used with a search index (serve builds
  // without one); a recorded spare is: the search index in the spare is
  // its own, and the search step brings it up to the new pages.
  if (!spare_delta_ || !(spare_recorded_ || (trusted_ && !before_swap_))) return false;
  WriterMemory::FileId id = Identify(spare);
  if (id.device != spare_delta_->spare.device || id.inode != spare_delta_->spare.inode)
    return false;
  std::set<std::string, std::greater<>> emptied;  // deepest first
  for (const std::string& path : spare_delta_->gone) {
    if (::unlink((spare + "/" + path).c_str()) != 0 && errno != ENOENT) return false;
    for (std::string dir = Parent(path); !dir.empty(); dir = Parent(dir))
      emptied.insert(dir);
  }
  for (const std::string& dir : emptied) ::rmdir((spare + "/" + dir).c_str());
  if (!LinkSiteFiles(spare, spare_delta_->written, false)) return false;
  // What the build wrote beside the site after its swap: the caches; the
  // files it names (one may have gone since), or a mirror of the whole folder.
  std::string error;
  ::mkdir((spare + "/" + kCacheDir).c_str(), 0755);
  if (!spare_delta_->caches)
    return MirrorTree(out_ + "/" + kCacheDir, spare + "/" + kCacheDir, &error, jobs_);
  return LinkSiteFiles(spare, *spare_delta_->caches, true);
}

bool SiteWriter::LinkSiteFiles(const std::string& spare,
                               const std::vector<std::string>& paths,
                               bool missing_ok) const {
  std::string made;
  for (const std::string& path : paths) {
    const std::string parent = Parent(path);
    if (!parent.empty() && parent != made) MakeFolders(spare, made = parent);
    const std::string to = spare + "/" + path;
    if (::unlink(to.c_str()) != 0 && errno != ENOENT) return false;
    if (::link((out_ + "/" + path).c_str(), to.c_str()) != 0 &&
        !(missing_ok && errno == ENOENT))
      return false;
  }
  return true;
}

void WriterMemory::NoteCacheWrites(const std::vector<std::string>& paths) {
  if (spare_delta && spare_delta->caches)
    spare_delta->caches->insert(spare_delta->caches->end(), paths.begin(), paths.end());
}

bool SiteWriter::Publish(Diagnostics& diag, const std::string& target) {
  if (before_swap_) before_swap_(target);
  KillPoint("before-swap");
  StageTimer timer;
  std::string previous, error;
  if (!SwapIn(target, out_, &previous, &error))
    return Failed(diag, "cannot put the new site in place of " + out_ + ": " + error);
  begun_ = false;
  swapped_ = true;
  KillPoint("swapped");
  // The previous site becomes the spare for the next build.
  const std::string spare = SpareFolder(out_);
  if (!previous.empty() && previous != spare) {
    RemoveSiteFolder(spare, kSiteMarker);
    if (std::rename(previous.c_str(), spare.c_str()) != 0)
      RemoveSiteFolder(previous, kSiteMarker);
  }
  RemoveSiteFolder(staging_, kSiteMarker);  // if the site was made in the spare
  timer.Mark("swap in");
  return true;
}

bool WriteSite(const std::vector<OutputFile>& files, const std::string& out_dir, int jobs,
               Diagnostics& diag) {
  SiteWriter writer(out_dir);
  if (!writer.Begin(diag)) return false;
  ParallelFor(files.size(), jobs, [&](size_t i, int) {
    const OutputFile& f = files[i];
    Fingerprint inputs = FingerprintOf(f.content);
    if (!writer.UpToDate(f.path, inputs)) writer.Put(f.path, inputs, f.content);
  });
  return writer.Commit(diag);
}

}  // namespace clerk
