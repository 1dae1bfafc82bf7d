// What a deploy says, and asks, before it deletes files from the host. Only
// the deletions a person must agree to are shown and asked about (old search
// index files the new build replaced go without asking: replaced_output.h);
// the person sees which files (the first 20, then how many more) and what
// --max-deletes allows, whether Clerk asks, refuses, or only plans (--dry-run).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "publish/plan.h"

namespace clerk::publish {

struct DeletionReview {
  std::string display;   // the target, as messages name it
  std::string out_name;  // the built site's folder, "public"
  int max_deletes = 256;
  bool yes = false;      // --yes: agreed in advance
  bool can_ask = false;  // a person at a terminal can answer
  bool dry_run = false;
};

// ReviewDeletions' answer when the deploy may go on.
inline constexpr int kGoAhead = -1;

// How many files a listing shows before "and N more".
inline constexpr size_t kListedDeletions = 20;

// The paths of the deletions a person must agree to, in the plan's order.
std::vector<std::string> PathsToConfirm(const Plan& plan);

// The first `shown` paths, one a line and indented, then "  and N more".
std::string ListPaths(const std::vector<std::string>& paths,
                      size_t shown = kListedDeletions);

// "--max-deletes is 256: up to 256 files may be deleted with --yes (or by
// answering y); a deploy that would delete more is refused".
std::string MaxDeletesRule(int max_deletes);

// Says which files the deploy would delete and, when they need agreeing to,
// asks on a terminal (reading the answer from `answers`) or refuses. Returns
// kGoAhead, or the exit code to stop with, nothing having been changed. A dry
// run only says, and returns kGoAhead.
int ReviewDeletions(const Plan& plan, const DeletionReview& review, std::istream& answers,
                    std::ostream& log);

}  // namespace clerk::publish
