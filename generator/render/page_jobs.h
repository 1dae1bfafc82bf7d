// The pages of a site, each named by its kind and by its record's key in
// the site's maps, never by a reference to the record. So the list holds for
// any site with the same records' keys: a clerk serve session keeps it
// across builds that change papers' bodies only, though the records of the
// folders read again are new objects.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/model.h"

namespace clerk {

enum class PageKind : uint8_t {
  kHome,
  kCommitteeIndex,
  kCommittee,  // record: Site::committees
  kMeetingIndex,
  kMeeting,   // record: Site::meetings
  kDocument,  // record: Site::documents ("<meeting>/<document>")
  kMinutes,   // record: Site::minutes
  kPeopleIndex,
  kPerson,         // record: Site::people
  kWorkProgramme,  // record: Site::work_programmes
  kForwardPlanIndex,
  kForwardPlan,  // record: Site::forward_plans
  kGlossary,
  kDecisions,
  kYearDecisions,
  kTopicIndex,
  kTopic,               // record: Site::topics
  kCommitteeDecisions,  // record: Site::committees
  kAccessibility,
  kNotFound,
  kSearch,
};

// One page, made when it is built: a large site's page data is never all in
// memory at once, and several threads can build pages side by side (each
// with its own PageContext).
struct PageJob {
  std::string key;  // the page it builds (PageData::key), known without building it
  PageKind kind = PageKind::kHome;
  std::string record;  // the key of its record in the site's map for `kind`, or ""
  int year = 0;        // kYearDecisions
  int number = 0;      // kYearDecisions, kCommitteeDecisions: the register's page
};

// Every page of a rendition, in a fixed order (the same list for each).
std::vector<PageJob> PageJobs(const Site& site);

// The order to build `jobs` in, for `renditions` renditions (index i is job
// i % jobs.size() of rendition i / jobs.size()): the pages that list many
// records first (indexes, topics, committees, decisions), then the rest as
// they come. A listing page of a large site takes tens of MB while it is
// built; built last, that came on top of everything the build had gathered
// by then (its log, ids and deps), and made the build's peak memory. A
// page's renditions come one after another, so the thread that builds them
// makes the data they share once (DataSameInEveryRendition). The pages are
// the same in any order.
std::vector<size_t> BuildOrder(const std::vector<PageJob>& jobs, size_t renditions);

// Whether a page of this kind has the same data in every rendition but for
// the layout's rendition fields (PageContext::AddRenditionFields): a link
// from one page to another of the same rendition is the same relative link
// in every rendition. Not so for the pages that link to theme files
// (upcoming_script: the home page, the committees page, each committee's
// page; the search page's script and index)
// or link from the site's root (the page not found).
// tests/render/shared_page_data_test.cpp builds every page both ways.
bool DataSameInEveryRendition(PageKind kind);

[[noreturn]] void ThrowNoRecord(const PageJob& job);

// The job's record in `records` (the site's map for its kind). Throws
// std::logic_error if there is none: a list of jobs used with a site it
// was not made for.
template <typename Record>
const Record& RecordOf(const std::map<std::string, Record>& records, const PageJob& job) {
  auto it = records.find(job.record);
  if (it == records.end()) ThrowNoRecord(job);
  return it->second;
}

}  // namespace clerk
