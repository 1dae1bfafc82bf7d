#include "cli/completion.h"

#include <sstream>

namespace clerk::cli {

namespace {

// 'text' for bash and zsh: safe whatever the text holds.
std::string Quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// 'text' for fish, whose single quotes take \' and \\.
std::string FishQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> SubcommandNames(const CommandInfo& command) {
  std::vector<std::string> names;
  for (const CommandInfo& sub : command.subcommands) names.push_back(sub.name);
  return names;
}

std::vector<std::string> OptionNames(const CommandInfo& command) {
  std::vector<std::string> names;
  for (const OptionInfo& option : command.options)
    for (const std::string& name : option.names) names.push_back(name);
  return names;
}

// Words offered where a command's subcommand or positional goes.
std::vector<std::string> WordsAfter(const CommandInfo& command) {
  std::vector<std::string> words = SubcommandNames(command);
  for (const OptionInfo& positional : command.positionals)
    words.insert(words.end(), positional.choices.begin(), positional.choices.end());
  return words;
}

// One shell function per question (subcommands, options, ...): `case` over
// the command path, each arm echoing a word list.
void CaseFunction(std::ostream& out, const std::string& name, const CommandInfo& root,
                  std::vector<std::string> (*words)(const CommandInfo&)) {
  out << name << "() {\n  case \"$1\" in\n";
  for (const CommandPath& c : AllCommands(root)) {
    std::vector<std::string> list = words(*c.info);
    if (!list.empty())
      out << "    " << Quoted(c.path) << ") echo " << Quoted(Joined(list)) << " ;;\n";
  }
  out << "  esac\n}\n";
}

// "path option" arms for the options that take a value, and the choices of
// those that have them, shared by bash and zsh.
void ValueFunctions(std::ostream& out, const std::string& prefix,
                    const CommandInfo& root) {
  out << prefix << "_takes_value() {\n  case \"$1 $2\" in\n";
  std::ostringstream choices;
  for (const CommandPath& c : AllCommands(root)) {
    for (const OptionInfo& option : c.info->options) {
      if (!option.takes_value) continue;
      for (const std::string& name : option.names) {
        out << "    " << Quoted(c.path + " " + name) << ") return 0 ;;\n";
        if (!option.choices.empty())
          choices << "    " << Quoted(c.path + " " + name) << ") echo "
                  << Quoted(Joined(option.choices)) << " ;;\n";
      }
    }
  }
  out << "  esac\n  return 1\n}\n";
  out << prefix << "_choices() {\n  case \"$1 $2\" in\n"
      << choices.str() << "  esac\n}\n";
}

// The loop both bash and zsh run over the words before the cursor: the
// command path they name, skipping each option's value.
constexpr const char* kPathLoop = R"(    if [[ $skip == 1 ]]; then skip=0; continue; fi
    if [[ $w == -* ]]; then
      _clerk_takes_value "$cmdpath" "$w" && skip=1
      continue
    fi
    if [[ " $(_clerk_subcommands "$cmdpath") " == *" $w "* ]]; then
      cmdpath=${cmdpath:+$cmdpath }$w
    fi
)";

}  // namespace

const std::vector<std::string>& CompletionShells() {
  static const std::vector<std::string> shells = {"bash", "zsh", "fish"};
  return shells;
}

std::string CompletionScript(const CommandInfo& root, const std::string& shell) {
  if (shell == "bash") return BashCompletion(root);
  if (shell == "zsh") return ZshCompletion(root);
  if (shell == "fish") return FishCompletion(root);
  return "";
}

std::string BashCompletion(const CommandInfo& root) {
  std::ostringstream out;
  out << "# bash completion for clerk. Made by `clerk completion bash` from clerk's\n"
         "# own commands; installed as share/bash-completion/completions/clerk.\n";
  CaseFunction(out, "_clerk_subcommands", root, WordsAfter);
  CaseFunction(out, "_clerk_options", root, OptionNames);
  ValueFunctions(out, "_clerk", root);
  out << "_clerk() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "  local cmdpath="
         " skip=0 i w\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    w=${COMP_WORDS[i]}\n"
      << kPathLoop
      << "  done\n"
         "  COMPREPLY=()\n"
         "  if ((COMP_CWORD > 1)) && [[ $prev == -* ]] && _clerk_takes_value "
         "\"$cmdpath\" "
         "\"$prev\"; then\n"
         "    local choices\n"
         "    choices=$(_clerk_choices \"$cmdpath\" \"$prev\")\n"
         "    if [[ -n $choices ]]; then\n"
         "      mapfile -t COMPREPLY < <(compgen -W \"$choices\" -- \"$cur\")\n"
         "    else\n"
         "      mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
         "    fi\n"
         "  elif [[ $cur == -* ]]; then\n"
         "    mapfile -t COMPREPLY < <(compgen -W \"$(_clerk_options \"$cmdpath\")\" -- "
         "\"$cur\")\n"
         "  else\n"
         "    mapfile -t COMPREPLY < <(compgen -W \"$(_clerk_subcommands \"$cmdpath\")\" "
         "-- "
         "\"$cur\")\n"
         "  fi\n"
         "}\n"
         "complete -F _clerk clerk\n";
  return out.str();
}

std::string ZshCompletion(const CommandInfo& root) {
  std::ostringstream out;
  out << "#compdef clerk\n"
         "# zsh completion for clerk. Made by `clerk completion zsh` from clerk's own\n"
         "# commands; installed as share/zsh/vendor-completions/_clerk.\n";
  CaseFunction(out, "_clerk_subcommands", root, WordsAfter);
  ValueFunctions(out, "_clerk", root);
  // Each command's subcommands and options with their descriptions, for
  // _describe ("name:description"; a ':' in a name is escaped).
  out << "_clerk_described() {\n  case \"$1 $2\" in\n";
  for (const CommandPath& c : AllCommands(root)) {
    std::string subs, opts;
    for (const CommandInfo& sub : c.info->subcommands)
      subs += " " + Quoted(sub.name + ":" + sub.description);
    for (const OptionInfo& positional : c.info->positionals)
      for (const std::string& choice : positional.choices)
        subs += " " + Quoted(choice + ":" + positional.description);
    for (const OptionInfo& option : c.info->options)
      for (const std::string& name : option.names)
        opts += " " + Quoted(name + ":" + option.description);
    if (!subs.empty())
      out << "    " << Quoted(c.path + " commands") << ") reply=(" << subs << ") ;;\n";
    if (!opts.empty())
      out << "    " << Quoted(c.path + " options") << ") reply=(" << opts << ") ;;\n";
  }
  out << "    *) reply=() ;;\n  esac\n}\n";
  out << "_clerk() {\n"
         "  local cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n"
         "  local cmdpath="
         " skip=0 i w\n"
         "  local -a reply\n"
         "  for ((i = 2; i < CURRENT; i++)); do\n"
         "    w=${words[i]}\n"
      << kPathLoop
      << "  done\n"
         "  if ((CURRENT > 2)) && [[ $prev == -* ]] && _clerk_takes_value \"$cmdpath\" "
         "\"$prev\"; then\n"
         "    local choices=$(_clerk_choices \"$cmdpath\" \"$prev\")\n"
         "    if [[ -n $choices ]]; then compadd -- ${=choices}; else _files; fi\n"
         "  elif [[ $cur == -* ]]; then\n"
         "    _clerk_described \"$cmdpath\" options\n"
         "    _describe -t options 'clerk option' reply\n"
         "  else\n"
         "    _clerk_described \"$cmdpath\" commands\n"
         "    _describe -t commands 'clerk command' reply\n"
         "  fi\n"
         "}\n"
         "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n"
         "  _clerk \"$@\"\n"
         "else\n"
         "  compdef _clerk clerk\n"
         "fi\n";
  return out.str();
}

std::string FishCompletion(const CommandInfo& root) {
  std::ostringstream out;
  out << "# fish completion for clerk. Made by `clerk completion fish` from clerk's own\n"
         "# commands; installed as share/fish/vendor_completions.d/clerk.fish.\n";
  out << "function __clerk_subcommands\n    switch \"$argv[1]\"\n";
  for (const CommandPath& c : AllCommands(root)) {
    if (c.info->subcommands.empty()) continue;
    out << "        case " << FishQuoted(c.path) << "\n            echo "
        << FishQuoted(Joined(SubcommandNames(*c.info))) << "\n";
  }
  out << "    end\nend\n";
  out << "function __clerk_takes_value\n    switch \"$argv[1] $argv[2]\"\n";
  for (const CommandPath& c : AllCommands(root))
    for (const OptionInfo& option : c.info->options)
      if (option.takes_value)
        for (const std::string& name : option.names)
          out << "        case " << FishQuoted(c.path + " " + name)
              << "\n            return 0\n";
  out << "    end\n    return 1\nend\n";
  // The command path of the words before the cursor, skipping option values.
  out << "function __clerk_path\n"
         "    set -l cmdpath ''\n"
         "    set -l skip 0\n"
         "    set -l words (commandline -opc)\n"
         "    set -e words[1]\n"
         "    for w in $words\n"
         "        if test $skip = 1\n            set skip 0\n            continue\n      "
         "  end\n"
         "        if string match -q -- '-*' $w\n"
         "            __clerk_takes_value \"$cmdpath\" $w; and set skip 1\n"
         "            continue\n"
         "        end\n"
         "        if contains -- $w (string split ' ' -- (__clerk_subcommands "
         "\"$cmdpath\"))\n"
         "            set cmdpath (string trim -- \"$cmdpath $w\")\n"
         "        end\n"
         "    end\n"
         "    echo $cmdpath\n"
         "end\n"
         "function __clerk_at\n    test \"$(__clerk_path)\" = \"$argv[1]\"\nend\n"
         "complete -c clerk -f\n";
  for (const CommandPath& c : AllCommands(root)) {
    const std::string at = "-n " + FishQuoted("__clerk_at " + FishQuoted(c.path));
    for (const CommandInfo& sub : c.info->subcommands)
      out << "complete -c clerk " << at << " -a " << FishQuoted(sub.name) << " -d "
          << FishQuoted(sub.description) << "\n";
    for (const OptionInfo& positional : c.info->positionals)
      if (!positional.choices.empty())
        out << "complete -c clerk " << at << " -a "
            << FishQuoted(Joined(positional.choices)) << " -d "
            << FishQuoted(positional.description) << "\n";
    for (const OptionInfo& option : c.info->options) {
      out << "complete -c clerk " << at;
      for (const std::string& name : option.names)
        out << (name.rfind("--", 0) == 0 ? " -l " + FishQuoted(name.substr(2))
                                         : " -s " + FishQuoted(name.substr(1)));
      if (!option.choices.empty()) {
        out << " -x -a " << FishQuoted(Joined(option.choices));
      } else if (option.takes_value) {
        out << " -r -F";
      }
      out << " -d " << FishQuoted(option.description) << "\n";
    }
  }
  return out.str();
}

}  // namespace clerk::cli
