// The output stage: puts the rendered files on disk, safely.
//
// Everything is written into a fresh temporary folder beside the output
// folder (`public.tmp-<pid>`), which replaces the old output only when every
// file was written. A failed build (a full disk, a permission problem) leaves
// the previous site exactly as it was.
//
// To never destroy a folder Clerk did not make (a tired `--out content`),
// every site gets a marker file `.clerk-site`; an existing, non-empty output
// folder without it is refused.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "render/site_renderer.h"

namespace clerk {

inline constexpr const char* kSiteMarker = ".clerk-site";

// Checks that `out_dir` may be replaced; reports why not otherwise.
bool CheckOutputDir(const std::string& out_dir, const std::string& source_root,
                    Diagnostics& diag);

// Writes `files` under `out_dir` as described above, with `jobs` threads.
// Returns false (with diagnostics) if anything failed; out_dir is then
// untouched.
bool WriteSite(const std::vector<OutputFile>& files, const std::string& out_dir, int jobs,
               Diagnostics& diag);

}  // namespace clerk
