// `clerk new meeting|paper|minutes|person|committee`: finds the site (the
// current folder or the nearest above it with site.yaml; --source
// overrides), loads it, writes the new file and says what was made and what
// to do next. main.cpp binds the options; everything else is here.
#pragma once

#include <ostream>
#include <string>

#include "model/dates.h"
#include "scaffold/new_paper.h"
#include "scaffold/new_person.h"

namespace clerk::scaffold {

struct NewOptions {
  std::string source;  // "" = find site.yaml here or above
  Date today;          // the build's date: what "has passed" means
  // meeting
  std::string committee, date;
  // paper and minutes: `paper.meeting` is the meeting of both
  NewPaperRequest paper;
  NewPersonRequest person;
  NewCommitteeRequest committee_record;
};

// `what`: the subcommand ("meeting", "paper", ...). Returns the exit code:
// 0 made, 1 refused (the reason printed), 2 no site here.
int RunNew(const std::string& what, const NewOptions& options, std::ostream& out,
           std::ostream& err);

}  // namespace clerk::scaffold
