#include "builder/session.h"

#include <string_view>

namespace clerk::builder {

std::optional<std::set<std::string>> ChangedFolders(
    const std::vector<std::string>& changed) {
  constexpr std::string_view kMeetings = "content/meetings/";
  constexpr std::string_view kProgrammes = "content/work-programmes";
  constexpr std::string_view kPeople = "content/people";
  constexpr std::string_view kCommittees = "content/committees";
  std::set<std::string> folders;
  for (const std::string& path : changed) {
    if (path.starts_with(kMeetings)) {
      std::string_view rest = std::string_view(path).substr(kMeetings.size());
      std::string folder(rest.substr(0, rest.find('/')));
      if (folder.empty()) return std::nullopt;
      folders.insert(std::move(folder));
    } else if (path == kProgrammes || path.starts_with(std::string(kProgrammes) + "/")) {
      folders.insert(kWorkProgrammesEntry);
    } else if (path == kPeople || path.starts_with(std::string(kPeople) + "/")) {
      folders.insert(kPeopleEntry);
    } else if (path == kCommittees || path.starts_with(std::string(kCommittees) + "/")) {
      folders.insert(kCommitteesEntry);
    } else if (path.empty() || path == "content" || path == "content/meetings" ||
               path.starts_with("(")) {
      return std::nullopt;  // above the folders, or the watcher lost count
    }
    // Anything else (site.yaml, the glossary, assets, the theme) is read
    // again by every build; no folder's records depend on it. (People and
    // committees are not a meeting folder's either: a change to them is no
    // edit of folders alone, below.)
  }
  return folders;
}

bool OnlyFoldersChanged(const std::vector<std::string>& changed) {
  if (changed.empty()) return false;
  std::optional<std::set<std::string>> folders = ChangedFolders(changed);
  if (!folders) return false;
  for (const std::string& path : changed) {
    // Every path is in (or is) a meeting folder or the work programmes.
    if (!path.starts_with("content/meetings/") && path != "content/work-programmes" &&
        !path.starts_with("content/work-programmes/"))
      return false;
  }
  return true;
}

}  // namespace clerk::builder
