#include "output/plan_files.h"

#include <algorithm>

#include "output/atom_feed.h"
#include "output/calendar.h"
#include "output/plain_text.h"
#include "output/safe_text.h"
#include "render/html_text.h"
#include "render/plan_text.h"
#include "render/public_urls.h"
#include "render/urls.h"

namespace clerk::output {

using nlohmann::json;

namespace {

std::string Url(const PlanFileOptions& o, const std::string& key) {
  return PublicUrl(o.base_url, key);  // "/work-programmes/x/#row-3" without a base URL
}

json OptDate(const std::optional<Date>& d) {
  return d ? json(IsoDate(*d)) : json(nullptr);
}

json OptText(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

// Markdown as the plain text open data promises, "@/" references as public
// URLs; null when empty.
json OptPlainText(const PlanFileOptions& o, const std::string& markdown) {
  if (markdown.empty()) return nullptr;
  return MarkdownPlainText(
      markdown, [&o](const std::string& url) { return PublicLink(o.base_url, url); });
}

json OptId(const Ref& r) {
  return r.empty() ? json(nullptr) : json(r.id);
}

const char* WhenId(WhenKind w) {
  switch (w) {
    case WhenKind::kMeeting:
      return "meeting";
    case WhenKind::kTbc:
      return "tbc";
    case WhenKind::kStanding:
      return "standing";
    case WhenKind::kMonth:
      return "month";
  }
  return "tbc";
}

// Bytes that are not UTF-8 (the loader refuses them, but a writer must not
// depend on it) become U+FFFD instead of throwing mid-build.
std::string Dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

json WorkProgrammeJson(const SiteIndex& index, const WorkProgramme& wp,
                       const PlanFileOptions& o) {
  json meetings = json::array();
  for (const ProgrammeMeeting& m : wp.meetings) {
    meetings.push_back({{"meeting_id", m.meeting.id},
                        {"report_deadline", OptDate(m.report_deadline)},
                        {"publication", OptDate(m.publication)}});
  }
  json rows = json::array();
  for (size_t i = 0; i < wp.rows.size(); ++i) {
    const WorkProgrammeRow& r = wp.rows[i];
    json witnesses = json::array();
    for (const PersonOrText& w : r.witnesses) {
      witnesses.push_back(
          {{"person_id", OptId(w.person)},
           {"name", w.person.empty() ? w.text : index.PersonName(w.person.id)}});
    }
    std::string month =
        r.when == WhenKind::kMonth ? IsoDate({r.year, r.month, 1}).substr(0, 7) : "";
    rows.push_back(
        {{"number", static_cast<int>(i + 1)},
         {"topic", r.topic},
         {"description", OptPlainText(o, r.description)},
         {"author", OptText(r.author)},
         {"scrutiny", OptText(r.scrutiny)},
         {"when", WhenId(r.when)},
         {"meeting_id", OptId(r.meeting)},
         {"agenda_item", OptText(r.item)},
         {"month", r.when == WhenKind::kMonth ? json(month) : json(nullptr)},
         {"cadence", OptText(r.cadence)},
         {"last_report", OptDate(r.last_report)},
         {"witnesses", witnesses},
         {"visits", r.visits},
         {"notes", OptText(r.notes)},
         {"url", Url(o, urls::WorkProgramme(wp.id) + "#row-" + std::to_string(i + 1))}});
  }
  return {{"id", wp.id},
          {"committee_id", wp.committee.id},
          {"title", wp.title},
          {"period", OptText(wp.period)},
          {"meetings", meetings},
          {"rows", rows},
          {"url", Url(o, urls::WorkProgramme(wp.id))}};
}

json ForwardPlanJson(const SiteIndex& index, const ForwardPlan& plan,
                     const PlanFileOptions& o) {
  const Site& site = index.site();
  json entries = json::array();
  for (const ForwardPlanEntry& e : plan.entries) {
    json expected = {{"kind", e.expected == ExpectedKind::kDate    ? "date"
                              : e.expected == ExpectedKind::kMonth ? "month"
                                                                   : "tbc"},
                     {"value", OptText(ExpectedIso(e))}};
    entries.push_back({{"id", e.id},
                       {"reference", OptText(e.reference)},
                       {"title", e.title},
                       {"description", OptText(e.description)},
                       {"decision_maker",
                        {{"committee_id", OptId(e.decision_maker)},
                         {"name", DecisionMakerName(site, e)}}},
                       {"expected", expected},
                       {"key_decision", OptText(KeyDecisionId(e.key_decision))},
                       {"classification", OptText(AccessId(e.access))},
                       {"exempt_paragraphs", e.exempt_paragraphs},
                       {"exempt_reason", OptText(e.exempt_reason)},
                       {"contact", OptId(e.contact)},
                       {"wards", e.wards},
                       {"meeting_id", OptId(e.meeting)},
                       {"url", Url(o, urls::ForwardPlan(plan.id) + "#" +
                                          urls::ForwardPlanEntryAnchor(e.id))}});
  }
  return {{"id", plan.id},
          {"title", plan.title},
          {"published", OptDate(plan.published)},
          {"period", OptText(plan.period)},
          {"contact", OptId(plan.contact)},
          {"entries", entries},
          {"url", Url(o, urls::ForwardPlan(plan.id))}};
}

namespace {

std::string FeedId(const Site& site, const std::string& base_url,
                   const std::string& path) {
  std::string url = AbsoluteUrl(base_url, path);
  if (!url.empty()) return url;
  return "urn:clerk:" + UidDomain(site) + ":" + path;
}

std::string FeedHref(const std::string& base_url, const std::string& feed_path,
                     const std::string& key) {
  std::string url = AbsoluteUrl(base_url, key);
  return url.empty() ? urls::Relative(feed_path, key) : url;
}

// One entry per decision in a plan; <updated> is the plan's publication date
// (midnight, London): a date of the record, not of the build.
std::string Feed(const SiteIndex& index, const PlanFileOptions& o) {
  const Site& site = index.site();
  const std::string path = ForwardPlansFeed();
  struct Item {
    const ForwardPlan* plan;
    const ForwardPlanEntry* entry;
    std::string updated;
  };
  std::vector<Item> items;
  for (const auto& [id, plan] : site.forward_plans) {
    if (!plan.published) continue;
    std::string updated = AtomDate(DateTime{*plan.published, {0, 0}});
    for (const ForwardPlanEntry& e : plan.entries) items.push_back({&plan, &e, updated});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.updated > b.updated; });
  if (items.size() > kFeedEntries) items.resize(kFeedEntries);
  std::string updated = items.empty() ? "1970-01-01T00:00:00Z" : items.front().updated;
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
       XmlText(site.config.language.empty() ? "en-GB" : site.config.language) + "\">\n";
  x += "  <id>" + XmlText(FeedId(site, o.base_url, path)) + "</id>\n";
  x += "  <title>" + XmlText(site.config.title + ": decisions to come") + "</title>\n";
  x += "  <subtitle>Forward plans of key decisions from " +
       XmlText(site.config.organisation) + "</subtitle>\n";
  x += "  <updated>" + updated + "</updated>\n";
  std::string self = AbsoluteUrl(o.base_url, path);
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
       XmlText(self.empty() ? urls::Relative(path, path) : self) + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
       XmlText(FeedHref(o.base_url, path, urls::ForwardPlans())) + "\"/>\n";
  x += "  <author><name>" + XmlText(site.config.organisation) + "</name></author>\n";
  x += "  <generator>Clerk</generator>\n";
  for (const Item& it : items) {
    const ForwardPlanEntry& e = *it.entry;
    std::string key =
        urls::ForwardPlan(it.plan->id) + "#" + urls::ForwardPlanEntryAnchor(e.id);
    std::string summary = "Decision maker: " + DecisionMakerName(site, e) +
                          ". Expected: " + ExpectedText(e) + ".";
    if (!KeyDecisionText(e.key_decision).empty())
      summary += " Key decision: " + KeyDecisionText(e.key_decision) + ".";
    if (!AccessText(e).empty()) summary += " " + AccessText(e) + ".";
    x += "  <entry>\n";
    x += "    <id>" + XmlText(FeedId(site, o.base_url, key)) + "</id>\n";
    x += "    <title>" + XmlText(e.title) + "</title>\n";
    x += "    <updated>" + it.updated + "</updated>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
         XmlText(FeedHref(o.base_url, path, key)) + "\"/>\n";
    x += "    <author><name>" + XmlText(site.config.organisation) + "</name></author>\n";
    x += "    <category term=\"" + XmlText(it.plan->id) + "\" label=\"" +
         XmlText(it.plan->title) + "\"/>\n";
    x += "    <summary>" + XmlText(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

// One file per work programme and an index linking each, so no file grows
// with the archive (every programme in one file was 14.9 MB at N = 10,000
// meetings); a programme is one committee's plan for one period, so its
// file grows only with the rows of its one YAML file. The index holds what a
// consumer needs to choose (committee, title, period, row count) and the
// file's URL; `counts` totals them, so nothing can be missed unseen.
void WorkProgrammeFiles(const SiteIndex& index, const json& meta,
                        const PlanFileOptions& o, std::vector<OutputFile>& out) {
  json programmes = meta;
  programmes["work_programmes"] = json::array();
  size_t rows = 0;
  for (const auto& [id, wp] : index.site().work_programmes) {
    programmes["work_programmes"].push_back({{"id", wp.id},
                                             {"committee_id", wp.committee.id},
                                             {"title", wp.title},
                                             {"period", OptText(wp.period)},
                                             {"rows", wp.rows.size()},
                                             {"url", Url(o, WorkProgrammeData(wp.id))}});
    rows += wp.rows.size();
    out.push_back({WorkProgrammeData(wp.id), Dump(WorkProgrammeJson(index, wp, o))});
  }
  programmes["counts"] = {{"work_programmes", index.site().work_programmes.size()},
                          {"rows", rows}};
  out.push_back({WorkProgrammesData(), Dump(programmes)});
}

}  // namespace

std::vector<OutputFile> PlanFiles(const SiteIndex& index, const PlanFileOptions& o) {
  const Site& site = index.site();
  json meta = {{"publisher", site.config.organisation}, {"title", site.config.title}};
  std::vector<OutputFile> out;
  WorkProgrammeFiles(index, meta, o, out);
  if (site.forward_plans.empty()) return out;
  json plans = meta;
  plans["forward_plans"] = json::array();
  for (const auto& [id, plan] : site.forward_plans)
    plans["forward_plans"].push_back(ForwardPlanJson(index, plan, o));
  out.push_back({ForwardPlansData(), Dump(plans)});
  out.push_back({ForwardPlansFeed(), Feed(index, o)});
  return out;
}

}  // namespace clerk::output
