// What every page gets for residents and machines, added to the page data
// before templating (like RenditionExtras): the Atom feeds in the head
// (`feeds`), a canonical link and a meta description (`canonical` only with a
// base URL: it must be absolute), the search page's link (`search_href`),
// Pagefind filters (`search_filters`: committee, kind, year, rendition),
// "Add to calendar" on meeting pages (`calendar`) and the subscribe links on
// committee pages (`subscribe`). The files themselves are made by the output
// stage (generator/output/).
#pragma once

#include <string>

#include "render/page_context.h"
#include "render/site_index.h"

namespace clerk {

class ResidentLinks {
 public:
  ResidentLinks(const SiteIndex& index, std::string base_url);
  void AddData(PageData& page, const Rendition& rendition) const;

 private:
  std::string Description(const PageData& page, std::string& committee, std::string& kind,
                          std::string& year) const;
  const SiteIndex& index_;
  std::string base_url_;
};

}  // namespace clerk
