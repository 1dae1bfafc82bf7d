#include "model/model.h"

namespace clerk {

const char* ToString(MemberRole role) {
  switch (role) {
    case MemberRole::kChair:
      return "Chair";
    case MemberRole::kViceChair:
      return "Vice-chair";
    case MemberRole::kLeadMember:
      return "Lead member";
    case MemberRole::kMember:
      return "Member";
  }
  return "Member";
}

const char* ToString(MeetingKind kind) {
  switch (kind) {
    case MeetingKind::kFormal:
      return "Formal";
    case MeetingKind::kInformal:
      return "Informal";
    case MeetingKind::kReferenced:
      return "Referenced";
  }
  return "Formal";
}

std::optional<bool> OpenToPublic(const Meeting& m) {
  if (m.open_to_public) return m.open_to_public;
  switch (m.kind) {
    case MeetingKind::kFormal:
      return true;
    case MeetingKind::kInformal:
      return false;
    case MeetingKind::kReferenced:
      return std::nullopt;
  }
  return std::nullopt;
}

bool IsCurrent(const std::optional<Date>& from, const std::optional<Date>& to,
               const Date& today) {
  if (today.year == 0) return !to;
  return (!from || *from <= today) && (!to || *to >= today);
}

std::string RoleTitle(const Membership& m) {
  std::string title = m.role_title.empty() ? ToString(m.role) : m.role_title;
  if (m.elect) title += " (elect)";
  return title;
}

const char* ToString(MeetingStatus status) {
  switch (status) {
    case MeetingStatus::kScheduled:
      return "Scheduled";
    case MeetingStatus::kConfirmed:
      return "Confirmed";
    case MeetingStatus::kHeld:
      return "Held";
    case MeetingStatus::kCancelled:
      return "Cancelled";
    case MeetingStatus::kPostponed:
      return "Postponed";
  }
  return "Scheduled";
}

const char* ToString(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kReport:
      return "Report";
    case DocumentKind::kAppendix:
      return "Appendix";
    case DocumentKind::kBriefing:
      return "Briefing note";
    case DocumentKind::kPlan:
      return "Plan";
    case DocumentKind::kOther:
      return "Document";
  }
  return "Document";
}

const char* ToString(DocumentStatus status) {
  return status == DocumentStatus::kDraft ? "Draft" : "Final";
}

const char* ToString(MinutesStatus status) {
  return status == MinutesStatus::kDraft ? "Draft" : "Approved";
}

const char* ToString(MinutesKind kind) {
  return kind == MinutesKind::kActionNotes ? "Action notes" : "Minutes";
}

const char* ToString(ActionStatus status) {
  switch (status) {
    case ActionStatus::kNotGiven:
      return "";
    case ActionStatus::kOpen:
      return "Open";
    case ActionStatus::kInProgress:
      return "In progress";
    case ActionStatus::kDone:
      return "Done";
    case ActionStatus::kOverdue:
      return "Overdue";
    case ActionStatus::kCancelled:
      return "Cancelled";
  }
  return "";
}

}  // namespace clerk
