// The one list of the files Clerk keeps beside the site it builds: the
// bookkeeping that lets the next build skip work (docs/architecture.md,
// "Incremental builds"), the marker that makes a folder Clerk's to replace,
// and the deploy manifest. None of them is part of the website: deploy
// leaves them out (publish/manifest.cpp), the output checks and the tests
// use these names, and no other folder of generator/ spells them out
// (tests/incremental/state_files_test.cpp checks both).
#pragma once

#include <string_view>

namespace clerk {

// Paths are relative to the output folder, '/'-separated.
inline constexpr const char* kBuildLogName = ".clerk-build-log";
inline constexpr const char* kKnownBodiesName = ".clerk-bodies";
inline constexpr const char* kKnownPageIdsName = ".clerk-page-ids";
inline constexpr const char* kSourceStampName = ".clerk-sources";
inline constexpr const char* kCacheDir = ".clerk-cache";
inline constexpr const char* kRecordCacheDir = ".clerk-cache/records";
inline constexpr const char* kAcronymScansFile = ".clerk-cache/acronym-scans";
inline constexpr const char* kSpareRecordFile = ".clerk-cache/spare-record";
inline constexpr const char* kSavedChecksFile = ".clerk-cache/checks";
inline constexpr const char* kSearchPartsFile = "pagefind/.clerk-search-parts";
inline constexpr const char* kSearchStagingDir = "pagefind/.staging";
inline constexpr const char* kSiteMarker = ".clerk-site";
inline constexpr const char* kManifestName = ".clerk-manifest";
// Infix of the temporary names deploy writes on a target before renaming.
inline constexpr const char* kRemoteTempInfix = ".clerk-tmp-";

struct StateFile {
  const char* path;
  bool folder;        // everything under `path` is meant
  bool rewritten;     // a build writes it afresh (or appends), never carries it over
  const char* holds;  // what is in it, and which header owns it
};

inline constexpr StateFile kStateFiles[] = {
    {kBuildLogName, false, true,
     "every output file: what it was made from, its size and time "
     "(incremental/build_log.h)"},
    {kKnownBodiesName, false, true,
     "what each paper body gave its pages (incremental/known_bodies.h)"},
    {kKnownPageIdsName, false, true,
     "the ids links point at in each page (incremental/known_page_ids.h)"},
    {kSourceStampName, false, true,
     "a stamp of every source file's size and time, saved only after a whole "
     "build (incremental/source_stamp.h)"},
    {kCacheDir, true, false,
     "caches that only save time: records/, each meeting folder's records as "
     "last loaded (incremental/record_cache.h), acronym-scans, the files "
     "found clean by the acronym check (incremental/fingerprint_set_file.h), "
     "checks, what the checks found (incremental/saved_checks.h), and "
     "spare-record, how the spare folder differs from the site "
     "(output/spare_record.h)"},
    {kSearchPartsFile, false, false,
     "what each part of the search index was built from: its pages, their "
     "bytes and Pagefind's ids (incremental/search_parts_file.h)"},
    {kSearchStagingDir, true, false, "the search index while it is being built"},
    {kSiteMarker, false, false, "marks a folder as Clerk's to replace on a build"},
    {kManifestName, false, false,
     "on a deploy target: what the last deploy put there (publish/manifest.h)"},
};

// The entry `rel` (relative to the output folder) belongs to: the file
// itself, the temporary file it is written through ("<name>.tmp"), or
// anything inside a folder entry; null if none.
constexpr const StateFile* FindStateFile(std::string_view rel) {
  for (const StateFile& f : kStateFiles) {
    const std::string_view path = f.path;
    if (rel.substr(0, path.size()) != path) continue;
    const std::string_view rest = rel.substr(path.size());
    if (rest.empty() || rest == ".tmp" || (f.folder && rest.front() == '/')) return &f;
  }
  return nullptr;
}

// Not part of the website: never deployed, never reported as a stray file.
constexpr bool IsStateFile(std::string_view rel) {
  return FindStateFile(rel) != nullptr;
}

// Bookkeeping a full build writes afresh instead of carrying the old copy.
constexpr bool IsRewrittenStateFile(std::string_view rel) {
  const StateFile* f = FindStateFile(rel);
  return f && f->rewritten;
}

}  // namespace clerk
