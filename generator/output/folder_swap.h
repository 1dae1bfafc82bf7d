// Putting a newly built site in place of the old one in one step, and
// clearing what a killed build left beside it.
//
// A build makes the whole new site in "<out>.tmp-<pid>" beside the output
// folder (unchanged files as hard links to the old ones, see carry_over.h),
// then swaps the two folders: a reader, a web server or a kill at any
// moment sees the whole old site or the whole new one, never a mix, and
// never no site at all.
#pragma once

#include <string>

namespace clerk {

// "<out>.tmp-<pid>": where a build makes the new site.
std::string StagingFolder(const std::string& out, long pid);

// "<out>.old-spare": the previous site, kept after a build as hard links to
// the files it shares with the current one (no file's bytes twice). The next
// edit build mirrors the current site into it (carry_over.h MirrorTree),
// changing only what differs, and makes its changes there: much cheaper than
// a new folder and a link for every page. Deleting it costs only speed.
std::string SpareFolder(const std::string& out);

// Makes the folder `next` (a complete site) the folder `out`. Where the file
// system swaps two folders in one step (Linux renameat2 RENAME_EXCHANGE),
// `out` is never missing. Elsewhere the old `out` is first moved to
// "<out>.old-<pid>" and `next` moved in after it: a kill between leaves no
// `out`, and the next build's RecoverOutput puts the old site back. On
// success `*previous` names the folder that now holds the old site (for the
// caller to remove), or is empty if there was none.
bool SwapIn(const std::string& next, const std::string& out, std::string* previous,
            std::string* error);

// Removes a folder that holds an old or half-made site. `marker` (the site
// marker) goes last, so a kill half-way leaves a folder RecoverOutput still
// knows as Clerk's.
void RemoveSiteFolder(const std::string& dir, const std::string& marker);

// Run before a build reads `out`: if `out` is missing but a killed build
// left the previous site at "<out>.old-<pid>", moves it back; then removes
// every "<out>.tmp-<pid>" and "<out>.old-<pid>" that holds `marker` (or is
// empty) and whose <pid> is not a running clerk. Anything else beside the
// site, even with such a name, is left alone.
void RecoverOutput(const std::string& out, const std::string& marker);

}  // namespace clerk
