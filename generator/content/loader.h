// The content stage: loads a source tree (site.yaml and content/) into the
// model. Every problem is reported to `diag` with its file:line:col and
// loading goes on, so one run lists every error. References between records
// are NOT checked here; the links stage does that once everything is loaded.
#pragma once

#include <set>
#include <string>

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
};

// `root` is the --source directory. Paths in messages are relative to the
// current directory when root is ".", else prefixed with root. With a
// `cache`, unchanged meeting folders are read from it and those parsed are
// noted in it (incremental/record_cache.h). The sources are walked first
// (content/source_tree.h): what must not be read is reported, not read.
Site LoadSite(const std::string& root, Diagnostics& diag, RecordCache* cache = nullptr,
              const LoadOptions& options = {});

}  // namespace clerk
