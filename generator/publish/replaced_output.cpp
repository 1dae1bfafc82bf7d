#include "publish/replaced_output.h"

namespace clerk::publish {

bool IsReplacedSearchFile(const std::string& path, const Manifest& local) {
  const std::string dir = kSearchIndexDir;
  if (path.compare(0, dir.size(), dir) != 0) return false;
  // Since the index is built once, from the standard pages, every
  // rendition's search page reads pagefind/standard.json: with it, the
  // bundles and lists of the large-print and easy-read indexes of older
  // builds are replaced, not the search taken away.
  const bool one_index = local.count(dir + "standard.json") > 0;
  // pagefind/<rendition>/...: a file directly in pagefind/ (a loose file) is
  // not inside a bundle, and its going is a real change, unless it is an
  // old rendition's list.
  size_t slash = path.find('/', dir.size());
  if (slash == std::string::npos) {
    return one_index &&
           (path == dir + "large-print.json" || path == dir + "easy-read.json");
  }
  if (slash == dir.size()) return false;
  const std::string rendition = path.substr(dir.size(), slash - dir.size());
  return one_index || local.count(dir + rendition + ".json") > 0;
}

}  // namespace clerk::publish
