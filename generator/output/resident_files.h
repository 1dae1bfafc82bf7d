// The files for residents and machines beside the pages: calendars (.ics),
// Atom feeds, open data (JSON), sitemap.xml and robots.txt. Built from the
// loaded Site after rendering and written beside the pages. Deterministic, like the
// pages.
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

// The extra files, each handed to `emit` (one call at a time) as it is
// made. `paths`: every file the render stage made, for the sitemap.
void ResidentFiles(const Site& site, const ResidentOptions& options,
                   const std::vector<std::string>& paths, const OutputFileSink& emit);

// Makes the extra files and hands them to `sink`, giving their paths in
// `resident`. They depend on the records, the pages there are and the options,
// never on the bodies of papers, so when the records fingerprint (`records`,
// from RenderStats; zero if unknown), the pages, the options and clerk are
// as in the last build and the files are intact, they are kept without
// being made at all. Returns true if they were made, false if kept.
bool PutResidentFiles(const Site& site, const ResidentOptions& options,
                      const Fingerprint& records, const std::vector<std::string>& paths,
                      OutputSink& sink, std::vector<std::string>& resident);

}  // namespace clerk::output
