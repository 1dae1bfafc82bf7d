// The completion scripts and the man page are made from a CLI11 app: each
// names every command and option the app has (and no hidden command), and
// bash, zsh and fish accept them. tests/package/completion.sh does the same
// with the real clerk.
#include "cli/completion.h"

#include <catch2/catch.hpp>

#include "cli/man_page.h"
#include "test_support.h"

using namespace clerk::cli;
using namespace clerk::testing;

namespace {

// An app shaped like clerk's: options with and without values, choices, a
// nested command, a positional with choices and a hidden command.
struct SampleApp {
  CLI::App app{"sample: a tool's description"};
  std::string source, format, committee, shell;
  bool strict = false;
  SampleApp() {
    app.set_version_flag("--version", "sample 1.0");
    CLI::App* build = app.add_subcommand("build", "Build it");
    build->add_option("--source", source, "Site folder");
    build->add_flag("--strict", strict, "Treat warnings as errors");
    build->add_option("--format", format, "Output format")
        ->check(CLI::IsMember({"text", "json"}));
    CLI::App* scaffold = app.add_subcommand("new", "Create things");
    scaffold->add_subcommand("meeting", "Start a meeting")
        ->add_option("--committee", committee, "Committee id");
    app.add_subcommand("completion", "Print a script")
        ->add_option("shell", shell, "The shell")
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    app.add_subcommand("secret", "Not for users")->group("");
  }
};

const std::vector<std::string> kNamed = {
    "build",    "new",      "meeting",     "completion", "--source",
    "--strict", "--format", "--committee", "--version",  "--help",
    "text",     "json",     "bash",        "zsh",        "fish"};

// Runs `shell` with `script` in a file as $1 and `body` after it; its output.
CommandResult RunShell(const std::string& shell, const std::string& script,
                       const std::string& body) {
  TempDir dir;
  WriteFile(dir.path() / "script", script);
  WriteFile(dir.path() / "run", body);
  return RunProgram("/usr/bin/env", shell + " run ./script", dir.path());
}

// What bash completes for the words of `line` (the last one being typed).
std::string BashCompletes(const std::string& script, const std::string& line) {
  CommandResult r = RunShell("bash", script,
                             "source \"$1\"\n"
                             "COMP_WORDS=(" +
                                 line +
                                 ")\n"
                                 "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                                 "_clerk\n"
                                 "echo \"${COMPREPLY[*]}\"\n");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return r.output.substr(0, r.output.find_last_not_of('\n') + 1);
}

}  // namespace

TEST_CASE("the command tree lists commands, options and choices, but no hidden command",
          "[cli][completion]") {
  SampleApp sample;
  CommandInfo root = DescribeCommands(sample.app);
  std::vector<std::string> paths;
  for (const CommandPath& c : AllCommands(root)) paths.push_back(c.path);
  CHECK(paths ==
        std::vector<std::string>{"", "build", "new", "new meeting", "completion"});
  const CommandInfo& build = root.subcommands[0];
  REQUIRE(build.options.size() == 4);  // --help first
  CHECK(build.options[1].names == std::vector<std::string>{"--source"});
  CHECK(build.options[1].takes_value);
  CHECK(build.options[1].value_name == "SOURCE");
  CHECK_FALSE(build.options[2].takes_value);
  CHECK(build.options[3].choices == std::vector<std::string>{"text", "json"});
  const CommandInfo& completion = root.subcommands[2];
  REQUIRE(completion.positionals.size() == 1);
  CHECK(completion.positionals[0].choices ==
        std::vector<std::string>{"bash", "zsh", "fish"});
}

TEST_CASE("each shell's script names every command, option and choice",
          "[cli][completion]") {
  SampleApp sample;
  CommandInfo root = DescribeCommands(sample.app);
  for (const std::string& shell : CompletionShells()) {
    const std::string script = CompletionScript(root, shell);
    INFO(shell);
    REQUIRE_FALSE(script.empty());
    for (const std::string& word : kNamed) {
      // fish names options without their dashes: -l source.
      const std::string want = shell == "fish" && word.rfind("--", 0) == 0
                                   ? "-l '" + word.substr(2) + "'"
                                   : word;
      INFO(want);
      CHECK(script.find(want) != std::string::npos);
    }
    CHECK(script.find("secret") == std::string::npos);
  }
  CHECK(CompletionScript(root, "tcsh").empty());
}

TEST_CASE("bash completes commands, options, choices and file names",
          "[cli][completion]") {
  const std::string script = BashCompletion(DescribeCommands(SampleApp().app));
  CHECK(BashCompletes(script, "clerk bu") == "build");
  CHECK(BashCompletes(script, "clerk build --so") == "--source");
  CHECK(BashCompletes(script, "clerk build --format j") == "json");
  CHECK(BashCompletes(script, "clerk new m") == "meeting");
  CHECK(BashCompletes(script, "clerk new meeting --c") == "--committee");
  CHECK(BashCompletes(script, "clerk completion f") == "fish");
  // A value that looks like a command is the option's, not a command.
  CHECK(BashCompletes(script, "clerk build --source new --st") == "--strict");
  CHECK(BashCompletes(script, "clerk build --source ru") == "run");  // a file
  CHECK(BashCompletes(script, "clerk se").empty());                  // hidden
}

TEST_CASE("zsh and fish accept their scripts", "[cli][completion]") {
  CommandInfo root = DescribeCommands(SampleApp().app);
  CommandResult zsh = RunShell("zsh", ZshCompletion(root), "zsh -n \"$1\"\n");
  INFO(zsh.output);
  CHECK(zsh.exit_code == 0);
  CommandResult fish = RunShell("fish", FishCompletion(root), "fish -n $argv[1]\n");
  INFO(fish.output);
  CHECK(fish.exit_code == 0);
}

TEST_CASE("fish completes commands and options through its own complete",
          "[cli][completion]") {
  const std::string script = FishCompletion(DescribeCommands(SampleApp().app));
  CommandResult r = RunShell("fish", script,
                             "source $argv[1]\n"
                             "complete -C 'clerk bu'\n"
                             "complete -C 'clerk build --so'\n"
                             "complete -C 'clerk new meeting --'\n");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("build\tBuild it") != std::string::npos);
  CHECK(r.output.find("--source\tSite folder") != std::string::npos);
  CHECK(r.output.find("--committee") != std::string::npos);
  CHECK(r.output.find("--strict") == std::string::npos);
}

TEST_CASE("the man page names every command and option, in valid troff", "[cli][man]") {
  SampleApp sample;
  const std::string page = ManPage(DescribeCommands(sample.app), "1.0");
  CHECK(page.rfind(".TH CLERK 1", 0) == 0);
  for (const char* word : {"clerk build", "clerk new meeting", "clerk completion",
                           "\\-\\-source", "\\-\\-committee", "\\-\\-version",
                           "one of: text, json", "CLERK_PAGEFIND", "EXIT STATUS"})
    CHECK(page.find(word) != std::string::npos);
  CHECK(page.find("secret") == std::string::npos);
  TempDir dir;
  WriteFile(dir.path() / "clerk.1", page);
  CommandResult groff = RunProgram("groff", "-man -ww -z clerk.1", dir.path());
  INFO(groff.output);
  CHECK(groff.exit_code == 0);
  CHECK(groff.output.empty());
}

TEST_CASE("troff escapes keep text from being read as requests", "[cli][man]") {
  CHECK(TroffEscaped("a-b") == "a\\-b");
  CHECK(TroffEscaped("C:\\path") == "C:\\epath");
  CHECK(TroffEscaped(".hidden") == "\\&.hidden");
  CHECK(TroffEscaped("one\n'two") == "one\n\\&'two");
}
