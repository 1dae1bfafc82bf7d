// The content stage: loads a source tree (site.yaml and content/) into the
// model. Every problem is reported to `diag` with its file:line:col and
// loading goes on, so one run lists every error. References between records
// are NOT checked here; the links stage does that once everything is loaded.
#pragma once

#include <set>
#include <string>

#include "files/disk.h"
#include "files/source_files.h"
#include "incremental/record_cache.h"
#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

struct LoadOptions {
  // Follow links that lead out of the site folder (--allow-outside-links);
  // by default each is an error at the link (content/source_boundary.h).
  bool allow_outside_links = false;
  // Meeting folders the cache will give as they were loaded, unread: the
  // source walk does not go into them (CheckSourceTree's `meetings_not_read`).
  const std::set<std::string>* meetings_not_read = nullptr;
  // clerk serve: content/meetings as the last load listed it, and the names
  // in it that changed since (its file watcher's). With both, the folder is
  // not listed again (RelistFolderNames): on a large site the two listings
  // of its 10,000 entries were half of an edit's load.
  KnownListing meetings_known;
  // Given what content/meetings holds, for the next load's meetings_known.
  FolderNames* meetings_listing = nullptr;
  // Where the sources are read from: null is the real disk. Every read,
  // listing and existence check of the load goes through it, so a unit test
  // can load a site from an in-memory disk (tests/files/fake_disk.h). With
  // any other disk than the real one, the source tree walk and the link
  // checks are left out (they need lstat and realpath, which only the real
  // file system has), and so is the record cache (its stamps are the real
  // files').
  Disk* disk = nullptr;
  // Threads that read records side by side (--jobs); 0: one per core.
  int jobs = 0;
};

// `root` is the --source directory. Paths in messages are relative to the
// current directory when root is ".", else prefixed with root. With a
// `cache`, unchanged meeting folders are read from it and those parsed are
// noted in it (incremental/record_cache.h). The sources are walked first
// (content/source_tree.h): what must not be read is reported, not read.
Site LoadSite(const std::string& root, Diagnostics& diag, RecordCache* cache = nullptr,
              const LoadOptions& options = {});

}  // namespace clerk
