// Every command's --help shows its options' defaults and the environment it
// reads; no command, `help` and a mistyped command say what to type (issue
// 19 point 4). The commands and options are found by asking clerk itself,
// so a command added later is held to the same rule.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "test_support.h"

using namespace clerk::testing;

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines of one section of CLI11's help ("Options:", "Subcommands:").
std::vector<std::string> Section(const std::string& help, const std::string& title) {
  std::vector<std::string> section;
  bool in = false;
  for (const std::string& line : Lines(help)) {
    if (!line.empty() && line[0] != ' ') {
      in = line == title;
      continue;
    }
    if (in && !line.empty()) section.push_back(line);
  }
  return section;
}

std::vector<std::string> Commands(const std::string& help) {
  std::vector<std::string> names;
  for (const std::string& line : Section(help, "Subcommands:")) {
    std::istringstream words(line);
    std::string name;
    if (line.rfind("  ", 0) == 0 && line[2] != ' ' && words >> name)
      names.push_back(name);
  }
  return names;
}

struct OptionHelp {
  std::string names;         // "--out", "-h,--help"
  bool takes_value = false;  // "--out TEXT", not a flag
  std::string text;          // the rest: value type, description
};

// Each option of one help: a line "  --name [TYPE]   description", the
// description on the next line when the name is long.
std::vector<OptionHelp> Options(const std::string& help) {
  std::vector<OptionHelp> options;
  for (const std::string& line : Section(help, "Options:")) {
    size_t start = line.find_first_not_of(' ');
    if (start != std::string::npos && line[start] == '-' && start < 6) {
      OptionHelp option;
      size_t end = line.find(' ', start);
      option.names = line.substr(start, end - start);
      option.takes_value =
          end != std::string::npos && end + 1 < line.size() && line[end + 1] != ' ';
      option.text = end == std::string::npos ? "" : line.substr(end);
      options.push_back(option);
    } else if (!options.empty()) {
      options.back().text += " " + line;
    }
  }
  return options;
}

// Every command (as "build", "new meeting") found by walking the helps.
std::vector<std::string> AllCommands(const std::filesystem::path& dir) {
  std::vector<std::string> found, todo = Commands(RunClerk("help", dir).output);
  while (!todo.empty()) {
    std::string command = todo.front();
    todo.erase(todo.begin());
    found.push_back(command);
    if (command == "help") continue;
    for (const std::string& sub : Commands(RunClerk(command + " --help", dir).output))
      todo.push_back(command + " " + sub);
  }
  return found;
}

}  // namespace

TEST_CASE("every option of every command shows its default, or is a flag",
          "[command-help]") {
  TempDir dir;
  std::vector<std::string> commands = AllCommands(dir.path());
  // The commands of today, at least; later ones are found the same way.
  for (const char* known :
       {"build", "check", "serve", "deploy", "new", "new meeting", "help"})
    CHECK(std::find(commands.begin(), commands.end(), known) != commands.end());
  for (const std::string& command : commands) {
    INFO("clerk " << command << " --help");
    CommandResult r = RunClerk(command + " --help", dir.path());
    CHECK(r.exit_code == 0);
    // `clerk help COMMAND` prints the same.
    CHECK(RunClerk("help " + command, dir.path()).output == r.output);
    for (const OptionHelp& option : Options(r.output)) {
      INFO(option.names << option.text);
      if (!option.takes_value) continue;
      bool says = option.text.find("default") != std::string::npos ||
                  option.text.find("REQUIRED") != std::string::npos;
      CHECK(says);
    }
  }
}

TEST_CASE("each command's help names the environment variables it reads",
          "[command-help]") {
  TempDir dir;
  std::string build = RunClerk("build --help", dir.path()).output;
  for (const char* text :
       {"(default: public)", "(default: all cores)", "Environment:", "SOURCE_DATE_EPOCH",
        "CLERK_TIMINGS", "NO_COLOR", "CLICOLOR_FORCE", "Exit codes: 0 success"})
    CHECK(build.find(text) != std::string::npos);
  std::string deploy = RunClerk("deploy --help", dir.path()).output;
  for (const char* text :
       {"(default 256;", "old search index files do not count", "(default 4)", "CLERK_DEPLOY_PASSWORD",
        "CLERK_DEPLOY_KEY_PASSPHRASE", "AWS_SECRET_ACCESS_KEY", "HOME"})
    CHECK(deploy.find(text) != std::string::npos);
  std::string serve = RunClerk("serve --help", dir.path()).output;
  CHECK(serve.find("(default 8000)") != std::string::npos);
  CHECK(serve.find("TMPDIR") != std::string::npos);
  CHECK(RunClerk("check --help", dir.path()).output.find("SOURCE_DATE_EPOCH") !=
        std::string::npos);
  CHECK(RunClerk("init --help", dir.path()).output.find("SOURCE_DATE_EPOCH") !=
        std::string::npos);
  // The usage line names the command as it is typed.
  CHECK(build.find("Usage: clerk build") != std::string::npos);
  CHECK(RunClerk("new meeting --help", dir.path())
            .output.find("Usage: clerk new meeting") != std::string::npos);
}

TEST_CASE("clerk with no command, and clerk help, say what to type", "[command-help]") {
  TempDir dir;
  CommandResult none = RunClerk("", dir.path());
  CHECK(none.exit_code == 2);
  CHECK(none.output.find("clerk: which command?") != std::string::npos);
  CHECK(none.output.find("clerk help COMMAND") != std::string::npos);
  CHECK(Commands(none.output).size() >= 5);

  CommandResult help = RunClerk("help", dir.path());
  CHECK(help.exit_code == 0);
  CHECK(help.output.find("Usage: clerk") != std::string::npos);
  CHECK(help.output == RunClerk("--help", dir.path()).output);

  CommandResult new_alone = RunClerk("new", dir.path());
  CHECK(new_alone.exit_code == 2);
  CHECK(new_alone.output.find("clerk new: which command?") != std::string::npos);
  CHECK(new_alone.output.find("meeting") != std::string::npos);
}

TEST_CASE("a mistyped command gets a suggestion", "[command-help]") {
  TempDir dir;
  CommandResult r = RunClerk("biuld --out x", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.output ==
        "clerk: unknown command 'biuld'; did you mean 'build'?\n"
        "Type 'clerk help' to see the commands.\n");
  r = RunClerk("new meting --committee x", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.output.rfind("clerk new: unknown command 'meting'; did you mean 'meeting'?\n"
                       "Type 'clerk help new' to see the commands.\n",
                       0) == 0);
  r = RunClerk("help chek", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("did you mean 'check'?") != std::string::npos);
  // Nothing like any command: no suggestion, still what to type.
  r = RunClerk("publish", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.output ==
        "clerk: unknown command 'publish'\nType 'clerk help' to see the commands.\n");
  // A wrong option names the command and where its options are.
  r = RunClerk("build --bogus", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("clerk build: ") == 0);
  CHECK(r.output.find("--bogus") != std::string::npos);
  CHECK(r.output.find("Type 'clerk help build' to see its options.") !=
        std::string::npos);
}
