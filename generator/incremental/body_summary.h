// BodySummary: what a build knows of a piece of Markdown without rendering
// it, kept between builds. In the build state because the state files hold
// it; render/content_html.h makes it.
#pragma once

#include <vector>

#include "model/fingerprint.h"
#include "model/site_link.h"

namespace clerk {

// What a build knows of a piece of Markdown (a paper's body, a meeting's
// minutes, a meeting's agenda) without rendering it: the fingerprint of what
// it is rendered from and the "@/" links in it. Kept between builds
// (incremental/known_bodies.h), so an edit build renders only what changed.
struct BodySummary {
  Fingerprint source;  // BodySource() in render/content_html.h
  std::vector<SiteLink> site_links;
  bool clean = true;  // rendering it reported nothing (only those are kept)
};

}  // namespace clerk
