#include "render/public_urls.h"

#include "links/site_links.h"

namespace clerk::output {

std::string SiteCalendar() {
  return "meetings.ics";
}
std::string CommitteeCalendar(const std::string& id) {
  return "committees/" + id + "/meetings.ics";
}
std::string YearCalendar(int year) {
  return "calendars/" + std::to_string(year) + ".ics";
}
std::string MeetingCalendar(const std::string& id) {
  return "meetings/" + id + "/meeting.ics";
}
std::string SiteFeed() {
  return "feed.xml";
}
std::string CommitteeFeed(const std::string& id) {
  return "committees/" + id + "/feed.xml";
}
std::string MeetingsData() {
  return "data/meetings.json";
}
std::string MeetingData(const std::string& id) {
  return "data/meetings/" + id + ".json";
}
std::string WorkProgrammesData() {
  return "data/work-programmes.json";
}
std::string WorkProgrammeData(const std::string& id) {
  return "data/work-programmes/" + id + ".json";
}
std::string ForwardPlansData() {
  return "data/forward-plans.json";
}
std::string ForwardPlansFeed() {
  return "forward-plans/feed.xml";
}
std::string MonthData(const std::string& month, const std::string& listing) {
  return "data/months/" + month + "/" + listing + ".json";
}
std::string CommitteesData() {
  return "data/committees.json";
}
std::string PeopleData() {
  return "data/people.json";
}
std::string DecisionsData() {
  return "data/decisions.json";
}
std::string Sitemap() {
  return "sitemap.xml";
}
std::string Robots() {
  return "robots.txt";
}

std::string NormaliseBaseUrl(const std::string& base_url) {
  if (base_url.empty() || base_url.back() == '/') return base_url;
  return base_url + "/";
}

std::string AbsoluteUrl(const std::string& base_url, const std::string& path) {
  if (base_url.empty()) return "";
  size_t cut = path.find_first_of("?#");
  std::string p = path.substr(0, cut);
  std::string fragment = cut == std::string::npos ? "" : path.substr(cut);
  const std::string index = "index.html";
  if (p == index) {
    p.clear();
  } else if (p.size() > index.size() &&
             p.compare(p.size() - index.size() - 1, index.size() + 1, "/" + index) == 0) {
    p.erase(p.size() - index.size());
  }
  return NormaliseBaseUrl(base_url) + p + fragment;
}

std::string PublicUrl(const std::string& base_url, const std::string& path) {
  std::string abs = AbsoluteUrl(base_url, path);
  return abs.empty() ? AbsoluteUrl("/", path) : abs;
}

std::string PublicLink(const std::string& base_url, const std::string& url) {
  std::optional<SiteLinkTarget> target = ParseSiteLink(url);
  if (!target) return url;
  return PublicUrl(base_url,
                   target->page + (target->anchor.empty() ? "" : "#" + target->anchor));
}

}  // namespace clerk::output
