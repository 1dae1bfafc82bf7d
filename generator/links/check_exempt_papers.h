// The papers of an agenda item taken in private (`exempt:`) are published
// only as a title and "not for publication": a paper that does not say
// `classification: exempt` would go on the public site in full. So every
// paper an exempt item names, every appendix of one, and every paper whose
// `item:` is the exempt item must be marked exempt; anything else is an
// error, never a guess (the report may be public with only an appendix
// exempt, and then the item should not be exempt).
#pragma once

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

void CheckExemptPapers(const Site& site, Diagnostics& diag);

}  // namespace clerk
