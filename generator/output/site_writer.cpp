#include "output/site_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>

#include "content/source_files.h"
#include "model/parallel.h"
#include "model/stage_timer.h"
#include "output/known_bodies.h"
#include "output/known_page_ids.h"

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
  staging_ = out_ + ".tmp-" + std::to_string(::getpid());
}

SiteWriter::~SiteWriter() {
  if (begun_) Abort();
  if (out_fd_ >= 0) ::close(out_fd_);
}

std::optional<BuildLogEntry> SiteWriter::StatOut(const std::string& path) const {
  return out_fd_ >= 0 ? StatFileAt(out_fd_, path) : StatFile(out_ + "/" + path);
}

bool SiteWriter::Begin(Diagnostics& diag) {
  StageTimer timer;
  std::optional<BuildLog> log = BuildLog::Load(out_);
  fresh_ = !log.has_value();
  if (log) old_log_ = std::move(*log);
  kept_ = std::make_unique<std::atomic<bool>[]>(old_log_.slots());
  if (!fresh_) out_fd_ = OpenFolder(out_);
  known_bodies_ = LoadKnownBodies(out_);
  if (!fresh_) known_ids_ = LoadKnownPageIds(out_);
  timer.Mark("read build log", std::to_string(old_log_.size()) + " entries");
  std::error_code ec;
  fs::remove_all(staging_, ec);
  if (!fs::create_directories(staging_, ec) && ec) {
    diag.Error({out_, 0, 0}, "cannot create " + staging_ + ": " + ec.message());
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
      std::optional<BuildLogEntry> now = StatOut(path);
      if (now && now->size == old->size && now->mtime_ns == old->mtime_ns) {
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
  staged_.push_back(path);
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
  std::optional<BuildLogEntry> now = StatOut(path);
  if (!now || now->size != old.size || now->mtime_ns != old.mtime_ns) return false;
  if (!kept_[slot].exchange(true)) ++unchanged_;
  return true;
}

void SiteWriter::RecordDeps(const std::string& path, PageDeps deps) {
  std::lock_guard<std::mutex> lock(mutex_);
  deps_[path] = std::move(deps);
}

std::vector<std::string> SiteWriter::KeepAllWithDeps(const Fingerprint& deps) {
  if (fresh_ || deps == Fingerprint{}) return {};
  std::vector<size_t> slots;
  for (size_t slot = 0; slot < old_log_.slots(); ++slot) {
    const BuildLogEntry* entry = old_log_.At(slot);
    if (!entry || !(entry->deps == deps)) continue;
    std::optional<BuildLogEntry> now = StatOut(old_log_.PathAt(slot));
    if (!now || now->size != entry->size || now->mtime_ns != entry->mtime_ns) return {};
    slots.push_back(slot);
  }
  std::vector<std::string> paths;
  for (size_t slot : slots) {
    if (!kept_[slot].exchange(true)) ++unchanged_;
    paths.push_back(old_log_.PathAt(slot));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

void SiteWriter::RecordBodies(std::map<std::string, BodySummary> bodies) {
  std::lock_guard<std::mutex> lock(mutex_);
  bodies_ = std::move(bodies);
}

BuildLogEntry SiteWriter::WithDeps(const std::string& path, BuildLogEntry entry,
                                   bool keep) const {
  auto it = keep ? deps_.find(path) : deps_.end();
  if (it != deps_.end()) {
    entry.deps = it->second.fingerprint;
    entry.bodies = it->second.bodies;
  } else if (!keep) {
    entry.deps = Fingerprint{};
    entry.bodies.clear();
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
        const std::vector<std::string>& held = known->second.ids;
        return std::find(held.begin(), held.end(), id) != held.end();
      })) {
    ids = known->second.ids;
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
  return {staged_.size(), unchanged_.load(), removed_};
}

void SiteWriter::Abort() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
  begun_ = false;
}

bool SiteWriter::Commit(Diagnostics& diag) {
  auto fail = [&](const std::string& message) {
    diag.Error({out_, 0, 0}, message);
    Abort();
    return false;
  };
  if (!failure_.empty()) return fail(failure_ + "; the previous site is unchanged");
  std::error_code ec;
  const bool keep_deps = diag.WarningCount() == 0;

  if (fresh_) {
    // The staging folder is the whole site: swap it in.
    BuildLog log;
    new_log_.ForEach([&](const std::string& path, const BuildLogEntry& entry) {
      log.Set(path, WithDeps(path, entry, keep_deps));
    });
    if (!WriteMarker(staging_) || !log.Save(staging_ + "/" + kBuildLogName) ||
        !SaveKnownBodies(bodies_, staging_ + "/" + kKnownBodiesName) ||
        !SaveKnownPageIds(ids_, staging_ + "/" + kKnownPageIdsName)) {
      return fail("cannot write in " + staging_ + "; the previous site is unchanged");
    }
    std::string old = out_ + ".old-" + std::to_string(::getpid());
    bool had_old = fs::exists(out_, ec);
    if (had_old) {
      fs::rename(out_, old, ec);
      if (ec) return fail("cannot move the previous site aside: " + ec.message());
    }
    fs::rename(staging_, out_, ec);
    if (ec) {
      std::string message = ec.message();
      if (had_old) fs::rename(old, out_, ec);
      return fail("cannot move the new site into place: " + message);
    }
    // Caches of the previous build (.clerk-cache) stay useful: keep them. So
    // does its search index (pagefind/): each part of it is indexed again
    // only if its pages changed (output/search_index.h).
    for (const char* kept : {".clerk-cache", "pagefind"}) {
      if (had_old && fs::exists(fs::path(old) / kept, ec) &&
          !fs::exists(fs::path(out_) / kept, ec))
        fs::rename(fs::path(old) / kept, fs::path(out_) / kept, ec);
    }
    if (had_old) fs::remove_all(old, ec);
    begun_ = false;
    return true;
  }

  // In place: changed files in, stale files out, then the log.
  StageTimer timer;
  std::sort(staged_.begin(), staged_.end());
  std::set<std::string> made;
  for (const std::string& path : staged_) {
    std::string parent = Parent(path);
    if (!parent.empty() && made.insert(parent).second) {
      fs::create_directories(out_ + "/" + parent, ec);
    }
    if (std::rename((staging_ + "/" + path).c_str(), (out_ + "/" + path).c_str()) != 0) {
      std::string message = "cannot move " + path + " into " + out_ + ": " +
                            std::strerror(errno) +
                            "; the site is partly updated: fix the cause and build again";
      diag.Error({out_, 0, 0}, message);
      Abort();
      return false;
    }
  }
  // What the log gains (files put, kept files with new deps) and loses.
  std::vector<std::pair<std::string, BuildLogEntry>> changed;
  std::vector<std::string> gone;
  new_log_.ForEach([&](const std::string& path, const BuildLogEntry& entry) {
    BuildLogEntry now = WithDeps(path, entry, keep_deps);
    const BuildLogEntry* old = old_log_.Find(path);
    if (!old || !(*old == now)) changed.emplace_back(path, std::move(now));
  });
  std::set<std::string, std::greater<>> emptied;  // deepest first
  for (size_t slot = 0; slot < old_log_.slots(); ++slot) {
    const BuildLogEntry* old = old_log_.At(slot);
    if (!old) continue;
    const std::string& path = old_log_.PathAt(slot);
    // Put this build (above): its new entry stands.
    if (new_log_.Find(path)) continue;
    if (kept_[slot]) {
      // Copied only when its deps may have changed: nearly every file is kept.
      if (keep_deps ? deps_.count(path) > 0 : !(old->deps == Fingerprint{})) {
        BuildLogEntry now = WithDeps(path, *old, keep_deps);
        if (!(now == *old)) changed.emplace_back(path, std::move(now));
      }
      continue;
    }
    gone.push_back(path);
    if (fs::remove(out_ + "/" + path, ec)) ++removed_;
    for (std::string dir = Parent(path); !dir.empty(); dir = Parent(dir))
      emptied.insert(dir);
  }
  for (const std::string& dir : emptied) {
    fs::path full = out_ + "/" + dir;
    if (fs::is_directory(full, ec) && fs::is_empty(full, ec)) fs::remove(full, ec);
  }
  if (!fs::exists(out_ + "/" + kSiteMarker, ec)) WriteMarker(out_);
  timer.Mark("move in, stale out");
  if (!old_log_.Update(out_ + "/" + kBuildLogName, std::move(changed), gone))
    return fail("cannot write " + out_ + "/" + kBuildLogName);
  timer.Mark("save build log");
  // Only a speed-up: without it the next build renders every paper.
  if (!SaveKnownBodies(bodies_, out_ + "/" + kKnownBodiesName,
                       known_bodies_ ? &*known_bodies_ : nullptr))
    fs::remove(out_ + "/" + kKnownBodiesName, ec);
  if (!SaveKnownPageIds(ids_, out_ + "/" + kKnownPageIdsName,
                        known_ids_ ? &*known_ids_ : nullptr))
    fs::remove(out_ + "/" + kKnownPageIdsName, ec);
  Abort();  // removes the (now empty) staging folder
  timer.Mark("save bodies and ids");
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
