// What decides that a build has nothing to do: the sources, the theme, the
// clerk program and the options that change the output, as one stamp saved
// after a clean build (output/source_stamp.h), and the output left as it was.
#pragma once

#include <cstddef>

#include "builder/builder.h"
#include "model/fingerprint.h"

namespace clerk::builder {

// The stamp of this build's inputs: every source file's path, size and time
// (site.yaml, content/, assets/, the theme), the program and the options.
Fingerprint BuildStamp(const BuildOptions& options);

// True when the last build saved `stamp` and its output is intact (with a
// search index unless --no-search); `*files` is then the output's file count.
bool NothingChanged(const BuildOptions& options, const Fingerprint& stamp, int jobs,
                    size_t* files);

}  // namespace clerk::builder
