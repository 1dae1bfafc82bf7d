// The render stage: turns a loaded, validated Site into the files of the
// website, in memory. Nothing is written to disk here (the output stage does
// that), so `clerk check` can render everything and still write nothing.
//
// A rendition (standard, large print, easy read) is a parameter: the same page
// model is rendered once per rendition with that rendition's templates and CSS.
// Markdown is parsed once per document, not once per rendition.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

struct Rendition {
  std::string id;      // "standard", "large-print", "easy-read"
  std::string label;   // "Standard", "Large print", "Easy read"
  std::string prefix;  // output folder: "" for standard, "large-print/" ...
};

// The renditions this build produces: standard, large print, easy read.
std::vector<Rendition> DefaultRenditions();

struct OutputFile {
  std::string path;     // relative to the output root, '/'-separated: "meetings/x/index.html"
  std::string content;  // bytes to write
};

struct RenderOptions {
  std::string theme_dir;  // themes/default: templates/*.mustache, css, images
  std::string base_url;   // from --base-url or site.yaml; may be empty
};

// Renders every page of every rendition, plus theme assets (CSS, images) and
// everything under <source>/assets/. Problems found while rendering (raw HTML
// in Markdown, unsafe link schemes, missing templates) go to `diag` with their
// file:line:col. The result is sorted by path and byte-for-byte deterministic.
std::vector<OutputFile> RenderSite(const Site& site, const RenderOptions& options,
                                   Diagnostics& diag);

}  // namespace clerk
