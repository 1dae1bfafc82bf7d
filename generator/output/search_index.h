// The search index: Pagefind (npm `pagefind`, pinned in package.json; its
// binary comes inside the npm package) indexes the written site, which the
// search page's script (themes/default/js/search.js) loads. It runs after the
// output stage has written the site, on the real HTML, so it indexes exactly
// what readers see, with the committee, kind, year and rendition filters
// the layout marks up (data-pagefind-body, data-pagefind-filter).
//
// Only the standard rendition is indexed. Its large-print and easy-read
// pages are the same papers in other words, and indexing them tripled the
// work of every build; their search pages read the standard index and send
// each result to their own rendition's page (render/search_page.cpp,
// themes/default/js/search.js). Their excerpts are the standard text.
//
// The index is built in parts, because Pagefind holds everything it indexes
// in memory and has no incremental mode: one run over the 21,000 pages of
// 1,000 meetings takes 4 GB and half a minute, and over 10,000 meetings it
// passed 12 GB and was still going after seven minutes. A part is one
// rendition's meetings of some years (meetings/2019-*/..., or a span such as
// 2010 to 2019, see SearchParts), or the rest of that rendition (home, lists,
// committees, people, decisions ...). Each part is a
// Pagefind bundle in <out>/pagefind/standard/<part>/; <out>/pagefind/
// standard.json lists the bundles, and the search page merges them
// (Pagefind's mergeIndex), so a reader still searches the whole site.
//
// An edit does not index its part again: the pages changed since their part
// was indexed are indexed on their own, in the part of recent changes
// (pagefind/standard/recent/), and standard.json lists the out-of-date
// results of the older parts ("hidden") for the search page to leave out.
// Past kRecentPagesLimit changed or gone pages, their parts are indexed
// whole again (output/search_plan.h decides; incremental/search_parts_file.h
// records what each part holds).
//
// Which Pagefind runs: output/pagefind_program.h. A missing Pagefind is a
// warning on the build's diagnostics (so `--strict` fails): the site is
// complete without it, and the search page tells readers where to look
// instead, but a search page that cannot work must not pass silently.
// `clerk build --no-search` skips the index, and the warning.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "incremental/build_log.h"
#include "incremental/state_files.h"
#include "output/pagefind_program.h"

namespace clerk::output {

// Under the output folder: the bundles, and what each was indexed from.
inline constexpr const char* kSearchDir = "pagefind";

// What identifies the Pagefind that FindPagefind finds (its file, size and
// time), for a build's source stamp: an upgraded Pagefind is not "nothing
// changed". Empty if there is none.
std::string PagefindStamp(const std::string& source_root);

struct SearchPart {
  std::string rendition;  // "standard", "large-print", "easy-read"
  std::string name;       // "site" (the rest), "meetings-2019", "meetings-2010-2019"
  std::string glob;       // Pagefind's --glob, relative to the site
  std::vector<std::string> pages;  // the HTML files it matches, sorted
  // The folder Pagefind reads, if not the whole site: the part of recent
  // changes is indexed from a folder that holds only its pages.
  std::string site;

  std::string dir() const { return rendition + "/" + name; }  // under pagefind/
};

// The part of recent changes (output/search_plan.h): pages changed since
// their part was indexed, indexed on their own, up to kRecentPagesLimit
// pages (about 0.6 s of Pagefind at 2 ms a page) before their parts are
// indexed whole again.
inline constexpr const char* kRecentPartName = "recent";
inline constexpr size_t kRecentPagesLimit = 300;

// About how many pages a part of meetings holds. Each part costs the search
// page two requests to open and more to search (Pagefind merges them in the
// browser), and costs Pagefind about 0.3 GB of memory a thousand pages to
// build: 4,000 pages keep both small.
inline constexpr size_t kSearchPagesPerPart = 4000;

// The parts for a site's HTML files (paths relative to the output folder),
// in a fixed order: by rendition (standard, large print, easy read), then
// "site", then the meetings by year. `prefixes`: each rendition's id and
// output folder ("large-print/"; "" for standard). A part of meetings spans
// `years_per_part` years (1, 2, 5 or 10, aligned: 2010-2019), or if 0 the
// least of those that gives about kSearchPagesPerPart pages a part, judged
// by the rendition with the most meeting pages a year: so the parts change
// only when the site's size per year crosses a step.
std::vector<SearchPart> SearchParts(
    const std::vector<std::string>& html_paths,
    const std::vector<std::pair<std::string, std::string>>& prefixes,
    int years_per_part = 0);

// kNotFound: no Pagefind (nothing is printed: the caller warns, with
// MissingPagefindMessage).
enum class SearchIndexResult { kBuilt, kNotFound, kFailed };

struct SearchIndexOptions {
  // Each rendition's id and output folder, as for SearchParts. Only the
  // first is indexed; the others' pages are left out of every part.
  std::vector<std::pair<std::string, std::string>> renditions;
  int jobs = 1;  // Pagefind runs at a time
  // Pages changed since their parts were indexed that the part of recent
  // changes holds before those parts are indexed whole again
  // (output/search_plan.h).
  size_t recent_limit = kRecentPagesLimit;
  // Called after each part indexed, with the number done and to do.
  std::function<void(size_t done, size_t total)> progress;
};

struct SearchIndexReport {
  SearchIndexResult result = SearchIndexResult::kBuilt;
  size_t parts = 0;            // the site's
  size_t indexed = 0;          // indexed now
  size_t failed = 0;           // left out: their Pagefind run failed
  size_t recent = 0;           // pages in the part of recent changes
  bool recent_failed = false;  // its run failed: the older results are shown
  double seconds = 0;
  // "search index: 2 of 18 parts indexed, 16 unchanged, 5 changed pages
  // in the part of recent changes (0.41 s)".
  std::string Summary() const;
};

// Indexes the parts of the site in `out_dir` (its pages as `site_log`, the
// build's committed log, lists them) whose pages, or Pagefind, changed since
// they were indexed, or
// whose bundle is missing; removes bundles of parts the site no longer has;
// writes each rendition's list. Notes and warnings go to `log`; the caller
// prints the summary. A part whose run fails is left out of the lists and
// indexed again next time.
SearchIndexReport BuildSearchIndex(const std::string& out_dir,
                                   const std::string& source_root,
                                   const BuildLog& site_log,
                                   const SearchIndexOptions& options, std::ostream& log);

}  // namespace clerk::output
