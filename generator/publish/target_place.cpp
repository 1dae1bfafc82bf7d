#include "publish/target_place.h"

#include <filesystem>
#include <vector>

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

// One folder to keep apart from the target. `shown` names it in messages;
// `inside` says what a target inside it would do.
struct Guarded {
  fs::path real;
  std::string shown;
  std::string inside;
};

std::optional<std::string> Compare(const fs::path& target, const Guarded& g) {
  std::string t = target.string();
  if (target == g.real)
    return "the deploy target " + t + " is " + g.shown +
           " itself: deploy to a folder apart from it";
  if (Within(target, g.real))
    return "the deploy target " + t + " is inside " + g.shown + ": " + g.inside +
           "; deploy to a folder outside it";
  if (Within(g.real, target))
    return g.shown + " is inside the deploy target " + t +
           ": a deploy would write into it; deploy to a folder apart from it";
  return std::nullopt;
}

bool HoldsSite(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(folder / "site.yaml", ec);
}

}  // namespace

std::optional<std::string> CheckTargetPlace(const std::string& target,
                                            const std::string& out,
                                            const std::string& source) {
  fs::path real_target = Real(target);
  std::vector<Guarded> guarded;
  // The built site, as the user named it, with its real path when that reads
  // differently (a link or '..' that hid the overlap is then shown).
  std::string out_name = out;
  while (out_name.size() > 1 && out_name.back() == '/') out_name.pop_back();
  fs::path real_out = Real(out);
  std::string shown = "the built site " + out_name + "/";
  if (out_name != real_out.string()) shown += " (" + real_out.string() + ")";
  guarded.push_back(
      {real_out, shown, "each deploy would copy the one before into itself"});
  // The sources: --source, and the folder around --out (where public/ usually
  // is, also when --out is given from elsewhere), each when it holds site.yaml.
  for (const fs::path& folder : {Real(source), real_out.parent_path()}) {
    if (!HoldsSite(folder) || (guarded.size() > 1 && guarded.back().real == folder))
      continue;
    guarded.push_back({folder, "the site's source folder " + folder.string(),
                       "a deploy would write the site among its sources"});
  }
  for (const Guarded& g : guarded)
    if (auto error = Compare(real_target, g)) return error;
  return std::nullopt;
}

}  // namespace clerk::publish
