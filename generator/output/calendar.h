// iCalendar (RFC 5545) files of the meetings, written with libical:
//   meetings.ics                     the site's meetings to come and of the last
//                                    12 months before the build's date (to subscribe to)
//   committees/<id>/meetings.ics     the same of one committee (to subscribe to)
//   calendars/<year>.ics             every meeting of one year (the archive)
//   meetings/<id>/meeting.ics        one meeting ("Add to calendar")
//
// Deterministic: no clock is read. Every rule (UID, SEQUENCE, DTSTAMP, end
// time) is derived from the meeting's record and is documented in
// docs/open-data.md:
//   UID       clerk-meeting-<meeting id>@<organisation slug>; a meeting keeps
//             its id (folder name) for ever, so its UID never changes.
//   SEQUENCE  the meeting's `sequence:` field, plus 1 once it is cancelled or
//             postponed. A meeting moved to another day is a new folder (the
//             folder name starts with the date); the old one is postponed
//             with `moved_to`, so its event is cancelled with a higher SEQUENCE.
//   DTSTAMP   the meeting's start, in UTC (a fact of the record, not "now").
//   DTEND     the recorded end, else two hours after the start (said so in
//             the description).
//   STATUS    scheduled: TENTATIVE; confirmed, held: CONFIRMED;
//             cancelled, postponed: CANCELLED.
// Times are local to Europe/London, with a fixed VTIMEZONE (the current UK
// rule), so the output does not depend on the machine's tzdata.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/site_index.h"
#include "render/site_renderer.h"

namespace clerk::output {

struct CalendarOptions {
  std::string base_url;  // for URL properties; may be empty (then no URL)
};

// All calendar files: the site's, one per committee, one per year, one per
// meeting.
std::vector<OutputFile> CalendarFiles(const SiteIndex& index,
                                      const CalendarOptions& options);

// One calendar of `meetings` named `name` (exposed for tests).
std::string CalendarText(const SiteIndex& index,
                         const std::vector<const Meeting*>& meetings,
                         const std::string& name, const CalendarOptions& options,
                         const std::string& description = "");

// The first day a subscribed calendar holds: the build's date a year
// earlier (29 February: the 28th). With no build date (year 0), year 0:
// every meeting.
Date SubscribedFrom(const Date& today);

// The calendar SEQUENCE of a meeting (rule above).
int CalendarSequence(const Meeting& meeting);

// Local Europe/London wall-clock time to UTC, by the UK rule (BST from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October).
// A time in the autumn fold is its first occurrence (BST); one in the spring
// gap (refused by the loader) takes the offset before the gap, as RFC 5545
// reads both (IsBritishSummerTime, model/dates.h).
DateTime LondonToUtc(const DateTime& local);

// "Clerk example site" -> "clerk-example-site" (UID host part).
std::string UidDomain(const Site& site);

}  // namespace clerk::output
