// Atom feeds (RFC 4287) of the papers and minutes: feed.xml for the whole
// site and committees/<id>/feed.xml for each committee, newest first, the
// newest kFeedEntries of each.
//
// The model has no publication dates, and no clock may reach the output, so
// an entry's <updated> is derived from the records (docs/open-data.md):
//   a paper      the start of its meeting (papers are published for it);
//   minutes      the start of the meeting that approved them, or, while
//                they are draft, the start of their own meeting.
// Ids are the pages' absolute URLs when the site has a base URL, otherwise
// "urn:clerk:<organisation slug>:<page path>"; links are then relative to the
// feed (valid Atom: relative references resolve against the feed's address).
#pragma once

#include <string>
#include <vector>

#include "render/site_index.h"
#include "render/site_renderer.h"

namespace clerk::output {

struct FeedOptions {
  std::string base_url;  // may be empty
};

// Entries a feed holds: the newest. A feed says what is new, and readers
// keep what they have seen; every paper of ten years (54,000 entries, 34 MB
// at 10,000 meetings) would be fetched again at every poll. The whole record
// is in the sitemap and the open data.
inline constexpr size_t kFeedEntries = 200;

// feed.xml and one feed per committee, each with its kFeedEntries newest.
std::vector<OutputFile> AtomFeeds(const SiteIndex& index, const FeedOptions& options);

// "2019-09-16T09:15:00Z": a meeting-local time in UTC, as Atom dates are written.
std::string AtomDate(const DateTime& london_local);

}  // namespace clerk::output
