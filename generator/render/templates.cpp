#include "render/templates.h"

#include <algorithm>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <set>
#include <vector>

#include "render/table_regions.h"

namespace clerk {
namespace {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

// The templates in folder `folder` of the theme ("templates/" or
// "<rendition>/templates/"), not in folders below it: name -> text, and
// name -> file for errors.
void TakeTemplates(const ThemeFiles& theme, const std::string& folder,
                   std::map<std::string, std::string>& texts,
                   std::map<std::string, std::string>& paths) {
  static constexpr std::string_view kExtension = ".mustache";
  for (const auto& [rel, bytes] : theme.files) {
    if (rel.size() <= folder.size() + kExtension.size() || rel.rfind(folder, 0) != 0 ||
        rel.find('/', folder.size()) != std::string::npos || !rel.ends_with(kExtension))
      continue;
    std::string name =
        rel.substr(folder.size(), rel.size() - folder.size() - kExtension.size());
    texts[name] = bytes;
    paths[name] = (fs::path(theme.dir) / rel).generic_string();
  }
}

// Builds the Mustache value in place, moving each child into its parent:
// kainjow's set() and push_back() copy a whole subtree, which made the
// conversion cost grow with the depth of the data (it was most of a page's
// rendering time).
mustache::data ToMustache(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.get_ref<const nlohmann::json::object_t&>()) {
        object[key] = ToMustache(item);
        // {{#has_documents}} wraps a list's <ul> so an empty list prints nothing.
        if (item.is_array()) object["has_" + key] = mustache::data{!item.empty()};
      }
      return object;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      // list_value() is the list the value owns (not a const object), and
      // kainjow offers no moving push_back.
      auto& items = const_cast<mustache::basic_list<std::string>&>(list.list_value());
      items.reserve(value.size());
      for (const auto& item : value) items.push_back(ToMustache(item));
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

// How many times a partial that includes itself (the agenda item, for its
// sub-items) is written out inside itself. Agendas nest two or three deep;
// deeper levels fall back to a partial tag, which kainjow parses again at
// each use (that re-parsing was 7% of a full build).
constexpr int kSelfInlineDepth = 4;

// Replaces {{> _name}} with the partial's text, so a page is parsed once
// rather than each partial at each use. A partial that includes itself is
// written out kSelfInlineDepth times; past that it stays a partial tag, and
// its name goes into `runtime` so the render context offers it.
std::string InlinePartials(const std::string& text,
                           const std::map<std::string, std::string>& all,
                           std::vector<std::string>& stack,
                           std::set<std::string>& runtime) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    out += text.substr(pos, open - pos);
    auto it = all.find(name);
    if (it == all.end()) {
      out += text.substr(open, close + 2 - open);  // not a theme partial: left to kainjow
    } else if (std::count(stack.begin(), stack.end(), name) >= kSelfInlineDepth) {
      out += text.substr(open, close + 2 - open);
      runtime.insert(name);
    } else {
      stack.push_back(name);
      out += InlinePartials(it->second, all, stack, runtime);
      stack.pop_back();
    }
    pos = close + 2;
  }
  return out + text.substr(pos);
}

// kainjow's own escaping ("&apos;" for the apostrophe, as pages have always
// had), without its character-by-character appends: text between the
// characters that need escaping is copied in one go, and most values have
// none at all.
bool NeedsEscape(char c) {
  return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

std::string EscapeForMustache(const std::string& text) {
  size_t at = 0;
  while (at < text.size() && !NeedsEscape(text[at])) ++at;
  if (at == text.size()) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t from = 0;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (!NeedsEscape(c)) continue;
    out.append(text, from, at - from);
    out += c == '&'   ? "&amp;"
           : c == '<' ? "&lt;"
           : c == '>' ? "&gt;"
           : c == '"' ? "&quot;"
                      : "&apos;";
    from = at + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

}  // namespace

struct Theme::Parsed {
  explicit Parsed(const std::string& text) : tmpl(text) {
    tmpl.set_custom_escape(EscapeForMustache);
  }
  mustache::mustache tmpl;
};

void Theme::Load(const std::string& theme_dir, const Rendition& rendition,
                 Diagnostics& diag) {
  Load(ThemeFiles::Read(theme_dir), rendition, diag);
}

void Theme::Load(const ThemeFiles& theme, const Rendition& rendition, Diagnostics& diag) {
  dir_ = theme.dir;
  templates_.clear();
  paths_.clear();
  if (!theme.has_templates) {
    fs::path base = fs::path(theme.dir) / "templates";
    diag.Error(SourcePos{base.generic_string(), 0, 0},
               "theme has no templates folder: expected *.mustache files here");
    return;
  }
  TakeTemplates(theme, "templates/", templates_, paths_);
  // The rendition's own templates replace the standard ones of the same name.
  TakeTemplates(theme, rendition.id + "/templates/", templates_, paths_);
  std::map<std::string, std::string> inlined;
  runtime_partials_.clear();
  raw_partials_.clear();
  for (const auto& [name, text] : templates_) {
    std::vector<std::string> stack = {name};
    inlined[name] = InlinePartials(text, templates_, stack, runtime_partials_);
  }
  // A partial left as a tag is rendered from its own text, inlined too.
  for (const std::string& name : runtime_partials_) raw_partials_[name] = inlined[name];
  templates_ = std::move(inlined);
  parsed_.clear();
}

// Converts the page data for Mustache, with the partials beside it.
mustache::data Theme::Context(const nlohmann::json& data) const {
  mustache::data context = ToMustache(data);
  for (const auto& [partial_name, text] : raw_partials_) {
    const std::string* body = &text;
    context[partial_name] = mustache::data{mustache::partial{[body] { return *body; }}};
  }
  return context;
}

std::string Theme::RenderWith(const std::string& name, const mustache::data& context,
                              Diagnostics& diag) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    diag.Error(SourcePos{dir_ + "/templates/" + name + ".mustache", 0, 0},
               "template '" + name + "' is missing from the theme");
    return "";
  }
  std::shared_ptr<Parsed>& parsed = parsed_[name];
  if (!parsed) parsed = std::make_shared<Parsed>(it->second);
  mustache::mustache& tmpl = parsed->tmpl;
  if (!tmpl.is_valid()) {
    diag.Error(SourcePos{paths_.at(name), 0, 0},
               "template error: " + tmpl.error_message());
    return "";
  }
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) {
    diag.Error(SourcePos{paths_.at(name), 0, 0},
               "template error: " + tmpl.error_message());
    return "";
  }
  return out;
}

std::string Theme::Render(const std::string& name, const nlohmann::json& data,
                          Diagnostics& diag) const {
  return RenderWith(name, Context(data), diag);
}

std::string Theme::RenderPage(const std::string& name, const nlohmann::json& data,
                              Diagnostics& diag) const {
  // The data is converted once for both templates: converting was a third
  // of the cost of a page.
  mustache::data context = Context(data);
  // Every table of every page scrolls in its own named region.
  std::string body = WrapTables(RenderWith(name, context, diag));
  context["content"] = body.empty() ? mustache::data{false} : mustache::data{body};
  return RenderWith("layout", context, diag);
}

}  // namespace clerk
