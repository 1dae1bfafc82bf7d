#include "publish/replaced_output.h"

namespace clerk::publish {

bool IsReplacedSearchFile(const std::string& path, const Manifest& local) {
  const std::string dir = kSearchIndexDir;
  if (path.compare(0, dir.size(), dir) != 0) return false;
  // pagefind/<rendition>/...: a file directly in pagefind/ (a rendition's
  // list, say) is not inside a bundle, and its going is a real change.
  size_t slash = path.find('/', dir.size());
  if (slash == std::string::npos || slash == dir.size()) return false;
  const std::string rendition = path.substr(dir.size(), slash - dir.size());
  return local.count(dir + rendition + ".json") > 0;
}

}  // namespace clerk::publish
