// Content is read only from inside the site folder (--source). A link that
// leads out of it would publish a file nobody put in the site (a paper
// linked to someone's private notes, or /etc/passwd in a hostile change),
// so it is an error at the link, unless clerk is told to follow such links
// (--allow-outside-links). Links that stay inside the site are fine.
//
// The boundary is process-wide while a SourceBoundary lives (LoadSite holds
// one while it loads): every loader reads through ReadTextFile, and handing
// the site folder down through each of them would widen every loader for one
// check. Loads never overlap (clerk serve builds one at a time).
#pragma once

#include <string>

namespace clerk {

class SourceBoundary {
 public:
  // `root`: the site folder; links are judged by where they really lead,
  // so `root` is resolved first (it may itself be reached through links).
  SourceBoundary(const std::string& root, bool allow_outside_links);
  ~SourceBoundary();
  SourceBoundary(const SourceBoundary&) = delete;
  SourceBoundary& operator=(const SourceBoundary&) = delete;

 private:
  bool had_previous_ = false;
  std::string previous_root_;
  bool previous_allow_ = false;
};

// Whether links out of the site are followed now (the record cache's stamps
// depend on it: a folder loaded with the option must not be taken from the
// cache without it).
bool OutsideLinksAllowed();

// If `path` itself is a symbolic link that leads nowhere, or out of the site
// while a SourceBoundary forbids that, what to tell the user; else "".
// `folder`: the link is expected to lead to a folder (for the wording).
std::string LinkProblem(const std::string& path, bool folder);

}  // namespace clerk
