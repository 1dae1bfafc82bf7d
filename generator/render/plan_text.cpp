#include "render/plan_text.h"

namespace clerk {

std::string RowWhenText(const WorkProgrammeRow& row) {
  std::string text;
  switch (row.when) {
    case WhenKind::kMeeting:
      text = "";
      break;
    case WhenKind::kTbc:
      text = "To be confirmed";
      break;
    case WhenKind::kStanding:
      // How often it comes round only when the papers say.
      return row.cadence.empty() ? "Standing item" : "Standing item: " + row.cadence;
    case WhenKind::kMonth:
      text = row.month >= 1 && row.month <= 12
                 ? MonthYear(row.year, row.month) + " (approximate)"
                 : std::to_string(row.year);
      break;
  }
  if (!row.cadence.empty()) text += (text.empty() ? "" : "; ") + row.cadence;
  return text;
}

std::string ExpectedText(const ForwardPlanEntry& e) {
  switch (e.expected) {
    case ExpectedKind::kDate:
      return std::to_string(e.expected_date.day) + " " +
             MonthName(e.expected_date.month) + " " +
             std::to_string(e.expected_date.year);
    case ExpectedKind::kMonth:
      return MonthYear(e.expected_date.year, e.expected_date.month);
    case ExpectedKind::kTbc:
      break;
  }
  return "To be confirmed";
}

std::string ExpectedIso(const ForwardPlanEntry& e) {
  switch (e.expected) {
    case ExpectedKind::kDate:
      return IsoDate(e.expected_date);
    case ExpectedKind::kMonth:
      return IsoDate({e.expected_date.year, e.expected_date.month, 1}).substr(0, 7);
    case ExpectedKind::kTbc:
      break;
  }
  return "";
}

std::string KeyDecisionText(KeyDecision key) {
  switch (key) {
    case KeyDecision::kYes:
      return "Yes";
    case KeyDecision::kNo:
      return "No";
    case KeyDecision::kUnknown:
      return "Not yet known";
    case KeyDecision::kNotGiven:
      break;
  }
  return "";
}

const char* KeyDecisionId(KeyDecision key) {
  switch (key) {
    case KeyDecision::kYes:
      return "yes";
    case KeyDecision::kNo:
      return "no";
    case KeyDecision::kUnknown:
      return "unknown";
    case KeyDecision::kNotGiven:
      break;
  }
  return "";
}

std::string AccessText(const ForwardPlanEntry& e) {
  std::string paragraphs;
  for (size_t i = 0; i < e.exempt_paragraphs.size(); ++i) {
    paragraphs += (i == 0                                ? ""
                   : i + 1 == e.exempt_paragraphs.size() ? " and "
                                                         : ", ") +
                  std::to_string(e.exempt_paragraphs[i]);
  }
  std::string which = paragraphs.empty() ? ""
                                         : std::string(e.exempt_paragraphs.size() == 1
                                                           ? " (paragraph "
                                                           : " (paragraphs ") +
                                               paragraphs + " of Schedule 12A)";
  switch (e.access) {
    case DecisionAccess::kOpen:
      return "Open";
    case DecisionAccess::kExempt:
      return "Exempt" + which;
    case DecisionAccess::kPartExempt:
      return "Part exempt" + which;
    case DecisionAccess::kNotGiven:
      break;
  }
  return "";
}

const char* AccessId(DecisionAccess access) {
  switch (access) {
    case DecisionAccess::kOpen:
      return "open";
    case DecisionAccess::kExempt:
      return "exempt";
    case DecisionAccess::kPartExempt:
      return "part-exempt";
    case DecisionAccess::kNotGiven:
      break;
  }
  return "";
}

std::string DecisionMakerName(const Site& site, const ForwardPlanEntry& e) {
  if (e.decision_maker.empty()) return e.decision_maker_text;
  auto it = site.committees.find(e.decision_maker.id);
  return it == site.committees.end() ? e.decision_maker.id : it->second.name;
}

}  // namespace clerk
