// The fast path of a build with nothing to do. A stamp is a fingerprint of
// every source file's path, size and modification time (site.yaml, content/,
// assets/, the theme) plus the clerk binary and the options that shape the
// output. A successful build without warnings saves it in
// <out>/.clerk-sources; the next build whose sources stamp the same, and
// whose output files are all as the build log recorded them, has nothing to
// do and stops there (as ninja does when no input is newer).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "incremental/state_files.h"
#include "model/fingerprint.h"

namespace clerk {

// `inputs`: files and folders (walked recursively; missing ones count as
// missing). `extra`: anything else the output depends on. Folders are read
// on `jobs` threads.
Fingerprint StampSources(const std::vector<std::string>& inputs, const std::string& extra,
                         int jobs);

// The stamp saved in `out_dir`, if any.
std::optional<Fingerprint> SavedStamp(const std::string& out_dir);
bool SaveStamp(const std::string& out_dir, const Fingerprint& stamp);
void RemoveStamp(const std::string& out_dir);

// True if every file in the build log of `out_dir` is there with the size and
// time it was written with (`*files` gets their number).
bool OutputIntact(const std::string& out_dir, int jobs, size_t* files);

}  // namespace clerk
