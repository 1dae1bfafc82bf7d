// clerk: the command line. It parses arguments and wires the parts
// together: builder/ (build, check, and each rebuild of serve), scaffold/,
// publish/, serve/, schema/; it holds no logic of its own. Exit codes: 0
// success, 1 content errors, 2 usage errors.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <sstream>

#include "builder/builder.h"
#include "builder/session.h"
#include "cli/build_date.h"
#include "cli/command_help.h"
#include "cli/completion.h"
#include "cli/man_page.h"
#include "cli/version.h"
#include "config/base_url.h"
#include "model/parallel.h"
#include "model/utf8.h"
#include "publish/deploy.h"
#include "scaffold/command_line.h"
#include "scaffold/init_site.h"
#include "scaffold/new_command.h"
#include "schema/schema_command.h"
#include "serve/private_folder.h"
#include "serve/serve.h"

namespace {

using clerk::builder::kExitContentError;
constexpr int kExitUsage = 2;

// What the build, check and serve commands were given.
struct Options {
  clerk::builder::BuildOptions build;
  clerk::builder::CheckOptions check;
  std::string today_flag;  // --today YYYY-MM-DD
};

// clerk serve: builds into --out, or into a private temporary folder
// removed on exit (never public/), without the search index, and rebuilds
// on every change (serve/serve.h) with the builder.
int RunServe(clerk::builder::BuildOptions opt, int port, bool out_given) {
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
  // The session lives in the worker (a fork of this process) and keeps the
  // site and its bookkeeping from one build to the next there.
  clerk::builder::Session session;
  auto rebuild = [&opt, &session](const std::vector<std::string>& changed,
                                  std::string& messages) {
    std::ostringstream quiet;  // serve prints its own line per build
    // The stages catch what they throw (Guarded); this is the last line,
    // so a build that fails some other way leaves the server running.
    try {
      return session.Build(opt, changed, quiet, &messages);
    } catch (const std::exception& e) {
      messages = std::string("clerk: error: the build stopped: ") +
                 clerk::utf8::Escaped(e.what()) + "\n";
      return kExitContentError;
    }
  };
  return clerk::serve::RunServe({opt.source, opt.out, port}, rebuild, std::cerr,
                                [&session] { session.Settle(); });
}

// Every option's help names its default (tests/cli/command_help_test.cpp).
constexpr const char* kSourceHelp = "Site folder, with site.yaml (default: .)";
constexpr const char* outside_links_help =
    "Read files and folders that are links to places outside --source (by "
    "default each such link is an error)";

CLI::App* AddBuildCommand(CLI::App& app, Options& opt) {
  CLI::App* build = app.add_subcommand("build", "Build the site into --out");
  build->add_option("--source", opt.build.source, kSourceHelp);
  build->add_option("--out", opt.build.out, "Output folder (default: public)");
  build->add_option("--base-url", opt.build.base_url,
                    "Public address of the site (default: base_url in site.yaml)");
  build->add_option("--jobs", opt.build.jobs, "Parallel jobs (default: all cores)")
      ->check(CLI::Range(1, 256));
  build->add_flag("--strict", opt.build.strict, "Treat warnings as errors");
  build->add_flag("--noindex", opt.build.noindex,
                  "Ask search engines not to index (previews)");
  build->add_flag("--no-search", opt.build.no_search, "Do not build the search index");
  build->add_option("--today", opt.today_flag,
                    "The build's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today)");
  build->add_flag("--allow-outside-links", opt.build.allow_outside_links,
                  outside_links_help);
  return build;
}

CLI::App* AddCheckCommand(CLI::App& app, Options& opt) {
  CLI::App* check = app.add_subcommand("check", "Validate content; writes nothing");
  check->add_option("--source", opt.build.source, kSourceHelp);
  check
      ->add_option("--format", opt.check.format,
                   "Output format: text or json (default: text)")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--strict", opt.build.strict, "Treat warnings as errors");
  check->add_option(
      "--today", opt.today_flag,
      "The date to check against, YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today)");
  check->add_flag("--tbc", opt.check.tbc,
                  "List what is still to be confirmed for upcoming meetings");
  check->add_flag("--allow-outside-links", opt.build.allow_outside_links,
                  outside_links_help);
  return check;
}

CLI::App* AddDeployCommand(CLI::App& app, clerk::publish::DeployOptions& deploy_opt) {
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
  return deploy;
}

// clerk serve; `*serve_out` tells whether --out was given.
CLI::App* AddServeCommand(CLI::App& app, Options& opt, int& serve_port,
                          CLI::Option** serve_out) {
  CLI::App* serve =
      app.add_subcommand("serve", "Build, serve on 127.0.0.1 and rebuild on changes");
  serve->add_option("--source", opt.build.source, kSourceHelp);
  *serve_out = serve->add_option("--out", opt.build.out,
                                 "Output folder (default: a temporary one)");
  serve->add_option("--port", serve_port, "Port on 127.0.0.1 (default 8000)")
      ->check(CLI::Range(1, 65535));
  serve->add_option("--jobs", opt.build.jobs, "Parallel jobs (default: all cores)")
      ->check(CLI::Range(1, 256));
  serve->add_option("--today", opt.today_flag,
                    "The build's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today)");
  serve->add_flag("--allow-outside-links", opt.build.allow_outside_links,
                  outside_links_help);
  return serve;
}

// What the options settle before any command runs: the build's date and a
// checked --base-url. An exit code on a usage error.
std::optional<int> SettleOptions(Options& opt, clerk::scaffold::NewOptions& new_opt) {
  {
    std::string error;
    std::optional<clerk::Date> today = clerk::BuildDate(opt.today_flag, &error);
    if (!today) {
      std::cerr << "clerk: " << error << "\n";
      return kExitUsage;
    }
    opt.build.today = *today;
    new_opt.today = *today;
  }
  // The same rule as base_url in site.yaml: a bad value would end up in
  // every absolute link and calendar line (a "javascript:" scheme, a CR LF).
  if (!opt.build.base_url.empty()) {
    std::string error;
    std::optional<std::string> base_url = clerk::CheckBaseUrl(opt.build.base_url, &error);
    if (!base_url) {
      std::cerr << "clerk: --base-url: " << error << "\n";
      return kExitUsage;
    }
    opt.build.base_url = *base_url;
  }
  return std::nullopt;
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
  CLI::App* build = AddBuildCommand(app, opt);
  CLI::App* check = AddCheckCommand(app, opt);

  // clerk init and clerk new ... (generator/scaffold/command_line.h).
  clerk::scaffold::InitOptions init_opt;
  CLI::App* init = clerk::scaffold::AddInitCommand(app, init_opt, opt.today_flag);
  clerk::scaffold::NewOptions new_opt;
  CLI::App* scaffold = clerk::scaffold::AddNewCommand(app, new_opt);
  clerk::publish::DeployOptions deploy_opt;
  CLI::App* deploy = AddDeployCommand(app, deploy_opt);
  int serve_port = 8000;
  CLI::Option* serve_out = nullptr;
  CLI::App* serve = AddServeCommand(app, opt, serve_port, &serve_out);

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
  if (std::optional<int> usage = SettleOptions(opt, new_opt)) return *usage;
  // The stages turn what they throw into diagnostics (Guarded); an exception
  // that still gets here is a clear message and exit 1, never an abort.
  try {
    if (build->parsed())
      return clerk::builder::Build(opt.build, std::cerr, nullptr, /*last=*/true);
    if (check->parsed()) return clerk::builder::Check(opt.build, opt.check);
    if (init->parsed())
      return clerk::scaffold::RunInit(init_opt.dir, opt.build.today, std::cout,
                                      std::cerr);
    if (scaffold->parsed())
      return clerk::scaffold::RunNew(scaffold->get_subcommands().front()->get_name(),
                                     new_opt, std::cout, std::cerr);
    if (deploy->parsed()) return clerk::publish::RunDeploy(deploy_opt, std::cerr);
    if (serve->parsed()) return RunServe(opt.build, serve_port, serve_out->count() > 0);
    if (schema->parsed())
      return clerk::schema::RunSchema(schema_out, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "clerk: error: stopped by an unexpected problem, please report it: "
              << clerk::utf8::Escaped(e.what()) << "\n";
    return kExitContentError;
  }
  return kExitUsage;
}
