#include "render/resident_links.h"

#include <vector>

#include "render/public_urls.h"
#include "render/urls.h"

namespace clerk {
using nlohmann::json;

ResidentLinks::ResidentLinks(const SiteIndex& index, std::string base_url)
    : index_(index), base_url_(output::NormaliseBaseUrl(base_url)) {}

std::string ResidentLinks::Description(const PageData& page, std::string& committee,
                                       std::string& kind, std::string& year) const {
  const Site& site = index_.site();
  std::vector<std::string> p = urls::SplitPath(page.key);
  std::string org = site.config.organisation;
  auto committee_name = [&](const std::string& id) {
    auto it = site.committees.find(id);
    return it == site.committees.end() ? id : it->second.name;
  };
  if (p.size() == 3 && p[0] == "committees") {
    committee = committee_name(p[1]);
    kind = "Committee";
    return committee + ": what it does, its members, meetings, papers and decisions.";
  }
  if (p.size() >= 3 && p[0] == "meetings") {
    const Meeting* m = index_.FindMeeting(p[1]);
    if (!m) return "";
    if (const Committee* c = index_.CommitteeOf(*m)) committee = c->name;
    year = std::to_string(m->start.date.year);
    std::string label = index_.MeetingLabel(*m);
    if (p.size() == 3) {
      kind = "Meeting";
      return "Agenda, papers and details of the " + label + ".";
    }
    if (p.size() == 4 && p[2] == "minutes") {
      kind = "Minutes";
      return "Minutes of the " + label + ".";
    }
    if (p.size() == 4) {
      if (const Document* d = index_.FindDocument(m->id, p[2])) {
        kind = ToString(d->kind);
        return d->summary.empty()
                   ? std::string(ToString(d->kind)) + " for the " + label + "."
                   : d->summary;
      }
    }
    return "";
  }
  if (p.size() == 3 && p[0] == "people") {
    kind = "Person";
    return index_.PersonName(p[1]) +
           ": roles, committees, attendance and papers written.";
  }
  if (page.key == urls::Home())
    return "Agendas, reports, minutes and decisions of the committees of " + org + ".";
  if (page.key == urls::Committees())
    return "Every committee of " + org + ", from A to Z.";
  if (page.key == urls::Meetings())
    return "Every meeting, past and upcoming, with its papers.";
  if (page.key == urls::Search())
    return "Search the committee papers, minutes and meetings.";
  const nlohmann::json* written = PageField(page, "page_title");
  const std::string title =
      written && written->is_string() ? written->get<std::string>() : "";
  return title.empty() ? "" : title + " – " + site.config.title + ".";
}

void ResidentLinks::AddData(PageData& page, const Rendition& rendition) const {
  json& d = page.data;
  const bool absolute = page.template_name == "not_found";  // served at any path
  auto href = [&](const std::string& target) {
    if (absolute) return base_url_.empty() ? "/" + target : base_url_ + target;
    return urls::Relative(page.path, target);
  };
  const Site& site = index_.site();
  json feeds = json::array();
  feeds.push_back({{"href", href(output::SiteFeed())},
                   {"title", site.config.title + ": new papers and minutes"}});

  std::string committee, kind, year;
  std::string description = Description(page, committee, kind, year);
  d["meta_description"] = description;
  d["canonical"] =
      base_url_.empty() || absolute ? "" : output::AbsoluteUrl(base_url_, page.path);
  d["search_href"] = href(urls::Page(rendition, urls::Search()));
  d["search_current"] = page.key == urls::Search();
  // Neither the search page nor the 404 page is a search result.
  d["search_exclude"] = page.key == urls::Search() || absolute;

  std::vector<std::string> p = urls::SplitPath(page.key);
  d["calendar"] = false;
  d["subscribe"] = false;
  if (p.size() == 3 && p[0] == "committees" && site.committees.count(p[1])) {
    feeds.push_back({{"href", href(output::CommitteeFeed(p[1]))},
                     {"title", committee + ": new papers and minutes"}});
    d["subscribe"] = {{"calendar_href", href(output::CommitteeCalendar(p[1]))},
                      {"feed_href", href(output::CommitteeFeed(p[1]))},
                      {"name", committee}};
  }
  d["calendars"] = false;
  if (page.key == urls::Meetings()) {
    // The calendar to subscribe to holds the last 12 months; the archive is
    // a calendar per year (output/calendar.h), linked here so none is lost.
    json years = json::array();
    for (const Meeting* m : index_.meetings_by_date)
      if (years.empty() || years.back()["year"] != m->start.date.year)
        years.push_back({{"year", m->start.date.year},
                         {"href", href(output::YearCalendar(m->start.date.year))}});
    d["calendars"] = {{"subscribe_href", href(output::SiteCalendar())}, {"years", years}};
  }
  if (!p.empty() && p[0] == "forward-plans" && !site.forward_plans.empty()) {
    feeds.push_back({{"href", href(output::ForwardPlansFeed())},
                     {"title", site.config.title + ": decisions to come"}});
  }
  if (p.size() == 3 && p[0] == "meetings") {
    if (const Meeting* m = index_.FindMeeting(p[1])) {
      d["calendar"] = {{"href", href(output::MeetingCalendar(m->id))},
                       {"label", index_.MeetingLabel(*m)},
                       {"cancelled", m->status == MeetingStatus::kCancelled ||
                                         m->status == MeetingStatus::kPostponed}};
    }
  }
  d["feeds"] = feeds;
  json filters = json::array();
  auto filter = [&](const char* name, const std::string& value) {
    if (!value.empty()) filters.push_back({{"filter", std::string(name) + ":" + value}});
  };
  filter("committee", committee);
  filter("kind", kind);
  filter("year", year);
  filter("rendition", rendition.label);
  d["search_filters"] = filters;
}

}  // namespace clerk
