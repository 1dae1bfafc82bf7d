#include "scaffold/agenda_yaml.h"

#include "scaffold/yaml_text.h"

namespace clerk::scaffold {

namespace {

// A Markdown purpose of several lines as a literal block, else one scalar.
std::string PurposeYaml(const std::string& purpose, const std::string& indent) {
  if (purpose.find('\n') == std::string::npos) return " " + YamlString(purpose) + "\n";
  std::string out = " |\n";
  size_t start = 0;
  while (start < purpose.size()) {
    size_t end = purpose.find('\n', start);
    if (end == std::string::npos) end = purpose.size();
    std::string line = purpose.substr(start, end - start);
    out += line.empty() ? "\n" : indent + "  " + line + "\n";
    start = end + 1;
  }
  return out;
}

void Write(const std::vector<AgendaItem>& items, const std::string& indent,
           std::string& out) {
  for (const AgendaItem& item : items) {
    out += indent + "- number: " + YamlQuoted(item.number) + "\n";
    out += indent + "  title: " + YamlString(item.title) + "\n";
    if (!item.purpose.empty())
      out += indent + "  purpose:" + PurposeYaml(item.purpose, indent + "  ");
    if (!item.sub_items.empty()) {
      out += indent + "  items:\n";
      Write(item.sub_items, indent + "    ", out);
    }
  }
}

}  // namespace

std::string AgendaYaml(const std::vector<AgendaItem>& items) {
  if (items.empty()) return "agenda: []\n";
  std::string out = "agenda:\n";
  Write(items, "  ", out);
  return out;
}

}  // namespace clerk::scaffold
