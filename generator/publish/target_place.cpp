#include "publish/target_place.h"

#include <filesystem>

namespace clerk::publish {

namespace fs = std::filesystem;

namespace {

// The real, absolute path: links in the part that exists resolved, '.' and
// '..' removed, no trailing '/'.
fs::path Real(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = fs::path(path);
  fs::path real = fs::weakly_canonical(absolute, ec);
  if (ec) real = absolute.lexically_normal();
  if (!real.has_filename() && real.has_relative_path()) real = real.parent_path();
  return real;
}

// True when `inner` is `outer` or a folder below it (whole parts compared, so
// /srv/www-old is not inside /srv/www).
bool Within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

// `name` is the folder as the user gave it; its real path is added when that
// reads differently, so a link or '..' that hid the overlap is shown.
std::optional<std::string> Compare(const fs::path& target, const fs::path& folder,
                                   const std::string& what, const std::string& name) {
  std::string t = target.string();
  std::string shown = what + " " + name;
  std::string bare = name;
  while (bare.size() > 1 && bare.back() == '/') bare.pop_back();
  if (bare != folder.string()) shown += " (" + folder.string() + ")";
  if (target == folder)
    return "the deploy target " + t + " is " + shown +
           " itself: deploy to a folder apart from it";
  if (Within(target, folder))
    return "the deploy target " + t + " is inside " + shown +
           ": each deploy would copy the one before into itself; deploy to a folder "
           "outside "
           "it";
  if (Within(folder, target))
    return shown + " is inside the deploy target " + t +
           ": a deploy would write into it; deploy to a folder apart from it";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckTargetPlace(const std::string& target,
                                            const std::string& out,
                                            const std::string& source) {
  fs::path real_target = Real(target);
  std::string out_name = out;
  while (out_name.size() > 1 && out_name.back() == '/') out_name.pop_back();
  if (auto error = Compare(real_target, Real(out), "the built site", out_name + "/"))
    return error;
  std::error_code ec;
  if (fs::exists(fs::path(source) / "site.yaml", ec))
    return Compare(real_target, Real(source), "the site's source folder", source);
  return std::nullopt;
}

}  // namespace clerk::publish
