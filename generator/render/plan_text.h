// The words pages, easy read and open data use for work programme rows and
// forward plan entries. Each says only what the record gives: a standing
// item without a cadence is a "standing item", never "every meeting"; an
// entry that does not say whether it is a key decision says nothing.
#pragma once

#include <string>

#include "model/model.h"

namespace clerk {

// "Standing item", "Standing item: once a year in July", "To be confirmed",
// "March 2020 (approximate)". Not for rows with a meeting (the page links it).
std::string RowWhenText(const WorkProgrammeRow& row);

// "14 October 2019", "October 2019", "To be confirmed".
std::string ExpectedText(const ForwardPlanEntry& entry);
// "2019-10-14", "2019-10", or "" for tbc.
std::string ExpectedIso(const ForwardPlanEntry& entry);

// "Yes", "No", "Not yet known", or "" when the plan does not say.
std::string KeyDecisionText(KeyDecision key);
// "yes", "no", "unknown", or "" when the plan does not say.
const char* KeyDecisionId(KeyDecision key);

// "Open", "Exempt (paragraph 3 of Schedule 12A)", "Part exempt (paragraphs 3
// and 5 of Schedule 12A)", or "" when the plan does not say.
std::string AccessText(const ForwardPlanEntry& entry);
// "open", "exempt", "part-exempt", or "" when the plan does not say.
const char* AccessId(DecisionAccess access);

// The decision maker's name: the committee's, or the words as printed.
std::string DecisionMakerName(const Site& site, const ForwardPlanEntry& entry);

}  // namespace clerk
