#include "output/sitemap.h"

#include "output/safe_text.h"
#include "render/public_urls.h"
#include "render/urls.h"

namespace clerk::output {
namespace {

bool IsListedPage(const std::string& path) {
  const std::string html = ".html";
  if (path.size() < html.size() ||
      path.compare(path.size() - html.size(), html.size(), html) != 0)
    return false;
  if (path == urls::NotFound() || path.find("/404.html") != std::string::npos)
    return false;
  // Theme and site assets, and the search index, are not pages.
  for (const char* skip : {"theme/", "assets/", "pagefind/"})
    if (path.rfind(skip, 0) == 0) return false;
  return true;
}

}  // namespace

std::vector<OutputFile> SitemapFiles(const std::vector<std::string>& paths,
                                     const SitemapOptions& options, size_t per_file) {
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

  const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::vector<std::string> urlsets(1);
  size_t in_last = 0;
  for (const std::string& path : paths) {
    if (!IsListedPage(path)) continue;
    if (in_last == per_file) {
      urlsets.emplace_back();
      in_last = 0;
    }
    urlsets.back() +=
        "  <url><loc>" + XmlText(AbsoluteUrl(options.base_url, path)) + "</loc></url>\n";
    ++in_last;
  }
  auto urlset = [&](const std::string& urls) {
    return head + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" +
           urls + "</urlset>\n";
  };
  if (urlsets.size() == 1) {
    out.push_back({Sitemap(), urlset(urlsets[0])});
    return out;
  }
  std::string index =
      head + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t i = 0; i < urlsets.size(); ++i) {
    std::string name = "sitemap-" + std::to_string(i + 1) + ".xml";
    index += "  <sitemap><loc>" + XmlText(AbsoluteUrl(options.base_url, name)) +
             "</loc></sitemap>\n";
    out.push_back({name, urlset(urlsets[i])});
  }
  index += "</sitemapindex>\n";
  out.push_back({Sitemap(), index});
  return out;
}

}  // namespace clerk::output
