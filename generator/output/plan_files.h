// Open data and a feed for the plans: what committees plan to look at and
// what decisions are coming (docs/open-data.md).
//   data/work-programmes.json        index: every work programme, its row count
//                                    and its file's URL
//   data/work-programmes/<id>.json   one work programme with its rows and meetings
//   data/forward-plans.json          every forward plan of key decisions
//   forward-plans/feed.xml           Atom feed of forward plan entries, newest
//                                    notice first
// A fact the record does not give is null (or an empty list), never a default.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "render/public_urls.h"  // the three files' names
#include "render/site_index.h"
#include "render/site_renderer.h"

namespace clerk::output {

struct PlanFileOptions {
  std::string base_url;  // may be empty
};

// The files above. The feed and the forward plan data are written only when
// the site has forward plans; the work programme index always.
std::vector<OutputFile> PlanFiles(const SiteIndex& index, const PlanFileOptions& options);

// One work programme and one forward plan as JSON (public for tests).
nlohmann::json WorkProgrammeJson(const SiteIndex& index, const WorkProgramme& wp,
                                 const PlanFileOptions& options);
nlohmann::json ForwardPlanJson(const SiteIndex& index, const ForwardPlan& plan,
                               const PlanFileOptions& options);

}  // namespace clerk::output
