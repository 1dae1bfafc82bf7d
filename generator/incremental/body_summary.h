// BodySummary: what a build knows of a piece of Markdown without rendering
// it, kept between builds. In the build state because the state files hold
// it; render/content_html.h makes it.
#pragma once

#include <utility>
#include <vector>

#include "incremental/shared_list.h"
#include "model/fingerprint.h"
#include "model/site_link.h"

namespace clerk {

// The "@/" links of one body (see SharedList): a build hands the same list
// to its summary, to the next build (clerk serve) and to the link check.
class SiteLinkList : public SharedList<SiteLink> {
 public:
  SiteLinkList() = default;
  SiteLinkList(std::vector<SiteLink> links)  // NOLINT: a list is its links
      : SharedList(std::move(links)) {
    for (const SiteLink& link : get())
      if (link.target.find('.') != std::string::npos) to_files_ = true;
  }
  // True if a link may point at a file, not a page (its target has a dot):
  // found once, so the pictures a build publishes are looked for only in
  // the few lists with such links, not in every link of a large site.
  bool to_files() const { return to_files_; }
  const std::vector<SiteLink>& links() const { return get(); }
  bool operator==(const SiteLinkList& other) const { return SameItems(other); }

 private:
  bool to_files_ = false;
};

// What a build knows of a piece of Markdown (a paper's body, a meeting's
// minutes, a meeting's agenda) without rendering it: the fingerprint of what
// it is rendered from and the "@/" links in it. Kept between builds
// (incremental/known_bodies.h), so an edit build renders only what changed.
struct BodySummary {
  Fingerprint source;  // BodySource() in render/content_html.h
  SiteLinkList site_links;
  bool clean = true;  // rendering it reported nothing (only those are kept)
};

}  // namespace clerk
