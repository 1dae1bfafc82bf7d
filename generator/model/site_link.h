// A link to a page of the site written with the reference syntax
// ("@/meetings/x#item-7"), where it was written. A plain struct in the model
// because the build state keeps it between builds (incremental/known_bodies)
// and the link checker (links/site_links.h) reads it.
#pragma once

#include <string>

#include "model/diagnostics.h"

namespace clerk {

struct SiteLink {
  SourcePos pos;
  std::string target;  // as written: "@/meetings/x#item-7"

  bool operator==(const SiteLink&) const = default;
};

}  // namespace clerk
