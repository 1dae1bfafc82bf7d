#include "output/site_writer.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

namespace clerk {
namespace fs = std::filesystem;

namespace {

bool IsInside(const fs::path& child, const fs::path& parent) {
  auto c = child.begin(), p = parent.begin();
  for (; p != parent.end(); ++p, ++c) {
    if (c == child.end() || *c != *p) return false;
  }
  return true;
}

fs::path Absolute(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal() : abs;
}

// A relative, '/'-separated path that stays inside the output folder.
bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  for (const auto& part : fs::path(path)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

}  // namespace

bool CheckOutputDir(const std::string& out_dir, const std::string& source_root,
                    Diagnostics& diag) {
  fs::path out = Absolute(out_dir);
  fs::path source = Absolute(source_root);
  if (IsInside(source, out)) {
    diag.Error({out_dir, 0, 0}, "refusing to build into '" + out_dir +
                                    "': it holds the source files, which the build would "
                                    "replace; use the default --out public");
    return false;
  }
  for (const char* sub : {"content", "themes", "assets"}) {
    if (IsInside(out, source / sub)) {
      diag.Error({out_dir, 0, 0}, "refusing to build into '" + out_dir +
                                      "': it is inside " + sub + "/ of the source");
      return false;
    }
  }
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) {
    diag.Error({out_dir, 0, 0}, "'" + out_dir + "' exists and is not a folder");
    return false;
  }
  if (fs::is_empty(out, ec) || fs::exists(out / kSiteMarker, ec)) return true;
  diag.Error({out_dir, 0, 0},
             "refusing to replace '" + out_dir +
                 "': it is not empty and is not a site Clerk built (it has "
                 "no " +
                 kSiteMarker +
                 " file); choose another --out or "
                 "empty it yourself");
  return false;
}

bool WriteSite(const std::vector<OutputFile>& files, const std::string& out_dir, int jobs,
               Diagnostics& diag) {
  fs::path out = Absolute(out_dir);
  fs::path staging = out;
  staging += ".tmp-" + std::to_string(::getpid());
  fs::path old = out;
  old += ".old-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(staging, ec);
  if (!fs::create_directories(staging, ec) && ec) {
    diag.Error({out_dir, 0, 0},
               "cannot create " + staging.string() + ": " + ec.message());
    return false;
  }

  // Folders first, in one thread, so the writers never race to create them.
  std::set<fs::path> dirs;
  for (const OutputFile& f : files) {
    if (!IsSafeRelativePath(f.path)) {
      diag.Error({f.path, 0, 0}, "internal error: output path escapes the site folder");
      fs::remove_all(staging, ec);
      return false;
    }
    dirs.insert((staging / f.path).parent_path());
  }
  for (const fs::path& dir : dirs) fs::create_directories(dir, ec);

  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  std::string failure;
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      fs::path target = staging / files[i].path;
      std::ofstream stream(target, std::ios::binary | std::ios::trunc);
      stream.write(files[i].content.data(),
                   static_cast<std::streamsize>(files[i].content.size()));
      stream.close();
      if (!stream) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (failure.empty())
          failure = "cannot write " + target.string() + ": " + std::strerror(errno);
        return;
      }
    }
  };
  int threads = std::max(1, std::min(jobs, 16));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  if (failure.empty()) {
    std::ofstream marker(staging / kSiteMarker, std::ios::binary);
    marker << "This folder is built by clerk and replaced on every build.\n";
    if (!marker) failure = "cannot write " + (staging / kSiteMarker).string();
  }
  if (!failure.empty()) {
    diag.Error({out_dir, 0, 0}, failure + "; the previous site is unchanged");
    fs::remove_all(staging, ec);
    return false;
  }

  // Swap: old out aside, staging in, then remove the old one.
  bool had_old = fs::exists(out, ec);
  if (had_old) {
    fs::rename(out, old, ec);
    if (ec) {
      diag.Error({out_dir, 0, 0}, "cannot move the previous site aside: " + ec.message());
      fs::remove_all(staging, ec);
      return false;
    }
  }
  fs::rename(staging, out, ec);
  if (ec) {
    std::string message = ec.message();
    if (had_old) fs::rename(old, out, ec);
    diag.Error({out_dir, 0, 0}, "cannot move the new site into place: " + message);
    fs::remove_all(staging, ec);
    return false;
  }
  if (had_old) fs::remove_all(old, ec);
  return true;
}

}  // namespace clerk
