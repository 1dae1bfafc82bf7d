// Reads site.yaml at the top of the source tree into SiteConfig (model.h),
// with the YAML reader every other record uses; config/ checks its values.
#pragma once

#include <string>

#include "files/disk.h"
#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// Reads <root>/site.yaml. Problems are reported to `diag`; what could be read
// is returned. `display_root` prefixes paths in messages ("" for relative).
// Read from `disk` (LoadOptions::disk).
SiteConfig LoadSiteConfig(const std::string& root, const std::string& display_root,
                          Diagnostics& diag, Disk& disk = RealDiskInstance());

}  // namespace clerk
