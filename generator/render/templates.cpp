#include "render/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <kainjow/mustache.hpp>

namespace clerk {
namespace {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

bool ReadTemplates(const fs::path& dir, std::map<std::string, std::string>& texts,
                   std::map<std::string, std::string>& paths) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".mustache") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string name = file.stem().string();
    texts[name] = text.str();
    paths[name] = file.generic_string();
  }
  return true;
}

mustache::data ToMustache(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) {
        object.set(key, ToMustache(item));
        // {{#has_documents}} wraps a list's <ul> so an empty list prints nothing.
        if (item.is_array()) object.set("has_" + key, mustache::data{!item.empty()});
      }
      return object;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value) list.push_back(ToMustache(item));
      return list;
    }
    case nlohmann::json::value_t::string: {
      const std::string& s = value.get_ref<const std::string&>();
      if (s.empty()) return mustache::data{false};
      return mustache::data{s};
    }
    case nlohmann::json::value_t::boolean:
      return mustache::data{value.get<bool>()};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return mustache::data{value.dump()};
    default:
      return mustache::data{false};
  }
}

}  // namespace

void Theme::Load(const std::string& theme_dir, const Rendition& rendition, Diagnostics& diag) {
  dir_ = theme_dir;
  templates_.clear();
  paths_.clear();
  fs::path base = fs::path(theme_dir) / "templates";
  if (!ReadTemplates(base, templates_, paths_)) {
    diag.Error(SourcePos{base.generic_string(), 0, 0},
               "theme has no templates folder: expected *.mustache files here");
    return;
  }
  // The rendition's own templates replace the standard ones of the same name.
  ReadTemplates(fs::path(theme_dir) / rendition.id / "templates", templates_, paths_);
}

std::string Theme::Render(const std::string& name, const nlohmann::json& data,
                          Diagnostics& diag) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    diag.Error(SourcePos{dir_ + "/templates/" + name + ".mustache", 0, 0},
               "template '" + name + "' is missing from the theme");
    return "";
  }
  mustache::data context = ToMustache(data);
  for (const auto& [partial_name, text] : templates_) {
    if (!partial_name.empty() && partial_name[0] == '_') {
      const std::string* body = &text;
      context.set(partial_name, mustache::partial{[body] { return *body; }});
    }
  }
  mustache::mustache tmpl{it->second};
  if (!tmpl.is_valid()) {
    diag.Error(SourcePos{paths_.at(name), 0, 0}, "template error: " + tmpl.error_message());
    return "";
  }
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) {
    diag.Error(SourcePos{paths_.at(name), 0, 0}, "template error: " + tmpl.error_message());
    return "";
  }
  return out;
}

}  // namespace clerk
