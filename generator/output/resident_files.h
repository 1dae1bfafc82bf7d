// The files for residents and machines beside the pages: calendars (.ics),
// Atom feeds, open data (JSON), sitemap.xml and robots.txt. Built from the
// loaded Site after rendering and written beside the pages. Deterministic, like the pages.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/site_renderer.h"

namespace clerk::output {

struct ResidentOptions {
  std::string base_url;  // --base-url or site.yaml; may be empty
  bool noindex = false;  // --noindex: robots.txt asks search engines to stay away
  int jobs = 1;          // threads to make them on
};

// The extra files. `paths`: every file the render stage made, for the
// sitemap.
std::vector<OutputFile> ResidentFiles(const Site& site, const ResidentOptions& options,
                                      const std::vector<std::string>& paths);

}  // namespace clerk::output
