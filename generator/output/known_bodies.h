// What the last build knew of each paper's body (BodySummary in
// render/content_html.h): the fingerprint of its source and the "@/" links
// in it. Kept in <out>/.clerk-bodies so an edit build renders only the
// papers whose text changed, yet still checks every paper's links.
//
// Text, one paper a record:
//   B <source, 32 hex> <number of links> <key>
//   L <line> <column> <file>\t<target>      (one line per link)
// and last "# end <number of papers>". Missing, damaged or foreign: nothing
// is known, and every paper is rendered.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "render/content_html.h"

namespace clerk {

inline constexpr const char* kKnownBodiesName = ".clerk-bodies";

std::optional<std::map<std::string, BodySummary>> LoadKnownBodies(
    const std::string& out_dir);

// Writes through a temporary file and a rename. Only papers whose rendering
// reported nothing are kept (a paper not rendered again would not repeat its
// warnings), and not one whose key, file or link holds a tab or line break:
// those are rendered next time.
bool SaveKnownBodies(const std::map<std::string, BodySummary>& bodies,
                     const std::string& path);

}  // namespace clerk
