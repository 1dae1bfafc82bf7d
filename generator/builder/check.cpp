// clerk check: every stage of a build but the writing, then the readability
// checks over the easy-read pages.
#include <iostream>
#include <vector>

#include "builder/builder.h"
#include "builder/report.h"
#include "builder/stages.h"
#include "links/past_meetings.h"
#include "links/to_be_confirmed.h"
#include "readability/check_readability.h"

namespace clerk::builder {
namespace {

// --tbc: on standard output, one line each (the list asked for, not a
// problem), and a count on standard error.
void ListToBeConfirmed(const Site& site) {
  std::vector<ToConfirm> open = ToBeConfirmed(site, site.today);
  for (const ToConfirm& t : open)
    std::cout << t.pos.path << ":" << t.pos.line << ":" << t.pos.column
              << ": note: " << t.what << "\n";
  std::cerr << "clerk check: " << Plural(static_cast<int>(open.size()), "fact")
            << " to be confirmed for meetings from " << LongDate(site.today) << "\n";
}

}  // namespace

int Check(const BuildOptions& options, const CheckOptions& check) {
  Diagnostics diag;
  if (!ThemeFound(options.source, diag)) {
    PrintDiagnostics(diag, std::cerr);
    return kExitContentError;
  }
  const int jobs = Jobs(options);
  Site site;
  LoadAndCheck(options, jobs, site, diag);
  CheckPastMeetings(site, site.today, diag);
  DiscardSink sink;
  RenderStats stats;
  bool ok =
      Render(options, site, MakeRenderOptions(options, jobs, site), sink, diag, stats);
  // Easy-read and plain-English checks over the easy-read pages.
  ReadabilityReport readability;
  if (!diag.HasErrors() &&
      Guarded(diag, [&] { readability = CheckReadability(site, diag); })) {
    ok = ok && !(options.strict && diag.WarningCount() > 0);
  }
  if (check.format == "json") {
    PrintJson(diag, readability.ToJson());
    return ok ? 0 : kExitContentError;
  }
  PrintDiagnostics(diag, std::cerr);
  if (check.tbc) ListToBeConfirmed(site);
  std::cerr << "clerk check: " << readability.Summary() << "\n";
  std::cerr << "clerk check: "
            << Plural(static_cast<int>(site.meetings.size()), "meeting") << ", "
            << Plural(static_cast<int>(site.documents.size()), "document") << "; "
            << Summary(diag) << "\n";
  return ok ? 0 : kExitContentError;
}

}  // namespace clerk::builder
