// RenderSite wires the render stage together:
//   SiteIndex (lookups) + RenderedContent (Markdown, once)
//   -> for each rendition: PageContext (data per page) -> Theme (Mustache)
//   + theme files and <source>/assets/ copied as they are.
#include "render/site_renderer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "links/site_links.h"
#include "render/content_html.h"
#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/page_context.h"
#include "render/resident_links.h"
#include "render/renditions.h"
#include "render/site_index.h"
#include "render/templates.h"
#include "render/urls.h"

namespace clerk {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every regular file under `dir`, as paths relative to it, sorted.
std::vector<std::string> ListFiles(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(fs::relative(it->path(), dir).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool IsTemplate(const std::string& rel) {
  return rel.size() > 9 && rel.compare(rel.size() - 9, 9, ".mustache") == 0;
}

bool IsHidden(const std::string& rel) {
  return rel.empty() || rel[0] == '.' || rel.find("/.") != std::string::npos;
}

}  // namespace

std::vector<Rendition> DefaultRenditions() {
  return {{"standard", "Standard", ""},
          {"large-print", "Large print", "large-print/"},
          {"easy-read", "Easy read", "easy-read/"}};
}

std::vector<OutputFile> RenderSite(const Site& site, const RenderOptions& options,
                                   Diagnostics& diag) {
  std::vector<OutputFile> out;
  SiteIndex index(site);
  RenderedContent content = RenderContent(site, diag);
  RenderOptions opts = options;
  if (opts.base_url.empty()) opts.base_url = site.config.base_url;
  const std::vector<Rendition> renditions = DefaultRenditions();
  RenditionExtras extras(index, opts.base_url);
  ResidentLinks resident_links(index, opts.base_url);

  std::string standard_css = ReadFile(fs::path(opts.theme_dir) / "css" / "standard.css");

  GlossaryExpander glossary(site.glossary);
  for (const Rendition& rendition : renditions) {
    Theme theme;
    theme.Load(opts.theme_dir, rendition, diag);
    PageContext context(index, content, rendition, renditions, opts);
    for (PageData& page : context.AllPages()) {
      extras.AddData(page, rendition, renditions);
      resident_links.AddData(page, rendition);
      if (page.template_name == "not_found") {
        // Served at any path, so it carries its styles with it.
        std::string css = standard_css;
        if (rendition.id != "standard") {
          css += ReadFile(fs::path(opts.theme_dir) / rendition.id / "css" / (rendition.id + ".css"));
        }
        page.data["inline_css"] = css;
      }
      std::string body = theme.Render(page.template_name, page.data, diag);
      page.data["content"] = body;
      std::string html = DropBlankLines(theme.Render("layout", page.data, diag));
      if (page.template_name != "glossary" && page.template_name != "not_found")
        html = glossary.Expand(html, urls::Relative(page.path, urls::Page(rendition, urls::Glossary())));
      out.push_back({page.path, extras.Finish(rendition, urls::ResolveSiteLinks(html, page.path, rendition))});
    }
  }

  // Theme files (CSS, pictures), not its templates.
  for (const std::string& rel : ListFiles(opts.theme_dir)) {
    if (IsTemplate(rel) || IsHidden(rel)) continue;
    out.push_back({urls::ThemeAsset(rel), ReadFile(fs::path(opts.theme_dir) / rel)});
  }
  // The site's own files, as they are.
  fs::path assets = fs::path(site.root.empty() ? "." : site.root) / "assets";
  for (const std::string& rel : ListFiles(assets)) {
    if (IsHidden(rel)) continue;
    out.push_back({urls::SiteAsset(rel), ReadFile(assets / rel)});
  }

  std::stable_sort(out.begin(), out.end(),
                   [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].path == out[i - 1].path) {
      diag.Error(SourcePos{out[i].path, 0, 0},
                 "two pages would be written to the same file '" + out[i].path + "'");
    }
  }
  out.erase(std::unique(out.begin(), out.end(),
                        [](const OutputFile& a, const OutputFile& b) { return a.path == b.path; }),
            out.end());

  // "@/" links in the content must reach a page and an anchor on it; the
  // standard rendition has every page and anchor the others have.
  std::map<std::string, const std::string*> pages;
  std::vector<std::string> page_paths;
  for (const OutputFile& f : out) {
    if (f.path.size() > 5 && f.path.compare(f.path.size() - 5, 5, ".html") == 0) {
      pages[f.path] = &f.content;
      page_paths.push_back(f.path);
    }
  }
  CheckSiteLinks(
      content.site_links,
      [&](const std::string& path) -> const std::string* {
        auto it = pages.find(path);
        return it == pages.end() ? nullptr : it->second;
      },
      page_paths, diag);
  return out;
}

}  // namespace clerk
