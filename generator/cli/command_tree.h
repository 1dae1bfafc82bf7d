// clerk's commands and options as plain data, read from the CLI11 app that
// parses them, so the shell completions (cli/completion.h) and the man page
// (cli/man_page.h) are made from the same source as the parser and a new
// command or option needs no other edit.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace clerk::cli {

struct OptionInfo {
  std::vector<std::string> names;  // "--source", "-h"; a positional's own name
  std::string description;
  bool takes_value = false;
  std::string value_name;            // "SOURCE", for the man page
  std::vector<std::string> choices;  // from a CLI::IsMember check: "text", "json"
  std::string default_value;         // as CLI11 shows it, if any
  std::string env;                   // the environment variable it reads, if any
  bool required = false;
};

struct CommandInfo {
  std::string name;  // "" for clerk itself
  std::string description;
  std::vector<OptionInfo> options;  // named options and flags, help first
  std::vector<OptionInfo> positionals;
  std::vector<CommandInfo> subcommands;  // hidden ones (no group) left out
};

// The tree under `app`, in the order the commands and options were added.
CommandInfo DescribeCommands(const CLI::App& app);

// Every command's path ("build", "new meeting") with its info, depth first;
// the first is clerk itself, with an empty path.
struct CommandPath {
  std::string path;
  const CommandInfo* info;
};
std::vector<CommandPath> AllCommands(const CommandInfo& root);

}  // namespace clerk::cli
