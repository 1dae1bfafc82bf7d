#include "publish/deletion_prompt.h"

#include <algorithm>
#include <istream>
#include <ostream>

#include "publish/deploy.h"

namespace clerk::publish {

namespace {

std::string Files(size_t n) {
  return Thousands(n) + (n == 1 ? " file" : " files");
}

// The heading and list of what would go (will go, when it is agreed), and a
// line on the search index files that go without asking, so the numbers add
// up to the plan's.
void SayWhatGoes(const Plan& plan, const std::vector<std::string>& paths,
                 const DeletionReview& review, bool agreed, std::ostream& log) {
  log << "clerk deploy: " << Files(paths.size()) << " on " << review.display
      << (agreed ? " will be" : " would be") << " deleted, because "
      << (paths.size() == 1 ? "it is" : "they are") << " no longer in " << review.out_name
      << "/:\n"
      << ListPaths(paths);
  if (plan.replaced_deletions > 0)
    log << "clerk deploy: also " << Files(plan.replaced_deletions)
        << " of the old search index, which the new build replaced (deleted without "
           "asking)\n";
}

}  // namespace

std::vector<std::string> PathsToConfirm(const Plan& plan) {
  std::vector<std::string> paths;
  for (const PlanItem& item : plan.items)
    if (item.is_delete && !item.replaced) paths.push_back(item.path);
  return paths;
}

std::string ListPaths(const std::vector<std::string>& paths, size_t shown) {
  std::string out;
  for (size_t i = 0; i < paths.size() && i < shown; ++i)
    out += "  " + QuotePath(paths[i]) + "\n";
  if (paths.size() > shown) out += "  and " + Thousands(paths.size() - shown) + " more\n";
  return out;
}

std::string MaxDeletesRule(int max_deletes) {
  std::string n = Thousands(static_cast<uint64_t>(std::max(0, max_deletes)));
  if (max_deletes <= 0)
    return "--max-deletes is 0: no file may be deleted; a deploy that would delete any "
           "is refused";
  return "--max-deletes is " + n + ": up to " + n +
         " files may be deleted with --yes (or by answering y); a deploy that would "
         "delete "
         "more is refused";
}

int ReviewDeletions(const Plan& plan, const DeletionReview& review, std::istream& answers,
                    std::ostream& log) {
  const std::vector<std::string> paths = PathsToConfirm(plan);
  if (paths.empty()) return kGoAhead;  // none, or only the replaced search index
  const bool too_many =
      paths.size() > static_cast<size_t>(std::max(0, review.max_deletes));
  SayWhatGoes(plan, paths, review, review.yes && !review.dry_run && !too_many, log);
  if (review.dry_run) {
    log << "clerk deploy: " << MaxDeletesRule(review.max_deletes) << "\n";
    if (too_many)
      log << "clerk deploy: note: " << Thousands(paths.size())
          << " deletions exceed --max-deletes " << review.max_deletes
          << "; a real deploy would refuse\n";
    return kGoAhead;
  }
  if (too_many) {
    log << "clerk deploy: error: that is more than --max-deletes " << review.max_deletes
        << " allows; nothing was changed (check that --out is the site you mean; if "
           "these "
           "files should go, give a higher --max-deletes)\n";
    return kDeployFailed;
  }
  if (review.yes) return kGoAhead;
  log << "clerk deploy: " << MaxDeletesRule(review.max_deletes) << "\n";
  if (!review.can_ask) {
    log << "clerk deploy: error: deleting " << (paths.size() == 1 ? "it" : "them")
        << " needs your agreement, and Clerk cannot ask here (not on a terminal): run "
           "the "
           "same command with --yes to allow it; nothing was changed\n";
    return kDeployUsage;
  }
  log << "Delete " << (paths.size() == 1 ? "this file" : "these " + Files(paths.size()))
      << " from " << review.display << "? [y/N] " << std::flush;
  std::string answer;
  std::getline(answers, answer);
  if (answer == "y" || answer == "Y" || answer == "yes") return kGoAhead;
  log << "clerk deploy: error: nothing was changed (you did not answer y)\n";
  return kDeployFailed;
}

}  // namespace clerk::publish
