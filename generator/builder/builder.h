// The builder: one `clerk build` or `clerk check` of a site, stage after
// stage (content -> links -> render -> output -> search), for the command
// line and for `clerk serve`, which calls Build once per change through the
// RebuildFunction main gives it. main.cpp parses options and calls these.
#pragma once

#include <ostream>
#include <string>

#include "model/dates.h"

namespace clerk::builder {

inline constexpr int kExitContentError = 1;  // 0: success; 2 (usage) is main's

struct BuildOptions {
  std::string source = ".";
  std::string out = "public";
  std::string base_url;  // --base-url, checked; empty: site.yaml's
  int jobs = 0;          // 0: every core
  bool strict = false;
  bool noindex = false;              // robots.txt disallows everything (previews)
  bool no_search = false;            // skip the Pagefind search index
  Date today;                        // the build's date (cli/build_date.h)
  bool allow_outside_links = false;  // follow links out of `source`
  // serve: the watcher saw a source change since the last build, so the
  // "nothing changed" stamp (a stat of every source) is neither read nor kept.
  bool changed_known = false;
};

// One build of options.source into options.out. Diagnostics and the summary
// line go to `log`; the diagnostics alone also to `*messages` when given
// (clerk serve shows them as a page). `last`: the process exits after this
// build, so its large structures are not freed (build_held.h). Returns the
// exit code.
int Build(const BuildOptions& options, std::ostream& log, std::string* messages = nullptr,
          bool last = false);

struct CheckOptions {
  std::string format = "text";  // text | json
  bool tbc = false;             // list what is still to be confirmed
};

// `clerk check`: loads, checks and renders without writing, then the
// readability checks; prints to standard output and error. Returns the exit
// code.
int Check(const BuildOptions& options, const CheckOptions& check);

}  // namespace clerk::builder
