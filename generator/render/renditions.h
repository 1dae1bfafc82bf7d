// What the large-print and easy-read renditions add to the shared page model:
// easy-read pages get their words (render/easy_read.h) as `easy` in the page
// data; large-print pages get sentence case and stacked tables
// (render/large_print.h) after templating. Built once per site.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/easy_read.h"
#include "render/page_context.h"
#include "render/page_finish.h"
#include "render/site_index.h"

namespace clerk {

class RenditionExtras {
 public:
  RenditionExtras(const SiteIndex& index, std::string base_url);

  // Adds the rendition's own data to a page before templating.
  void AddData(PageData& page, const PageJob& job, const Rendition& rendition,
               const std::vector<Rendition>& renditions) const;
  // What the rendition changes in a rendered page (render/page_finish.h).
  void SetFinish(const Rendition& rendition, PageFinish& finish) const;

 private:
  const SiteIndex& index_;
  EasyReadPages easy_;
  std::set<std::string> acronyms_;
  std::string base_url_;
};

}  // namespace clerk
