// The content stage: loads a source tree (site.yaml and content/) into the
// model. Every problem is reported to `diag` with its file:line:col and
// loading goes on, so one run lists every error. References between records
// are NOT checked here; the links stage does that once everything is loaded.
#pragma once

#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// `root` is the --source directory. Paths in messages are relative to the
// current directory when root is ".", else prefixed with root.
Site LoadSite(const std::string& root, Diagnostics& diag);

}  // namespace clerk
