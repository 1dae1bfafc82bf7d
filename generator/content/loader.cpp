#include "content/loader.h"

#include <filesystem>

#include "content/record_loaders.h"
#include "content/site_config.h"
#include "content/source_tree.h"
#include "content/yaml_reader.h"
#include "files/source_boundary.h"
#include "files/source_files.h"
#include "incremental/records_fingerprint.h"
#include "model/parallel.h"
#include "model/utf8.h"

namespace clerk {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Calls `load(id, path, display, part, diag)` for each <id>.yaml in `dir`;
// reports files whose name cannot be an id, and files that are not YAML.
// A large site has thousands (work programmes): each is parsed into its own
// part on any free core, and the parts are joined in file order, so the
// result does not depend on the threads. `join` moves a part into the site.
template <typename Load, typename Join>
void ForEachYamlRecord(Disk& disk, int jobs, const std::string& root,
                       const std::string& display_root, const SourceTree& tree,
                       const std::string& sub, const char* what, Diagnostics& diag,
                       Load load, Join join) {
  if (tree.Refused(sub)) return;  // reported by the walk
  std::string dir = (std::filesystem::path(root) / sub).string();
  struct File {
    std::string id, path, display;
    Site part;
    Diagnostics diag;
  };
  std::vector<File> files;
  for (const std::string& name : ListFiles(disk, dir)) {
    std::string display = display_root + sub + "/" + name;
    if (!EndsWith(name, ".yaml")) {
      diag.Warning({display, 1, 1},
                   std::string("ignored: ") + what + " files end in .yaml");
      continue;
    }
    std::string id = name.substr(0, name.size() - 5);
    if (!IsValidId(id)) {
      diag.Error({display, 1, 1}, std::string("file name '") + name + "' must be " +
                                      kIdRule + ": it is the " + what +
                                      "'s id and address");
      continue;
    }
    files.push_back({id, (std::filesystem::path(dir) / name).string(), display, {}, {}});
  }
  ParallelFor(files.size(), jobs, [&](size_t i, int) {
    File& f = files[i];
    load(f.id, f.path, f.display, f.part, f.diag, disk);
  });
  for (File& f : files) {
    diag.Merge(f.diag);
    join(f.part);
  }
}

// The folders records are read from must be folders: a file in the place
// of one would otherwise read as an empty folder, and its records vanish
// without a word. (What cannot be read at all the walk reported.)
void ExpectFolders(Disk& disk, const std::string& root, const std::string& display_root,
                   const SourceTree& tree, Diagnostics& diag) {
  for (const char* sub : {"content/people", "content/committees", "content/meetings",
                          "content/work-programmes", "content/forward-plans"}) {
    if (tree.Refused(sub)) continue;
    const FileKind kind = disk.Stat((std::filesystem::path(root) / sub).string()).kind;
    if (kind == FileKind::kMissing || kind == FileKind::kFolder) continue;
    diag.Error({display_root + sub, 0, 0},
               "cannot read folder: this is a file, not a folder; clerk reads the "
               "records from a folder of this name");
  }
}

}  // namespace

Site LoadSite(const std::string& root, Diagnostics& diag, RecordCache* cache,
              const LoadOptions& options) {
  Site site;
  site.root = root;
  std::string display_root = (root == "." || root.empty()) ? "" : root;
  if (!display_root.empty() && display_root.back() != '/') display_root += '/';
  // Every path in a message and in the open data starts with the site
  // folder's: it has to be text.
  if (!utf8::IsValid(display_root) || !IsPrintableName(display_root)) {
    diag.Error({utf8::Escaped(display_root), 0, 0},
               "the site folder's name is not UTF-8 text: rename the folder");
    return site;
  }

  Disk& disk = options.disk ? *options.disk : RealDiskInstance();
  const int jobs = options.jobs > 0 ? options.jobs : DefaultJobs();
  // The walk and the boundary stay on the real file system: they need
  // lstat, readdir's view of links, access and realpath, which a fake disk
  // does not model (it has no links, pipes or permissions to find). For the
  // same reason the record cache, whose stamps are the real files', is used
  // only with the real disk.
  const bool real = IsRealDisk(disk);
  if (!real) cache = nullptr;
  const SourceBoundary boundary(root, options.allow_outside_links);
  const SourceTree tree =
      real ? CheckSourceTree(root, display_root, diag, options.meetings_not_read)
           : SourceTree{};
  site.config = LoadSiteConfig(root, display_root, diag, disk);
  std::filesystem::path content = std::filesystem::path(root) / "content";
  if (tree.Refused("content")) return site;
  if (disk.Stat(content.string()).kind != FileKind::kFolder) {
    diag.Error({display_root + "content", 0, 0}, "no content/ folder next to site.yaml");
    return site;
  }
  ExpectFolders(disk, root, display_root, tree, diag);

  ForEachYamlRecord(disk, jobs, root, display_root, tree, "content/people", "person",
                    diag, LoadPerson,
                    [&](Site& part) { site.people.merge(part.people); });
  ForEachYamlRecord(disk, jobs, root, display_root, tree, "content/committees",
                    "committee", diag, LoadCommittee,
                    [&](Site& part) { site.committees.merge(part.committees); });
  // Work programmes through the record cache, as one entry: parsing them is
  // most of loading what is not a meeting folder.
  const std::string wp_dir = (content / "work-programmes").string();
  Site cached_wps;
  const bool reused_wps = cache && cache->Reuse(kWorkProgrammesEntry, cached_wps);
  const std::string wp_stamp =
      cache && !reused_wps
          ? RecordCache::Stamp(wp_dir, display_root + "content/work-programmes")
          : "";
  if (reused_wps || (cache && cache->Find(kWorkProgrammesEntry, wp_stamp, cached_wps))) {
    site.work_programmes = std::move(cached_wps.work_programmes);
    site.folder_records.merge(cached_wps.folder_records);
  } else {
    Diagnostics wp_diag;
    ForEachYamlRecord(disk, jobs, root, display_root, tree, "content/work-programmes",
                      "work programme", wp_diag, LoadWorkProgramme, [&](Site& part) {
                        site.work_programmes.merge(part.work_programmes);
                      });
    // Fingerprinted with the records, as a meeting folder is, so the
    // records' fingerprint (incremental/records_fingerprint.h) does not read
    // the thousand files again while the entry is reused.
    if (cache && !tree.Refused("content/work-programmes"))
      site.folder_records[kWorkProgrammesEntry] = FolderRecordsFingerprint(
          wp_dir, display_root + "content/work-programmes", Site());
    if (cache && wp_diag.ErrorCount() == 0 && wp_diag.WarningCount() == 0)
      cache->Loaded(kWorkProgrammesEntry, wp_stamp);
    diag.Merge(wp_diag);
  }
  // Forward plans: a few small files (one a month), loaded without the cache.
  ForEachYamlRecord(disk, jobs, root, display_root, tree, "content/forward-plans",
                    "forward plan", diag, LoadForwardPlan,
                    [&](Site& part) { site.forward_plans.merge(part.forward_plans); });
  // A file that cannot be looked at is reported by the walk above or by the
  // reader (Stat never throws).
  auto exists = [&](const char* name) {
    return disk.Stat((content / name).string()).kind != FileKind::kMissing;
  };
  if (exists("venues.yaml"))
    LoadVenues((content / "venues.yaml").string(), display_root + "content/venues.yaml",
               site, diag, disk);
  if (exists("topics.yaml"))
    LoadTopics((content / "topics.yaml").string(), display_root + "content/topics.yaml",
               site, diag, disk);
  if (exists("glossary.yaml"))
    LoadGlossary((content / "glossary.yaml").string(),
                 display_root + "content/glossary.yaml", site, diag, disk);

  std::string meetings_dir = (content / "meetings").string();
  std::vector<std::string> folders;
  const bool meetings_readable = !tree.Refused("content/meetings");
  for (const std::string& name : meetings_readable ? ListDirectories(disk, meetings_dir)
                                                   : std::vector<std::string>()) {
    std::string display = display_root + "content/meetings/" + name;
    if (tree.Refused("content/meetings/" + name) ||
        tree.Refused("content/meetings/" + name + "/meeting.yaml")) {
      // Reported by the walk (unreadable, a link out of the site, a
      // meeting.yaml that is a pipe or a link loop, which would make the
      // folder's loader throw). The meeting is still registered, incomplete,
      // so what refers to it does not add an error of its own.
      Meeting& m = site.meetings[name];
      m.id = name;
      m.dir = display;
      m.pos = {display, 0, 0};
      m.incomplete = true;
      continue;
    }
    if (!IsValidId(name) || !ParseDate(name.substr(0, 10)).date || name.size() < 12 ||
        name[10] != '-') {
      diag.Error({display, 0, 0}, "meeting folder '" + name +
                                      "' must be named <date>-<committee>, e.g. "
                                      "2019-09-16-cyp-scrutiny, with a real date");
      continue;
    }
    folders.push_back(name);
  }
  // Folders taken as the last build loaded them (clerk serve) are moved into
  // the site here, one after another: moving a folder's records is a few
  // map nodes, quicker on one thread than through a part of its own and the
  // parts' lock and merge (10,000 folders on a large site).
  if (cache)
    std::erase_if(folders,
                  [&](const std::string& name) { return cache->Reuse(name, site); });
  // Meeting folders are most of a large site and independent of each other:
  // each is read into its own part on any free core, and the parts are
  // joined in folder order, so the result does not depend on the threads.
  struct Part {
    Site site;
    Diagnostics diag;
  };
  std::vector<Part> parts(folders.size());
  ParallelFor(folders.size(), jobs, [&](size_t i, int) {
    const std::string& name = folders[i];
    const std::string dir = (std::filesystem::path(meetings_dir) / name).string();
    const std::string display = display_root + "content/meetings/" + name;
    std::string stamp = cache ? RecordCache::Stamp(dir, display) : "";
    if (cache && cache->Find(name, stamp, parts[i].site)) return;
    LoadMeetingFolder(name, dir, display, parts[i].site, parts[i].diag, disk);
    if (!cache) return;
    parts[i].site.folder_records[name] =
        FolderRecordsFingerprint(dir, display, parts[i].site);
    if (parts[i].diag.ErrorCount() == 0 && parts[i].diag.WarningCount() == 0)
      cache->Loaded(name, stamp);
  });
  for (Part& part : parts) {
    diag.Merge(part.diag);
    site.meetings.merge(part.site.meetings);
    site.documents.merge(part.site.documents);
    site.minutes.merge(part.site.minutes);
    site.easy_read_versions.merge(part.site.easy_read_versions);
    site.folder_records.merge(part.site.folder_records);
  }
  for (const std::string& name :
       meetings_readable ? ListFiles(disk, meetings_dir) : std::vector<std::string>()) {
    if (tree.Refused("content/meetings/" + name)) continue;
    diag.Warning({display_root + "content/meetings/" + name, 1, 1},
                 "ignored: each meeting is a folder with a meeting.yaml in it");
  }
  return site;
}

}  // namespace clerk
