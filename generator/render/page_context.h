// Builds the Mustache data of every page of one rendition: which template,
// the output path, and the page's facts as JSON with links already made
// relative to that page. Nothing here knows HTML beyond pre-rendered
// Markdown fragments; templates own the markup.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "render/content_html.h"
#include "render/page_jobs.h"
#include "render/site_index.h"
#include "render/site_renderer.h"

namespace clerk {

struct PageData {
  std::string key;            // rendition-independent path: "meetings/x/index.html"
  std::string path;           // output path, with the rendition's prefix
  std::string template_name;  // "meeting"
  nlohmann::json data;        // layout fields + the page's own
  // Set for a page whose data is the same in every rendition but for a few
  // layout fields (DataSameInEveryRendition): the data made once, for all
  // renditions, which `data` (this rendition's fields) is set over.
  std::shared_ptr<const nlohmann::json> common;
};

// The field `name` of the page's data: from `data`, else from `common`.
const nlohmann::json* PageField(const PageData& page, const std::string& name);

class PageContext {
 public:
  PageContext(const SiteIndex& index, const RenderedContent& content,
              const Rendition& rendition, const std::vector<Rendition>& renditions,
              const RenderOptions& options);

  // Every page of this rendition, in no particular order.
  std::vector<PageData> AllPages();
  // The page of `job` (page_jobs.h), its record looked up in the site.
  PageData Build(const PageJob& job);
  // The page of `job` in this rendition, made from `common`, the data of the
  // same page built for another rendition (PageData::common): only the
  // fields that differ between renditions are made. Only for the kinds of
  // page whose data is otherwise the same (DataSameInEveryRendition).
  PageData FromCommon(const PageJob& job, const std::string& template_name,
                      std::shared_ptr<const nlohmann::json> common);

  // Individual pages (public for tests).
  PageData Home();
  PageData CommitteeIndex();
  PageData CommitteePage(const Committee& committee);
  PageData MeetingIndex();
  PageData MeetingPage(const Meeting& meeting);
  PageData DocumentPage(const Document& document);
  PageData MinutesPage(const Minutes& minutes);
  PageData PeopleIndex();
  PageData PersonPage(const Person& person);
  PageData WorkProgrammePage(const WorkProgramme& programme);
  // Forward plans of key decisions (work_programme_pages.cpp): the list of
  // plans, and each plan with its entries.
  PageData ForwardPlanIndex();
  PageData ForwardPlanPage(const ForwardPlan& plan);
  PageData GlossaryPage();
  // The decisions register: the latest decisions of all committees and
  // the years (null), or every decision of one committee.
  PageData DecisionsPage(const Committee* committee, int page = 1);
  // Every decision of all committees in one year.
  PageData YearDecisionsPage(int year, int page = 1);
  // How many pages the decisions of meetings `keep` takes (at least 1), a
  // page holding kDecisionMeetingsPerPage meetings with minutes.
  int DecisionPagesOf(const std::function<bool(const Meeting&)>& keep) const;
  // The pages a list of this many meetings with minutes takes (at least 1).
  static int DecisionPages(size_t meetings_with_minutes);
  // Topics followed across meetings: the list, and each topic's items.
  PageData TopicIndex();
  PageData TopicPage(const Topic& topic);
  PageData AccessibilityPage();
  PageData NotFoundPage();
  PageData SearchPage();  // render/search_page.cpp

  // While set, building a page appends to *reads the key
  // ("<meeting>/<document>") of every paper whose rendered body it reads.
  // Bodies are the one input not in the site's records fingerprint
  // (incremental/records_fingerprint.h), so a later build can tell from these
  // keys alone that a page need not be built again.
  void RecordBodyReads(std::vector<std::string>* reads) { body_reads_ = reads; }

 private:
  struct Crumb {
    std::string label;
    std::string key;
  };

  // Starts a page: sets the current path (links are relative to it) and
  // fills the layout's fields.
  PageData Begin(const std::string& key, const std::string& template_name,
                 const std::string& title, const std::string& section,
                 const std::vector<Crumb>& crumbs);
  // The layout's fields that differ between renditions, for page `key`
  // (the current page): the rendition, its style sheets, the theme's icons
  // and the links to the page in the other renditions.
  void AddRenditionFields(nlohmann::json& d, const std::string& key) const;
  // A link from the current page to page `key` of this rendition (may carry "#...").
  std::string Link(const std::string& key) const;

  nlohmann::json PersonLink(const std::string& person_id) const;
  nlohmann::json MeetingSummary(const Meeting& meeting) const;
  // The build's date, "2026-12-03" ("" when not set): on the lists of
  // upcoming meetings (data-build-date), for tests/output/check_words.py.
  std::string BuildDate() const;
  // The address of a theme file (css/..., js/...) from the current page.
  std::string ThemeHref(const std::string& asset) const;
  // " (cancelled)" or " (postponed)" after a meeting named in a list, so the
  // status is said in words wherever the meeting is; "" otherwise.
  static std::string StatusNote(const Meeting& meeting);
  // What follows a person's name in a list: " (capacity)", or ", capacity"
  // when the capacity has brackets of its own (never "A (B (C))"); "" if none.
  static std::string AfterName(const std::string& detail);
  nlohmann::json DocumentLink(const Document& document) const;
  nlohmann::json AttendanceData(const Meeting& meeting) const;
  // People invited to present an agenda item: name, link and capacity.
  nlohmann::json InvitedData(const std::vector<Attendee>& invited) const;
  // The item's topic and its other appearances, or false.
  nlohmann::json TopicOfItem(const Meeting& meeting, const AgendaItem& item) const;
  nlohmann::json AgendaItems(const Meeting& meeting, const std::vector<AgendaItem>& items,
                             int level) const;
  nlohmann::json ContactData(const std::string& person_id) const;
  // The lines of a "Contact" details row: name (linked), the job title when
  // asked, email and phone; null when there is no such person.
  nlohmann::json ContactLines(const std::string& person_id, bool job_title = false) const;
  // The register's entries of meetings that pass `keep`, newest first, and
  // the number of decisions in them.
  nlohmann::json DecisionMeetings(const std::function<bool(const Meeting&)>& keep,
                                  size_t max_meetings, int& count) const;
  PageData BeginDecisions(const std::string& key, const std::string& title,
                          const Committee* committee, int year);
  // One page of a paged register: its meetings' decisions and the links to
  // every page.
  void FillDecisionPage(PageData& page, const std::function<bool(const Meeting&)>& of,
                        int page_number, int pages, const std::string& label,
                        const std::function<std::string(int)>& href);
  std::vector<Crumb> MeetingCrumbs(const Meeting& meeting) const;
  // Parts of the meeting, paper and minutes pages (meeting_pages.cpp).
  nlohmann::json MeetingBanner(const Meeting& meeting) const;
  nlohmann::json MeetingDetailRows(const Meeting& meeting) const;
  nlohmann::json MeetingMinutesLink(const Meeting& meeting) const;
  nlohmann::json MinutesApprovedAt(const Meeting& meeting) const;
  nlohmann::json PlannedTopics(const Meeting& meeting) const;
  nlohmann::json ProgrammeDeadlines(const Meeting& meeting) const;
  nlohmann::json ForwardDecisionsAt(const Meeting& meeting) const;
  nlohmann::json SequenceLink(const Meeting* other) const;
  std::vector<Crumb> UnderMeetingCrumbs(const Meeting* meeting) const;
  nlohmann::json DocumentDetailRows(const Document& document,
                                    const Meeting* meeting) const;
  nlohmann::json DocumentAppendices(const Document& document) const;
  nlohmann::json AppendixParents(const Document& document, const std::string& key) const;
  nlohmann::json DocumentMinute(const Document& document, const Meeting* meeting) const;
  nlohmann::json MinutesDetailRows(const Minutes& minutes, const Meeting* meeting,
                                   const std::string& label) const;
  nlohmann::json MinuteSections(const Minutes& minutes, const Meeting* meeting,
                                const MinutesHtml* html) const;
  nlohmann::json ActionOwner(const MinuteAction& action) const;
  void FillMinutesActions(nlohmann::json& data, const Minutes& minutes) const;
  // Parts of the committee and person pages (people_pages.cpp).
  nlohmann::json CommitteeMembers(const Committee& committee) const;
  nlohmann::json CommitteeCoOptees(const Committee& committee) const;
  nlohmann::json CommitteeWorkProgrammes(const Committee& committee) const;
  nlohmann::json PersonRoles(const Person& person) const;
  nlohmann::json AttendanceByCommittee(const Person& person) const;
  void FillPersonAttendance(nlohmann::json& data, const Person& person) const;
  nlohmann::json AuthoredPapers(const Person& person) const;
  // Parts of the work programme page (work_programme_pages.cpp).
  void FillProgrammeMeetings(nlohmann::json& data, const WorkProgramme& programme) const;
  nlohmann::json RowWhen(const WorkProgrammeRow& row) const;
  nlohmann::json RowExtras(const WorkProgrammeRow& row) const;
  void FillProgrammeRows(nlohmann::json& data, const WorkProgramme& programme) const;
  // A paper's rendered body; the only way pages read one (see RecordBodyReads).
  std::shared_ptr<const DocumentHtml> DocumentBody(const std::string& key) const;

  const SiteIndex& index_;
  const Site& site_;
  const RenderedContent& content_;
  const Rendition& rendition_;
  const std::vector<Rendition>& renditions_;
  const RenderOptions& options_;
  std::string current_;          // output path of the page being built
  bool absolute_links_ = false;  // 404 page: links that work from any path
  std::vector<std::string>* body_reads_ = nullptr;
};

// Formatting shared by the pages.
// A row of a summary list (_summary_list.mustache): a key and one or more
// lines, each optionally a link.
nlohmann::json Line(const std::string& text, const std::string& href = "");
nlohmann::json Row(const std::string& key, nlohmann::json lines);

std::string ShortDate(const Date& date);          // "16 September 2019"
std::string PagesText(const std::string& pages);  // "Pages 11 to 30 of the printed pack"
// Who may come to a meeting, from what the papers say or its kind; "" when
// not known (another body's meeting) or cancelled: then nothing is said.
std::string WhoMayAttend(const Meeting& m);
std::string Timing(const std::optional<TimeOfDay>& from,
                   const std::optional<TimeOfDay>& to);

}  // namespace clerk
