// sitemap.xml (sitemaps.org 0.9) and robots.txt.
//   sitemap.xml   every HTML page of every rendition but the 404 page, at its
//                 absolute address. Written only when the site has a base URL:
//                 the protocol requires absolute URLs.
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

// `pages`: the rendered files (only *.html are listed).
std::vector<OutputFile> SitemapFiles(const std::vector<OutputFile>& pages,
                                     const SitemapOptions& options);

}  // namespace clerk::output
