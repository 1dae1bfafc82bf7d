// `clerk completion bash|zsh|fish`: a completion script for each shell, made
// from clerk's command tree (cli/command_tree.h), so every command, option
// and choice the parser knows is completed, and nothing else. Each script
// works out which command the words so far name (skipping option values),
// then offers that command's subcommands, its options after a '-', an
// option's choices ("--format text|json") or file names for an option that
// takes a value.
#pragma once

#include <string>
#include <vector>

#include "cli/command_tree.h"

namespace clerk::cli {

// The shells there is a script for.
const std::vector<std::string>& CompletionShells();

// The script for `shell` (one of CompletionShells()); the program is `clerk`.
std::string CompletionScript(const CommandInfo& root, const std::string& shell);

std::string BashCompletion(const CommandInfo& root);
std::string ZshCompletion(const CommandInfo& root);
std::string FishCompletion(const CommandInfo& root);

}  // namespace clerk::cli
