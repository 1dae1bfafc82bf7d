// The build's date: what "upcoming" and "current member" mean on the pages.
// `--today YYYY-MM-DD` when given; else SOURCE_DATE_EPOCH (so a reproducible
// build gives the same pages); else the clock. The date is the UK's (BST in
// summer), since councils publish for UK residents.
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "model/dates.h"

namespace clerk {

// nullopt, with `*error` set, when --today or SOURCE_DATE_EPOCH is malformed.
std::optional<Date> BuildDate(const std::string& today_flag, std::string* error);

// The UK calendar date at `t` (seconds since 1970, UTC).
Date UkDate(std::time_t t);

}  // namespace clerk
