#include "builder/stages.h"

#include <future>

#include "cli/install_paths.h"
#include "content/paper_body.h"
#include "files/program_identity.h"
#include "incremental/record_cache.h"
#include "incremental/records_fingerprint.h"
#include "links/check_minutes.h"
#include "links/check_references.h"
#include "model/parallel.h"
#include "model/stage_timer.h"
#include "output/resident_files.h"

namespace clerk::builder {

std::string ThemeDir(const std::string& source) {
  return clerk::ThemeDir(source, ProgramDir()).string();
}

bool ThemeFound(const std::string& source, Diagnostics& diag) {
  const std::string dir = ThemeDir(source);
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return true;
  diag.Error({dir, 0, 0}, NoThemeMessage(source, ProgramDir()));
  return false;
}

int Jobs(const BuildOptions& options) {
  return options.jobs > 0 ? options.jobs : DefaultJobs();
}

namespace {

// True if the memo has the last build's findings and every folder that
// changed since has its records as they were: only papers' bodies changed.
bool OnlyBodiesChanged(const Site& site, const CheckMemo& memo) {
  if (!memo.before || memo.changed_folders.empty()) return false;
  for (const auto& [folder, before] : memo.changed_folders) {
    auto it = site.folder_records.find(folder);
    if (it == site.folder_records.end() || it->second != before) return false;
  }
  return true;
}

// A build in its own process (CheckMemo::own_process): works out the key
// of this build's findings, and takes the last build's as `before` if they
// were saved under the same key. Then every record is as it was, and only
// the folders whose files changed since (their record-cache stamps) are
// scanned for acronyms again.
void TakeSavedChecks(const BuildOptions& options, int jobs, const Site& site,
                     const RecordCache* cache, CheckMemo& memo) {
  memo.records = RecordsFingerprint(site, jobs);
  memo.key = ChecksKey(options, memo.records);
  if (cache) memo.folder_stamps = cache->stamps();
  const std::map<std::string, Fingerprint>& stamps = memo.folder_stamps;
  std::optional<SavedChecks> saved = std::move(memo.saved);
  memo.saved.reset();
  if (!saved || saved->key != memo.key || !cache || memo.before) return;
  std::map<std::string, Fingerprint> changed;
  for (const auto& [folder, meeting] : site.meetings) {
    auto now = stamps.find(folder);
    auto then = saved->folder_stamps.find(folder);
    if (now != stamps.end() && then != saved->folder_stamps.end() &&
        now->second == then->second)
      continue;
    auto records = site.folder_records.find(folder);
    if (records == site.folder_records.end()) return;  // not loaded: check all
    changed[folder] = records->second;
  }
  memo.changed_folders = std::move(changed);
  memo.before = FromSaved(std::move(*saved));
}

}  // namespace

Fingerprint ChecksKey(const BuildOptions& options, const Fingerprint& records) {
  return Hasher()
      .Add(ProgramIdentity())
      .Add("checks")
      .Add(IsoDate(options.today))
      .Add(options.allow_outside_links ? "links out allowed" : "")
      .Add(options.source)  // messages name files by it
      .Add(records)
      .Finish();
}

SavedChecks ToSaved(const CheckMemo& memo) {
  const CheckFindings& findings = memo.now;
  SavedChecks saved;
  saved.key = memo.key;
  saved.folder_stamps = memo.folder_stamps;
  saved.records = findings.records;
  saved.acronyms_site_wide = findings.acronyms.site_wide;
  saved.acronyms_by_folder = findings.acronyms.folders;
  return saved;
}

CheckFindings FromSaved(SavedChecks saved) {
  CheckFindings findings;
  findings.records = std::move(saved.records);
  findings.acronyms.site_wide = std::move(saved.acronyms_site_wide);
  findings.acronyms.folders = std::move(saved.acronyms_by_folder);
  return findings;
}

void LoadAndCheck(const BuildOptions& options, int jobs, Site& site, Diagnostics& diag,
                  RecordCache* cache, CheckMemo* memo,
                  const std::set<std::string>* meetings_not_read,
                  const KnownListing& meetings_known, FolderNames* meetings_listing) {
  StageTimer timer;
  if (!Guarded(diag, [&] {
        LoadOptions load;
        load.allow_outside_links = options.allow_outside_links;
        load.meetings_not_read = meetings_not_read;
        load.meetings_known = meetings_known;
        load.meetings_listing = meetings_listing;
        load.jobs = jobs;
        site = LoadSite(options.source, diag, cache, load);
      }))
    return;
  site.today = options.today;
  timer.Mark("load", cache ? std::to_string(cache->hits()) + " of " +
                                 std::to_string(site.meetings.size()) +
                                 " meeting folders from the cache"
                           : "");
  if (memo && memo->own_process) TakeSavedChecks(options, jobs, site, cache, *memo);
  // The checks only read the site: references and minute numbers (one pass
  // each over every record) run on their own thread beside the acronym
  // check, and their findings are merged in a fixed order.
  const bool replay = memo && OnlyBodiesChanged(site, *memo);
  const bool keep = memo && (memo->keep || replay);
  CheckFindings found;
  if (replay) found = std::move(*memo->before);
  Diagnostics acronyms_diag;
  size_t scanned = 0;
  Guarded(diag, [&] {
    std::future<void> refs;
    if (!replay)
      refs = Beside(jobs, [&] {
        CheckReferences(site, found.records);
        CheckMinuteNumbering(site, found.records);
      });
    std::set<std::string> only;  // the folders scanned again, if replaying
    if (replay)
      for (const auto& [folder, fingerprint] : memo->changed_folders) only.insert(folder);
    scanned = memo ? CheckAcronyms(
                         site, acronyms_diag, &memo->clean_before, &memo->clean_now, jobs,
                         keep ? &found.acronyms : nullptr, replay ? &only : nullptr)
                   : CheckAcronyms(site, acronyms_diag, nullptr, nullptr, jobs);
    if (refs.valid()) refs.get();
  });
  diag.Merge(found.records);
  diag.Merge(acronyms_diag);
  if (replay) {
    // The clean files not looked at again are clean still.
    memo->clean_before.merge(memo->clean_now);
    memo->clean_now.swap(memo->clean_before);
  }
  if (keep) memo->now = std::move(found);
  if (memo) memo->replayed = replay;
  timer.Mark("check acronyms",
             std::to_string(scanned) + " files scanned; " +
                 (replay ? "only papers' bodies changed, so references and minute "
                           "numbers as last time"
                         : "references and minute numbers checked beside it"));
}

RenderOptions MakeRenderOptions(const BuildOptions& options, int jobs, const Site& site) {
  RenderOptions render;
  render.theme_dir = ThemeDir(options.source);
  render.base_url = options.base_url.empty() ? site.config.base_url : options.base_url;
  render.jobs = jobs;
  return render;
}

bool Render(const BuildOptions& options, Site& site, const RenderOptions& render,
            OutputSink& sink, Diagnostics& diag, RenderStats& stats) {
  // Rendering needs consistent records; don't pile follow-on errors on top.
  if (diag.HasErrors()) return false;
  LeaveBodiesInFiles(site, render.changed_meetings);
  if (!Guarded(diag, [&] { stats = RenderSite(site, render, sink, diag); })) return false;
  if (diag.HasErrors()) return false;
  StageTimer timer;
  bool made = false;
  std::vector<std::string> resident;
  if (!Guarded(diag, [&] {
        made = output::PutResidentFiles(site,
                                        {render.base_url, options.noindex, render.jobs},
                                        stats.records, *stats.paths, sink, resident);
      }))
    return false;
  stats.resident_files = resident.size();
  timer.Mark("feeds, calendars, data", made ? "made" : "kept");
  return !diag.HasErrors() && !(options.strict && diag.WarningCount() > 0);
}

}  // namespace clerk::builder
