// `clerk new person` and `clerk new committee`: one record each, with the id
// made from the name when none is given.
#pragma once

#include <string>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk::scaffold {

struct NewPersonRequest {
  std::string name;  // as papers print it: "Councillor Jo Bloggs" or "Jo Bloggs"
  std::string id;    // "" = from the name, without the honorific
  std::string honorific;
  std::string job_title;
  std::string organisation;
  std::string email;
  std::string phone;
};

struct NewCommitteeRequest {
  std::string name;
  std::string id;  // "" = from the name
  std::string short_name;
  std::string organisation;  // "" = the site's organisation
  std::string contact;       // person id, optional
  std::string minute_numbering = "per-meeting";
};

// Each writes content/<people|committees>/<id>.yaml and returns its path, or
// "" after reporting why not (no name, a bad or taken id, an unknown contact,
// a bad email address) to `diag`.
std::string NewPerson(const Site& site, const NewPersonRequest& request,
                      Diagnostics& diag);
std::string NewCommittee(const Site& site, const NewCommitteeRequest& request,
                         Diagnostics& diag);

}  // namespace clerk::scaffold
