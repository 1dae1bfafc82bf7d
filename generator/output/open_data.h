// Open data: the site's records as JSON, for journalists, researchers and
// other systems. Meetings are in the shape of the Open Civic Data Event
// (name, description, classification, start and end, status, location,
// media, documents, links, participants, agenda with order, description and
// related documents). Schemas for every file are in docs/schemas/; tests
// validate the output against them.
//   data/meetings.json              index: every month with meetings, its count and URL
//   data/months/<YYYY-MM>/meetings.json   that month's meetings (OCD events)
//   data/meetings/<id>.json         one meeting
//   data/committees.json            committees with memberships
//   data/people.json                people
//   data/decisions.json             index: every month with minutes, counts and URL
//   data/months/<YYYY-MM>/decisions.json  that month's resolutions and actions
// The listings are split by month so no file grows with the archive (one
// file of 10,000 meetings was 173 MB).
// Links are absolute with a base URL, else root-relative ("/meetings/x/").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "render/site_index.h"
#include "render/site_renderer.h"

namespace clerk::output {

struct OpenDataOptions {
  std::string base_url;  // may be empty
  int jobs = 1;          // threads for the per-meeting files
};

// Hands each file to `emit` as it is made (on the caller's thread), so
// that a large archive's 400 MB of open data are never all in memory.
void OpenDataFiles(const SiteIndex& index, const OpenDataOptions& options,
                   const OutputFileSink& emit);
// The same files, all at once (for tests).
std::vector<OutputFile> OpenDataFiles(const SiteIndex& index,
                                      const OpenDataOptions& options);

// One meeting as an OCD event (public for tests).
nlohmann::json MeetingEvent(const SiteIndex& index, const Meeting& meeting,
                            const OpenDataOptions& options);

// "2019-09-16T10:15:00+01:00": a UK local time with its offset.
std::string OffsetDateTime(const DateTime& london_local);

}  // namespace clerk::output
