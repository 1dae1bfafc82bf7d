#include "content/source_tree.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "files/source_boundary.h"
#include "files/source_files.h"
#include "model/utf8.h"

namespace clerk {
namespace {
namespace fs = std::filesystem;

class Walk {
 public:
  Walk(const std::string& root, const std::string& display_root, Diagnostics& diag,
       const std::set<std::string>* meetings_not_read, const FolderNames* meetings_listed,
       const std::set<std::string>* meetings_changed)
      : root_(root.empty() ? "." : root),
        display_root_(display_root),
        diag_(diag),
        meetings_not_read_(meetings_not_read),
        meetings_listed_(meetings_listed),
        meetings_changed_(meetings_changed) {}

  // Checks the entry at `relative` ("content/x.yaml") and what is under it.
  // An explicit stack, not recursion: a hostile tree can be very deep.
  void From(const std::string& relative) {
    std::vector<std::string> pending{relative};
    while (!pending.empty()) {
      std::string rel = std::move(pending.back());
      pending.pop_back();
      if (Entry(rel)) List(rel, pending);
    }
  }

  SourceTree& tree() { return tree_; }

 private:
  std::string Path(const std::string& rel) const { return root_ + "/" + rel; }

  void Refuse(const std::string& rel, const std::string& message) {
    diag_.Error({display_root_ + rel, 0, 0}, message);
    tree_.refused.insert(rel);
  }

  // Reports what is wrong with the entry itself; true if it is a folder to
  // walk into (a real folder, not a link: a link inside the site leads to
  // what is walked at its own place, and links are never followed here, so
  // a link loop cannot trap the walk).
  bool Entry(const std::string& rel) {
    const std::string path = Path(rel);
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) return false;  // gone, or never there
    const bool link = S_ISLNK(st.st_mode);
    if (link) {
      struct stat target;
      const bool folder = ::stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode);
      if (std::string problem = LinkProblem(path, folder); !problem.empty()) {
        Refuse(rel, problem);
        return false;
      }
      st = target;
    }
    if (S_ISREG(st.st_mode)) return false;
    if (!S_ISDIR(st.st_mode)) {
      Refuse(rel, NotAFileMessage(st.st_mode));
      return false;
    }
    // A folder clerk may list but not open files in (or the reverse) is as
    // unreadable as one it may not list.
    if (::access(path.c_str(), R_OK | X_OK) != 0) {
      Refuse(rel, std::string("cannot read folder: ") + std::strerror(errno));
      return false;
    }
    return !link;
  }

  // content/meetings as clerk serve knows it (CheckSourceTree): each entry
  // is looked at as List looks at it, but its folders (10,000 on a large
  // site) by name alone, as the listing they come from did.
  void ListKnownMeetings(const std::string& rel, std::vector<std::string>& pending) {
    for (const std::string& name : meetings_listed_->folders) {
      if (!meetings_not_read_ || !meetings_not_read_->count(name))
        pending.push_back(rel + "/" + name);
    }
    auto look_at = [&](const std::string& name) {
      struct stat st;
      if (name.empty() || name[0] == '.') return;
      if (::lstat(Path(rel + "/" + name).c_str(), &st) != 0) return;  // gone
      if (!Named(rel, name) || S_ISREG(st.st_mode)) return;
      pending.push_back(rel + "/" + name);
    };
    for (const std::string& name : meetings_listed_->files) look_at(name);
    // A changed name left out of the listing: one that is not text.
    if (meetings_changed_) {
      for (const std::string& name : *meetings_changed_) {
        if (!std::binary_search(meetings_listed_->folders.begin(),
                                meetings_listed_->folders.end(), name) &&
            !std::binary_search(meetings_listed_->files.begin(),
                                meetings_listed_->files.end(), name))
          look_at(name);
      }
    }
  }

  // Reports a name that is not text; true if it is.
  bool Named(const std::string& rel, const std::string& name) {
    if (!utf8::IsValid(name)) {
      Refuse(rel + "/" + utf8::Escaped(name),
             "the name is not UTF-8 text: rename it (names become web addresses "
             "and must be text)");
      return false;
    }
    if (!IsPrintableName(name)) {
      Refuse(rel + "/" + utf8::Escaped(name),
             "the name holds a control character: rename it");
      return false;
    }
    return true;
  }

  void List(const std::string& rel, std::vector<std::string>& pending) {
    if (meetings_listed_ && rel == "content/meetings")
      return ListKnownMeetings(rel, pending);
    std::error_code ec;
    std::vector<std::string> children;
    for (fs::directory_iterator it(Path(rel), ec), end; !ec && it != end;
         it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;  // as the loaders do
      if (!Named(rel, name)) continue;
      // A plain file, as readdir says (no system call): nothing to check.
      // On a large site these are nearly all the entries.
      std::error_code type_ec;
      if (!it->is_symlink(type_ec) && it->is_regular_file(type_ec) && !type_ec) continue;
      if (meetings_not_read_ && rel == "content/meetings" &&
          meetings_not_read_->count(name))
        continue;  // taken as loaded, unread (see CheckSourceTree)
      children.push_back(rel + "/" + name);
    }
    if (ec) {
      Refuse(rel, "cannot read folder: " + ec.message());
      return;
    }
    pending.insert(pending.end(), children.begin(), children.end());
  }

  std::string root_;
  std::string display_root_;
  Diagnostics& diag_;
  const std::set<std::string>* meetings_not_read_;
  const FolderNames* meetings_listed_;
  const std::set<std::string>* meetings_changed_;
  SourceTree tree_;
};

}  // namespace

SourceTree CheckSourceTree(const std::string& root, const std::string& display_root,
                           Diagnostics& diag,
                           const std::set<std::string>* meetings_not_read,
                           const FolderNames* meetings_listed,
                           const std::set<std::string>* meetings_changed) {
  Walk walk(root, display_root, diag, meetings_not_read, meetings_listed,
            meetings_changed);
  for (const char* top : {"site.yaml", "content", "assets", "themes"}) walk.From(top);
  return std::move(walk.tree());
}

}  // namespace clerk
