// What a Pagefind bundle holds, read back from its files: the page behind
// each search result id. A result's id is its fragment's name
// (fragment/<id>.pf_fragment), whose first field is the page's address; a
// fragment may also be a group of pages keyed by their ids. Each fragment
// file is gzip of "pagefind_dcd" and JSON (Pagefind 1.x).
//
// The search index uses it to hide a part's results for pages that have
// changed since the part was indexed (output/search_index.h).
#pragma once

#include <map>
#include <string>

namespace clerk::output {

// Page address ("/meetings/x/index.html", as indexed with
// --keep-index-url) -> id, for every fragment under `bundle_dir`. A
// fragment that cannot be read, or whose id has other characters than
// letters, digits, '_' and '-', is left out: its page's old result can then
// not be hidden, which the caller treats as a page with no id.
std::map<std::string, std::string> BundlePages(const std::string& bundle_dir);

}  // namespace clerk::output
