#include "cli/man_page.h"

#include <set>
#include <sstream>

namespace clerk::cli {

namespace {

// An option's names in bold, its value in italics: "\fB\-\-out\fR \fIOUT\fR".
std::string OptionLabel(const OptionInfo& option) {
  std::string label;
  for (const std::string& name : option.names)
    label +=
        (label.empty() ? "" : ", ") + std::string("\\fB") + TroffEscaped(name) + "\\fR";
  if (option.takes_value) label += " \\fI" + TroffEscaped(option.value_name) + "\\fR";
  return label;
}

std::string OptionText(const OptionInfo& option) {
  std::string text = option.description;
  if (!option.choices.empty()) {
    std::string list;
    for (const std::string& c : option.choices) list += (list.empty() ? "" : ", ") + c;
    text += " (one of: " + list + ")";
  }
  if (!option.default_value.empty()) text += " Default: " + option.default_value + ".";
  if (!option.env.empty()) text += " Read from $" + option.env + " when not given.";
  if (option.required) text += " Required.";
  return TroffEscaped(text);
}

void Synopsis(std::ostream& out, const std::string& path, const CommandInfo& command) {
  out << ".TP\n.B clerk " << TroffEscaped(path);
  for (const OptionInfo& positional : command.positionals)
    out << " " << TroffEscaped(positional.value_name);
  if (!command.options.empty()) out << " [options]";
  out << "\n" << TroffEscaped(command.description) << "\n";
}

void Command(std::ostream& out, const std::string& path, const CommandInfo& command) {
  out << ".SS \"clerk " << TroffEscaped(path) << "\"\n"
      << TroffEscaped(command.description) << "\n";
  for (const OptionInfo& positional : command.positionals)
    out << ".TP\n\\fI" << TroffEscaped(positional.value_name) << "\\fR\n"
        << OptionText(positional) << "\n";
  for (const OptionInfo& option : command.options)
    out << ".TP\n" << OptionLabel(option) << "\n" << OptionText(option) << "\n";
}

// The environment variables clerk reads that no option names, and those the
// options read.
void Environment(std::ostream& out, const CommandInfo& root) {
  out << ".SH ENVIRONMENT\n"
         ".TP\n.B CLERK_PAGEFIND\n"
         "The Pagefind program that builds the search index. When it is not set, clerk "
         "looks for lib/clerk/pagefind beside its own bin folder (installed with the "
         "package), node_modules/.bin/pagefind in the site and in clerk's source folder, "
         "then pagefind on PATH. A build with no Pagefind warns, and fails with "
         "\\fB\\-\\-strict\\fR.\n"
         ".TP\n.B SOURCE_DATE_EPOCH\n"
         "The build's date when \\fB\\-\\-today\\fR is not given (seconds since 1970, "
         "read as a UK date), for reproducible builds.\n";
  std::set<std::string> seen = {"CLERK_PAGEFIND", "SOURCE_DATE_EPOCH"};
  for (const CommandPath& c : AllCommands(root))
    for (const OptionInfo& option : c.info->options)
      if (!option.env.empty() && seen.insert(option.env).second)
        out << ".TP\n.B " << TroffEscaped(option.env) << "\nRead by "
            << OptionLabel(option) << " of \\fBclerk " << TroffEscaped(c.path)
            << "\\fR.\n";
}

}  // namespace

std::string TroffEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  // A line that starts with '.' or '\'' would be read as a request.
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  for (size_t at = out.find('\n'); at != std::string::npos; at = out.find('\n', at + 1))
    if (at + 1 < out.size() && (out[at + 1] == '.' || out[at + 1] == '\''))
      out.insert(at + 1, "\\&");
  return out;
}

std::string ManPage(const CommandInfo& root, const std::string& version) {
  // "clerk: publish ..." in --help; the NAME line names clerk already.
  std::string summary = root.description;
  if (summary.rfind("clerk: ", 0) == 0) summary.erase(0, 7);
  std::ostringstream out;
  out << ".TH CLERK 1 \"\" \"clerk " << TroffEscaped(version) << "\" \"User Commands\"\n"
      << ".SH NAME\nclerk \\- " << TroffEscaped(summary) << "\n"
      << ".SH SYNOPSIS\n.B clerk\n.I command\n[\\fIoptions\\fR]\n"
      << ".SH DESCRIPTION\n"
         "Clerk checks a council's committee papers (meetings in YAML, reports in "
         "Markdown) like a compiler checks code, and builds them into an accessible "
         "static website, each page in three renditions: standard, large print and easy "
         "read. Problems are printed as \\fIfile\\fR:\\fIline\\fR:\\fIcolumn\\fR: "
         "\\fBerror\\fR: \\fImessage\\fR.\n"
      << ".SH COMMANDS\n";
  const std::vector<CommandPath> all = AllCommands(root);
  for (const CommandPath& c : all)
    if (!c.path.empty() && c.info->subcommands.empty()) Synopsis(out, c.path, *c.info);
  out << ".SH OPTIONS\n";
  for (const OptionInfo& option : root.options)
    out << ".TP\n" << OptionLabel(option) << "\n" << OptionText(option) << "\n";
  for (const CommandPath& c : all)
    if (!c.path.empty()) Command(out, c.path, *c.info);
  Environment(out, root);
  out << ".SH EXIT STATUS\n"
         ".TP\n.B 0\nSuccess.\n"
         ".TP\n.B 1\nThe content has errors (or warnings, with \\fB\\-\\-strict\\fR); "
         "the output folder was not changed.\n"
         ".TP\n.B 2\nThe command line was wrong.\n"
         ".SH FILES\n"
         ".TP\n.I share/clerk/themes/default\n"
         "The default theme, beside the folder that holds the clerk program "
         "(/usr/share/clerk/themes/default for the package). A site's own "
         "themes/default folder is used instead when it has one.\n"
         ".TP\n.I lib/clerk/pagefind\n"
         "The Pagefind program that comes with the package.\n"
         ".SH SEE ALSO\n"
         "The guides in /usr/share/doc/clerk: install.md, content-format.md, "
         "publishing.md.\n";
  return out.str();
}

}  // namespace clerk::cli
