// What `clerk` says about its own commands. Every command's --help names
// the defaults of its options (in the option's own text) and, in a footer,
// the environment variables it reads; `clerk` with no command, `clerk help`,
// `clerk help COMMAND` and a mistyped command ("did you mean 'build'?")
// each say what to type next. Exit codes: 0 for help asked for, 2 for a
// command line clerk cannot run.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>

namespace clerk::cli {

// Names the program "clerk", adds the `help` command, and gives `app` and
// each of its commands (those added before this call) their footers and
// plain-word usage errors. Call it after the last add_subcommand.
void AddHelpCommand(CLI::App& app);

// Answers, before the options are parsed, a command line that names no
// command, names one that does not exist, or asks for help
// (`clerk help [COMMAND...]`): prints help to `out` or the problem and what
// to type to `err`, and returns the exit code. nullopt: parse as usual.
std::optional<int> AnswerHelp(const CLI::App& app, int argc, const char* const* argv,
                              std::ostream& out, std::ostream& err);

}  // namespace clerk::cli
