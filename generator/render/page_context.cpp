// The layout's shared fields and the site-wide pages: home, committee list,
// glossary, accessibility statement, 404. Meeting pages are in
// meeting_pages.cpp, people and work programmes in people_pages.cpp.
#include "render/page_context.h"

#include <algorithm>
#include <cctype>

#include "model/ascii.h"
#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/unique_ids.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// A link that works from any address (the 404 page): from the site's root.
std::string AbsoluteHref(std::string base, const std::string& target) {
  if (base.empty()) return "/" + target;
  if (base.back() != '/') base += '/';
  return base + target;
}

}  // namespace

json Line(const std::string& text, const std::string& href) {
  return {{"text", text}, {"href", href}};
}

json Row(const std::string& key, json lines) {
  if (!lines.is_array()) lines = json::array({lines});
  return {{"key", key}, {"lines", lines}};
}

std::string ShortDate(const Date& d) {
  return std::to_string(d.day) + " " + MonthName(d.month) + " " + std::to_string(d.year);
}

std::string PagesText(const std::string& pages) {
  std::string text = Trim(pages);
  if (text.empty()) return "";
  size_t dash = text.find('-');
  if (dash == std::string::npos) dash = text.find("to");
  if (dash == std::string::npos) return "Page " + text + " of the printed pack";
  std::string from = Trim(text.substr(0, dash));
  std::string to = Trim(text.substr(dash + (text[dash] == '-' ? 1 : 2)));
  if (from.empty() || to.empty() || from == to) {
    return "Page " + (from.empty() ? to : from) + " of the printed pack";
  }
  return "Pages " + from + " to " + to + " of the printed pack";
}

std::string Timing(const std::optional<TimeOfDay>& from,
                   const std::optional<TimeOfDay>& to) {
  if (from && to) return ClockTime(*from) + " to " + ClockTime(*to);
  if (from) return "From " + ClockTime(*from);
  if (to) return "Until " + ClockTime(*to);
  return "";
}

PageContext::PageContext(const SiteIndex& index, const RenderedContent& content,
                         const Rendition& rendition,
                         const std::vector<Rendition>& renditions,
                         const RenderOptions& options)
    : index_(index),
      site_(index.site()),
      content_(content),
      rendition_(rendition),
      renditions_(renditions),
      options_(options) {}

std::string PageContext::Link(const std::string& key) const {
  std::string target = urls::Page(rendition_, key);
  if (absolute_links_) {
    std::string base = options_.base_url;
    if (base.empty()) return "/" + target;
    if (base.back() != '/') base += '/';
    return base + target;
  }
  return urls::Relative(current_, target);
}

PageData PageContext::Begin(const std::string& key, const std::string& template_name,
                            const std::string& title, const std::string& section,
                            const std::vector<Crumb>& crumbs) {
  PageData page;
  page.key = key;
  page.path = urls::Page(rendition_, key);
  page.template_name = template_name;
  current_ = page.path;
  json& d = page.data;
  const SiteConfig& config = site_.config;
  d["language"] = config.language.empty() ? "en-GB" : config.language;
  d["site_title"] = config.title;
  d["organisation"] = config.organisation;
  d["page_title"] = title;
  d["home_href"] = Link(urls::Home());
  d["inline_css"] = "";
  AddRenditionFields(d, key);

  static const std::pair<const char*, const char*> kNav[] = {
      {"home", "Home"},           {"committees", "Committees"}, {"meetings", "Meetings"},
      {"decisions", "Decisions"}, {"people", "People"},         {"glossary", "Glossary"}};
  json nav = json::array();
  for (const auto& [id, label] : kNav) {
    std::string target =
        std::string(id) == "home" ? urls::Home() : std::string(id) + "/index.html";
    nav.push_back({{"href", Link(target)}, {"label", label}, {"current", section == id}});
  }
  d["nav"] = nav;

  if (!crumbs.empty()) {
    json items = json::array();
    for (const Crumb& c : crumbs)
      items.push_back({{"label", c.label}, {"href", Link(c.key)}});
    d["breadcrumbs"] = {{"items", items}, {"current", title}};
  } else {
    d["breadcrumbs"] = false;
  }

  const SiteContact& contact = config.contact;
  d["contact"] = {{"name", contact.name},
                  {"email", contact.email},
                  {"mailto", contact.email.empty() ? "" : "mailto:" + contact.email},
                  {"phone", contact.phone},
                  {"tel", contact.phone.empty() ? "" : TelHref(contact.phone)}};
  d["accessibility_href"] = Link(urls::Accessibility());
  return page;
}

void PageContext::AddRenditionFields(json& d, const std::string& key) const {
  d["rendition"] = rendition_.id;
  json sheets = json::array();
  auto sheet = [&](const std::string& asset) {
    sheets.push_back({{"href", ThemeHref(asset)}});
  };
  sheet("css/standard.css");
  // A rendition adds its own sheet: themes/default/<id>/css/<id>.css.
  if (rendition_.id != "standard")
    sheet(rendition_.id + "/css/" + rendition_.id + ".css");
  d["stylesheets"] = sheets;
  // The theme's icon: SVG where browsers take it, ICO and a PNG for a
  // phone's home screen elsewhere (themes/default/favicon.svg).
  d["favicon"] = {{"svg", ThemeHref("favicon.svg")},
                  {"ico", ThemeHref("favicon.ico")},
                  {"touch", ThemeHref("apple-touch-icon.png")}};
  json others = json::array();
  for (const Rendition& r : renditions_) {
    if (r.id == rendition_.id) continue;
    std::string target = urls::Page(r, key);
    others.push_back({{"label", r.label},
                      {"id", r.id},
                      {"href", absolute_links_ ? AbsoluteHref(options_.base_url, target)
                                               : urls::Relative(current_, target)}});
  }
  d["other_renditions"] = others;
}

PageData PageContext::FromCommon(const PageJob& job, const std::string& template_name,
                                 std::shared_ptr<const json> common) {
  PageData page;
  page.key = job.key;
  page.path = urls::Page(rendition_, job.key);
  page.template_name = template_name;
  current_ = page.path;
  page.data = json::object();
  AddRenditionFields(page.data, job.key);
  page.common = std::move(common);
  return page;
}

const json* PageField(const PageData& page, const std::string& name) {
  for (const json* d : {&page.data, page.common.get()}) {
    if (!d || !d->is_object()) continue;
    auto it = d->find(name);
    if (it != d->end()) return &*it;
  }
  return nullptr;
}

json PageContext::PersonLink(const std::string& person_id) const {
  const Person* p = index_.FindPerson(person_id);
  return {{"href", p ? Link(urls::Person(person_id)) : ""},
          {"name", index_.PersonName(person_id)}};
}

json PageContext::ContactLines(const std::string& person_id, bool job_title) const {
  json contact = ContactData(person_id);
  if (!contact.is_object()) return nullptr;
  json lines = json::array({Line(contact["name"], contact["href"])});
  if (job_title && !contact["job_title"].get<std::string>().empty())
    lines.push_back(Line(contact["job_title"]));
  if (!contact["email"].get<std::string>().empty())
    lines.push_back(Line(contact["email"], contact["mailto"]));
  if (!contact["phone"].get<std::string>().empty())
    lines.push_back(Line(contact["phone"], contact["tel"]));
  return lines;
}

json PageContext::ContactData(const std::string& person_id) const {
  const Person* p = index_.FindPerson(person_id);
  if (!p) return false;
  return {{"href", Link(urls::Person(person_id))},
          {"name", index_.PersonName(person_id)},
          {"job_title", p->job_title},
          {"email", p->email},
          {"mailto", p->email.empty() ? "" : "mailto:" + p->email},
          {"phone", p->phone},
          {"tel", p->phone.empty() ? "" : TelHref(p->phone)}};
}

std::string PageContext::ThemeHref(const std::string& asset) const {
  std::string path = urls::ThemeAsset(asset);
  if (absolute_links_)
    return options_.base_url.empty() ? "/" + path : options_.base_url + path;
  return urls::Relative(current_, path);
}

std::string PageContext::StatusNote(const Meeting& m) {
  if (m.status == MeetingStatus::kCancelled) return " (cancelled)";
  if (m.status == MeetingStatus::kPostponed) return " (postponed)";
  return "";
}

std::string PageContext::AfterName(const std::string& detail) {
  if (detail.empty()) return "";
  if (detail.find('(') != std::string::npos) return ", " + detail;
  return " (" + detail + ")";
}

std::string PageContext::BuildDate() const {
  return site_.today.year == 0 ? "" : IsoDate(site_.today);
}

json PageContext::MeetingSummary(const Meeting& m) const {
  const Venue* venue = nullptr;
  if (auto it = site_.venues.find(m.venue.id); it != site_.venues.end())
    venue = &it->second;
  std::string status = ToString(m.status);
  // A time the papers do not give is said to be unknown; the machine-readable
  // value is then the date alone.
  return {
      {"href", Link(urls::Meeting(m.id))},
      {"label", index_.MeetingLabel(m)},
      {"title", index_.MeetingTitle(m)},
      {"date", LongDate(m.start.date)},
      {"iso", IsoDate(m.start.date) + (m.start.time ? "T" + IsoTime(*m.start.time) : "")},
      {"iso_date", IsoDate(m.start.date)},
      {"time", m.start.time ? ClockTime(*m.start.time) : "time to be confirmed"},
      {"status", status},
      {"status_class", ascii::Lower(status)},
      {"show_status", m.status != MeetingStatus::kHeld},
      {"venue", venue         ? venue->name
                : m.venue_tbc ? "Place to be confirmed"
                              : ""}};
}

json PageContext::DocumentLink(const Document& doc) const {
  return {{"href", Link(urls::Document(doc.meeting_id, doc.id))},
          {"title", doc.title},
          {"kind", ToString(doc.kind)},
          {"draft", doc.status == DocumentStatus::kDraft},
          {"exempt", doc.exempt}};
}

namespace {
bool AnyExempt(const std::vector<AgendaItem>& items) {
  for (const AgendaItem& item : items)
    if (item.exempt || AnyExempt(item.sub_items)) return true;
  return false;
}
}  // namespace

std::string WhoMayAttend(const Meeting& m) {
  if (m.status == MeetingStatus::kCancelled || m.status == MeetingStatus::kPostponed)
    return "";
  std::optional<bool> open = OpenToPublic(m);
  if (!open) return "";
  if (!*open) return "This meeting is not open to the public.";
  if (AnyExempt(m.agenda))
    return "Anyone can come and watch, except while the items taken in private are "
           "discussed.";
  return "Anyone can come and watch.";
}

PageData PageContext::Build(const PageJob& job) {
  switch (job.kind) {
    case PageKind::kHome:
      return Home();
    case PageKind::kCommitteeIndex:
      return CommitteeIndex();
    case PageKind::kCommittee:
      return CommitteePage(RecordOf(site_.committees, job));
    case PageKind::kMeetingIndex:
      return MeetingIndex();
    case PageKind::kMeeting:
      return MeetingPage(RecordOf(site_.meetings, job));
    case PageKind::kDocument:
      return DocumentPage(RecordOf(site_.documents, job));
    case PageKind::kMinutes:
      return MinutesPage(RecordOf(site_.minutes, job));
    case PageKind::kPeopleIndex:
      return PeopleIndex();
    case PageKind::kPerson:
      return PersonPage(RecordOf(site_.people, job));
    case PageKind::kWorkProgramme:
      return WorkProgrammePage(RecordOf(site_.work_programmes, job));
    case PageKind::kForwardPlanIndex:
      return ForwardPlanIndex();
    case PageKind::kForwardPlan:
      return ForwardPlanPage(RecordOf(site_.forward_plans, job));
    case PageKind::kGlossary:
      return GlossaryPage();
    case PageKind::kDecisions:
      return DecisionsPage(nullptr);
    case PageKind::kYearDecisions:
      return YearDecisionsPage(job.year, job.number);
    case PageKind::kTopicIndex:
      return TopicIndex();
    case PageKind::kTopic:
      return TopicPage(RecordOf(site_.topics, job));
    case PageKind::kCommitteeDecisions:
      return DecisionsPage(&RecordOf(site_.committees, job), job.number);
    case PageKind::kAccessibility:
      return AccessibilityPage();
    case PageKind::kNotFound:
      return NotFoundPage();
    case PageKind::kSearch:
      return SearchPage();
  }
  ThrowNoRecord(job);
}

std::shared_ptr<const DocumentHtml> PageContext::DocumentBody(
    const std::string& key) const {
  if (body_reads_) body_reads_->push_back(key);
  return content_.Document(key);
}

std::vector<PageData> PageContext::AllPages() {
  std::vector<PageData> pages;
  for (const PageJob& job : PageJobs(site_)) pages.push_back(Build(job));
  return pages;
}

PageData PageContext::Home() {
  PageData page = Begin(urls::Home(), "home", "Home", "home", {});
  json& d = page.data;
  d["page_title"] = site_.config.title;
  json upcoming = json::array();
  for (const Meeting* m : index_.meetings_by_date) {
    if (IsUpcoming(*m, site_.today)) upcoming.push_back(MeetingSummary(*m));
  }
  d["upcoming"] = upcoming;
  d["build_date"] = BuildDate();
  d["upcoming_script"] = ThemeHref("js/upcoming.js");

  // Latest papers: the most recent held meetings that have papers or minutes.
  json latest = json::array();
  for (auto it = index_.meetings_by_date.rbegin();
       it != index_.meetings_by_date.rend() && latest.size() < 3; ++it) {
    const Meeting& m = **it;
    if (m.status != MeetingStatus::kHeld) continue;
    json docs = json::array();
    for (const std::string& doc_id : index_.DocumentsInOrder(m)) {
      if (const Document* doc = index_.FindDocument(m.id, doc_id))
        docs.push_back(DocumentLink(*doc));
    }
    if (docs.empty() && !m.has_minutes) continue;
    json entry = MeetingSummary(m);
    entry["documents"] = docs;
    entry["minutes_href"] = m.has_minutes ? Link(urls::Minutes(m.id)) : "";
    auto mins = site_.minutes.find(m.id);
    entry["minutes_draft"] =
        mins != site_.minutes.end() && mins->second.status == MinutesStatus::kDraft;
    latest.push_back(entry);
  }
  d["latest"] = latest;

  json committees = json::array();
  std::vector<const Committee*> sorted;
  for (const auto& [id, c] : site_.committees) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Committee* a, const Committee* b) {
                     return ascii::Lower(a->name) < ascii::Lower(b->name);
                   });
  for (const Committee* c : sorted) {
    committees.push_back({{"href", Link(urls::Committee(c->id))}, {"name", c->name}});
  }
  d["committees"] = committees;
  d["committees_href"] = Link(urls::Committees());
  d["meetings_href"] = Link(urls::Meetings());
  return page;
}

PageData PageContext::CommitteeIndex() {
  PageData page = Begin(urls::Committees(), "committees", "Committees", "committees",
                        {{"Home", urls::Home()}});
  std::vector<const Committee*> sorted;
  for (const auto& [id, c] : site_.committees) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Committee* a, const Committee* b) {
                     return ascii::Lower(a->name) < ascii::Lower(b->name);
                   });
  json list = json::array();
  for (const Committee* c : sorted) {
    const auto& meetings = index_.committee_meetings.count(c->id)
                               ? index_.committee_meetings.at(c->id)
                               : std::vector<const Meeting*>{};
    const Meeting* next = nullptr;
    for (const Meeting* m : meetings) {
      if (IsUpcoming(*m, site_.today)) {
        next = m;
        break;
      }
    }
    list.push_back({{"href", Link(urls::Committee(c->id))},
                    {"name", c->name},
                    {"organisation", c->organisation},
                    {"next", next ? MeetingSummary(*next) : json(false)}});
  }
  page.data["committees"] = list;
  page.data["build_date"] = BuildDate();
  page.data["upcoming_script"] = ThemeHref("js/upcoming.js");
  return page;
}

PageData PageContext::GlossaryPage() {
  PageData page = Begin(urls::Glossary(), "glossary", "Glossary", "glossary",
                        {{"Home", urls::Home()}});
  std::vector<const GlossaryTerm*> terms;
  for (const auto& [id, t] : site_.glossary) {
    // A name with nothing to say about it (`not_acronyms`) is not listed.
    if (t.name && t.plain.empty()) continue;
    terms.push_back(&t);
  }
  std::stable_sort(terms.begin(), terms.end(),
                   [](const GlossaryTerm* a, const GlossaryTerm* b) {
                     return ascii::Lower(a->term) < ascii::Lower(b->term);
                   });
  // Grouped by first letter, with a list of letters to jump to.
  json letters = json::array();
  UniqueIds used;
  for (const std::string& id : TemplateIds()) used.Reserve(id);
  for (const GlossaryTerm* t : terms) {
    char first = t->term.empty() ? '#' : ascii::ToUpper(t->term[0]);
    std::string letter = ascii::IsAlpha(first) ? std::string(1, first) : "#";
    if (letters.empty() || letters.back()["letter"] != letter) {
      std::string id = letter == "#" ? "letter-other" : "letter-" + ascii::Lower(letter);
      letters.push_back(
          {{"letter", letter}, {"id", used.Take(id)}, {"terms", json::array()}});
    }
    bool acronym = !t->expansion.empty() && t->term != t->expansion;
    // A term of several meanings lists each, with the committees using it.
    json meanings = json::array();
    for (const GlossaryMeaning& m : t->meanings) {
      std::string where;
      for (size_t i = 0; i < m.committees.size(); ++i) {
        auto c = site_.committees.find(m.committees[i].id);
        where += (i == 0                         ? ""
                  : i + 1 == m.committees.size() ? " and "
                                                 : ", ") +
                 (c == site_.committees.end() ? m.committees[i].id : c->second.name);
      }
      meanings.push_back({{"expansion", m.expansion},
                          {"where", where.empty() ? "In other papers."
                                                  : "In papers of the " + where + "."},
                          {"plain", m.plain}});
    }
    letters.back()["terms"].push_back(
        {{"id", used.Take(GlossaryExpander::TermAnchor(t->term))},
         {"term", t->term},
         {"abbr", acronym},
         {"expansion", t->expansion},
         {"plain", t->plain},
         {"has_meanings", !meanings.empty()},
         {"meanings", meanings}});
  }
  page.data["letters"] = letters;
  return page;
}

PageData PageContext::AccessibilityPage() {
  PageData page = Begin(urls::Accessibility(), "accessibility", "Accessibility statement",
                        "", {{"Home", urls::Home()}});
  page.data["statement"] = content_.accessibility;
  page.data["reviewed"] = site_.config.accessibility_reviewed;
  return page;
}

PageData PageContext::NotFoundPage() {
  absolute_links_ = true;
  PageData page = Begin(urls::NotFound(), "not_found", "Page not found", "", {});
  page.data["committees_href"] = Link(urls::Committees());
  page.data["meetings_href"] = Link(urls::Meetings());
  absolute_links_ = false;
  return page;
}

}  // namespace clerk
