// Where the resident-facing extras live (calendars, feeds, open data,
// sitemap) and how they are addressed from outside the site. Feeds, sitemaps
// and calendars need absolute URLs, so they use the base URL when the site
// has one (site.yaml `base_url` or --base-url). In render/ because pages
// link to these files (subscribe links, feed <link>s) and output/ writes
// them: both read the names here; the namespace says who writes them.
#pragma once

#include <string>

namespace clerk::output {

std::string SiteCalendar();  // meetings.ics
std::string CommitteeCalendar(
    const std::string& committee_id);  // committees/<id>/meetings.ics
std::string YearCalendar(int year);    // calendars/<year>.ics
std::string MeetingCalendar(const std::string& meeting_id);  // meetings/<id>/meeting.ics
std::string SiteFeed();                                      // feed.xml
std::string CommitteeFeed(const std::string& committee_id);  // committees/<id>/feed.xml
std::string MeetingsData();  // data/meetings.json (index of months)
std::string MeetingData(const std::string& meeting_id);  // data/meetings/<id>.json
// data/months/<YYYY-MM>/<listing>.json: one month of data/<listing>.json.
std::string MonthData(const std::string& month, const std::string& listing);
// data/work-programmes/<id>.json: one programme of data/work-programmes.json.
std::string WorkProgrammeData(const std::string& id);
std::string WorkProgrammesData();  // data/work-programmes.json (index of programmes)
std::string ForwardPlansData();    // data/forward-plans.json
std::string ForwardPlansFeed();    // forward-plans/feed.xml
std::string CommitteesData();      // data/committees.json
std::string PeopleData();          // data/people.json
std::string DecisionsData();       // data/decisions.json (index of months)
std::string Sitemap();             // sitemap.xml
std::string Robots();              // robots.txt

// "https://x.example/papers" -> "https://x.example/papers/"; "" stays "".
std::string NormaliseBaseUrl(const std::string& base_url);

// The public address of output path `path` under `base_url` (normalised or
// not): a folder's "index.html" is dropped ("meetings/x/index.html" ->
// "https://x.example/meetings/x/"), also before a fragment
// ("meetings/x/index.html#item-7" -> ".../meetings/x/#item-7"). Empty when
// there is no base URL.
std::string AbsoluteUrl(const std::string& base_url, const std::string& path);

// The address open data gives `path`: absolute under `base_url`, else
// root-relative ("/meetings/x/#item-7"), as docs/open-data.md says.
std::string PublicUrl(const std::string& base_url, const std::string& path);

// A link as written in Markdown, for open data: a reference to a page of
// the site ("@/meetings/x/minutes#minute-3") becomes its PublicUrl; any
// other address is kept as written.
std::string PublicLink(const std::string& base_url, const std::string& url);

}  // namespace clerk::output
