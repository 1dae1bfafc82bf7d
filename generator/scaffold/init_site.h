// `clerk init DIR`: a new site in its own folder (its own repository) that
// builds and passes `clerk check --strict` at once: site.yaml with comments,
// one committee, person, venue, glossary and meeting, .gitignore,
// .editorconfig, and CI recipes that install the released Clerk package.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "model/dates.h"

namespace clerk::scaffold {

// The first meeting of a new site: four weeks after `today` (the build's
// date: --today, SOURCE_DATE_EPOCH or the clock), moved on to a working day (not a
// weekend, Christmas, Boxing Day or New Year's Day). So the new site's meeting is
// upcoming, `clerk check --strict` is clean, and the same date in gives the same files
// out.
Date FirstMeetingDate(const Date& today);

// Writes the site into `dir`, which must not exist, be empty, or hold only
// .git (a new, empty repository). `*written` gets each file made. On failure
// nothing is left behind and `*error` says why.
bool InitSite(const std::filesystem::path& dir, const Date& today,
              std::vector<std::filesystem::path>* written, std::string* error);

// The command: writes the site, then says what was made and what to do next.
// Returns the exit code.
int RunInit(const std::string& dir, const Date& today, std::ostream& out,
            std::ostream& err);

}  // namespace clerk::scaffold
