// The files for residents and machines beside the pages: calendars (.ics),
// Atom feeds, open data (JSON), sitemap.xml and robots.txt. Built from the
// loaded Site after rendering, added to the rendered files before the
// output stage writes them. Deterministic, like the pages.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/site_renderer.h"

namespace clerk::output {

struct ResidentOptions {
  std::string base_url;  // --base-url or site.yaml; may be empty
  bool noindex = false;  // --noindex: robots.txt asks search engines to stay away
};

// Appends the extra files to `files` and keeps `files` sorted by path.
void AddResidentFiles(const Site& site, const ResidentOptions& options,
                      std::vector<OutputFile>& files);

}  // namespace clerk::output
