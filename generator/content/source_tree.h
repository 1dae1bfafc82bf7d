// The site's sources walked once before anything is loaded. What the
// loaders or the renderer would meet and must not read is reported here, at
// its path, with the same words the readers use (so the two reports of one
// problem are one line): a name that is not UTF-8 text (shown escaped,
// "caf\xE9.yaml"), a named pipe, socket or device, a folder that cannot be
// read, a link to nothing or out of the site (content/source_boundary.h).
// Only lstat, readdir and access: nothing found here is opened.
// The walk is on the real file system, not through files/disk.h: links,
// pipes and permissions are what it looks for, and lstat, access and
// realpath are how; a fake disk has none of them to find. So LoadSite walks
// only when it reads from the real disk (LoadOptions::disk).
#pragma once

#include <set>
#include <string>

#include "files/source_files.h"
#include "model/diagnostics.h"

namespace clerk {

struct SourceTree {
  // Folders and files that were reported and must not be loaded, relative
  // to the site folder: "content/meetings/2024-03-04-planning".
  std::set<std::string> refused;
  bool Refused(const std::string& relative) const { return refused.count(relative) > 0; }
};

// Walks site.yaml, content/, assets/ and themes/ under `root`; paths in
// messages start with `display_root` (LoadSite's). Entries whose names start
// with '.' are skipped, as the loaders skip them. Folders of content/meetings
// named in `meetings_not_read` are not walked into (their names are still
// checked): clerk serve's session takes them as the last build loaded them,
// clean, without reading them, and its file watcher says they have not
// changed since. With `meetings_listed` (what content/meetings holds, from
// RelistFolderNames) content/meetings is not listed again: its folders are
// taken from it, and only its other entries and the names in
// `meetings_changed` are looked at.
SourceTree CheckSourceTree(const std::string& root, const std::string& display_root,
                           Diagnostics& diag,
                           const std::set<std::string>* meetings_not_read = nullptr,
                           const FolderNames* meetings_listed = nullptr,
                           const std::set<std::string>* meetings_changed = nullptr);

}  // namespace clerk
