#include "incremental/records_fingerprint.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "files/source_files.h"
#include "incremental/record_cache.h"
#include "model/diagnostics.h"
#include "model/parallel.h"

namespace clerk {
namespace fs = std::filesystem;

namespace {

// A file's part of the records: all of it, or a paper up to the end of its
// front matter (and its closing line, so also where the body starts).
Fingerprint FileRecords(const std::string& path, bool paper) {
  Diagnostics ignored;  // the loader has reported any problem already
  std::string text;
  if (!ReadTextFile(path, path, &text, ignored)) return FingerprintOf("(unreadable)");
  if (paper)
    return FingerprintOf(std::string_view(text).substr(0, FrontMatterLength(text)));
  return FingerprintOf(text);
}

}  // namespace

Fingerprint FolderRecordsFingerprint(const std::string& dir,
                                     const std::string& display_dir, const Site& part) {
  std::set<std::string> papers;
  for (const auto& [key, doc] : part.documents) papers.insert(doc.path);
  Hasher h;
  for (const std::string& name : ListFiles(dir)) {
    h.Add(name).Add(
        FileRecords(dir + "/" + name, papers.count(display_dir + "/" + name) > 0));
  }
  return h.Finish();
}

Fingerprint RecordsFingerprint(const Site& site, int jobs) {
  // Paths as the loader names them (Document::path): "<root>/content/...".
  std::string display_root = (site.root == "." || site.root.empty()) ? "" : site.root;
  if (!display_root.empty() && display_root.back() != '/') display_root += '/';
  // Papers read again here: those of folders the loader did not fingerprint
  // (all the papers of a large site, 44,000, went into this set before). A
  // meeting's papers are next to each other in key order.
  std::set<std::string> papers;
  const std::string* meeting = nullptr;
  bool fingerprinted = false;
  for (const auto& [key, doc] : site.documents) {
    if (!meeting || *meeting != doc.meeting_id) {
      meeting = &doc.meeting_id;
      fingerprinted = site.folder_records.count(doc.meeting_id) > 0;
    }
    if (!fingerprinted) papers.insert(doc.path);
  }

  std::vector<std::string> files = {"site.yaml"};
  fs::path root = site.root.empty() ? fs::path(".") : fs::path(site.root);
  const std::string content = (root / "content").string();
  const std::string meetings = content + "/meetings/";
  const std::string work_programmes = content + "/work-programmes";
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(content, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string path = it->path().generic_string();
    // A meeting folder (or the work programmes) the loader already
    // fingerprinted is not read again.
    if (it->is_directory(ec) &&
        ((path.rfind(meetings, 0) == 0 &&
          site.folder_records.count(path.substr(meetings.size()))) ||
         (path == work_programmes && site.folder_records.count(kWorkProgrammesEntry)))) {
      it.disable_recursion_pending();
      continue;
    }
    // "<root>/content/x/y.md" -> "content/x/y.md" (fs::relative would stat).
    if (it->is_regular_file(ec)) files.push_back("content" + path.substr(content.size()));
  }
  std::sort(files.begin(), files.end());

  std::vector<Fingerprint> each(files.size());
  ParallelFor(files.size(), jobs, [&](size_t i, int) {
    each[i] = FileRecords((root / files[i]).string(),
                          papers.count(display_root + files[i]) > 0);
  });

  Hasher h;
  h.Add(display_root);  // records carry their file's path (open data names it)
  for (size_t i = 0; i < files.size(); ++i) h.Add(files[i]).Add(each[i]);
  for (const auto& [folder, fingerprint] : site.folder_records)
    h.Add("meeting folder " + folder).Add(fingerprint);
  for (const auto& [key, version] : site.easy_read_versions) {
    h.Add(key).Add(version.document_sha256).Add(version.out_of_date ? "1" : "0");
  }
  return h.Finish();
}

}  // namespace clerk
