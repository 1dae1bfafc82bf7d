// A paper's or minutes' Markdown body, wherever it is: in the record, or
// (once the checks have read it, or for a record read back from the record
// cache, which leaves bodies out) in its file.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// The body of `doc`. Read from the file, it must be the text that was
// loaded (Document::body_fingerprint): if the file cannot be read, or was
// changed while clerk was building, an error at the paper goes to `diag`
// and the result is nullopt. Safe from several threads at once.
std::optional<std::string> PaperBody(const Document& doc, Diagnostics& diag);
// The same for minutes (Minutes::body_fingerprint).
std::optional<std::string> MinutesBody(const Minutes& minutes, Diagnostics& diag);

// Empties the bodies `site`'s papers and minutes hold, so that PaperBody
// and MinutesBody read each from its file when it is rendered: called once
// the checks have read them, so a large site's Markdown (330 MB at 10,000
// meetings) is not held through the render. The record cache keeps bodies
// out the same way. With `only_meetings` (clerk serve's edit of those
// meetings, every other record read back from the record cache), only
// their papers and minutes are looked at: a walk over every record touched
// 64,000 of them for nothing on each edit at 10,000 meetings (7 ms). A
// record with its body left in is still read right, from the record.
void LeaveBodiesInFiles(Site& site, const std::set<std::string>* only_meetings = nullptr);

}  // namespace clerk
