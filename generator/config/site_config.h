// The config stage: reads site.yaml at the top of the source tree.
#pragma once

#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// Reads <root>/site.yaml. Problems are reported to `diag`; what could be read
// is returned. `display_root` prefixes paths in messages ("" for relative).
SiteConfig LoadSiteConfig(const std::string& root, const std::string& display_root,
                          Diagnostics& diag);

}  // namespace clerk
