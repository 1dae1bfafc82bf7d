#include "files/source_boundary.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <optional>

#include "model/utf8.h"

namespace clerk {
namespace {

struct Boundary {
  std::string root;  // resolved; never ends in '/' unless it is "/"
  bool allow_outside = false;
};

std::mutex boundary_mutex;
std::optional<Boundary> boundary;

std::optional<Boundary> Current() {
  std::lock_guard<std::mutex> lock(boundary_mutex);
  return boundary;
}

// The path a link's text names, as the user wrote it (for messages).
std::string LinkText(const std::string& path) {
  char target[PATH_MAX];
  ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
  return n < 0 ? std::string("?") : std::string(target, static_cast<size_t>(n));
}

bool Inside(const std::string& resolved, const std::string& root) {
  if (root == "/") return true;
  return resolved == root ||
         (resolved.size() > root.size() && resolved.compare(0, root.size(), root) == 0 &&
          resolved[root.size()] == '/');
}

}  // namespace

SourceBoundary::SourceBoundary(const std::string& root, bool allow_outside_links) {
  std::lock_guard<std::mutex> lock(boundary_mutex);
  if (boundary) {
    had_previous_ = true;
    previous_root_ = boundary->root;
    previous_allow_ = boundary->allow_outside;
  }
  char resolved[PATH_MAX];
  if (::realpath(root.empty() ? "." : root.c_str(), resolved))
    boundary = Boundary{resolved, allow_outside_links};
  else
    boundary.reset();  // no site folder: the loader reports that
}

SourceBoundary::~SourceBoundary() {
  std::lock_guard<std::mutex> lock(boundary_mutex);
  if (had_previous_)
    boundary = Boundary{previous_root_, previous_allow_};
  else
    boundary.reset();
}

bool OutsideLinksAllowed() {
  std::optional<Boundary> b = Current();
  return b && b->allow_outside;
}

std::string LinkProblem(const std::string& path, bool folder) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return "";
  const char* what = folder ? "folder" : "file";
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) {
    const std::string text = utf8::Escaped(LinkText(path));
    if (errno == ELOOP)
      return "this is a link that leads back to itself (" + text +
             "): replace it with the " + what + " it should be";
    return "this is a link to " + text +
           ", which does not exist: remove the link, or put the file or folder it "
           "should lead to here instead";
  }
  std::optional<Boundary> b = Current();
  if (!b || b->allow_outside || Inside(resolved, b->root)) return "";
  return std::string("this is a link to a ") + what + " outside the site (" +
         utf8::Escaped(resolved) + "): copy the " + what +
         " in, or run clerk with --allow-outside-links to follow such links";
}

}  // namespace clerk
