#include "output/sitemap.h"

#include "output/atom_feed.h"
#include "output/public_urls.h"
#include "render/urls.h"

namespace clerk::output {
namespace {

bool IsListedPage(const std::string& path) {
  const std::string html = ".html";
  if (path.size() < html.size() ||
      path.compare(path.size() - html.size(), html.size(), html) != 0)
    return false;
  if (path == urls::NotFound() || path.find("/404.html") != std::string::npos) return false;
  // Theme and site assets, and the search index, are not pages.
  for (const char* skip : {"theme/", "assets/", "pagefind/"})
    if (path.rfind(skip, 0) == 0) return false;
  return true;
}

}  // namespace

std::vector<OutputFile> SitemapFiles(const std::vector<OutputFile>& pages,
                                     const SitemapOptions& options) {
  std::vector<OutputFile> out;
  std::string robots = "User-agent: *\n";
  if (options.noindex) {
    robots += "Disallow: /\n";
  } else {
    robots += "Allow: /\n";
    if (!options.base_url.empty())
      robots += "\nSitemap: " + AbsoluteUrl(options.base_url, Sitemap()) + "\n";
  }
  out.push_back({Robots(), robots});
  if (options.base_url.empty()) return out;

  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const OutputFile& f : pages) {
    if (!IsListedPage(f.path)) continue;
    x += "  <url><loc>" + EscapeXml(AbsoluteUrl(options.base_url, f.path)) + "</loc></url>\n";
  }
  x += "</urlset>\n";
  out.push_back({Sitemap(), x});
  return out;
}

}  // namespace clerk::output
