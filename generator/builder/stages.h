// The stages a build and a check share: load and check the records, render
// the pages and the resident files into a sink, each guarded so that an
// exception becomes an error instead of ending clerk.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "builder/builder.h"
#include "content/loader.h"
#include "incremental/saved_checks.h"
#include "links/check_acronyms.h"
#include "model/diagnostics.h"
#include "model/utf8.h"
#include "render/site_renderer.h"

namespace clerk::builder {

// Runs one stage; if it throws (a file system error no check foresaw, or a
// bug), the run fails with a clear error instead of ending the program:
// clerk serve runs builds in its own process and must outlive a bad one.
template <typename Stage>
bool Guarded(Diagnostics& diag, Stage&& stage) {
  try {
    stage();
    return true;
  } catch (const std::filesystem::filesystem_error& e) {
    const std::string path = e.path1().empty() ? "clerk" : e.path1().string();
    diag.Error({utf8::Escaped(path), 0, 0}, "cannot read: " + e.code().message());
  } catch (const std::exception& e) {
    diag.Error({"clerk", 0, 0}, std::string("internal error, please report it: ") +
                                    utf8::Escaped(e.what()));
  }
  return false;
}

// The site's own theme if it has one, else the one that comes with clerk
// (cli/install_paths.h).
std::string ThemeDir(const std::string& source);

// False, with one error that says where clerk looked, if there is no theme
// at all: a clerk program copied away from its install or build folder, say.
bool ThemeFound(const std::string& source, Diagnostics& diag);

// What the checks found in a site, kept by clerk serve from one build to
// the next (see CheckMemo::before).
struct CheckFindings {
  Diagnostics records;  // references and minute numbers: from the records alone
  AcronymFindings acronyms;
};

// What the checks found clean: by the last build (read before the checks)
// and by this one (saved after a successful build).
struct CheckMemo {
  AcronymScans clean_before, clean_now;

  // clerk serve's edit build: the meeting folders the watcher saw change
  // (nothing above them did), each with its records' fingerprint as the
  // last build loaded it, and what that build's checks found. If every one
  // loads with the same fingerprint, only papers' bodies changed: the
  // findings on records are replayed and only those folders' texts are
  // scanned again for acronyms.
  std::map<std::string, Fingerprint> changed_folders;
  std::optional<CheckFindings> before;
  // This build's findings, for the next (filled when `before` is set or
  // `keep` is true).
  bool keep = false;
  CheckFindings now;
  bool replayed = false;  // true if `before` was used

  // A build in its own process (not clerk serve's, which keeps `before` in
  // memory): it works out `key` once the site is loaded (ChecksKey), and if
  // the last build saved its findings under the same key
  // (incremental/saved_checks.h), every record is as it was then, so those
  // findings are `before` and the meeting folders whose record-cache stamps
  // changed since are `changed_folders`. Its own findings are then saved
  // under `key` for the next build.
  bool own_process = false;
  std::optional<SavedChecks> saved;
  Fingerprint key;
  Fingerprint records;  // the records' fingerprint in `key`, for the render
  std::map<std::string, Fingerprint> folder_stamps;  // RecordCache::stamps
};

// What findings of the checks hold for: the records' fingerprint
// (incremental/records_fingerprint.h), the clerk program, the build's date
// (some checks compare dates with it), the source folder as given (messages
// name files by it) and the option that decides whether a link out of the
// site loads.
Fingerprint ChecksKey(const BuildOptions& options, const Fingerprint& records);

// A build's findings (`now`) as they are saved, and back.
SavedChecks ToSaved(const CheckMemo& memo);
CheckFindings FromSaved(SavedChecks saved);

// The jobs a build runs on: --jobs, else every core.
int Jobs(const BuildOptions& options);

// Loads the site (through `cache`, if given) and checks its records and
// references (skipping what `memo` says was clean), on `jobs` threads. The
// source walk does not go into `meetings_not_read`, and content/meetings is
// known from `meetings_known` without listing it; what it holds goes to
// `meetings_listing` (LoadOptions).
void LoadAndCheck(const BuildOptions& options, int jobs, Site& site, Diagnostics& diag,
                  RecordCache* cache = nullptr, CheckMemo* memo = nullptr,
                  const std::set<std::string>* meetings_not_read = nullptr,
                  const KnownListing& meetings_known = {},
                  FolderNames* meetings_listing = nullptr);

RenderOptions MakeRenderOptions(const BuildOptions& options, int jobs, const Site& site);

// Renders every page into `sink`, then the calendars, feeds, open data and
// sitemap. Returns false when there are errors (or warnings under --strict).
// The papers' bodies are left in their files first (LeaveBodiesInFiles):
// the checks are done with them.
bool Render(const BuildOptions& options, Site& site, const RenderOptions& render,
            OutputSink& sink, Diagnostics& diag, RenderStats& stats);

}  // namespace clerk::builder
