// What the render stage of one clerk serve build leaves for the next one
// (RenderOptions::memory), so that an edit which changed only papers'
// bodies renders just the pages that read them, checks just their links,
// and neither looks at each of the other 200,000 pages of a large site nor
// parses the 177,000 links of its other papers again.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/fingerprint.h"
#include "render/content_html.h"
#include "render/page_jobs.h"

namespace clerk {

// A page "@/" links point at: the anchors they point at, and (once the page
// is built or kept) the ids it has. Pages are built side by side: `ids` is
// written under a lock (a page is built by one thread, unless two pages
// would be written to the same file, an error found only after they are
// built).
struct LinkTarget {
  std::set<std::string> anchors;
  std::optional<std::vector<std::string>> ids;
  // Set when the page is built or kept in the standard rendition: the link
  // check then need not look for it among every file of the site.
  std::atomic<bool> is_page{false};
};

// By the page's output path.
using LinkTargets = std::unordered_map<std::string, LinkTarget>;

struct RenderMemory {
  bool valid = false;  // a render finished and left the rest
  // The inputs every page shares, and the records' fingerprint
  // (incremental/records_fingerprint.h), of that build.
  Fingerprint shared, records;
  // The glossary's part of `shared`, kept with the index (the same records,
  // and no file outside a meeting folder changed).
  Fingerprint glossary;
  // Each page's output path, in the order of PageJobs and renditions
  // (rendition by rendition); then the same, sorted, without repeats.
  std::vector<std::string> page_paths, sorted_pages;
  // The page list the render went by (PageJobs): it names records by key,
  // so it holds for a build whose index is kept (the same records' keys).
  std::vector<PageJob> jobs;
  // An id for `page_paths`, new whenever the list is made afresh
  // (OutputSink::KeepPagesNotReading).
  uint64_t page_list = 0;
  // The other files of the site (theme, assets, pictures), sorted; and all
  // (RenderStats::paths).
  std::vector<std::string> files;
  std::shared_ptr<const std::vector<std::string>> paths;
  // The pages links pointed at, with their anchors and ids. An edit adds the
  // anchors its new links point at and does not take away those its old
  // ones did: a page then keeps an id or two more than it needs to.
  LinkTargets targets;
  // The source of each body whose rendering reported something: the sink
  // keeps only the others (OutputSink::KnownBodies).
  std::map<std::string, Fingerprint> unclean;
  // What the work programmes' rows rendered to (RenderContent), whatever
  // else the edit changed.
  ProgrammeTexts programmes;
};

}  // namespace clerk
