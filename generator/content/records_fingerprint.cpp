#include "content/records_fingerprint.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "content/source_files.h"
#include "model/diagnostics.h"
#include "model/parallel.h"

namespace clerk {
namespace fs = std::filesystem;

Fingerprint RecordsFingerprint(const Site& site, int jobs) {
  // Paths as the loader names them (Document::path): "<root>/content/...".
  std::string display_root = (site.root == "." || site.root.empty()) ? "" : site.root;
  if (!display_root.empty() && display_root.back() != '/') display_root += '/';
  std::set<std::string> papers;
  for (const auto& [key, doc] : site.documents) papers.insert(doc.path);

  std::vector<std::string> files = {"site.yaml"};
  fs::path root = site.root.empty() ? fs::path(".") : fs::path(site.root);
  const std::string content = (root / "content").string();
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(content, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    // "<root>/content/x/y.md" -> "content/x/y.md" (fs::relative would stat).
    if (it->is_regular_file(ec))
      files.push_back("content" + it->path().generic_string().substr(content.size()));
  }
  std::sort(files.begin(), files.end());

  std::vector<Fingerprint> each(files.size());
  ParallelFor(files.size(), jobs, [&](size_t i, int) {
    Diagnostics ignored;  // the loader has reported any problem already
    std::string text;
    if (!ReadTextFile((root / files[i]).string(), files[i], &text, ignored)) {
      each[i] = FingerprintOf("(unreadable)");
      return;
    }
    if (papers.count(display_root + files[i])) {
      // The front matter and its closing line (so also where the body starts).
      each[i] = FingerprintOf(std::string_view(text).substr(0, FrontMatterLength(text)));
    } else {
      each[i] = FingerprintOf(text);
    }
  });

  Hasher h;
  h.Add(display_root);  // records carry their file's path (open data names it)
  for (size_t i = 0; i < files.size(); ++i) h.Add(files[i]).Add(each[i]);
  for (const auto& [key, version] : site.easy_read_versions) {
    h.Add(key).Add(version.document_sha256).Add(version.out_of_date ? "1" : "0");
  }
  return h.Finish();
}

}  // namespace clerk
