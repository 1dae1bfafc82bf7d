#include "render/templates.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <vector>

#include "render/table_regions.h"

namespace clerk {
namespace {

namespace fs = std::filesystem;

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

// How many times a partial that includes itself (the agenda item, for its
// sub-items) is written out inside itself. Agendas nest two or three deep;
// deeper levels fall back to a partial tag, rendered from the partial
// parsed once at load.
constexpr int kSelfInlineDepth = 4;

// A {{> name}} tag: where it opens, where its "}}" is, and the name.
struct PartialTag {
  size_t open = 0;
  size_t close = 0;
  std::string name;
};

// The first {{> name}} tag at or after `pos` in `text`, if any.
std::optional<PartialTag> NextPartialTag(const std::string& text, size_t pos) {
  const size_t open = text.find("{{>", pos);
  if (open == std::string::npos) return std::nullopt;
  const size_t close = text.find("}}", open);
  if (close == std::string::npos) return std::nullopt;
  std::string name = text.substr(open + 3, close - open - 3);
  name.erase(0, name.find_first_not_of(" \t"));
  name.erase(name.find_last_not_of(" \t") + 1);
  return PartialTag{open, close, std::move(name)};
}

// Replaces {{> _name}} with the partial's text, so a page is parsed once
// rather than each partial at each use. A partial that includes itself is
// written out kSelfInlineDepth times; past that it stays a partial tag, and
// its name goes into `runtime` so the render is given it.
std::string InlinePartials(const std::string& text,
                           const std::map<std::string, std::string>& all,
                           std::vector<std::string>& stack,
                           std::set<std::string>& runtime) {
  std::string out;
  size_t pos = 0;
  while (std::optional<PartialTag> tag = NextPartialTag(text, pos)) {
    const size_t open = tag->open, close = tag->close;
    const std::string& name = tag->name;
    out += text.substr(pos, open - pos);
    auto it = all.find(name);
    if (it == all.end()) {
      out += text.substr(open, close + 2 - open);  // not a theme partial: renders nothing
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

// The names in the {{> name}} tags of `text`.
std::vector<std::string> IncludedPartials(const std::string& text) {
  std::vector<std::string> names;
  size_t pos = 0;
  while (std::optional<PartialTag> tag = NextPartialTag(text, pos)) {
    pos = tag->close + 2;
    names.push_back(std::move(tag->name));
  }
  return names;
}

// Line and column (1-based, in bytes) of byte `offset` of `text`.
std::pair<int, int> LineColumn(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  const size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const int line =
      1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
  const size_t column_from =
      line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
  return {line, static_cast<int>(offset - column_from) + 1};
}

}  // namespace

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
  own_texts_.clear();
  TakeTemplates(theme, "templates/", templates_, paths_);
  // The rendition's own templates replace the standard ones of the same name.
  TakeTemplates(theme, rendition.id + "/templates/", templates_, paths_);
  std::map<std::string, std::string> inlined;
  std::set<std::string> runtime;
  for (const auto& [name, text] : templates_) {
    std::vector<std::string> stack = {name};
    inlined[name] = InlinePartials(text, templates_, stack, runtime);
  }
  own_texts_ = std::move(templates_);
  templates_ = std::move(inlined);
  parsed_.clear();
  // A partial left as a tag is rendered from its own text, inlined too.
  runtime_partials_.clear();
  for (const std::string& name : runtime) {
    MustacheTemplate parsed(templates_[name]);
    if (!parsed.valid()) {
      std::string message = parsed.error();
      diag.Error(ErrorPos(name, message), "template error: " + message);
      continue;
    }
    runtime_partials_.emplace(name, std::move(parsed));
  }
}

SourcePos Theme::ErrorPos(const std::string& name, std::string& message) const {
  // The template's own file first, then the partials it includes, depth first.
  std::vector<std::string> todo = {name};
  std::set<std::string> seen;
  while (!todo.empty()) {
    const std::string file = todo.back();
    todo.pop_back();
    if (!seen.insert(file).second) continue;
    const std::string& own = own_texts_.at(file);
    MustacheTemplate alone(own);
    if (!alone.valid()) {
      message = alone.error();
      const auto [line, column] = LineColumn(own, alone.error_offset());
      return SourcePos{paths_.at(file), line, column};
    }
    for (const std::string& partial : IncludedPartials(own))
      if (own_texts_.count(partial)) todo.push_back(partial);
  }
  message += " (in the partials that '" + name + "' includes)";
  return SourcePos{paths_.at(name), 0, 0};
}

std::string Theme::RenderWith(const std::string& name, const MustacheScope& scope,
                              Diagnostics& diag) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    diag.Error(SourcePos{dir_ + "/templates/" + name + ".mustache", 0, 0},
               "template '" + name + "' is missing from the theme");
    return "";
  }
  std::shared_ptr<MustacheTemplate>& parsed = parsed_[name];
  if (!parsed) parsed = std::make_shared<MustacheTemplate>(it->second);
  if (!parsed->valid()) {
    std::string message = parsed->error();
    diag.Error(ErrorPos(name, message), "template error: " + message);
    return "";
  }
  std::string error;
  std::string out = parsed->Render(scope, &error);
  if (!error.empty())
    diag.Error(SourcePos{paths_.at(name), 0, 0}, "template error: " + error);
  return out;
}

std::string Theme::Render(const std::string& name, const nlohmann::json& data,
                          Diagnostics& diag) const {
  return RenderWith(name, MustacheScope{data, {}, &runtime_partials_}, diag);
}

std::string Theme::RenderPage(const std::string& name, const nlohmann::json& data,
                              const nlohmann::json* over, Diagnostics& diag) const {
  // Every table of every page scrolls in its own named region.
  nlohmann::json content = nlohmann::json::object();
  content["content"] = WrapTables(
      RenderWith(name, MustacheScope{data, {over, nullptr}, &runtime_partials_}, diag));
  return RenderWith("layout", MustacheScope{data, {&content, over}, &runtime_partials_},
                    diag);
}

}  // namespace clerk
