// clerk: the command line. It parses arguments and wires the stages together
// (config -> content -> links -> render -> output); it holds no logic of its
// own. Exit codes: 0 success, 1 content errors, 2 usage errors.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/build_date.h"
#include "cli/command_help.h"
#include "cli/completion.h"
#include "cli/diagnostic_printer.h"
#include "cli/install_paths.h"
#include "cli/man_page.h"
#include "cli/progress_line.h"
#include "cli/version.h"
#include "config/base_url.h"
#include "content/loader.h"
#include "links/check_acronyms.h"
#include "links/check_minutes.h"
#include "links/check_references.h"
#include "links/past_meetings.h"
#include "links/to_be_confirmed.h"
#include "model/diagnostics.h"
#include "model/parallel.h"
#include "model/program_identity.h"
#include "model/stage_timer.h"
#include "model/utf8.h"
#include "output/fingerprint_set_file.h"
#include "output/resident_files.h"
#include "output/search_index.h"
#include "output/site_writer.h"
#include "output/source_stamp.h"
#include "publish/deploy.h"
#include "readability/check_readability.h"
#include "render/site_renderer.h"
#include "scaffold/command_line.h"
#include "scaffold/init_site.h"
#include "scaffold/new_command.h"
#include "schema/schema_command.h"
#include "serve/private_folder.h"
#include "serve/serve.h"

namespace {

using clerk::Diagnostics;

constexpr int kExitContentError = 1;
constexpr int kExitUsage = 2;

struct Options {
  std::string source = ".";
  std::string out = "public";
  std::string base_url;
  std::string format = "text";
  int jobs = 0;
  bool strict = false;
  bool noindex = false;    // build: robots.txt disallows everything (previews)
  bool no_search = false;  // build: skip the Pagefind search index
  std::string committee;
  std::string date;
  std::string today_flag;            // --today YYYY-MM-DD
  clerk::Date today;                 // the build's date (cli/build_date.h), set in main
  bool tbc = false;                  // check: list what is still to be confirmed
  bool allow_outside_links = false;  // follow links out of --source
  // serve: the watcher saw a source change since the last build, so the
  // "nothing changed" stamp (a stat of every source) is neither read nor kept.
  bool changed_known = false;
};

// Each diagnostic with the line it is about and a caret under the column
// (cli/diagnostic_printer.h); in colour only on a terminal.
void PrintDiagnostics(const Diagnostics& diag, std::ostream& out = std::cerr) {
  const bool colour = &out == &std::cerr && clerk::cli::ColourWanted(2);
  clerk::cli::PrintDiagnostics(diag.Sorted(), out, colour);
}

void PrintJson(const Diagnostics& diag, const nlohmann::json& readability = nullptr) {
  nlohmann::json list = nlohmann::json::array();
  clerk::cli::SourceLines files;
  for (const clerk::Diagnostic& d : diag.Sorted()) {
    std::optional<std::string> excerpt = clerk::cli::ExcerptText(d, files);
    list.push_back(
        {{"severity", d.severity == clerk::Severity::kError ? "error" : "warning"},
         {"path", d.pos.path},
         {"line", d.pos.line},
         {"column", d.pos.column},
         {"message", d.message},
         {"excerpt", excerpt ? nlohmann::json(*excerpt) : nlohmann::json()}});
  }
  nlohmann::json out = {{"errors", diag.ErrorCount()},
                        {"warnings", diag.WarningCount()},
                        {"diagnostics", list}};
  if (!readability.is_null()) out["readability"] = readability;
  // Never throws: a byte that is not UTF-8 (in a path given on the command
  // line, say) is written as U+FFFD instead of ending clerk.
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The site's own theme if it has one, else the one that comes with clerk
// (cli/install_paths.h).
std::string ThemeDir(const std::string& source) {
  return clerk::ThemeDir(source, clerk::ProgramDir()).string();
}

// False, with one error that says where clerk looked, if there is no theme
// at all: a clerk program copied away from its install or build folder, say.
bool ThemeFound(const std::string& source, Diagnostics& diag) {
  const std::string dir = ThemeDir(source);
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return true;
  diag.Error({dir, 0, 0}, clerk::NoThemeMessage(source, clerk::ProgramDir()));
  return false;
}

// Runs one stage; if it throws (a file system error no check foresaw, or a
// bug), the run fails with a clear error instead of ending the program:
// clerk serve runs builds in its own process and must outlive a bad one.
template <typename Stage>
bool Guarded(Diagnostics& diag, Stage&& stage) {
  try {
    stage();
    return true;
  } catch (const std::filesystem::filesystem_error& e) {
    const std::string path = e.path1().empty() ? "clerk" : e.path1().string();
    diag.Error({clerk::utf8::Escaped(path), 0, 0}, "cannot read: " + e.code().message());
  } catch (const std::exception& e) {
    diag.Error({"clerk", 0, 0}, std::string("internal error, please report it: ") +
                                    clerk::utf8::Escaped(e.what()));
  }
  return false;
}

// What the checks found clean: by the last build (read before the checks)
// and by this one (saved after a successful build).
struct CheckMemo {
  clerk::AcronymScans clean_before, clean_now;
};

// Loads the site (through `cache`, if given) and checks its records and
// references (skipping what `memo` says was clean).
void LoadAndCheck(const Options& opt, clerk::Site& site, Diagnostics& diag,
                  clerk::RecordCache* cache = nullptr, CheckMemo* memo = nullptr) {
  clerk::StageTimer timer;
  if (!Guarded(diag, [&] {
        site = clerk::LoadSite(opt.source, diag, cache, {opt.allow_outside_links});
      }))
    return;
  site.today = opt.today;
  timer.Mark("load", cache ? std::to_string(cache->hits()) + " of " +
                                 std::to_string(site.meetings.size()) +
                                 " meeting folders from the cache"
                           : "");
  // The checks only read the site: references and minute numbers (one pass
  // each over every record) run on their own thread beside the acronym
  // check, and their findings are merged in a fixed order.
  Diagnostics refs_diag, acronyms_diag;
  size_t scanned = 0;
  Guarded(diag, [&] {
    std::future<void> refs = clerk::Beside(clerk::DefaultJobs(), [&] {
      clerk::CheckReferences(site, refs_diag);
      clerk::CheckMinuteNumbering(site, refs_diag);
    });
    scanned = memo ? clerk::CheckAcronyms(site, acronyms_diag, &memo->clean_before,
                                          &memo->clean_now)
                   : clerk::CheckAcronyms(site, acronyms_diag);
    refs.get();
  });
  diag.Merge(refs_diag);
  diag.Merge(acronyms_diag);
  timer.Mark("check acronyms", std::to_string(scanned) +
                                   " files scanned; references and minute numbers "
                                   "checked beside it");
}

clerk::RenderOptions MakeRenderOptions(const Options& opt, const clerk::Site& site) {
  clerk::RenderOptions render;
  render.theme_dir = ThemeDir(opt.source);
  render.base_url = opt.base_url.empty() ? site.config.base_url : opt.base_url;
  render.jobs = opt.jobs > 0 ? opt.jobs : clerk::DefaultJobs();
  return render;
}

// Renders every page into `sink`, then the calendars, feeds, open data and
// sitemap. Returns false when there are errors (or warnings under --strict).
bool Render(const Options& opt, const clerk::Site& site, clerk::RenderOptions render,
            clerk::OutputSink& sink, Diagnostics& diag, clerk::RenderStats& stats) {
  // Rendering needs consistent records; don't pile follow-on errors on top.
  if (diag.HasErrors()) return false;
  if (!Guarded(diag, [&] { stats = clerk::RenderSite(site, render, sink, diag); }))
    return false;
  if (diag.HasErrors()) return false;
  clerk::StageTimer timer;
  bool made = false;
  if (!Guarded(diag, [&] {
        made = clerk::output::PutResidentFiles(
            site, {render.base_url, opt.noindex, render.jobs}, stats.records, stats.paths,
            sink);
      }))
    return false;
  timer.Mark("feeds, calendars, data", made ? "made" : "kept");
  return !diag.HasErrors() && !(opt.strict && diag.WarningCount() > 0);
}

// "0.42 s" since `started`.
std::string Elapsed(std::chrono::steady_clock::time_point started) {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

std::string Summary(const Diagnostics& diag) {
  return Plural(diag.ErrorCount(), "error") + ", " +
         Plural(diag.WarningCount(), "warning");
}

int RunCheck(const Options& opt) {
  Diagnostics diag;
  if (!ThemeFound(opt.source, diag)) {
    PrintDiagnostics(diag);
    return kExitContentError;
  }
  clerk::Site site;
  LoadAndCheck(opt, site, diag);
  clerk::CheckPastMeetings(site, site.today, diag);
  clerk::DiscardSink sink;
  clerk::RenderStats stats;
  bool ok = Render(opt, site, MakeRenderOptions(opt, site), sink, diag, stats);
  // Easy-read and plain-English checks over the easy-read pages.
  clerk::ReadabilityReport readability;
  if (!diag.HasErrors() &&
      Guarded(diag, [&] { readability = clerk::CheckReadability(site, diag); })) {
    ok = ok && !(opt.strict && diag.WarningCount() > 0);
  }
  if (opt.format == "json") {
    PrintJson(diag, readability.ToJson());
  } else {
    PrintDiagnostics(diag);
    if (opt.tbc) {
      // On standard output, one line each: the list asked for, not a problem.
      std::vector<clerk::ToConfirm> open = clerk::ToBeConfirmed(site, site.today);
      for (const clerk::ToConfirm& t : open)
        std::cout << t.pos.path << ":" << t.pos.line << ":" << t.pos.column
                  << ": note: " << t.what << "\n";
      std::cerr << "clerk check: " << Plural(static_cast<int>(open.size()), "fact")
                << " to be confirmed for meetings from " << clerk::LongDate(site.today)
                << "\n";
    }
    std::cerr << "clerk check: " << readability.Summary() << "\n";
    std::cerr << "clerk check: "
              << Plural(static_cast<int>(site.meetings.size()), "meeting") << ", "
              << Plural(static_cast<int>(site.documents.size()), "document") << "; "
              << Summary(diag) << "\n";
  }
  return ok ? 0 : kExitContentError;
}

// Holds one of a build's large structures. When the process ends right
// after the build, it is not freed: freeing a large site's records and logs
// (a gigabyte of small objects at 10,000 meetings) takes a quarter of a
// second, and the kernel takes the memory back at exit in one go. Clang's
// -disable-free does the same.
template <typename T>
class BuildHeld {
 public:
  template <typename... Args>
  BuildHeld(bool free_at_end, Args&&... args)
      : held_(std::make_unique<T>(std::forward<Args>(args)...)), free_(free_at_end) {}
  ~BuildHeld() {
    if (!free_) (void)held_.release();
  }
  T& operator*() { return *held_; }
  T* operator->() { return held_.get(); }

 private:
  std::unique_ptr<T> held_;
  bool free_;
};

// Indexes the site in `site_dir` (the new site, before it is swapped in)
// for search.
clerk::output::SearchIndexReport BuildSearch(const std::string& site_dir,
                                             const Options& opt, int jobs,
                                             const clerk::BuildLog& site_log,
                                             std::ostream& log) {
  clerk::ProgressLine progress(log,
                               &log == &std::cerr && clerk::ProgressLine::Interactive(2));
  clerk::output::SearchIndexOptions search;
  for (const clerk::Rendition& r : clerk::DefaultRenditions())
    search.renditions.push_back({r.id, r.prefix});
  search.jobs = jobs;
  search.progress = [&](size_t done, size_t total) {
    progress.Update("indexing for search", done, total);
  };
  clerk::output::SearchIndexReport report =
      clerk::output::BuildSearchIndex(site_dir, opt.source, site_log, search, log);
  progress.Done();
  return report;
}

// A site whose search page cannot work must not pass silently: a warning
// (so --strict fails) when there is no Pagefind to build the index.
void WarnIfNoSearch(const Options& opt, Diagnostics& diag) {
  if (opt.no_search) return;
  std::string missing = clerk::output::MissingPagefindMessage(
      clerk::output::CurrentPagefindPlaces(opt.source));
  if (!missing.empty()) diag.Warning({"clerk build", 0, 0}, missing);
}

// One build of opt.source into opt.out. Diagnostics and the summary line go
// to `log`; the diagnostics alone also to `*messages` when given (clerk
// serve shows them as a page). `last`: the process exits after this build
// (see BuildHeld). Returns the exit code.
int BuildOnce(const Options& opt, std::ostream& log, std::string* messages = nullptr,
              bool last = false) {
  auto started = std::chrono::steady_clock::now();
  clerk::StageTimer timer;
  Diagnostics diag;
  BuildHeld<clerk::Site> held_site(!last);
  BuildHeld<clerk::SiteWriter> held_writer(!last, opt.out);
  clerk::Site& site = *held_site;
  clerk::SiteWriter& writer = *held_writer;
  clerk::RenderStats stats;
  std::optional<clerk::output::SearchIndexReport> search_report;
  bool ok = clerk::CheckOutputDir(opt.out, opt.source, diag);
  ok = ThemeFound(opt.source, diag) && ok;
  WarnIfNoSearch(opt, diag);
  int jobs = opt.jobs > 0 ? opt.jobs : clerk::DefaultJobs();

  // Nothing changed since the last build (sources, theme, clerk, options)
  // and the output is as it was left: done.
  std::filesystem::path source(opt.source);
  const clerk::Fingerprint stamp =
      opt.changed_known
          ? clerk::Fingerprint{}
          : clerk::StampSources(
                {(source / "site.yaml").string(), (source / "content").string(),
                 (source / "assets").string(), ThemeDir(opt.source)},
                clerk::ProgramIdentity() + "\n" + opt.base_url + "\n" +
                    clerk::IsoDate(opt.today) + "\n" + (opt.noindex ? "noindex" : "") +
                    "\n" +
                    (opt.no_search ? "no-search"
                                   : clerk::output::PagefindStamp(opt.source)) +
                    (opt.allow_outside_links ? "\nallow-outside-links" : ""));
  timer.Mark("source stamp");
  std::error_code ec;
  size_t intact_files = 0;
  if (ok && !opt.changed_known && clerk::SavedStamp(opt.out) == stamp &&
      clerk::OutputIntact(opt.out, jobs, &intact_files) &&
      (opt.no_search ||
       std::filesystem::exists(std::filesystem::path(opt.out) / "pagefind", ec))) {
    log << "clerk build: nothing changed since the last build -> " << intact_files
        << " files in " << opt.out << "/ (0 written, 0 removed, " << intact_files
        << " unchanged; " << Elapsed(started) << ")\n";
    if (messages) messages->clear();
    return 0;
  }

  // Meeting folders as loaded, kept in the output folder for the next build.
  BuildHeld<clerk::RecordCache> held_records(
      !last, (std::filesystem::path(opt.out) / clerk::kRecordCacheDir).string());
  clerk::RecordCache& records = *held_records;
  // Files the last build scanned clean for acronyms, kept the same way.
  const std::string scans_file =
      (std::filesystem::path(opt.out) / clerk::kAcronymScansFile).string();
  CheckMemo memo;
  // The writer reads the last build's log while the site loads: neither
  // needs the other, and on a large site each takes a good part of an edit
  // build.
  clerk::Diagnostics begin_diag;
  std::future<bool> begun;
  if (ok) begun = clerk::Beside(jobs, [&] { return writer.Begin(begin_diag); });
  if (ok) memo.clean_before = clerk::LoadFingerprintSet(scans_file, "acronyms");
  if (ok) LoadAndCheck(opt, site, diag, &records, &memo);
  const bool writer_ready = begun.valid() && begun.get();
  diag.Merge(begin_diag);
  timer.Mark("load and check, total");
  if (writer_ready && diag.HasErrors()) writer.Abort();  // removes its staging folder
  if (ok && !diag.HasErrors()) {
    clerk::ProgressLine progress(
        log, &log == &std::cerr && clerk::ProgressLine::Interactive(2));
    clerk::RenderOptions render = MakeRenderOptions(opt, site);
    render.progress = [&](size_t done, size_t total) {
      progress.Update("rendering pages", done, total);
    };
    ok = writer_ready && Render(opt, site, render, writer, diag, stats);
    progress.Done();
    // The search index is built in the new site before it is swapped in, so
    // a reader, or a kill, never sees pages newer than their index.
    if (!opt.no_search)
      writer.SetBeforeSwap([&](const std::string& site_dir) {
        search_report = BuildSearch(site_dir, opt, jobs, writer.committed_log(), log);
      });
    ok = ok ? writer.Commit(diag) : (writer.Abort(), false);
    timer.Mark("render and commit, total");
  }
  ok = ok && !diag.HasErrors();
  if (ok) {
    records.Save(site);
    clerk::SaveFingerprintSet(memo.clean_now, scans_file, "acronyms");
    timer.Mark("save caches");
  }
  // The fast path above only for builds that had nothing to say, and whose
  // search index is whole: the stamp goes before Pagefind runs and comes
  // back after, so a build stopped while indexing is not "nothing changed".
  bool save_stamp = ok && diag.WarningCount() == 0 && !opt.changed_known;
  if (ok) clerk::RemoveStamp(opt.out);
  const clerk::SiteWriter::Counts counts = writer.counts();
  // The search index checks its own parts: after a build that wrote
  // nothing, a part whose Pagefind run failed last time is tried again.
  if (ok && search_report) {
    if (search_report->result != clerk::output::SearchIndexResult::kNotFound)
      log << "clerk build: " << search_report->Summary() << "\n";
    // Failed parts are tried again next time.
    save_stamp =
        save_stamp && search_report->result != clerk::output::SearchIndexResult::kFailed;
  }
  if (save_stamp) clerk::SaveStamp(opt.out, stamp);
  PrintDiagnostics(diag, log);
  if (messages) {
    std::ostringstream text;
    PrintDiagnostics(diag, text);
    *messages = text.str();
  }
  if (!ok) {
    log << "clerk build: failed with " << Summary(diag) << "; " << opt.out
        << " was not changed\n";
    return kExitContentError;
  }
  log << "clerk build: " << Plural(static_cast<int>(site.meetings.size()), "meeting")
      << ", " << Plural(static_cast<int>(site.documents.size()), "document") << " -> "
      << Plural(static_cast<int>(stats.paths.size()), "file") << " in " << opt.out
      << "/ (" << counts.written << " written, " << counts.removed << " removed, "
      << counts.unchanged << " unchanged; " << Elapsed(started) << ")";
  if (diag.WarningCount() > 0) log << "; " << Plural(diag.WarningCount(), "warning");
  log << "\n";
  return 0;
}

int RunBuild(const Options& opt) {
  return BuildOnce(opt, std::cerr, nullptr, /*last=*/true);
}

// clerk serve: builds into --out, or into a private temporary folder
// removed on exit (never public/), without the search index, and rebuilds
// on every change (serve/serve.h).
int RunServe(Options opt, int port, bool out_given) {
  clerk::serve::PrivateFolder temp;
  if (!out_given) {
    std::string error;
    if (!temp.Create("clerk-serve", &error)) {
      std::cerr << "clerk serve: " << error << "\n";
      return kExitContentError;
    }
    opt.out = (temp.path() / "site").string();
  }
  opt.no_search = true;
  // Runs in serve's long-lived build worker (serve/build_worker.h).
  auto rebuild = [&opt](const std::vector<std::string>& changed, std::string& messages) {
    std::ostringstream quiet;  // serve prints its own line per build
    Options edit = opt;
    edit.changed_known = !changed.empty();
    // The stages catch what they throw (Guarded); this is the last line,
    // so a build that fails some other way leaves the server running.
    try {
      return BuildOnce(edit, quiet, &messages);
    } catch (const std::exception& e) {
      messages = std::string("clerk: error: the build stopped: ") +
                 clerk::utf8::Escaped(e.what()) + "\n";
      return kExitContentError;
    }
  };
  return clerk::serve::RunServe({opt.source, opt.out, port}, rebuild, std::cerr);
}

// What `clerk version`, `clerk completion` and `clerk man` print.
int Print(const std::string& text) {
  std::cout << text;
  return std::cout.flush() ? 0 : kExitContentError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"clerk: publish committee papers as an accessible website"};
  app.require_subcommand(1);
  Options opt;
  // Every option's help names its default (tests/cli/command_help_test.cpp).
  const char* kSourceHelp = "Site folder, with site.yaml (default: .)";

  CLI::App* build = app.add_subcommand("build", "Build the site into --out");
  build->add_option("--source", opt.source, kSourceHelp);
  build->add_option("--out", opt.out, "Output folder (default: public)");
  build->add_option("--base-url", opt.base_url,
                    "Public address of the site (default: base_url in site.yaml)");
  build->add_option("--jobs", opt.jobs, "Parallel jobs (default: all cores)")
      ->check(CLI::Range(1, 256));
  build->add_flag("--strict", opt.strict, "Treat warnings as errors");
  build->add_flag("--noindex", opt.noindex, "Ask search engines not to index (previews)");
  build->add_flag("--no-search", opt.no_search, "Do not build the search index");
  build->add_option("--today", opt.today_flag,
                    "The build's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today)");
  const char* outside_links_help =
      "Read files and folders that are links to places outside --source (by "
      "default each such link is an error)";
  build->add_flag("--allow-outside-links", opt.allow_outside_links, outside_links_help);

  CLI::App* check = app.add_subcommand("check", "Validate content; writes nothing");
  check->add_option("--source", opt.source, kSourceHelp);
  check->add_option("--format", opt.format, "Output format: text or json (default: text)")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--strict", opt.strict, "Treat warnings as errors");
  check->add_option(
      "--today", opt.today_flag,
      "The date to check against, YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today)");
  check->add_flag("--tbc", opt.tbc,
                  "List what is still to be confirmed for upcoming meetings");
  check->add_flag("--allow-outside-links", opt.allow_outside_links, outside_links_help);

  // clerk init and clerk new ... (generator/scaffold/command_line.h).
  clerk::scaffold::InitOptions init_opt;
  CLI::App* init = clerk::scaffold::AddInitCommand(app, init_opt, opt.today_flag);
  clerk::scaffold::NewOptions new_opt;
  CLI::App* scaffold = clerk::scaffold::AddNewCommand(app, new_opt);

  clerk::publish::DeployOptions deploy_opt;
  CLI::App* deploy = app.add_subcommand(
      "deploy", "Push the built site to a host (see docs/publishing.md)");
  deploy->add_option("--source", deploy_opt.source, kSourceHelp);
  deploy->add_option(
      "--target", deploy_opt.target_name,
      "Named target from site.yaml (default: its only target, or the one named default)");
  deploy->add_option(
      "--to", deploy_opt.to_url,
      "Target URL (file, sftp, ftp, ftps, webdav, webdavs, s3), instead of "
      "--target (default: none, the target comes from site.yaml)");
  deploy->add_option("--out", deploy_opt.out, "Built site folder (default: public)");
  deploy->add_flag("--dry-run", deploy_opt.dry_run, "Show the plan; change nothing");
  deploy->add_flag("--yes", deploy_opt.yes, "Allow deletions without asking");
  deploy->add_option("--jobs", deploy_opt.jobs, "Transfers at once (default 4)")
      ->check(CLI::Range(1, 64));
  deploy
      ->add_option("--max-deletes", deploy_opt.max_deletes,
                   "Refuse a deploy that would delete more files, even with --yes "
                   "(default 256; old search index files do not count)")
      ->check(CLI::NonNegativeNumber);
  deploy->add_flag("--verbose", deploy_opt.verbose, "List every file");

  int serve_port = 8000;
  CLI::App* serve =
      app.add_subcommand("serve", "Build, serve on 127.0.0.1 and rebuild on changes");
  serve->add_option("--source", opt.source, kSourceHelp);
  CLI::Option* serve_out =
      serve->add_option("--out", opt.out, "Output folder (default: a temporary one)");
  serve->add_option("--port", serve_port, "Port on 127.0.0.1 (default 8000)")
      ->check(CLI::Range(1, 65535));
  serve->add_option("--jobs", opt.jobs, "Parallel jobs (default: all cores)")
      ->check(CLI::Range(1, 256));
  serve->add_option("--today", opt.today_flag,
                    "The build's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today)");
  serve->add_flag("--allow-outside-links", opt.allow_outside_links, outside_links_help);

  std::string schema_out = "schemas";
  CLI::App* schema = app.add_subcommand(
      "schema", "Write the JSON Schema of every kind of content file, for editors");
  schema->add_option("--out", schema_out, "Folder to write them to (default: schemas)");

  // What clerk is, and its own completions and manual (cli/completion.h,
  // cli/man_page.h), made from this app so they cannot drift from it.
  app.set_version_flag("--version", clerk::VersionLine(),
                       "Print clerk's version and exit");
  CLI::App* version =
      app.add_subcommand("version", "Print clerk's version and git commit");
  std::string shell;
  CLI::App* completion = app.add_subcommand(
      "completion",
      "Print a completion script for bash, zsh or fish (see docs/install.md)");
  completion->add_option("shell", shell, "The shell")
      ->required()
      ->check(CLI::IsMember(clerk::cli::CompletionShells()));
  CLI::App* man = app.add_subcommand("man", "Print the manual page (troff)")->group("");

  clerk::cli::AddHelpCommand(app);
  if (auto answered = clerk::cli::AnswerHelp(app, argc, argv, std::cout, std::cerr))
    return *answered;

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (version->parsed()) return Print(clerk::VersionLine() + "\n");
  if (completion->parsed())
    return Print(clerk::cli::CompletionScript(clerk::cli::DescribeCommands(app), shell));
  if (man->parsed())
    return Print(
        clerk::cli::ManPage(clerk::cli::DescribeCommands(app), clerk::kClerkVersion));
  // --jobs bounds every stage, also those that start before the options
  // reach them.
  clerk::SetDefaultJobs(opt.jobs);
  {
    std::string error;
    std::optional<clerk::Date> today = clerk::BuildDate(opt.today_flag, &error);
    if (!today) {
      std::cerr << "clerk: " << error << "\n";
      return 2;
    }
    opt.today = *today;
    new_opt.today = *today;
  }
  // The same rule as base_url in site.yaml: a bad value would end up in
  // every absolute link and calendar line (a "javascript:" scheme, a CR LF).
  if (!opt.base_url.empty()) {
    std::string error;
    std::optional<std::string> base_url = clerk::CheckBaseUrl(opt.base_url, &error);
    if (!base_url) {
      std::cerr << "clerk: --base-url: " << error << "\n";
      return kExitUsage;
    }
    opt.base_url = *base_url;
  }
  // The stages turn what they throw into diagnostics (Guarded); an exception
  // that still gets here is a clear message and exit 1, never an abort.
  try {
    if (build->parsed()) return RunBuild(opt);
    if (check->parsed()) return RunCheck(opt);
    if (init->parsed())
      return clerk::scaffold::RunInit(init_opt.dir, opt.today, std::cout, std::cerr);
    if (scaffold->parsed())
      return clerk::scaffold::RunNew(scaffold->get_subcommands().front()->get_name(),
                                     new_opt, std::cout, std::cerr);
    if (deploy->parsed()) return clerk::publish::RunDeploy(deploy_opt, std::cerr);
    if (serve->parsed()) return RunServe(opt, serve_port, serve_out->count() > 0);
    if (schema->parsed())
      return clerk::schema::RunSchema(schema_out, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "clerk: error: stopped by an unexpected problem, please report it: "
              << clerk::utf8::Escaped(e.what()) << "\n";
    return kExitContentError;
  }
  return kExitUsage;
}
