// What the last build knew of each paper's body (BodySummary in
// render/content_html.h): the fingerprint of its source and the "@/" links
// in it. Kept in <out>/.clerk-bodies so an edit build renders only the
// papers whose text changed, yet still checks every paper's links.
//
// Text in batches (incremental/batch_file.h), one paper a record:
//   B <source, 32 hex> <number of links> <key>
//   L <line> <column> <file>\t<target>      (one line per link)
// or "R <key>" for a paper gone; each batch ends "# end <records>". An edit
// build appends the records that changed. Missing, damaged or foreign:
// nothing is known, and every paper is rendered.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "incremental/batch_file.h"
#include "incremental/body_summary.h"
#include "incremental/state_files.h"

namespace clerk {

// What the file held when read, and where its complete batches end (for
// SaveKnownBodies to append after).
struct KnownBodies {
  std::map<std::string, BodySummary> bodies;
  batch_file::Extent read;  // where the complete batches end, and their records
};

std::optional<KnownBodies> LoadKnownBodies(const std::string& out_dir);

// Saves `bodies`, this build's, in the file at `path`. With `before` (what
// that file held when read) it appends only the records that changed;
// without, or once replaced records would outnumber live ones, it writes the
// whole file through a temporary file and a rename. Only papers whose
// rendering reported nothing are kept (a paper not rendered again would not
// repeat its warnings), and not one whose key, file or link holds a tab or
// line break: those are rendered next time.
// On success `*after` (if given) is where the file's batches now end.
bool SaveKnownBodies(const std::map<std::string, BodySummary>& bodies,
                     const std::string& path, const KnownBodies* before = nullptr,
                     batch_file::Extent* after = nullptr);

// What LoadKnownBodies reads back from a file SaveKnownBodies wrote from
// `bodies` (ending at `after`): the bodies it kept. clerk serve hands this
// to its next build instead of reading the file again.
// `before`: what the file held before, if known (a body as it was there
// is not checked again).
KnownBodies KnownBodiesAsSaved(std::map<std::string, BodySummary> bodies,
                               batch_file::Extent after,
                               const KnownBodies* before = nullptr);

}  // namespace clerk
