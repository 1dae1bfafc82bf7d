// clerk build (and each rebuild of clerk serve): load and check the site
// beside reading the last build's log, render into the SiteWriter, index for
// search, commit, and save what the next build reads back.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>
#include <sstream>

#include "builder/build_held.h"
#include "builder/build_stamp.h"
#include "builder/builder.h"
#include "builder/report.h"
#include "builder/search_step.h"
#include "builder/session.h"
#include "builder/stages.h"
#include "cli/progress_line.h"
#include "incremental/fingerprint_set_file.h"
#include "incremental/source_stamp.h"
#include "model/parallel.h"
#include "model/stage_timer.h"
#include "output/site_writer.h"

namespace clerk::builder {
namespace {

// One build: its options, its large structures and what it has found.
class OneBuild {
 public:
  // `kept`: what the last build of this process left (Session), or null.
  // `only_folders`: nothing but those folders changed (OnlyFoldersChanged).
  OneBuild(const BuildOptions& options, std::ostream& log, bool last,
           KeptState* kept = nullptr,
           std::optional<std::set<std::string>> changed_folders = std::nullopt,
           bool only_folders = false)
      : options_(options),
        kept_(kept),
        changed_folders_(std::move(changed_folders)),
        only_folders_(only_folders),
        log_(log),
        jobs_(Jobs(options)),
        site_(!last),
        writer_(!last, options.out),
        records_(!last, (std::filesystem::path(options.out) / kRecordCacheDir).string()),
        scans_file_((std::filesystem::path(options.out) / kAcronymScansFile).string()),
        checks_file_((std::filesystem::path(options.out) / kSavedChecksFile).string()) {}

  int Run(std::string* messages);
  // After Run, in a session: hands what this build leaves to the next one.
  // Neither this nor the destructor writes to the log (clerk serve's is
  // gone by then) or reads the options.
  void Finish();
  Session::Reused reused() const {
    return {memo_.replayed, stats_.index_kept, stats_.bodies_edit};
  }

 private:
  bool LoadBesideLog(bool ok);
  void KnowChangedFolders(const Site& before);
  bool PutBackMeetings(Site& before, const SiteIndex& index);
  bool RenderAndCommit();
  bool SaveForNextBuild(bool ok, const Fingerprint& stamp);
  // Hands what this build leaves to the next one of the process (Session).
  void KeepForNextBuild(bool ok);
  int Report(bool ok, std::string* messages);

  const BuildOptions& options_;
  KeptState* kept_;
  const std::optional<std::set<std::string>> changed_folders_;
  const bool only_folders_;
  std::ostream& log_;
  const int jobs_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  StageTimer timer_;
  Diagnostics diag_;
  BuildHeld<Site> site_;
  BuildHeld<SiteWriter> writer_;
  // Meeting folders as loaded, kept in the output folder for the next build.
  BuildHeld<RecordCache> records_;
  // Files the last build scanned clean for acronyms, kept the same way.
  const std::string scans_file_;
  // What the checks found, for the next build in a new process (CheckMemo).
  const std::string checks_file_;
  CheckMemo memo_;
  // The index a session's last build made, and whether it holds for this
  // build's site (PutBackMeetings); then this build's.
  std::unique_ptr<SiteIndex> index_;
  FolderNames meetings_listing_;  // what this build's load found in content/meetings
  bool index_fits_ = false;
  RenderMemory render_memory_;  // a session's: the last build's, then this one's
  RenderStats stats_;
  std::optional<output::SearchIndexReport> search_report_;
  bool ok_ = false;  // Run's outcome, for Finish
  // The cache files SaveForNextBuild wrote, by path in the site: the spare
  // site catches up by them (WriterMemory::SiteDelta::caches).
  std::vector<std::string> cache_writes_;
};

int OneBuild::Run(std::string* messages) {
  bool ok = CheckOutputDir(options_.out, options_.source, diag_);
  ok = ThemeFound(options_.source, diag_) && ok;
  WarnIfNoSearch(options_, diag_);
  // Nothing changed since the last build (sources, theme, clerk, options)
  // and the output is as it was left: done.
  const Fingerprint stamp = options_.changed_known ? Fingerprint{} : BuildStamp(options_);
  timer_.Mark("source stamp");
  size_t intact_files = 0;
  if (ok && !options_.changed_known &&
      NothingChanged(options_, stamp, jobs_, &intact_files)) {
    log_ << "clerk build: nothing changed since the last build -> " << intact_files
         << " files in " << options_.out << "/ (0 written, 0 removed, " << intact_files
         << " unchanged; " << Elapsed(started_) << ")\n";
    if (messages) messages->clear();
    return 0;
  }
  const bool writer_ready = LoadBesideLog(ok);
  if (writer_ready && diag_.HasErrors()) writer_->Abort();  // removes its staging folder
  if (ok && !diag_.HasErrors()) ok = writer_ready && RenderAndCommit();
  ok = ok && !diag_.HasErrors();
  ok = SaveForNextBuild(ok, stamp);
  const int code = Report(ok, messages);
  timer_.Mark("report");
  if (ok && !kept_) {
    // A build in its own process: the next one reads what the spare lacks.
    writer_->SaveSpareRecord();
    timer_.Mark("save spare record");
  }
  ok_ = ok;
  return code;
}

void OneBuild::Finish() {
  KeepForNextBuild(ok_);
  timer_.Mark("keep for next build");
}

// The writer reads the last build's log while the site loads: neither needs
// the other, and on a large site each takes a good part of an edit build.
// True when the writer is ready to take pages.
bool OneBuild::LoadBesideLog(bool ok) {
  Diagnostics begin_diag;
  std::future<bool> begun;
  WriterMemory* memory = kept_ ? &kept_->writer : nullptr;
  if (kept_) writer_->TrustOutput();  // a session's output is its own
  writer_->SetJobs(jobs_);
  if (ok) begun = Beside(jobs_, [&] { return writer_->Begin(begin_diag, memory); });
  if (ok && kept_ && kept_->clean_acronyms)
    memo_.clean_before = std::move(*kept_->clean_acronyms);
  else if (ok)
    memo_.clean_before = LoadFingerprintSet(scans_file_, "acronyms");
  if (kept_) memo_.keep = true;
  if (ok && !kept_) {
    memo_.own_process = memo_.keep = true;
    memo_.saved = LoadSavedChecks(checks_file_);
  }
  if (kept_ && kept_->loaded && kept_->findings && changed_folders_ && only_folders_)
    KnowChangedFolders(kept_->loaded->site);
  std::optional<std::set<std::string>> not_read;
  KnownListing meetings_known;
  if (kept_ && kept_->loaded && changed_folders_) {
    // The folders that loaded clean last time, less those that changed, are
    // taken as loaded; the source walk does not go into them either (a copy:
    // the loader takes folders out of `reusable` as it goes).
    for (const std::string& folder : *changed_folders_)
      kept_->loaded->reusable.erase(folder);
    records_->ReuseFrom(&*kept_->loaded);
    not_read = kept_->loaded->reusable;
    // The watcher named every change: content/meetings needs no listing.
    meetings_known = {&kept_->loaded->meetings_listing, &*changed_folders_};
  }
  if (kept_) {
    index_ = std::move(kept_->index);
    render_memory_ = std::move(kept_->render);
  }
  if (ok)
    LoadAndCheck(options_, jobs_, *site_, diag_, &*records_, &memo_,
                 not_read ? &*not_read : nullptr, meetings_known, &meetings_listing_);
  if (ok && memo_.replayed && index_)
    index_fits_ = PutBackMeetings(kept_->loaded->site, *index_);
  const bool writer_ready = begun.valid() && begun.get();
  diag_.Merge(begin_diag);
  timer_.Mark("load and check, total");
  return writer_ready;
}

// Gives the checks the records' fingerprints of the folders that changed,
// as `before` (the last build's site) has them, and what the last build's
// checks found; unless a folder is new, when the records surely changed.
void OneBuild::KnowChangedFolders(const Site& before) {
  for (const std::string& folder : *changed_folders_) {
    auto it = before.folder_records.find(folder);
    if (it == before.folder_records.end()) return;
    memo_.changed_folders[folder] = it->second;
  }
  memo_.before = std::move(kept_->findings);
}

// Only papers' bodies changed, so the last build's index holds for this
// build's records; but it points at the last build's meeting objects. A
// meeting that was read again (a folder that changed, or one that did not
// load clean last time) is a new object: the last build's, taken from
// `before`, is put back in its place if the folder's records are the same.
// True if then every meeting is one the index points at.
bool OneBuild::PutBackMeetings(Site& before, const SiteIndex& index) {
  std::vector<const Meeting*> known = index.meetings_by_date;
  std::sort(known.begin(), known.end());
  auto is_known = [&](const Meeting* m) {
    return std::binary_search(known.begin(), known.end(), m);
  };
  if (site_->meetings.size() != known.size()) return false;
  for (auto it = site_->meetings.begin(); it != site_->meetings.end(); ++it) {
    if (is_known(&it->second)) continue;
    const std::string& folder = it->first;
    auto was_records = before.folder_records.find(folder);
    auto now_records = site_->folder_records.find(folder);
    if (was_records == before.folder_records.end() ||
        now_records == site_->folder_records.end() ||
        was_records->second != now_records->second)
      return false;
    auto was = before.meetings.extract(folder);
    if (was.empty() || !is_known(&was.mapped())) return false;
    it = site_->meetings.erase(it);
    it = site_->meetings.insert(it, std::move(was));
  }
  return true;
}

// Renders into the writer and commits (or aborts) the new site. The search
// index is built in the new site before it is swapped in, so a reader, or a
// kill, never sees pages newer than their index.
bool OneBuild::RenderAndCommit() {
  ProgressLine progress(log_, &log_ == &std::cerr && ProgressLine::Interactive(2));
  RenderOptions render = MakeRenderOptions(options_, jobs_, *site_);
  if (memo_.own_process) render.records = &memo_.records;  // worked out already
  if (kept_) {
    render.kept_index = &index_;
    render.kept_index_fits = index_fits_;
    render.memory = &render_memory_;
    if (memo_.replayed && index_fits_ && changed_folders_)
      render.changed_meetings = &*changed_folders_;
  }
  render.progress = [&](size_t done, size_t total) {
    progress.Update("rendering pages", done, total);
  };
  bool ok = Render(options_, *site_, render, *writer_, diag_, stats_);
  progress.Done();
  if (!options_.no_search)
    writer_->SetBeforeSwap([&](const std::string& site_dir) {
      search_report_ =
          BuildSearch(site_dir, options_, jobs_, writer_->committed_log(), log_);
    });
  ok = ok ? writer_->Commit(diag_) : (writer_->Abort(), false);
  timer_.Mark("render and commit, total");
  return ok;
}

// Saves the record cache, the acronym scans and the stamp after a build that
// succeeded. The fast path is only for builds that had nothing to say, and
// whose search index is whole: the stamp goes before Pagefind runs and comes
// back after, so a build stopped while indexing is not "nothing changed".
bool OneBuild::SaveForNextBuild(bool ok, const Fingerprint& stamp) {
  if (ok) {
    for (const std::string& name : records_->Save(*site_))
      cache_writes_.push_back(std::string(kRecordCacheDir) + "/" + name);
    SaveFingerprintSet(memo_.clean_now, scans_file_, "acronyms");
    cache_writes_.push_back(kAcronymScansFile);
    if (memo_.own_process) SaveSavedChecks(ToSaved(memo_), checks_file_);
    timer_.Mark("save caches");
  }
  bool save_stamp = ok && diag_.WarningCount() == 0 && !options_.changed_known;
  if (ok) RemoveStamp(options_.out);
  // The search index checks its own parts: after a build that wrote
  // nothing, a part whose Pagefind run failed last time is tried again.
  if (ok && search_report_) {
    if (search_report_->result != output::SearchIndexResult::kNotFound)
      log_ << "clerk build: " << search_report_->Summary() << "\n";
    // Failed parts are tried again next time.
    save_stamp =
        save_stamp && search_report_->result != output::SearchIndexResult::kFailed;
  }
  if (save_stamp) SaveStamp(options_.out, stamp);
  return ok;
}

void OneBuild::KeepForNextBuild(bool ok) {
  if (!kept_) return;
  KeptState kept;
  if (ok) {
    kept.writer = writer_->TakeMemory();
    kept.writer.NoteCacheWrites(cache_writes_);
    kept.clean_acronyms = std::move(memo_.clean_now);
    kept.findings = std::move(memo_.now);
    kept.index = std::move(index_);
    kept.render = std::move(render_memory_);
    kept.loaded =
        LoadedBefore{std::move(*site_), records_->clean(), std::move(meetings_listing_)};
  }
  *kept_ = std::move(kept);
}

int OneBuild::Report(bool ok, std::string* messages) {
  const SiteWriter::Counts counts = writer_->counts();
  PrintDiagnostics(diag_, log_);
  if (messages) {
    std::ostringstream text;
    PrintDiagnostics(diag_, text);
    *messages = text.str();
  }
  if (!ok) {
    log_ << "clerk build: failed with " << Summary(diag_) << "; " << options_.out
         << " was not changed\n";
    return kExitContentError;
  }
  log_ << "clerk build: " << Plural(static_cast<int>(site_->meetings.size()), "meeting")
       << ", " << Plural(static_cast<int>(site_->documents.size()), "document") << " -> "
       << Plural(static_cast<int>(stats_.files()), "file") << " in " << options_.out
       << "/ (" << counts.written << " written, " << counts.removed << " removed, "
       << counts.unchanged << " unchanged; " << Elapsed(started_) << ")";
  if (diag_.WarningCount() > 0) log_ << "; " << Plural(diag_.WarningCount(), "warning");
  log_ << "\n";
  return 0;
}

}  // namespace

int Build(const BuildOptions& options, std::ostream& log, std::string* messages,
          bool last) {
  return OneBuild(options, log, last).Run(messages);
}

int Session::Build(const BuildOptions& options, const std::vector<std::string>& changed,
                   std::ostream& log, std::string* messages) {
  Settle();
  options_ = options;
  options_.changed_known = !changed.empty();
  std::optional<std::set<std::string>> folders;
  if (!changed.empty()) folders = ChangedFolders(changed);
  StageTimer timer;
  auto build = std::make_shared<OneBuild>(
      options_, log, false, &kept_, std::move(folders), OnlyFoldersChanged(changed));
  const int code = build->Run(messages);
  reused_ = build->reused();
  timer.Mark("build");
  unsettled_ = [build] { build->Finish(); };
  return code;
}

void Session::Settle() {
  if (!unsettled_) return;
  std::function<void()> settle = std::move(unsettled_);
  unsettled_ = nullptr;
  try {
    settle();
  } catch (...) {
    kept_ = KeptState();  // half handed over: the next build starts from disk
  }
  StageTimer timer;
  settle = nullptr;  // the build, freed
  timer.Mark("free the build");
}

}  // namespace clerk::builder
