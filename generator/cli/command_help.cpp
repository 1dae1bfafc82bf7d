#include "cli/command_help.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "model/did_you_mean.h"

namespace clerk::cli {
namespace {

constexpr int kExitHelp = 0;
constexpr int kExitUsage = 2;

struct EnvironmentVariable {
  const char* name;
  const char* what;
};

const std::vector<EnvironmentVariable> kColour = {
    {"NO_COLOR", "set and not empty: messages without colour"},
    {"CLICOLOR_FORCE", "set and not 0: colour even when not printing to a terminal"},
    {"TERM", "dumb: no colour and no progress line"},
};

const EnvironmentVariable kDateEpoch = {
    "SOURCE_DATE_EPOCH",
    "the build's date (seconds since 1970, as a UK date) when --today is not given"};

// The environment each command reads, by its words after "clerk".
const std::map<std::string, std::vector<EnvironmentVariable>>& CommandEnvironment() {
  static const std::map<std::string, std::vector<EnvironmentVariable>> table = {
      {"build",
       {kDateEpoch,
        {"PATH", "where pagefind is looked for, after node_modules/.bin"},
        {"CI", "set: no progress line, one summary line"},
        {"CLERK_TIMINGS", "set: print the time each stage took"}}},
      {"check", {kDateEpoch}},
      {"init", {kDateEpoch}},
      {"serve",
       {kDateEpoch,
        {"TMPDIR", "where the preview is built when --out is not given (default /tmp)"}}},
      {"new meeting", {}},
      {"deploy",
       {{"CLERK_DEPLOY_PASSWORD", "password for ftp, ftps, sftp and webdav targets"},
        {"CLERK_DEPLOY_KEY", "SSH private key for sftp: a file name, or the key itself"},
        {"CLERK_DEPLOY_KEY_PASSPHRASE", "the passphrase of that key, if it has one"},
        {"AWS_ACCESS_KEY_ID", "s3 targets: the access key"},
        {"AWS_SECRET_ACCESS_KEY", "s3 targets: its secret"},
        {"HOME", "where ~/.netrc (passwords by host) and ~/.ssh/known_hosts are read"},
        {"CI", "set: no progress line"}}},
  };
  return table;
}

// "new meeting" for that command; "" for clerk itself.
std::string CommandPath(const CLI::App* app) {
  std::string path;
  for (; app != nullptr && app->get_parent() != nullptr; app = app->get_parent())
    path = app->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

std::string Footer(const std::vector<EnvironmentVariable>& own) {
  std::vector<EnvironmentVariable> all = own;
  all.insert(all.end(), kColour.begin(), kColour.end());
  size_t width = 0;
  for (const EnvironmentVariable& v : all)
    width = std::max(width, std::string_view(v.name).size());
  std::string footer = "Environment:";
  for (const EnvironmentVariable& v : all)
    footer += "\n  " + std::string(v.name) +
              std::string(width + 2 - std::string_view(v.name).size(), ' ') + v.what;
  return footer + "\n\nExit codes: 0 success, 1 content errors, 2 usage errors.";
}

const CLI::App* FindCommand(const CLI::App& at, const std::string& name) {
  for (const CLI::App* sub : at.get_subcommands(std::function<bool(const CLI::App*)>()))
    if (sub->check_name(name)) return sub;
  return nullptr;
}

std::vector<std::string> CommandNames(const CLI::App& at) {
  std::vector<std::string> names;
  for (const CLI::App* sub : at.get_subcommands(std::function<bool(const CLI::App*)>()))
    names.push_back(sub->get_name());
  return names;
}

// "clerk help new" to see the commands of `at`.
std::string HelpCommand(const CLI::App& at) {
  const std::string path = CommandPath(&at);
  return "clerk help" + (path.empty() ? "" : " " + path);
}

int UnknownCommand(const CLI::App& at, const std::string& word, std::ostream& err) {
  const std::string path = CommandPath(&at);
  err << "clerk" << (path.empty() ? "" : " " + path) << ": unknown command '" << word
      << "'";
  const std::string closest = ClosestMatch(word, CommandNames(at));
  if (!closest.empty()) err << "; did you mean '" << closest << "'?";
  err << "\nType '" << HelpCommand(at) << "' to see the commands.\n";
  return kExitUsage;
}

// The help of `at` as `clerk ... --help` prints it.
std::string HelpOf(const CLI::App& at) {
  const std::string path = CommandPath(at.get_parent());
  return at.get_parent() == nullptr ? at.help()
                                    : at.help("clerk" + (path.empty() ? "" : " " + path));
}

// `clerk help [COMMAND...]`.
int AnswerHelpCommand(const CLI::App& app, const std::vector<std::string>& words,
                      std::ostream& out, std::ostream& err) {
  const CLI::App* at = &app;
  for (const std::string& word : words) {
    const CLI::App* next = FindCommand(*at, word);
    if (next == nullptr) return UnknownCommand(*at, word, err);
    at = next;
  }
  out << HelpOf(*at);
  return kExitHelp;
}

// CLI11's message for a command line it cannot parse, and where to look.
std::string UsageMessage(const CLI::App* app, const CLI::Error& e) {
  const CLI::App* at = app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  const std::string path = CommandPath(at);
  return "clerk" + (path.empty() ? "" : " " + path) + ": " + e.what() + "\nType '" +
         HelpCommand(*at) + "' to see " +
         (path.empty() ? "the commands" : "its options") + ".\n";
}

void AddFooters(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands(std::function<bool(CLI::App*)>())) {
    auto env = CommandEnvironment().find(CommandPath(sub));
    if (env != CommandEnvironment().end()) sub->footer(Footer(env->second));
    AddFooters(*sub);
  }
}

}  // namespace

void AddHelpCommand(CLI::App& app) {
  app.name("clerk");
  CLI::App* help = app.add_subcommand(
      "help", "Show the commands, or one command's options: clerk help build");
  help->allow_extras();
  AddFooters(app);
  app.footer(
      "Type 'clerk help COMMAND' (or 'clerk COMMAND --help') to see a command's "
      "options,\n"
      "its defaults and the environment variables it reads.\n\n"
      "Exit codes: 0 success, 1 content errors, 2 usage errors.");
  app.failure_message(UsageMessage);
}

std::optional<int> AnswerHelp(const CLI::App& app, int argc, const char* const* argv,
                              std::ostream& out, std::ostream& err) {
  const CLI::App* at = &app;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string word = argv[i];
    if (CommandNames(*at).empty() || word.empty() || word[0] == '-') break;
    if (at == &app && word == "help") {
      std::vector<std::string> words(argv + i + 1, argv + argc);
      // `clerk help --help`: CLI11 shows the help command's own help.
      if (std::find_if(words.begin(), words.end(), [](const std::string& w) {
            return w == "-h" || w == "--help";
          }) != words.end())
        return std::nullopt;
      return AnswerHelpCommand(app, words, out, err);
    }
    const CLI::App* next = FindCommand(*at, word);
    if (next == nullptr) return UnknownCommand(*at, word, err);
    at = next;
  }
  // `clerk`, `clerk new`: a command is needed, and nothing else was given.
  if (i == argc && !CommandNames(*at).empty() && at->get_require_subcommand_min() > 0) {
    err << "clerk" << (at == &app ? "" : " " + CommandPath(at))
        << ": which command? Type one of the commands below.\n\n"
        << HelpOf(*at);
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace clerk::cli
