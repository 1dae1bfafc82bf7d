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

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr const char* kUrlsetOpen =
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
constexpr const char* kUrlsetClose = "</urlset>\n";

// The <url> lines of the listed pages, cut into files that each stay within
// `limits`: a new file starts before a line would take the current one past
// its URL count or its bytes (counted as the whole file will be written).
std::vector<std::string> UrlSets(const std::vector<std::string>& paths,
                                 const std::string& base_url,
                                 const SitemapLimits& limits) {
  const size_t frame = std::string(kXmlHead).size() + std::string(kUrlsetOpen).size() +
                       std::string(kUrlsetClose).size();
  std::vector<std::string> sets(1);
  size_t in_last = 0;
  for (const std::string& path : paths) {
    if (!IsListedPage(path)) continue;
    std::string line =
        "  <url><loc>" + XmlText(AbsoluteUrl(base_url, path)) + "</loc></url>\n";
    bool full =
        in_last == limits.urls || frame + sets.back().size() + line.size() > limits.bytes;
    if (in_last > 0 && full) {  // never an empty file, however long one URL is
      sets.emplace_back();
      in_last = 0;
    }
    sets.back() += line;
    ++in_last;
  }
  return sets;
}

std::string Urlset(const std::string& urls) {
  return kXmlHead + std::string(kUrlsetOpen) + urls + kUrlsetClose;
}

}  // namespace

std::vector<OutputFile> SitemapFiles(const std::vector<std::string>& paths,
                                     const SitemapOptions& options,
                                     const SitemapLimits& limits) {
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

  std::vector<std::string> urlsets = UrlSets(paths, options.base_url, limits);
  if (urlsets.size() == 1) {
    out.push_back({Sitemap(), Urlset(urlsets[0])});
    return out;
  }
  // The index is small beside its files (one line per 4.5 MB of URLs), and
  // robots.txt names it, so crawlers find every file from sitemap.xml.
  std::string index = kXmlHead;
  index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t i = 0; i < urlsets.size(); ++i) {
    std::string name = "sitemap-" + std::to_string(i + 1) + ".xml";
    index += "  <sitemap><loc>" + XmlText(AbsoluteUrl(options.base_url, name)) +
             "</loc></sitemap>\n";
    out.push_back({name, Urlset(urlsets[i])});
  }
  index += "</sitemapindex>\n";
  out.push_back({Sitemap(), index});
  return out;
}

}  // namespace clerk::output
