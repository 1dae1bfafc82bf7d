// Where a file:// deploy may go. A target inside the built site makes each
// deploy carry the copy before it (public/mirror/mirror/...); a target inside
// the site's sources writes pages among them; a target holding either would
// have deploys write over, and delete from, the folder being deployed. So the
// target must be apart from both, compared as real paths (links and '..'
// resolved), before anything is read or written.
#pragma once

#include <optional>
#include <string>

namespace clerk::publish {

// The error (one line, naming both folders) when the folder `target` is, is
// inside, or holds the built site `out` or the site's sources; nullopt when it
// is apart. The sources are `source` and the folder around `out`, each only
// when it holds a site.yaml (with `--to`, `--source` defaults to the working
// folder, which need not be a site).
std::optional<std::string> CheckTargetPlace(const std::string& target,
                                            const std::string& out,
                                            const std::string& source);

}  // namespace clerk::publish
