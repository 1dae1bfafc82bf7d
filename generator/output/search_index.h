// The search index: Pagefind (npm `pagefind`, pinned in package.json; its
// binary comes inside the npm package) indexes the written site into
// <out>/pagefind/, which the search page's script (themes/default/js/search.js)
// loads. It runs after the output stage has written the site, on the real
// HTML, so it indexes exactly what readers see: every rendition, with the
// committee, kind, year and rendition filters the layout marks up
// (data-pagefind-body, data-pagefind-filter).
//
// A missing Pagefind is not an error: the site is complete without it, and
// the search page tells readers where to look instead. `clerk build
// --no-search` skips it.
#pragma once

#include <ostream>
#include <string>

namespace clerk::output {

// The pagefind program: <source>/node_modules/.bin/pagefind, then the one in
// the node_modules beside clerk's build folder, then `pagefind` on PATH.
// Empty if none is found.
std::string FindPagefind(const std::string& source_root);

enum class SearchIndexResult { kBuilt, kNotFound, kFailed };

// Runs `pagefind --site <out_dir> --output-subdir pagefind --keep-index-url
// --quiet`; notes go to `log`.
SearchIndexResult BuildSearchIndex(const std::string& out_dir,
                                   const std::string& source_root, std::ostream& log);

}  // namespace clerk::output
