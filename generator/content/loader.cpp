#include "content/loader.h"

#include <filesystem>
#include <optional>

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

std::string MeetingsDir(const std::string& root) {
  return (std::filesystem::path(root) / "content" / "meetings").string();
}

// The site being loaded and how it is read: what every part of LoadSite
// needs.
struct SiteSource {
  Disk& disk;
  int jobs;
  const std::string& root;
  const std::string& display_root;
  const SourceTree& tree;  // what the walk refused
  RecordCache* cache;      // null: every file is read
  // What content/meetings holds, known without listing it (clerk serve's
  // edit, LoadOptions::meetings_known); null: it is listed. LoadMeetings,
  // its last user, takes it.
  FolderNames* meetings = nullptr;
};

// Calls `load(id, path, display, part, diag)` for each <id>.yaml in `sub`;
// reports files whose name cannot be an id, and files that are not YAML.
// A large site has thousands (work programmes): each is parsed into its own
// part on any free core, and the parts are joined in file order, so the
// result does not depend on the threads. `join` moves a part into the site.
template <typename Load, typename Join>
void ForEachYamlRecord(const SiteSource& src, const std::string& sub, const char* what,
                       Diagnostics& diag, Load load, Join join) {
  if (src.tree.Refused(sub)) return;  // reported by the walk
  std::string dir = (std::filesystem::path(src.root) / sub).string();
  struct File {
    std::string id, path, display;
    Site part;
    Diagnostics diag;
  };
  std::vector<File> files;
  for (const std::string& name : ListFiles(src.disk, dir)) {
    std::string display = src.display_root + sub + "/" + name;
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
  ParallelFor(files.size(), src.jobs, [&](size_t i, int) {
    File& f = files[i];
    load(f.id, f.path, f.display, f.part, f.diag, src.disk);
  });
  for (File& f : files) {
    diag.Merge(f.diag);
    join(f.part);
  }
}

// The folders records are read from must be folders: a file in the place
// of one would otherwise read as an empty folder, and its records vanish
// without a word. (What cannot be read at all the walk reported.)
void ExpectFolders(const SiteSource& src, Diagnostics& diag) {
  for (const char* sub : {"content/people", "content/committees", "content/meetings",
                          "content/work-programmes", "content/forward-plans"}) {
    if (src.tree.Refused(sub)) continue;
    const FileKind kind =
        src.disk.Stat((std::filesystem::path(src.root) / sub).string()).kind;
    if (kind == FileKind::kMissing || kind == FileKind::kFolder) continue;
    diag.Error({src.display_root + sub, 0, 0},
               "cannot read folder: this is a file, not a folder; clerk reads the "
               "records from a folder of this name");
  }
}

// The site folder as every path in a message and in the open data starts:
// "" for the current folder, else with a '/' at its end.
std::string DisplayRoot(const std::string& root) {
  std::string display_root = (root == "." || root.empty()) ? "" : root;
  if (!display_root.empty() && display_root.back() != '/') display_root += '/';
  return display_root;
}

// False (reported, unless the walk refused it) if the site has no content/
// folder to read.
bool HasContentFolder(const SiteSource& src, Diagnostics& diag) {
  if (src.tree.Refused("content")) return false;
  const std::string content = (std::filesystem::path(src.root) / "content").string();
  if (src.disk.Stat(content).kind != FileKind::kFolder) {
    diag.Error({src.display_root + "content", 0, 0},
               "no content/ folder next to site.yaml");
    return false;
  }
  return true;
}

// Work programmes through the record cache, as one entry: parsing them is
// most of loading what is not a meeting folder.
void LoadWorkProgrammes(const SiteSource& src, Site& site, Diagnostics& diag) {
  RecordCache* cache = src.cache;
  const std::string wp_dir =
      (std::filesystem::path(src.root) / "content" / "work-programmes").string();
  const std::string wp_display = src.display_root + "content/work-programmes";
  Site cached_wps;
  const bool reused_wps = cache && cache->Reuse(kWorkProgrammesEntry, cached_wps);
  const std::string wp_stamp =
      cache && !reused_wps ? RecordCache::Stamp(wp_dir, wp_display) : "";
  if (reused_wps || (cache && cache->Find(kWorkProgrammesEntry, wp_stamp, cached_wps))) {
    site.work_programmes = std::move(cached_wps.work_programmes);
    site.folder_records.merge(cached_wps.folder_records);
    return;
  }
  Diagnostics wp_diag;
  ForEachYamlRecord(
      src, "content/work-programmes", "work programme", wp_diag, LoadWorkProgramme,
      [&](Site& part) { site.work_programmes.merge(part.work_programmes); });
  // Fingerprinted with the records, as a meeting folder is, so the
  // records' fingerprint (incremental/records_fingerprint.h) does not read
  // the thousand files again while the entry is reused.
  if (cache && !src.tree.Refused("content/work-programmes"))
    site.folder_records[kWorkProgrammesEntry] =
        FolderRecordsFingerprint(wp_dir, wp_display, Site());
  if (cache && wp_diag.ErrorCount() == 0 && wp_diag.WarningCount() == 0)
    cache->Loaded(kWorkProgrammesEntry, wp_stamp);
  diag.Merge(wp_diag);
}

// content/venues.yaml, topics.yaml and glossary.yaml, those that are there.
void LoadSiteWideFiles(const SiteSource& src, Site& site, Diagnostics& diag) {
  const std::filesystem::path content = std::filesystem::path(src.root) / "content";
  // A file that cannot be looked at is reported by the walk or by the
  // reader (Stat never throws).
  auto exists = [&](const char* name) {
    return src.disk.Stat((content / name).string()).kind != FileKind::kMissing;
  };
  if (exists("venues.yaml"))
    LoadVenues((content / "venues.yaml").string(),
               src.display_root + "content/venues.yaml", site, diag, src.disk);
  if (exists("topics.yaml"))
    LoadTopics((content / "topics.yaml").string(),
               src.display_root + "content/topics.yaml", site, diag, src.disk);
  if (exists("glossary.yaml"))
    LoadGlossary((content / "glossary.yaml").string(),
                 src.display_root + "content/glossary.yaml", site, diag, src.disk);
}

// The records of folder `sub` through ForEachYamlRecord, unless a session
// takes them as its last build loaded them (`entry`, see RecordCache).
template <typename Load, typename Join>
void LoadReusable(const SiteSource& src, const char* entry, const std::string& sub,
                  const char* what, Diagnostics& diag, Load load, Join join) {
  Site reused;
  if (src.cache && src.cache->Reuse(entry, reused)) {
    join(reused);
    return;
  }
  Diagnostics said;
  ForEachYamlRecord(src, sub, what, said, load, join);
  if (src.cache && said.ErrorCount() == 0 && said.WarningCount() == 0 &&
      !src.tree.Refused(sub))
    src.cache->LoadedInMemory(entry);
  diag.Merge(said);
}

// Everything outside the meeting folders: people, committees, work
// programmes, forward plans, venues, topics and the glossary.
void LoadRecords(const SiteSource& src, Site& site, Diagnostics& diag) {
  LoadReusable(src, kPeopleEntry, "content/people", "person", diag, LoadPerson,
               [&](Site& part) { site.people.merge(part.people); });
  LoadReusable(src, kCommitteesEntry, "content/committees", "committee", diag,
               LoadCommittee,
               [&](Site& part) { site.committees.merge(part.committees); });
  LoadWorkProgrammes(src, site, diag);
  // Forward plans: a few small files (one a month), loaded without the cache.
  ForEachYamlRecord(src, "content/forward-plans", "forward plan", diag, LoadForwardPlan,
                    [&](Site& part) { site.forward_plans.merge(part.forward_plans); });
  LoadSiteWideFiles(src, site, diag);
}

// The meeting folders to load, of the folders `names` in content/meetings,
// by name. Those the walk refused are registered, incomplete; those
// misnamed are reported and left out.
std::vector<std::string> MeetingFolders(const SiteSource& src,
                                        const std::vector<std::string>& names, Site& site,
                                        Diagnostics& diag) {
  std::vector<std::string> folders;
  for (const std::string& name : names) {
    std::string display = src.display_root + "content/meetings/" + name;
    if (src.tree.Refused("content/meetings/" + name) ||
        src.tree.Refused("content/meetings/" + name + "/meeting.yaml")) {
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
  return folders;
}

// A meeting folder's records, loaded into a part of their own.
struct MeetingPart {
  Site site;
  Diagnostics diag;
};

// Loads meeting folder `name` into `part`, or takes it from the cache if
// it has not changed since it was cached.
void LoadMeetingPart(const SiteSource& src, const std::string& meetings_dir,
                     const std::string& name, MeetingPart& part) {
  RecordCache* cache = src.cache;
  const std::string dir = (std::filesystem::path(meetings_dir) / name).string();
  const std::string display = src.display_root + "content/meetings/" + name;
  std::string stamp = cache ? RecordCache::Stamp(dir, display) : "";
  if (cache && cache->Find(name, stamp, part.site)) return;
  LoadMeetingFolder(name, dir, display, part.site, part.diag, src.disk);
  if (!cache) return;
  part.site.folder_records[name] = FolderRecordsFingerprint(dir, display, part.site);
  if (part.diag.ErrorCount() == 0 && part.diag.WarningCount() == 0)
    cache->Loaded(name, stamp);
}

// Loads the meeting folders `folders` into the site.
void LoadMeetingFolders(const SiteSource& src, const std::string& meetings_dir,
                        std::vector<std::string>& folders, Site& site,
                        Diagnostics& diag) {
  // Folders taken as the last build loaded them (clerk serve) come first, all
  // at once (10,000 folders on a large site).
  if (src.cache) src.cache->ReuseMeetingFolders(folders, site);
  // Meeting folders are most of a large site and independent of each other:
  // each is read into its own part on any free core, and the parts are
  // joined in folder order, so the result does not depend on the threads.
  std::vector<MeetingPart> parts(folders.size());
  ParallelFor(folders.size(), src.jobs, [&](size_t i, int) {
    LoadMeetingPart(src, meetings_dir, folders[i], parts[i]);
  });
  for (MeetingPart& part : parts) {
    diag.Merge(part.diag);
    site.meetings.merge(part.site.meetings);
    site.documents.merge(part.site.documents);
    site.minutes.merge(part.site.minutes);
    site.easy_read_versions.merge(part.site.easy_read_versions);
    site.folder_records.merge(part.site.folder_records);
  }
}

// content/meetings/: a folder for each meeting, and nothing else. What it
// holds goes to `listing`, if given.
void LoadMeetings(const SiteSource& src, Site& site, Diagnostics& diag,
                  FolderNames* listing) {
  if (src.tree.Refused("content/meetings")) return;
  const std::string meetings_dir = MeetingsDir(src.root);
  FolderNames names =
      src.meetings ? std::move(*src.meetings) : ListFolderNames(src.disk, meetings_dir);
  std::vector<std::string> folders = MeetingFolders(src, names.folders, site, diag);
  LoadMeetingFolders(src, meetings_dir, folders, site, diag);
  for (const std::string& name : names.files) {
    if (src.tree.Refused("content/meetings/" + name)) continue;
    diag.Warning({src.display_root + "content/meetings/" + name, 1, 1},
                 "ignored: each meeting is a folder with a meeting.yaml in it");
  }
  if (listing) *listing = std::move(names);
}

}  // namespace

Site LoadSite(const std::string& root, Diagnostics& diag, RecordCache* cache,
              const LoadOptions& options) {
  Site site;
  site.root = root;
  const std::string display_root = DisplayRoot(root);
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
  if (options.meetings_listing) *options.meetings_listing = FolderNames();
  std::optional<FolderNames> relisted;
  if (real && options.meetings_known.known())
    relisted = RelistFolderNames(disk, MeetingsDir(root), options.meetings_known);
  FolderNames* meetings = relisted ? &*relisted : nullptr;
  const SourceTree tree =
      real ? CheckSourceTree(root, display_root, diag, options.meetings_not_read,
                             meetings, options.meetings_known.changed)
           : SourceTree{};
  site.config = LoadSiteConfig(root, display_root, diag, disk);
  const SiteSource src{disk, jobs, root, display_root, tree, cache, meetings};
  if (!HasContentFolder(src, diag)) return site;
  ExpectFolders(src, diag);
  LoadRecords(src, site, diag);
  LoadMeetings(src, site, diag, options.meetings_listing);
  return site;
}

}  // namespace clerk
