// The command line of `clerk init` and `clerk new ...`: their options, in
// one place, so main.cpp only wires them (one call each, one dispatch line).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "scaffold/new_command.h"

namespace clerk::scaffold {

struct InitOptions {
  std::string dir;  // the new site's folder
};

// `clerk init DIR [--today]`; --today goes to `today_flag`, shared with the
// other commands' (cli/build_date.h).
CLI::App* AddInitCommand(CLI::App& app, InitOptions& options, std::string& today_flag);

// `clerk new meeting|paper|minutes|person|committee` and their options. The
// subcommand given is `->get_subcommands().front()->get_name()` of the result.
CLI::App* AddNewCommand(CLI::App& app, NewOptions& options);

}  // namespace clerk::scaffold
