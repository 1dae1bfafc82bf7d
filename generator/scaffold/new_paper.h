// `clerk new paper`: a report, appendix, briefing or plan in a meeting's
// folder, with the front matter filled in from the command line.
#pragma once

#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk::scaffold {

struct NewPaperRequest {
  std::string meeting;  // meeting id (its folder name)
  std::string title;
  std::string id;    // "" = the paper the item names and lacks, else from the title
  std::string item;  // agenda item number, "7" or "1(2)"; required for a report
  std::string kind = "report";  // report | appendix | briefing | plan | other
  std::string author;           // person id, optional
};

struct NewPaperResult {
  std::string path;            // the new .md file; "" when nothing was made
  std::string id;              // the paper's id
  bool named_by_item = false;  // its item names it already (the agenda was first)
};

// Writes content/meetings/<meeting>/<id>.md as a draft. Never overwrites;
// errors (unknown meeting, item or person, id taken) go to `diag` with a
// suggestion where one is close.
NewPaperResult NewPaper(const Site& site, const NewPaperRequest& request,
                        Diagnostics& diag);

}  // namespace clerk::scaffold
