#include "render/page_jobs.h"

#include <stdexcept>

#include "render/page_context.h"
#include "render/urls.h"

namespace clerk {

void ThrowNoRecord(const PageJob& job) {
  throw std::logic_error("internal error: page job '" + job.key + "' names record '" +
                         job.record + "', which the site does not have");
}

std::vector<PageJob> PageJobs(const Site& site) {
  std::vector<PageJob> jobs;
  // Room for the pages of each record once (decision pages are few more).
  jobs.reserve(64 + site.committees.size() * 2 + site.meetings.size() +
               site.documents.size() + site.minutes.size() + site.people.size() +
               site.work_programmes.size() + site.forward_plans.size() +
               site.topics.size());
  auto add = [&](std::string key, PageKind kind, std::string record = {}) {
    jobs.push_back({std::move(key), kind, std::move(record)});
  };
  add(urls::Home(), PageKind::kHome);
  add(urls::Committees(), PageKind::kCommitteeIndex);
  for (const auto& [id, c] : site.committees)
    add(urls::Committee(id), PageKind::kCommittee, id);
  add(urls::Meetings(), PageKind::kMeetingIndex);
  for (const auto& [id, m] : site.meetings)
    add(urls::Meeting(id), PageKind::kMeeting, id);
  for (const auto& [key, d] : site.documents)
    add(urls::Document(d.meeting_id, d.id), PageKind::kDocument, key);
  for (const auto& [id, m] : site.minutes)
    add(urls::Minutes(m.meeting_id), PageKind::kMinutes, id);
  add(urls::People(), PageKind::kPeopleIndex);
  for (const auto& [id, p] : site.people) add(urls::Person(id), PageKind::kPerson, id);
  for (const auto& [id, wp] : site.work_programmes)
    add(urls::WorkProgramme(id), PageKind::kWorkProgramme, id);
  if (!site.forward_plans.empty()) add(urls::ForwardPlans(), PageKind::kForwardPlanIndex);
  for (const auto& [id, plan] : site.forward_plans)
    add(urls::ForwardPlan(id), PageKind::kForwardPlan, id);
  add(urls::Glossary(), PageKind::kGlossary);
  add(urls::Decisions(), PageKind::kDecisions);
  // How many meetings with minutes each year and each committee has, in one
  // pass (counting them per page number made this quadratic at scale).
  std::map<int, size_t> year_minutes;
  std::map<std::string, size_t> committee_minutes;
  for (const auto& [id, minutes] : site.minutes) {
    auto m = site.meetings.find(id);
    if (m == site.meetings.end()) continue;
    ++year_minutes[m->second.start.date.year];
    ++committee_minutes[m->second.committee.id];
  }
  auto pages_of = [](const auto& counts, const auto& key) {
    auto it = counts.find(key);
    return PageContext::DecisionPages(it == counts.end() ? 0 : it->second);
  };
  for (auto year_it = year_minutes.rbegin(); year_it != year_minutes.rend(); ++year_it) {
    const int year = year_it->first;  // newest first
    for (int n = 1, pages = pages_of(year_minutes, year); n <= pages; ++n) {
      add(urls::YearDecisions(year, n), PageKind::kYearDecisions);
      jobs.back().year = year;
      jobs.back().number = n;
    }
  }
  add(urls::Topics(), PageKind::kTopicIndex);
  for (const auto& [id, t] : site.topics) add(urls::Topic(id), PageKind::kTopic, id);
  for (const auto& [id, c] : site.committees) {
    for (int n = 1, pages = pages_of(committee_minutes, id); n <= pages; ++n) {
      add(urls::CommitteeDecisions(id, n), PageKind::kCommitteeDecisions, id);
      jobs.back().number = n;
    }
  }
  add(urls::Accessibility(), PageKind::kAccessibility);
  add(urls::NotFound(), PageKind::kNotFound);
  add(urls::Search(), PageKind::kSearch);
  return jobs;
}

namespace {

bool ListsManyRecords(PageKind kind) {
  switch (kind) {
    case PageKind::kHome:
    case PageKind::kCommitteeIndex:
    case PageKind::kCommittee:
    case PageKind::kMeetingIndex:
    case PageKind::kPeopleIndex:
    case PageKind::kForwardPlanIndex:
    case PageKind::kGlossary:
    case PageKind::kDecisions:
    case PageKind::kYearDecisions:
    case PageKind::kTopicIndex:
    case PageKind::kTopic:
    case PageKind::kCommitteeDecisions:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<size_t> BuildOrder(const std::vector<PageJob>& jobs, size_t renditions) {
  std::vector<size_t> first, rest;
  for (size_t j = 0; j < jobs.size(); ++j)
    for (size_t r = 0; r < renditions; ++r)
      (ListsManyRecords(jobs[j].kind) ? first : rest).push_back(r * jobs.size() + j);
  first.insert(first.end(), rest.begin(), rest.end());
  return first;
}

bool DataSameInEveryRendition(PageKind kind) {
  switch (kind) {
    case PageKind::kHome:
    case PageKind::kCommitteeIndex:
    case PageKind::kCommittee:
    case PageKind::kNotFound:
    case PageKind::kSearch:
      return false;
    default:
      return true;
  }
}

}  // namespace clerk
