// clerk(1): the manual page, in troff (man macros), made from clerk's
// command tree (cli/command_tree.h) by the hidden `clerk man` command at
// build time, so it names every command and option the parser has and
// cannot drift from `--help`. Installed as share/man/man1/clerk.1.
#pragma once

#include <string>

#include "cli/command_tree.h"

namespace clerk::cli {

// `version`: "0.19.0", for the page's footer. No date: the same clerk makes
// the same page (reproducible packages).
std::string ManPage(const CommandInfo& root, const std::string& version);

// Text made safe for troff: backslashes, a leading '.' or '\'', and hyphens
// that are minus signs in option names.
std::string TroffEscaped(const std::string& text);

}  // namespace clerk::cli
