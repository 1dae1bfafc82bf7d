// The output stage: puts the rendered files on disk, safely and only where
// something changed.
//
// Nothing under the output folder changes until every page is rendered
// without error, and then it changes in one step. Rendered files go to a
// staging folder beside it (`public.tmp-<pid>`); Commit() makes the whole
// new site from them: in the spare folder (`public.old-spare`, the previous
// site, mirrored from the current one so only what differs changes), or
// without one in the staging folder (every kept file of the current site as
// a hard link: carry_over.h). It saves the build log there, lets the search
// index be built there (SetBeforeSwap), and swaps that folder with the
// output folder (folder_swap.h); the site it replaces becomes the spare.
// A reader, a web server or a kill at any moment sees the whole old site or
// the whole new one, search index included, never a mix and never no
// folder; what a killed build leaves beside the site is removed by the next
// build.
//   - First build (no build log): every page is written; nothing of the old
//     folder is removed except Clerk's own bookkeeping.
//   - Later builds: only files whose inputs changed are rendered and staged
//     (see build_log.h); the files the last build wrote and this one no
//     longer has are left out of the new site.
// Clerk removes only files it wrote (those in the build log): a file put in
// the output folder by hand is carried into every new site. Without a log
// Clerk cannot tell its own stale pages from such files, so it keeps them
// all, and warns with their names.
// A failed build (content errors, a full disk, a permission problem) leaves
// the previous site exactly as it was.
//
// To never destroy a folder Clerk did not make (a tired `--out content`),
// every site gets a marker file `.clerk-site`; an existing, non-empty output
// folder without it is refused.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "incremental/build_log.h"
#include "incremental/known_bodies.h"
#include "incremental/known_page_ids.h"
#include "incremental/page_readers.h"
#include "incremental/state_files.h"
#include "model/diagnostics.h"
#include "model/parallel.h"
#include "output/spare_record.h"
#include "render/site_renderer.h"

namespace clerk {

class StageTimer;

// Checks that `out_dir` may be replaced; reports why not otherwise.
bool CheckOutputDir(const std::string& out_dir, const std::string& source_root,
                    Diagnostics& diag);

// What a successful build leaves for the next one in the same process
// (clerk serve's build worker): the build log, the papers' bodies and the
// pages' ids as their files in the output folder now hold them, so the next
// Begin need not read and parse them again (at 10,000 meetings the log alone
// has 220,000 lines). Each is used only while its file is still the one it
// describes: same inode, size and modification time; else it is read.
struct WriterMemory {
  struct FileId {
    uint64_t device = 0, inode = 0, size = 0;
    int64_t mtime_ns = 0;
    bool operator==(const FileId&) const = default;
  };
  std::optional<BuildLog> log;
  FileId log_file;
  std::optional<KnownBodies> bodies;
  FileId bodies_file;
  std::optional<KnownPageIds> ids;
  FileId ids_file;
  // With a trusted output (SiteWriter::TrustOutput): what the last swap
  // changed in the site, whose previous state is now the spare folder, so
  // the next build brings the spare up to date by these changes alone.
  struct SiteDelta {
    std::vector<std::string> written, gone;
    FileId spare;  // the spare folder it applies to (device and inode)
    // The cache files (kCacheDir) written since the spare's were a mirror
    // of the current site's, by path in the site (NoteCacheWrites); nullopt
    // if not known, and then the spare's cache folder is mirrored whole.
    std::optional<std::vector<std::string>> caches;
  };
  // Adds `paths` to spare_delta's caches, if it has them.
  void NoteCacheWrites(const std::vector<std::string>& paths);
  std::optional<SiteDelta> spare_delta;
  // With a trusted output: the bookkeeping files (by name) of the spare
  // folder, each with the current site's file it begins (the last build
  // copied it and appended), so the next build brings the spare's file up
  // to date by appending the rest instead of copying the whole (84 MB at
  // N = 10,000). Used only while both files are still these.
  struct BookPair {
    FileId spare, current;
  };
  std::map<std::string, BookPair> spare_books;
  // With a trusted output, after a build that kept pages not reading the
  // bodies an edit changed: who reads what, for the next such edit.
  std::optional<PageReaders> readers;
};

class SiteWriter : public OutputSink {
 public:
  explicit SiteWriter(std::string out_dir);
  ~SiteWriter() override;  // aborts if not committed

  // Threads for the writer's own walks of the site (--jobs); every core if
  // not set. Before Begin.
  void SetJobs(int jobs) { jobs_ = jobs; }

  // Reads the build log and makes the staging folder. With `memory` (from
  // TakeMemory after the last build), takes what is still current from it
  // instead of reading the files.
  bool Begin(Diagnostics& diag, WriterMemory* memory = nullptr);

  // OutputSink; safe from several threads at once.
  bool UpToDate(const std::string& path, const Fingerprint& inputs) override;
  void Put(const std::string& path, const Fingerprint& inputs,
           std::string content) override;
  std::optional<std::string> Existing(const std::string& path) override;
  // From .clerk-page-ids while the page's bytes are those the ids were read
  // from and hold every linked id; else read from the file. Either way the
  // linked ones are remembered for the next build.
  std::optional<std::vector<std::string>> ExistingIds(
      const std::string& path, const std::set<std::string>& linked) override;
  void RecordIds(const std::string& path, const std::vector<std::string>& ids,
                 const std::set<std::string>& linked) override;
  bool KeepsDeps() const override { return true; }
  std::optional<LastPageDeps> LastDeps(const std::string& path) override;
  bool Keep(const std::string& path) override;
  // Saved in the log whether or not the build had warnings: building a
  // page's data raises none (warnings come from loading, the checks and the
  // Markdown of bodies, each of which caches only what was clean), so a page
  // skipped unbuilt loses no warning.
  void RecordDeps(const std::string& path, PageDeps deps) override;
  const std::map<std::string, BodySummary>* KnownBodies() override {
    return known_bodies_ ? &known_bodies_->bodies : nullptr;
  }
  void RecordBodies(std::map<std::string, BodySummary> bodies) override;
  std::vector<std::string> KeepAllWithDeps(const Fingerprint& deps) override;
  std::optional<std::vector<size_t>> KeepPagesNotReading(
      const std::vector<std::string>& pages, uint64_t list,
      const std::set<std::string>& bodies, int jobs) override;

  // Called by Commit with the folder of the complete new site (the staging
  // folder, or the output folder itself when no file of the site changes)
  // before it is swapped in: whatever it writes there (the search index)
  // appears with the pages, in the same step.
  void SetBeforeSwap(std::function<void(const std::string& site_dir)> before_swap) {
    before_swap_ = std::move(before_swap);
  }

  // Completes the new site (kept files carried over, stale ones left out),
  // saves the log in it (with the recorded PageDeps), and swaps it in. On failure
  // (reported in `diag`) the previous site is left as it was.
  bool Commit(Diagnostics& diag);
  // Throws the staged files away; the output folder is untouched.
  void Abort();
  // After a successful Commit, what the next Begin would read from the
  // output folder, handed over instead (see WriterMemory); the writer's log
  // is gone afterwards. Empty after a first build (it wrote its log whole;
  // the next build reads it). Called after the build has answered (clerk
  // serve's settling). A build that swapped in a new site hands over what
  // it changed, which the spare folder (the site before it) lacks. When a
  // build leaves no such list (a session's first build that changed the
  // site in place, or nothing), the spare is made a mirror of the site
  // here, so the next edit does not walk both trees before it can write.
  WriterMemory TakeMemory();

  // For the next build in a new process (clerk build): after everything
  // this build writes in the site is saved, records how the spare folder
  // differs from the site, so that build brings the spare up to date by
  // these changes instead of mirroring the site (output/spare_record.h).
  // Only after an edit build that swapped a new site in.
  void SaveSpareRecord();
  // Whether Begin found the last build's spare record still true.
  bool spare_from_record() const { return spare_recorded_; }
  // Nothing but this process writes in the output folder and its spare
  // (clerk serve's decision: it knows from the watcher what changed and
  // trusts its own output). Once Begin takes the log from the memory of
  // this process's last build, a file the log lists is taken to be as that
  // build wrote it, without a stat, and the spare folder is brought up to
  // date by that build's changes instead of a walk of both trees. The first
  // build of a process checks everything as usual. Before Begin.
  void TrustOutput() { trust_asked_ = true; }
  // True if Begin took the log, bodies and ids all from its `memory`.
  bool began_from_memory() const { return began_from_memory_; }

  struct Counts {
    size_t written = 0;    // files new or changed
    size_t unchanged = 0;  // files left as they were
    size_t removed = 0;    // files the site no longer has
  };
  Counts counts() const;
  // True if this build wrote the whole site afresh (there was no usable log).
  bool fresh() const { return fresh_; }
  // After a successful Commit: every file of the site, as the build log on
  // disk now has it (the search index reads it instead of loading it again).
  const BuildLog& committed_log() const { return fresh_ ? new_log_ : old_log_; }

 private:
  void Fail(const std::string& message);
  // StatFile of a file of the site (relative to out_fd_ when open).
  std::optional<BuildLogEntry> StatOut(const std::string& path) const;
  // Whether the output file at `path` is still what the log says was written
  // (size and time), or the output is trusted.
  bool StillAsLogged(const std::string& path, const BuildLogEntry& logged) const;
  // `entry` with the PageDeps recorded for `path`, if any.
  BuildLogEntry WithDeps(const std::string& path, BuildLogEntry entry) const;
  // Commit without a log / with one; both end in Publish.
  bool CommitFresh(Diagnostics& diag);
  bool CommitEdit(Diagnostics& diag);
  // The steps of CommitEdit: what changes, and then either the log updated
  // in place (no file changes) or the new site made and its log saved.
  struct EditChanges;
  EditChanges FindEditChanges();
  bool CommitInPlace(Diagnostics& diag, StageTimer& timer, EditChanges& edit);
  bool MakeEditedSite(Diagnostics& diag, StageTimer& timer, const EditChanges& edit,
                      std::string* target);
  bool SaveEditBookkeeping(Diagnostics& diag, StageTimer& timer,
                           const std::string& target, EditChanges& edit);
  // Moves the staged files into `target` (the spare folder); on failure
  // moves them back.
  bool MoveStagedInto(const std::string& target, std::string* error);
  // Runs before_swap_ on `target`, the complete new site, swaps it in, and
  // keeps the previous site as the spare (folder_swap.h).
  bool Publish(Diagnostics& diag, const std::string& target);
  // Reads the last build's spare record (and removes it: it describes the
  // folders only until this build changes them); if it holds (neither
  // folder changed since), spare_delta_ is made from it.
  void ReadSpareRecordIfTrue();
  // With a trusted output and the last build's changes: makes the spare
  // folder (the site before them) the current site again by those changes.
  // False if it cannot (the caller then mirrors the whole tree).
  bool CatchUpSpare(const std::string& spare);
  // Links `paths` of the site into the spare folder, in place of what it
  // has there; with `missing_ok`, a path the site no longer has is passed.
  bool LinkSiteFiles(const std::string& spare, const std::vector<std::string>& paths,
                     bool missing_ok) const;
  // Mirrors the site into the spare folder, if there is one: then nothing
  // is left to bring it up to date by (an empty SiteDelta).
  std::optional<WriterMemory::SiteDelta> MirroredSpare() const;
  // The spare folder as it is now, with the site's changes since it was a
  // mirror of the site (the caches' list empty: none written yet).
  WriterMemory::SiteDelta SpareDelta(std::vector<std::string> written,
                                     std::vector<std::string> gone) const;
  // KeepPagesNotReading when files are not trusted: each page looked up in
  // the log and checked on disk.
  std::vector<size_t> KeepCheckedPagesNotReading(const std::vector<std::string>& pages,
                                                 const std::set<std::string>& bodies,
                                                 int jobs);
  // Makes `target`'s bookkeeping file `name` a new copy of the current
  // site's, or brings it up to one by appending (spare_books_). Returns the
  // copy as it is then (all zero if it failed or there is no such file).
  WriterMemory::FileId CopyBook(const std::string& target, const std::string& name);
  // A bookkeeping file copied into the new site, and how much of it the
  // save appends after (the end of its complete batches).
  struct CopiedBook {
    const char* name;
    WriterMemory::FileId copy;
    uint64_t kept;
  };
  // After the bookkeeping in `target` is saved: each file a save appended
  // to after the whole copy is noted for the next build (spare_books).
  void NoteBooks(const std::string& target, const std::vector<CopiedBook>& copied);
  // Saves this build's bodies and ids (appending to the files there, if
  // copied from the current site); a file that cannot be saved is removed.
  void SaveBodiesAndIds(const std::string& bodies_path, const std::string& ids_path);
  // Reports `message` (the previous site is unchanged) and aborts.
  bool Failed(Diagnostics& diag, const std::string& message);

  std::string out_;      // absolute output folder
  std::string staging_;  // absolute staging folder
  bool fresh_ = true;
  bool begun_ = false;
  bool committed_ = false;  // Commit succeeded
  bool began_from_memory_ = false;
  int jobs_ = DefaultJobs();  // SetJobs
  bool trust_asked_ = false;  // TrustOutput
  bool trusted_ = false;      // and the log came from memory
  bool swapped_ = false;      // Commit put a new folder in place (else in place)
  std::optional<WriterMemory::SiteDelta> spare_delta_;  // from Begin's memory
  // spare_delta_ came from the last build's spare record, which holds
  // (not from a session's memory).
  bool spare_recorded_ = false;
  // The record as read, for a build that changes no file to leave again.
  std::optional<SpareRecord> record_;
  std::vector<std::string> added_;  // staged files the last site did not have
  // From Begin's memory, or made by KeepPagesNotReading; handed on only if
  // that ran (else the page list may have changed).
  std::optional<PageReaders> readers_;
  bool readers_used_ = false;
  // From Begin's memory (see WriterMemory::spare_books), and for the next.
  std::map<std::string, WriterMemory::BookPair> spare_books_, next_spare_books_;
  std::vector<std::string> gone_;  // this build's
  int out_fd_ = -1;                // the output folder, for StatOut; -1 on a fresh build
  BuildLog old_log_;
  // Per slot of old_log_: kept as it is (Keep). A flag, not a copy into
  // new_log_ under the lock: an edit build keeps every page but a few.
  std::unique_ptr<std::atomic<bool>[]> kept_;
  std::atomic<size_t> unchanged_{0};
  std::mutex mutex_;  // guards everything below
  BuildLog new_log_;  // files put (written, or the same bytes from new inputs)
  // The files written to staging, as slots of new_log_ while pages are put
  // (a path each is 20 MB at 10,000 meetings), named in staged_ by Commit.
  std::vector<size_t> staged_slots_;
  std::vector<std::string> staged_;
  // Deps of pages kept, not put (those of pages put are in new_log_).
  std::unordered_map<std::string, PageDeps> deps_;
  std::optional<clerk::KnownBodies> known_bodies_;  // last build's
  std::map<std::string, BodySummary> bodies_;       // this build's
  std::optional<KnownPageIds> known_ids_;           // last build's, as read
  std::map<std::string, PageIds> ids_;              // this build's
  // Where the bodies and ids files end once saved, if they were.
  std::optional<batch_file::Extent> bodies_saved_, ids_saved_;
  std::unordered_set<std::string> made_dirs_;  // folders made in staging
  std::string failure_;
  size_t removed_ = 0;
  std::function<void(const std::string&)> before_swap_;
};

// Writes `files` under `out_dir` as a whole site (tests and small tools):
// Begin, Put each, Commit.
bool WriteSite(const std::vector<OutputFile>& files, const std::string& out_dir, int jobs,
               Diagnostics& diag);

}  // namespace clerk
