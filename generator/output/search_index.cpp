#include "output/search_index.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "files/atomic_write.h"
#include "incremental/build_log.h"
#include "incremental/search_parts_file.h"
#include "model/fingerprint.h"
#include "output/pagefind_bundle.h"
#include "output/search_plan.h"

namespace clerk::output {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStaging = ".staging";  // under pagefind/, while a part is indexed

// A pattern that matches the folder `name` in a Pagefind glob. Clerk names
// its folders with slugs and meeting ids; a glob's special characters in a
// name made by hand become '?' (any one character) rather than breaking the
// pattern.
std::string GlobSafe(std::string name) {
  for (char& c : name)
    if (std::string_view("*?[]{},\\!").find(c) != std::string_view::npos) c = '?';
  return name;
}

// "2019" if `rest` (a path inside a rendition) is in a meeting's folder
// (meetings/2019-03-11-.../...); "" otherwise.
std::string MeetingYear(std::string_view rest) {
  constexpr std::string_view kMeetings = "meetings/";
  if (rest.substr(0, kMeetings.size()) != kMeetings) return "";
  std::string_view folder = rest.substr(kMeetings.size());
  size_t slash = folder.find('/');
  if (slash == std::string_view::npos || slash < 5 || folder[4] != '-') return "";
  for (size_t i = 0; i < 4; ++i)
    if (folder[i] < '0' || folder[i] > '9') return "";
  return std::string(folder.substr(0, 4));
}

// What the part's bundle is made from besides its pages: Pagefind itself
// (an upgrade indexes again) and how clerk runs it.
std::string ProgramStamp(const std::string& program) {
  std::error_code ec;
  fs::path real = fs::canonical(program, ec);
  struct stat st;
  if (ec || ::stat(real.c_str(), &st) != 0) return program;
  return real.string() + " " + std::to_string(st.st_size) + " " +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) +
         " --keep-index-url";
}

// Starts `program args` with its output on our stderr; the child's pid, or
// -1.
pid_t Start(const std::string& program, std::vector<std::string> args) {
  args.insert(args.begin(), program);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    // Pagefind's notes go to our stderr, like the build's own.
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace

namespace {

// Years of meetings in a part: the least of 1, 2, 5 and 10 that gives a part
// about kSearchPagesPerPart pages, so a small council's search page merges a
// few parts and a large council's Pagefind runs stay small.
int YearsPerPart(const std::vector<std::pair<size_t, int>>& meeting_pages) {
  // Meeting pages a year, in the rendition with the most.
  std::map<size_t, size_t> pages;
  std::map<size_t, std::pair<int, int>> span;  // first and last year
  for (const auto& [rendition, year] : meeting_pages) {
    ++pages[rendition];
    auto [it, added] = span.insert({rendition, {year, year}});
    if (!added) {
      it->second.first = std::min(it->second.first, year);
      it->second.second = std::max(it->second.second, year);
    }
  }
  size_t per_year = 0;
  for (const auto& [rendition, n] : pages) {
    size_t years =
        static_cast<size_t>(span[rendition].second - span[rendition].first + 1);
    per_year = std::max(per_year, n / years);
  }
  for (int years : {1, 2, 5}) {
    if (per_year * static_cast<size_t>(years) >= kSearchPagesPerPart) return years;
  }
  return 10;
}

// The parts of the first rendition only: the other renditions' pages say
// the same things in other words, and their search pages read this index
// (see search_index.h).
std::vector<SearchPart> IndexedParts(
    const std::vector<std::string>& html,
    const std::vector<std::pair<std::string, std::string>>& renditions) {
  std::vector<SearchPart> parts = SearchParts(html, renditions);
  if (renditions.empty()) return parts;
  const std::string& indexed = renditions.front().first;
  parts.erase(std::remove_if(parts.begin(), parts.end(),
                             [&](const SearchPart& p) { return p.rendition != indexed; }),
              parts.end());
  return parts;
}

}  // namespace

std::string PagefindStamp(const std::string& source_root) {
  std::string program = FindPagefind(source_root);
  return program.empty() ? "" : ProgramStamp(program);
}

namespace {

using Prefixes = std::vector<std::pair<std::string, std::string>>;

// A page to index, and the part it goes in.
struct IndexPage {
  const std::string* path;
  size_t rendition;
  std::string_view rest;  // the path inside its rendition's folder
  int year;               // of its meeting; 0 if not in a meeting's folder
};

// The rendition with the longest folder that holds `path`; prefixes.size()
// if none does.
size_t RenditionOf(const std::string& path, const Prefixes& prefixes) {
  size_t rendition = prefixes.size();
  for (size_t r = 0; r < prefixes.size(); ++r) {
    const std::string& prefix = prefixes[r].second;
    if (path.compare(0, prefix.size(), prefix) == 0 &&
        (rendition == prefixes.size() ||
         prefix.size() > prefixes[rendition].second.size()))
      rendition = r;
  }
  return rendition;
}

// The pages of `html_paths` in a rendition's folder, but not in its search
// folder. `meeting_pages` receives the rendition and year of each page in a
// meeting's folder.
std::vector<IndexPage> PagesToIndex(const std::vector<std::string>& html_paths,
                                    const Prefixes& prefixes,
                                    std::vector<std::pair<size_t, int>>& meeting_pages) {
  std::vector<IndexPage> pages;
  for (const std::string& path : html_paths) {
    const size_t rendition = RenditionOf(path, prefixes);
    if (rendition == prefixes.size()) continue;
    std::string_view rest =
        std::string_view(path).substr(prefixes[rendition].second.size());
    if (rest.substr(0, std::string_view(kSearchDir).size() + 1) ==
        std::string(kSearchDir) + "/")
      continue;
    std::string year = MeetingYear(rest);
    pages.push_back({&path, rendition, rest, year.empty() ? 0 : std::stoi(year)});
    if (!year.empty()) meeting_pages.push_back({rendition, pages.back().year});
  }
  return pages;
}

// Names the part a page of `year` (0: not a meeting's) starts, in the
// rendition `id` whose folder is `prefix`: "site", whose glob is made
// once all its pages are known, or the meetings of `span` years from
// `first`, with the glob of their folders.
void NamePart(SearchPart& part, int year, int first, int span, const std::string& id,
              const std::string& prefix) {
  part.rendition = id;
  if (!year) {
    part.name = "site";
  } else if (span == 1) {
    part.name = "meetings-" + std::to_string(first);
    part.glob = prefix + "meetings/" + std::to_string(first) + "-*/**/*.html";
  } else {
    part.name =
        "meetings-" + std::to_string(first) + "-" + std::to_string(first + span - 1);
    std::string years;
    for (int y = first; y < first + span; ++y)
      years += (years.empty() ? "" : ",") + std::to_string(y);
    part.glob = prefix + "meetings/{" + years + "}-*/**/*.html";
  }
}

// The glob item of the "site" part for a page at `rest` in its rendition:
// top-level pages, and each folder whole, except the meetings' own folders
// (their years' parts).
std::string SiteItem(std::string_view rest) {
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return "*.html";
  if (rest.substr(0, slash) != "meetings")
    return GlobSafe(std::string(rest.substr(0, slash))) + "/**/*.html";
  std::string_view inside = rest.substr(slash + 1);
  size_t next = inside.find('/');
  return next == std::string_view::npos
             ? "meetings/*.html"
             : "meetings/" + GlobSafe(std::string(inside.substr(0, next))) + "/**/*.html";
}

// (rendition, 0 for "site" and 1 for meetings, first year) -> part.
using PartMap = std::map<std::tuple<size_t, int, int>, SearchPart>;

// The parts in order, each with its pages sorted; a "site" part's glob is
// made of its rendition's `site_items`.
std::vector<SearchPart> FinishParts(PartMap& parts,
                                    std::map<size_t, std::set<std::string>>& site_items,
                                    const Prefixes& prefixes) {
  std::vector<SearchPart> out;
  for (auto& [key, part] : parts) {
    if (part.glob.empty()) {
      const std::string& prefix = prefixes[std::get<0>(key)].second;
      std::string items;
      for (const std::string& item : site_items[std::get<0>(key)])
        items += (items.empty() ? "" : ",") + item;
      part.glob = prefix + "{" + items + "}";
    }
    std::sort(part.pages.begin(), part.pages.end());
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace

std::vector<SearchPart> SearchParts(
    const std::vector<std::string>& html_paths,
    const std::vector<std::pair<std::string, std::string>>& prefixes,
    int years_per_part) {
  std::vector<std::pair<size_t, int>> meeting_pages;
  const std::vector<IndexPage> pages = PagesToIndex(html_paths, prefixes, meeting_pages);
  const int span = years_per_part > 0 ? years_per_part : YearsPerPart(meeting_pages);

  // The parts, and the glob items of each rendition's "site" part.
  PartMap parts;
  std::map<size_t, std::set<std::string>> site_items;
  for (const IndexPage& page : pages) {
    const auto& [id, prefix] = prefixes[page.rendition];
    const int first = page.year / span * span;
    SearchPart& part = parts[{page.rendition, page.year ? 1 : 0, page.year ? first : 0}];
    if (part.name.empty()) NamePart(part, page.year, first, span, id, prefix);
    part.pages.push_back(*page.path);
    if (!page.year) site_items[page.rendition].insert(SiteItem(page.rest));
  }
  return FinishParts(parts, site_items, prefixes);
}

std::string SearchIndexReport::Summary() const {
  char seconds_text[32];
  std::snprintf(seconds_text, sizeof seconds_text, "%.2f s", seconds);
  std::string text = "search index: " + std::to_string(indexed) + " of " +
                     std::to_string(parts) + " parts indexed, " +
                     std::to_string(parts - indexed - failed) + " unchanged";
  if (failed > 0) text += ", " + std::to_string(failed) + " failed";
  if (recent > 0)
    text += ", " + std::to_string(recent) + " changed page" + (recent == 1 ? "" : "s") +
            " in the part of recent changes";
  if (recent_failed) text += ", recent changes not indexed";
  return text + " (" + seconds_text + ")";
}

namespace {

// The site's pages, sorted, and the bytes each was written with (`content`
// holds views into `site_log`).
void PagesOf(const BuildLog& site_log, std::vector<std::string>& html,
             PageContents& content) {
  site_log.ForEach([&](const std::string& path, const BuildLogEntry& entry) {
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) {
      html.push_back(path);
      content[path] = entry.content;
    }
  });
  std::sort(html.begin(), html.end());
}

// How each part's bundle is made: Pagefind and the pages it is pointed at.
std::vector<Fingerprint> PartStamps(const std::vector<SearchPart>& parts,
                                    const std::string& program_stamp) {
  std::vector<Fingerprint> stamps;
  for (const SearchPart& part : parts)
    stamps.push_back(Hasher().Add(program_stamp).Add(part.glob).Finish());
  return stamps;
}

// Bundles of parts the site no longer has go, and so does anything else
// in pagefind/ (the single index of clerk before parts, a staging folder
// left by a crash, the part of recent changes when there are none).
void RemoveStaleBundles(const fs::path& root, const std::set<std::string>& renditions,
                        const std::set<std::string>& dirs) {
  std::error_code ec;
  fs::create_directories(root, ec);
  std::vector<fs::path> gone;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    std::string name = entry.path().filename().string();
    std::error_code type_ec;
    if (entry.is_directory(type_ec) && renditions.count(name)) {
      for (const auto& sub : fs::directory_iterator(entry.path(), ec)) {
        if (!dirs.count(name + "/" + sub.path().filename().string()))
          gone.push_back(sub.path());
      }
      continue;
    }
    if (name == fs::path(kSearchPartsFile).filename().string()) continue;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 &&
        renditions.count(name.substr(0, name.size() - 5)))
      continue;
    gone.push_back(entry.path());
  }
  for (const fs::path& path : gone) fs::remove_all(path, ec);
}

// What the Pagefind runs of one BuildSearchIndex share.
struct PagefindRuns {
  const std::string& program;
  const std::string& out_dir;
  const fs::path& root;  // the search folder in out_dir
  const std::vector<const SearchPart*>& jobs;
  const SearchIndexOptions& options;
  std::ostream& log;

  // Where Pagefind writes `part` before it is moved into place.
  fs::path Staged(const SearchPart& part) const {
    return root / kStaging / (part.rendition + "-" + part.name);
  }
};

// Starts Pagefind on `part`; its pid, or -1.
pid_t StartPart(const PagefindRuns& runs, const SearchPart& part) {
  return Start(runs.program, {"--site", part.site.empty() ? runs.out_dir : part.site,
                              "--glob", part.glob, "--output-path",
                              runs.Staged(part).string(), "--keep-index-url", "--quiet"});
}

// Moves the bundle Pagefind made of `part` (exiting with `status`) into
// place. False if there is none, or it cannot be moved: then the part has
// no bundle.
bool PlacePart(const PagefindRuns& runs, const SearchPart& part, int status) {
  std::error_code ec;
  fs::path made = runs.Staged(part);
  fs::path target = runs.root / part.dir();
  bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
            fs::exists(made / "pagefind-entry.json", ec);
  if (ok) {
    fs::remove_all(target, ec);
    fs::create_directories(target.parent_path(), ec);
    fs::rename(made, target, ec);
    ok = !ec;
  }
  if (!ok) {
    runs.log << "clerk build: warning: search index part " << part.dir()
             << " not built: " << runs.program << " failed\n";
    fs::remove_all(target, ec);
  }
  return ok;
}

// Each job into its own staging folder, then moved into place; up to
// `jobs` Pagefind runs at once. ok[i] is made false for each job i not
// built.
void IndexParts(const PagefindRuns& runs, std::vector<bool>& ok) {
  runs.log.flush();
  std::map<pid_t, size_t> running;
  size_t next = 0, done = 0;
  const size_t total = runs.jobs.size();
  auto finish = [&](pid_t pid, int status) {
    size_t i = running.at(pid);
    running.erase(pid);
    ok[i] = PlacePart(runs, *runs.jobs[i], status);
    if (runs.options.progress) runs.options.progress(++done, total);
  };
  const size_t at_once = static_cast<size_t>(std::max(1, runs.options.jobs));
  while (next < total || !running.empty()) {
    if (next < total && running.size() < at_once) {
      size_t i = next++;
      pid_t pid = StartPart(runs, *runs.jobs[i]);
      if (pid < 0) {
        ok[i] = false;
        runs.log << "clerk build: warning: search index part " << runs.jobs[i]->dir()
                 << " not built: cannot start " << runs.program << "\n";
        continue;
      }
      running[pid] = i;
      continue;
    }
    int status = 0;
    pid_t pid = ::waitpid(-1, &status, 0);
    if (pid > 0 && running.count(pid)) {
      finish(pid, status);
    } else if (pid < 0 && errno != EINTR) {
      // No child to wait for (SIGCHLD ignored, say): the runs are over, and
      // each part is judged by the bundle it left.
      while (!running.empty()) finish(running.begin()->first, 0);
    }
  }
}

// A folder that holds only `pages` of the site, at their own paths (hard
// links, or copies where a link cannot be made), for Pagefind to index
// them alone with the addresses they have in the site. False if one cannot
// be placed.
bool GatherPages(const std::string& out_dir, const std::vector<std::string>& pages,
                 const fs::path& folder) {
  std::error_code ec;
  for (const std::string& page : pages) {
    const fs::path from = fs::path(out_dir) / page, to = folder / page;
    fs::create_directories(to.parent_path(), ec);
    fs::create_hard_link(from, to, ec);
    if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) return false;
  }
  return true;
}

// A list of JSON strings, one to a line, indented by four spaces.
std::string JsonList(const std::vector<std::string>& items) {
  std::string list;
  for (const std::string& item : items)
    list += std::string(list.empty() ? "" : ",") + "\n    \"" + item + "\"";
  return "[" + list + (list.empty() ? "" : "\n  ") + "]";
}

// Each rendition's list of bundles (and the results to hide), and what
// each bundle was made from. False if a file cannot be written.
bool WriteBundleLists(const std::string& out_dir, const fs::path& root,
                      const std::set<std::string>& renditions,
                      const std::vector<std::string>& listed,
                      const std::vector<std::string>& hidden,
                      const SearchPartsState& state) {
  bool written = WriteFileAtomically((fs::path(out_dir) / kSearchPartsFile).string(),
                                     FormatSearchPartsFile(state));
  std::map<std::string, std::vector<std::string>> lists;
  for (const std::string& id : renditions) lists[id];
  for (const std::string& dir : listed)
    lists[dir.substr(0, dir.find('/'))].push_back(dir + "/");
  for (const auto& [id, list] : lists) {
    written = WriteFileAtomically((root / (id + ".json")).string(),
                                  "{\n  \"parts\": " + JsonList(list) +
                                      ",\n  \"hidden\": " + JsonList(hidden) + "\n}\n") &&
              written;
  }
  return written;
}

// The part of recent changes for `plan`, in the rendition that is indexed.
SearchPart RecentPart(const SearchPlan& plan, const std::string& rendition,
                      const fs::path& root) {
  SearchPart recent;
  recent.rendition = rendition;
  recent.name = kRecentPartName;
  recent.glob = "**/*.html";
  recent.pages = plan.recent;
  recent.site = (root / kStaging / "recent-site").string();
  return recent;
}

// What one BuildSearchIndex works from.
struct SearchWork {
  const std::string& out_dir;
  const fs::path& root;
  const std::string& program;
  const SearchInputs& in;
  const SearchPlan& plan;
  const SearchPart& recent;
};

// Runs Pagefind for the plan: its whole parts, and the part of recent
// changes unless it is kept. What went well, with the ids of what was made.
SearchRunsDone RunPlan(const SearchWork& work, const SearchIndexOptions& options,
                       std::ostream& log) {
  std::vector<const SearchPart*> jobs;
  for (size_t i : work.plan.whole) jobs.push_back(&work.in.parts[i]);
  const bool run_recent = !work.plan.recent.empty() && !work.plan.recent_kept;
  if (run_recent) jobs.push_back(&work.recent);
  std::error_code ec;
  const fs::path staging = work.root / kStaging;
  if (!jobs.empty()) {
    fs::remove_all(staging, ec);
    fs::create_directories(staging, ec);
  }
  const bool gathered =
      !run_recent || GatherPages(work.out_dir, work.recent.pages, work.recent.site);
  if (!gathered) {
    jobs.pop_back();
    log << "clerk build: warning: search index part " << work.recent.dir()
        << " not built: its pages cannot be gathered in " << work.recent.site << "\n";
  }
  std::vector<bool> ok(jobs.size(), true);
  IndexParts({work.program, work.out_dir, work.root, jobs, options, log}, ok);
  fs::remove_all(staging, ec);
  SearchRunsDone done;
  done.whole_ok.assign(ok.begin(),
                       ok.begin() + static_cast<long>(work.plan.whole.size()));
  done.recent_ok = !run_recent || (gathered && ok.back());
  done.ids = [root = work.root](const std::string& dir) {
    return BundlePages((root / dir).string());
  };
  return done;
}

}  // namespace

SearchIndexReport BuildSearchIndex(const std::string& out_dir,
                                   const std::string& source_root,
                                   const BuildLog& site_log,
                                   const SearchIndexOptions& options, std::ostream& log) {
  SearchIndexReport report;
  const auto started = std::chrono::steady_clock::now();
  const std::string program = FindPagefind(source_root);
  if (program.empty()) {
    report.result = SearchIndexResult::kNotFound;
    return report;
  }
  std::vector<std::string> html;
  PageContents content;  // views into site_log
  PagesOf(site_log, html, content);
  const std::vector<SearchPart> parts = IndexedParts(html, options.renditions);
  const fs::path root = fs::path(out_dir) / kSearchDir;
  const std::string program_stamp = ProgramStamp(program);
  // Only the indexed rendition's: the others' bundles, from before the
  // index was built once, go too.
  const std::string indexed =
      options.renditions.empty() ? "" : options.renditions.front().first;
  std::set<std::string> renditions;
  if (!indexed.empty()) renditions.insert(indexed);
  const SearchInputs in{
      parts, PartStamps(parts, program_stamp), indexed + "/" + kRecentPartName,
      Hasher().Add(program_stamp).Add(kRecentPartName).Finish(), content};

  SearchPartsState before =
      ReadSearchPartsFile((fs::path(out_dir) / kSearchPartsFile).string());
  auto has_bundle = [&](const std::string& dir) {
    std::error_code ec;
    return fs::exists(root / dir / "pagefind-entry.json", ec);
  };
  const SearchPlan plan = PlanSearch(in, before, has_bundle, options.recent_limit);
  const SearchPart recent = RecentPart(plan, indexed, root);
  std::set<std::string> dirs;
  for (const SearchPart& part : parts) dirs.insert(part.dir());
  if (!plan.recent.empty()) dirs.insert(in.recent_dir);
  RemoveStaleBundles(root, renditions, dirs);

  const SearchRunsDone done =
      RunPlan({out_dir, root, program, in, plan, recent}, options, log);
  const SearchPartsState next = NextSearchState(in, plan, std::move(before), done);
  std::vector<std::string> listed;
  for (const SearchPart& part : parts)
    if (next.count(part.dir())) listed.push_back(part.dir());
  if (next.count(in.recent_dir)) listed.push_back(in.recent_dir);
  const bool written =
      WriteBundleLists(out_dir, root, renditions, listed, HiddenIds(in, next), next);

  report.parts = parts.size();
  report.failed =
      static_cast<size_t>(std::count(done.whole_ok.begin(), done.whole_ok.end(), false));
  report.indexed = plan.whole.size() - report.failed;
  report.recent = next.count(in.recent_dir) ? plan.recent.size() : 0;
  report.recent_failed = !done.recent_ok;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!written) {
    log << "clerk build: warning: search index lists cannot be written in "
        << root.string() << "\n";
  }
  report.result = written && report.failed == 0 && done.recent_ok
                      ? SearchIndexResult::kBuilt
                      : SearchIndexResult::kFailed;
  return report;
}

}  // namespace clerk::output
