// A theme's Mustache templates for one rendition. Templates come from
// <theme>/templates/*.mustache; a rendition may override any of them in
// <theme>/<rendition id>/templates/. Files whose name starts with '_' are
// partials ({{> _breadcrumbs}}). Page data is built as JSON (ordered,
// inspectable in tests) and rendered from where it lies (render/mustache.h);
// empty strings and nulls count as false, so {{#field}} ... {{/field}} hides
// a missing field, and every list `x` comes with a boolean `has_x`, for the
// markup around a list.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "model/diagnostics.h"
#include "render/mustache.h"
#include "render/site_renderer.h"
#include "render/theme_files.h"

namespace clerk {

class Theme {
 public:
  // Reads the templates; a missing templates folder is an error in `diag`.
  void Load(const std::string& theme_dir, const Rendition& rendition, Diagnostics& diag);
  // The same from a theme already read (RenderSite reads it once per build).
  void Load(const ThemeFiles& theme, const Rendition& rendition, Diagnostics& diag);

  bool Has(const std::string& name) const { return templates_.count(name) > 0; }

  // Renders template `name` with `data`; errors (unknown template, Mustache
  // syntax) go to `diag` and give "".
  std::string Render(const std::string& name, const nlohmann::json& data,
                     Diagnostics& diag) const;

  // A whole page: template `name` with `data` (and `over` set over its
  // root, if given: PageData::common's rendition fields), then "layout"
  // with the same and the result as {{{content}}}.
  std::string RenderPage(const std::string& name, const nlohmann::json& data,
                         const nlohmann::json* over, Diagnostics& diag) const;

 private:
  std::string RenderWith(const std::string& name, const MustacheScope& scope,
                         Diagnostics& diag) const;
  // Where a template's syntax error is: in its own file if the file alone
  // has it, else in the file at 0:0 (the error is in a partial it includes).
  SourcePos ErrorPos(const std::string& name, std::string& message) const;
  std::string dir_;
  std::map<std::string, std::string> templates_;  // name -> text, partials inlined
  std::map<std::string, std::string> own_texts_;  // name -> the file's own text
  std::map<std::string, std::string> paths_;      // name -> file, for errors
  // Partials still used as {{> tags}} after inlining (past the depth a
  // self-including partial is written out to), parsed from their inlined text.
  std::map<std::string, MustacheTemplate, std::less<>> runtime_partials_;
  // Parsed once, on first use.
  mutable std::map<std::string, std::shared_ptr<MustacheTemplate>> parsed_;
};

}  // namespace clerk
