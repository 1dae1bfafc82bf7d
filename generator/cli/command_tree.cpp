#include "cli/command_tree.h"

#include <cctype>

namespace clerk::cli {

namespace {

// The members of a CLI::IsMember check, from the type name CLI11 shows for
// the option ("TEXT:{text,json}"); none for any other check.
std::vector<std::string> Choices(const std::string& type_name) {
  std::vector<std::string> choices;
  size_t open = type_name.find(":{");
  size_t close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return choices;
  std::string list = type_name.substr(open + 2, close - open - 2);
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string item =
        list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (!item.empty()) choices.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return choices;
}

// "--base-url" -> "BASE_URL": the value's name in the man page.
std::string ValueName(const CLI::Option& option) {
  std::string name = option.get_single_name();
  while (!name.empty() && name.front() == '-') name.erase(0, 1);
  for (char& c : name)
    c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

OptionInfo Describe(const CLI::Option& option) {
  OptionInfo info;
  if (option.get_positional() && !option.nonpositional()) {
    info.names.push_back(option.get_name());
  } else {
    for (const std::string& l : option.get_lnames()) info.names.push_back("--" + l);
    for (const std::string& s : option.get_snames()) info.names.push_back("-" + s);
  }
  info.description = option.get_description();
  info.takes_value = option.get_items_expected_max() > 0;  // a flag expects none
  info.value_name = ValueName(option);
  info.choices = Choices(option.get_type_name());
  info.default_value = option.get_default_str();
  info.env = option.get_envname();
  info.required = option.get_required();
  return info;
}

void Collect(std::vector<CommandPath>& out, const std::string& path,
             const CommandInfo& command) {
  out.push_back({path, &command});
  for (const CommandInfo& sub : command.subcommands)
    Collect(out, path.empty() ? sub.name : path + " " + sub.name, sub);
}

}  // namespace

CommandInfo DescribeCommands(const CLI::App& app) {
  CommandInfo info;
  info.name = app.get_name();
  info.description = app.get_description();
  for (const CLI::Option* option : app.get_options()) {
    OptionInfo described = Describe(*option);
    if (described.names.empty()) continue;
    if (option->get_positional() && !option->nonpositional()) {
      info.positionals.push_back(std::move(described));
    } else {
      info.options.push_back(std::move(described));
    }
  }
  for (const CLI::App* sub :
       app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    info.subcommands.push_back(DescribeCommands(*sub));
  return info;
}

std::vector<CommandPath> AllCommands(const CommandInfo& root) {
  std::vector<CommandPath> out;
  Collect(out, "", root);
  return out;
}

}  // namespace clerk::cli
