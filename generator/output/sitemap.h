// sitemap.xml (sitemaps.org 0.9) and robots.txt.
//   sitemap.xml   every HTML page of every rendition but the 404 page, at its
//                 absolute address. Written only when the site has a base URL:
//                 the protocol requires absolute URLs. When the pages do not
//                 fit one file (50,000 URLs, the protocol's limit, or 4.5 MB,
//                 so that no output file passes 5 MB) it becomes a sitemap
//                 index of sitemap-1.xml, sitemap-2.xml, ..., each filled in
//                 the pages' order up to the first limit it meets.
//   robots.txt    allows everything and names the sitemap (the index when
//                 there is one); with --noindex (preview deploys) it
//                 disallows everything instead.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/site_renderer.h"

namespace clerk::output {

struct SitemapOptions {
  std::string base_url;
  bool noindex = false;
};

// What one sitemap file may hold. The protocol allows 50,000 URLs and 50 MB
// uncompressed; the site keeps every file under 5 MB, so a file is closed
// before it would pass `bytes` (whole file: XML head and closing tag
// included). A file holds at least one URL, however long. Tests set both
// small.
struct SitemapLimits {
  size_t urls = 50000;
  size_t bytes = 4500000;
};

// `paths`: every file of the site (only *.html pages are listed).
std::vector<OutputFile> SitemapFiles(const std::vector<std::string>& paths,
                                     const SitemapOptions& options,
                                     const SitemapLimits& limits = {});

}  // namespace clerk::output
