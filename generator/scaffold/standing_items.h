// A committee's usual agenda shape: the standing items that open (and close)
// every agenda (apologies, declarations of interest, the minutes of the last
// meeting, public questions, the date of the next meeting), without the
// reports that change from meeting to meeting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace clerk::scaffold {

// Whether an item with this title is a standing item by the words agendas
// use for them ("Apologies for absence", "Disclosures of Pecuniary and
// Non-Pecuniary Interests", "Minutes of the previous meeting" ...).
bool IsStandingTitle(std::string_view title);

// The standing items of `agenda`, renumbered in order in the style of the
// originals ("1", "2" ...; sub-items "(1)", "(2)" ...), with only their
// number, title, purpose (unless it names a date, which was that
// meeting's) and standing sub-items. An item that names papers
// is a report, never a standing item. The purpose of a minutes item names
// `previous_meeting` when it is given ("To approve the minutes of the
// meeting held on Monday 15 July 2019.").
std::vector<AgendaItem> StandingItems(const std::vector<AgendaItem>& agenda,
                                      const std::string& previous_meeting);

// The standing items of a committee with no meeting to copy from.
std::vector<AgendaItem> DefaultStandingItems();

// `number` with its first run of digits (or its single letter) made the
// `n`th: RenumberedLike("(3)", 2) is "(2)", RenumberedLike("b", 1) is "a".
std::string RenumberedLike(const std::string& number, int n);

}  // namespace clerk::scaffold
