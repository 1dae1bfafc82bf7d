// sitemap.xml (sitemaps.org 0.9) and robots.txt.
//   sitemap.xml   every HTML page of every rendition but the 404 page, at its
//                 absolute address. Written only when the site has a base URL:
//                 the protocol requires absolute URLs. Over 50,000 pages
//                 (the protocol's limit per file) it becomes a sitemap index
//                 of sitemap-1.xml, sitemap-2.xml, ...
//   robots.txt    allows everything and names the sitemap; with --noindex
//                 (preview deploys) it disallows everything instead.
#pragma once

#include <string>
#include <vector>

#include "render/site_renderer.h"

namespace clerk::output {

struct SitemapOptions {
  std::string base_url;
  bool noindex = false;
};

// `paths`: every file of the site (only *.html pages are listed).
// `per_file`: URLs per sitemap file (the protocol's 50,000; tests use less).
std::vector<OutputFile> SitemapFiles(const std::vector<std::string>& paths,
                                     const SitemapOptions& options,
                                     size_t per_file = 50000);

}  // namespace clerk::output
