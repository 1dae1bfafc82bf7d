// The content model: plain structs filled by the `content` stage and read by
// every later stage. Nothing here does I/O. Every record keeps the position
// it came from, so later stages can report errors at file:line:col.
//
// Ids are derived from paths (docs/content-format.md):
//   committee  content/committees/<id>.yaml
//   person     content/people/<id>.yaml
//   venue      key in content/venues.yaml
//   glossary   key in content/glossary.yaml (the term itself, e.g. "CAMHS")
//   meeting    folder name content/meetings/<id>/
//   document   file stem inside its meeting folder (unique per meeting)
//   work prog. file stem content/work-programmes/<id>.yaml
//   fwd plan   file stem content/forward-plans/<id>.yaml
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/dates.h"
#include "model/diagnostics.h"
#include "model/fingerprint.h"

namespace clerk {

// A reference to another record by id, with the place it was written, so an
// unresolved reference can be reported where the clerk typed it.
struct Ref {
  std::string id;
  SourcePos pos;
  bool empty() const { return id.empty(); }
  bool operator==(const Ref&) const = default;
};

struct SiteContact {
  std::string name;
  std::string email;
  std::string phone;
};

// One named deploy target. Secrets are never here: they come from the
// environment or ~/.netrc (generator/publish/credentials.h).
struct DeployTarget {
  SourcePos pos;
  std::string url;          // file://, sftp://, ftp://, ftps://, webdav(s)://, s3://
  std::string endpoint;     // s3: http(s)://host:port of an S3-compatible server
  std::string region;       // s3: signing region (default us-east-1)
  std::string ca_file;      // extra CA certificate(s), PEM, for a private host
  std::string known_hosts;  // sftp: known_hosts file (default ~/.ssh/known_hosts)
};

struct SiteConfig {
  SourcePos pos;
  std::string title;         // "Committee papers"
  std::string organisation;  // "Example Council"
  std::string base_url;      // may be empty: links are relative anyway
  std::string language = "en-GB";
  SiteContact contact;
  std::string accessibility;           // Markdown: the accessibility statement
  std::string accessibility_reviewed;  // date text, "1 November 2026"
  // Named deploy targets (`deploy:` in site.yaml; see docs/publishing.md).
  std::map<std::string, DeployTarget> deploy;
};

// `incomplete` marks a record whose file could not be read or parsed (the
// error is already reported): references to it still resolve, and checks
// that need its fields are skipped, so one typo gives one error.

struct Person {
  std::string id;
  SourcePos pos;
  bool incomplete = false;
  std::string name;                  // "Carole Gandy"
  std::string honorific;             // "Councillor", "Dr"; may be empty
  std::vector<std::string> aliases;  // other spellings found in papers
  std::string job_title;             // "Democratic Services Officer"
  std::string organisation;          // "Herefordshire Council"
  std::string email;
  std::string phone;
};

struct Venue {
  std::string id;
  SourcePos pos;
  std::string name;
  std::string address;
  std::string postcode;
  std::string access;  // access notes, plain text
};

// A subject that comes back across meetings and committees (a youth justice
// plan every year): agenda items name it, and it has a page.
struct Topic {
  std::string id;
  SourcePos pos;
  std::string title;
  std::string description;  // plain text, one or two sentences
};

// One meaning of a glossary term that has several (WCC: Warwickshire County
// Council for one committee, Worcestershire County Council for another).
struct GlossaryMeaning {
  SourcePos pos;
  std::string expansion;
  std::string plain;
  // The committees whose pages use this meaning. Empty: the pages no other
  // meaning claims (at most one meaning of a term leaves it empty).
  std::vector<Ref> committees;
  bool operator==(const GlossaryMeaning&) const = default;
};

struct GlossaryTerm {
  std::string term;  // "CAMHS", "COVID-19", "Section 106"
  SourcePos pos;
  // One meaning: its words. Empty when the term has `meanings` or is a name.
  std::string expansion;  // "Child and Adolescent Mental Health Services"
  std::string plain;      // a plain-English explanation
  // Two or more meanings (or one that only some committees use), chosen
  // per committee or per paper (Document::glossary); empty otherwise.
  std::vector<GlossaryMeaning> meanings{};
  // A name in capitals that is no acronym (a programme called NEXUS): never
  // expanded nor warned about; `plain` may say what it is.
  bool name = false;
};

// A pattern (ECMAScript regular expression) for codes that are not words
// (table row ids such as ASL1): a whole word that matches is not an acronym.
struct GlossaryPattern {
  SourcePos pos;
  std::string pattern;
};

// A paper's choice among a term's meanings: `glossary: {WCC: Worcestershire
// County Council}` in its front matter.
struct GlossaryChoice {
  SourcePos pos;
  std::string term;
  std::string expansion;
  bool operator==(const GlossaryChoice&) const = default;
};

// The kind of a role, for sorting and for the words Clerk writes itself; the
// title as printed ("Chairman", "Deputy Chair", "Lead member for adults") is
// kept beside it (Membership::role_title).
enum class MemberRole { kChair, kViceChair, kLeadMember, kMember };

struct Membership {
  SourcePos pos;
  Ref person;
  MemberRole role = MemberRole::kMember;
  std::string role_title;  // as printed; "" = the kind's own name
  bool elect = false;      // "(elect)": takes the role at a later date
  std::string party;
  std::optional<Date> from;
  std::optional<Date> to;
};

struct CoOptee {
  SourcePos pos;
  Ref person;
  std::string represents;      // "Parent governor representative, SEND sector"
  std::optional<bool> voting;  // not known unless the papers say
  std::optional<Date> from;
  std::optional<Date> to;
};

enum class MinuteNumbering { kContinuous, kPerMeeting };

struct Committee {
  std::string id;
  SourcePos pos;
  bool incomplete = false;
  std::string name;
  std::string short_name;  // optional, for breadcrumbs
  std::string organisation;
  std::string remit;    // Markdown; may be empty (a body the papers only mention)
  SourcePos remit_pos;  // where the remit text starts
  Ref contact;          // a person
  MinuteNumbering minute_numbering = MinuteNumbering::kPerMeeting;
  std::vector<Membership> members;
  std::vector<CoOptee> co_optees;
};

enum class MeetingStatus { kScheduled, kConfirmed, kHeld, kCancelled, kPostponed };

// A meeting's date, and its start time when the papers give one: a meeting
// whose time is "to be confirmed" has none, and no page fills one in.
struct MeetingStart {
  Date date;
  std::optional<TimeOfDay> time;
  auto operator<=>(const MeetingStart&) const = default;
  bool operator==(const MeetingStart&) const = default;
};

// formal: a meeting held in public (Local Government Act 1972, Part VA);
// informal: not open to the public (a workshop, a briefing, a task group);
// referenced: another body's meeting that papers here mention (full Council,
// a partnership board); its own papers are published elsewhere, if at all.
enum class MeetingKind { kFormal, kInformal, kReferenced };

struct Attendee {
  SourcePos pos;
  Ref person;
  std::string capacity;  // free text: "Cabinet member for children and families"
  Ref substitute_for;    // substitutes only: the member they replaced
  bool remote = false;   // took part online (a flag, so nobody is counted twice)
  bool operator==(const Attendee&) const = default;
};

struct Attendance {
  std::vector<Attendee> present;
  std::vector<Attendee> apologies;
  std::vector<Attendee> substitutes;
  std::vector<Attendee> also_attending;
  // Online only, and in no other list. A person listed under `remote:` and in
  // another list is that entry with `remote` set, not a second attendee.
  std::vector<Attendee> remote;
  bool operator==(const Attendance&) const = default;
};

struct Exemption {
  SourcePos pos;
  int paragraph = 0;  // paragraph of Schedule 12A, Local Government Act 1972
  std::string reason;
  bool operator==(const Exemption&) const = default;
};

struct AgendaItem {
  SourcePos pos;
  std::string number;  // "7", or for a sub-item "(1)"
  std::string title;
  std::string purpose;                 // Markdown, short
  std::optional<TimeOfDay> time_from;  // "10.05 to 11.00"
  std::optional<TimeOfDay> time_to;
  std::string pages;           // "11 - 30", kept for reference to the printed pack
  std::vector<Ref> documents;  // document ids in the same meeting
  std::optional<Exemption> exempt;
  std::string easy_read;  // a short easy-read summary
  SourcePos easy_read_pos;
  std::string
      picture;  // pictogram name (themes/default/pictograms/<name>.svg); "" = chosen
  Ref topic;    // optional: a topic id from content/topics.yaml
  // Officers, witnesses and guests invited to present the item; `capacity`
  // as printed ("Director of Public Health").
  std::vector<Attendee> invited;
  std::vector<AgendaItem> sub_items;
  // Full number for display and anchors: "1(2)" for sub-item (2) of item 1.
  std::string full_number;
  bool operator==(const AgendaItem&) const = default;
};

struct Meeting {
  std::string id;  // folder name: "2019-09-16-cyp-scrutiny"
  SourcePos pos;   // meeting.yaml
  bool incomplete = false;
  std::string dir;  // folder path, relative to the source root
  Ref committee;
  std::string title;  // optional; defaults to the committee's name
  MeetingStatus status = MeetingStatus::kScheduled;
  MeetingKind kind = MeetingKind::kFormal;
  // Whether the public may attend, when the papers say so (`open_to_public`);
  // else it follows from `kind` (OpenToPublic below).
  std::optional<bool> open_to_public;
  MeetingStart start;
  SourcePos start_pos, venue_pos;  // where `start` and `venue` are written
  std::optional<TimeOfDay> end;
  Ref venue;               // empty when venue_tbc or not given
  bool venue_tbc = false;  // `venue: tbc`: the papers do not say where yet
  std::string papers_url;  // referenced meetings: where the body publishes its papers
  std::string webcast;     // URL
  Ref contact;             // overrides the committee's contact officer
  std::string notice;      // Markdown: why cancelled or moved, shown in a banner
  std::string easy_read;   // easy-read summary of the whole meeting (short sentences)
  SourcePos easy_read_pos;
  Ref moved_to;  // postponed meetings: the meeting that replaces it
  // Raised by the clerk each time the time or venue changes (never lowered);
  // calendars derive their SEQUENCE from it (docs/content-format.md).
  int sequence = 0;
  Attendance attendance;
  std::vector<AgendaItem> agenda;
  std::vector<std::string> documents;  // ids of documents found in the folder, sorted
  bool has_minutes = false;
  bool operator==(const Meeting&) const = default;
};

enum class DocumentKind { kReport, kAppendix, kBriefing, kPlan, kOther };
enum class DocumentStatus { kDraft, kFinal };

// One author or contact officer of a paper: a person record, or only the
// words printed on the paper.
struct PaperPerson {
  SourcePos pos;
  Ref person;        // may be empty when only `name` is known
  std::string name;  // as printed, when there is no person record
  std::string role;  // as printed: "Head of Youth Justice"
  bool operator==(const PaperPerson&) const = default;
};

// An appendix published elsewhere (a PDF on another site): listed with the
// paper, never fetched.
struct ExternalAppendix {
  SourcePos pos;
  std::string title;
  std::string url;  // https:// or http://
  bool operator==(const ExternalAppendix&) const = default;
};

struct Recommendation {
  SourcePos pos;
  std::string id;    // "a", "1": stable within the document
  std::string text;  // Markdown, one paragraph
  bool operator==(const Recommendation&) const = default;
};

struct Document {
  std::string id;          // file stem
  std::string meeting_id;  // folder it lives in
  SourcePos pos;           // the .md file, line 1
  bool incomplete = false;
  std::string path;  // relative to the source root
  DocumentKind kind = DocumentKind::kReport;
  std::string title;
  std::string item;  // agenda item number it belongs to, "7" or "1(3)"
  SourcePos item_pos;
  // `author`/`author_role` or `authors:`; `contacts:` when the paper names
  // contact officers apart from its authors.
  std::vector<PaperPerson> authors;
  std::vector<PaperPerson> contacts;
  std::string organisation;
  DocumentStatus status = DocumentStatus::kFinal;
  bool exempt = false;               // classification: exempt
  std::optional<bool> key_decision;  // not known unless the paper says
  std::optional<Date> published;     // date of publication, when given
  std::vector<std::string> wards;
  std::vector<Recommendation> recommendations;
  std::vector<Ref> appendices;  // documents in the same meeting
  std::vector<ExternalAppendix> external_appendices;
  std::string pages;    // page range in the printed pack
  std::string summary;  // one or two sentences, plain text
  // `glossary:` the meaning this paper uses of terms that have several.
  std::vector<GlossaryChoice> glossary;
  // Pictures in the paper's meeting folder (file names: "chart.png"), which
  // its body may show as ![what it shows](chart.png); copied beside the
  // meeting's page.
  std::vector<std::string> images;
  std::string body;              // Markdown after the front matter (below)
  int body_line = 1;             // line of the body's first line in the file
  Fingerprint body_fingerprint;  // of `body`, set when the paper is loaded
  // Records read back from the record cache leave the body out (it is most
  // of their bytes, and an edit build needs few bodies): `body` is empty
  // and content/paper_body.h reads it from the file when it is needed.
  bool body_in_file_only = false;
  bool operator==(const Document&) const = default;
};

// A person-written easy-read version of a document: <document>.easy.md.
// Plain text: "## Question?" headings and one idea a paragraph.
struct EasyReadVersion {
  std::string meeting_id;
  std::string document_id;
  SourcePos pos;             // the .easy.md file
  std::string path;          // relative to the source root
  std::string written_from;  // front matter `written_from`: SHA-256 (hex) of the .md
  SourcePos written_from_pos;
  std::string document_sha256;  // SHA-256 (hex) of the document as it is now
  bool out_of_date = false;     // the two differ
  std::string body;
  int body_line = 1;
  bool operator==(const EasyReadVersion&) const = default;
};

enum class MinutesStatus { kDraft, kApproved };
// Minutes of a formal meeting, or the action notes of an informal one
// (front matter `kind: minutes | action-notes`).
enum class MinutesKind { kMinutes, kActionNotes };

// A resolution: a paragraph of minutes that starts with a bold "Resolved"
// (`**Resolved:**`, `**RESOLVED**`), with the list right after it unless that
// list holds only actions. Parsed once, when the minutes are loaded
// (content/minutes_records.h); every page and file reads these records.
struct MinuteResolution {
  SourcePos pos;           // its first line
  std::string id;          // anchor on the minutes page: "resolution-609-1"
  std::string text;        // Markdown as written: "**Resolved:** that ..." and its list
  bool with_list = false;  // the list that follows belongs to it
  bool operator==(const MinuteResolution&) const = default;
};

// What an action's fields say of it; kNotGiven when the minutes do not say.
enum class ActionStatus { kNotGiven, kOpen, kInProgress, kDone, kOverdue, kCancelled };

// An action: a paragraph or list item that starts with a bold "Action",
// optionally followed by its fields in brackets:
//   **Action** (owner: [Jo Bloggs](@/people/jo-bloggs), due: 2024-01-31,
//   status: done): circulate the figures.
// A field that is not written is not known: never filled with a default.
struct MinuteAction {
  SourcePos pos;           // its first line
  std::string id;          // anchor on the minutes page: "action-609-1"
  std::string text;        // Markdown as written after the lead and its fields
  Ref owner;               // a person record, when the owner is a link to one
  std::string owner_text;  // the owner as written (a link's words); "": not given
  std::optional<Date> due;
  ActionStatus status = ActionStatus::kNotGiven;
  bool operator==(const MinuteAction&) const = default;
};

struct MinuteSection {
  SourcePos pos;     // the `minutes:` entry in front matter
  int number = 0;    // 609
  std::string item;  // agenda item number: "5"
  SourcePos item_pos;
  std::string title;     // from the body heading "## 609 West Mercia ..."
  int heading_line = 0;  // line of that heading in the file, 0 if missing
  std::vector<MinuteResolution> resolutions;  // in the order written
  std::vector<MinuteAction> actions;
  bool operator==(const MinuteSection&) const = default;
};

struct Minutes {
  std::string meeting_id;
  SourcePos pos;
  std::string path;
  MinutesKind kind = MinutesKind::kMinutes;
  MinutesStatus status = MinutesStatus::kDraft;
  SourcePos status_pos;  // the `status` key
  Ref approved_at;       // the meeting that approved them
  std::vector<MinuteSection> sections;
  // Resolutions and actions written before the first minute heading (action
  // notes often have no numbered minutes).
  std::vector<MinuteResolution> resolutions;
  std::vector<MinuteAction> actions;
  std::string body;
  int body_line = 1;
  Fingerprint body_fingerprint;  // of `body`, set when the minutes are loaded
  // As Document's: once the checks have read it, and in records read back
  // from the record cache, `body` is empty and content/paper_body.h reads
  // it from the file when it is needed.
  bool body_in_file_only = false;
  bool operator==(const Minutes&) const = default;
};

enum class WhenKind { kMeeting, kTbc, kStanding, kMonth };

// A person named by a record (`gill-cox`, `@/people/gill-cox`) or only the
// words printed in the papers ("Young carers", "Ofsted"): witnesses of a
// work programme row.
struct PersonOrText {
  SourcePos pos;
  Ref person;        // empty when only `text` is known
  std::string text;  // as printed, when there is no person record
  bool operator==(const PersonOrText&) const = default;
};

struct WorkProgrammeRow {
  SourcePos pos;
  std::string topic;
  std::string description;  // Markdown, short
  std::string author;       // report author, as text ("Director of children's services")
  std::string scrutiny;     // form of scrutiny: "Pre-decision scrutiny", "Briefing", ...
  WhenKind when = WhenKind::kTbc;
  Ref meeting;       // when == kMeeting
  std::string item;  // the agenda item there that takes the topic; optional
  SourcePos item_pos;
  int year = 0, month = 0;  // when == kMonth (approximate)
  // How often the item comes round, as printed ("every meeting", "once a
  // year in July", "quarterly"); empty = the papers do not say, and no page
  // says "every meeting" for them.
  std::string cadence;
  std::optional<Date> last_report;      // when the committee last had a report on it
  std::vector<PersonOrText> witnesses;  // invited to give evidence
  std::vector<std::string> visits;      // visits planned for the topic, as text
  std::string notes;                    // plain text, as printed
  bool operator==(const WorkProgrammeRow&) const = default;
};

// A meeting of the programme with its deadlines: when reports are due and
// when the papers are published ("despatch").
struct ProgrammeMeeting {
  SourcePos pos;
  Ref meeting;
  std::optional<Date> report_deadline;
  std::optional<Date> publication;
  bool operator==(const ProgrammeMeeting&) const = default;
};

struct WorkProgramme {
  std::string id;
  SourcePos pos;
  Ref committee;
  std::string title;   // "Work programme 2019 to 2020"
  std::string period;  // "2019/20"
  std::vector<WorkProgrammeRow> rows;
  std::vector<ProgrammeMeeting> meetings;  // optional: deadlines per meeting
  bool operator==(const WorkProgramme&) const = default;
};

// A forward plan of key decisions (the notice English councils publish at
// least 28 days before a key decision): content/forward-plans/<id>.yaml.
enum class ExpectedKind { kDate, kMonth, kTbc };
enum class KeyDecision { kNotGiven, kYes, kNo, kUnknown };  // never defaulted
enum class DecisionAccess { kNotGiven, kOpen, kExempt, kPartExempt };

struct ForwardPlanEntry {
  SourcePos pos;
  std::string id;         // stable within the plan: anchor "decision-<id>"
  std::string reference;  // as printed: "FP/2019/042"; may be empty
  std::string title;
  std::string description;  // plain text
  SourcePos title_pos, description_pos;
  // The decision maker: a committee (`cabinet`), or the words printed
  // ("Cabinet member children and families").
  Ref decision_maker;
  std::string decision_maker_text;
  ExpectedKind expected = ExpectedKind::kTbc;
  Date expected_date;  // kDate: the day; kMonth: year and month (day 0)
  SourcePos expected_pos;
  KeyDecision key_decision = KeyDecision::kNotGiven;
  DecisionAccess access = DecisionAccess::kNotGiven;
  std::vector<int> exempt_paragraphs;  // Schedule 12A paragraphs, 1 to 7
  std::string exempt_reason;
  Ref contact;  // a person
  std::vector<std::string> wards;
  Ref meeting;  // optional: the meeting that takes the decision
  bool operator==(const ForwardPlanEntry&) const = default;
};

struct ForwardPlan {
  std::string id;  // file stem
  SourcePos pos;
  std::string title;  // "Forward plan of key decisions, September 2019"
  SourcePos title_pos;
  std::optional<Date> published;  // date of the notice, when given
  std::string period;             // "October 2019 to January 2020"
  Ref contact;                    // a person, for the whole plan
  std::vector<ForwardPlanEntry> entries;
  bool operator==(const ForwardPlan&) const = default;
};

// Everything loaded from a source tree. Maps are keyed by id and ordered, so
// iteration (and therefore output) is deterministic.
struct Site {
  std::string root;  // the --source directory
  // The build's date (`--today`, SOURCE_DATE_EPOCH or the clock, in the UK):
  // what "current member" and "upcoming" mean. Year 0 = not set.
  Date today;
  SiteConfig config;
  std::map<std::string, Committee> committees;
  std::map<std::string, Person> people;
  std::map<std::string, Venue> venues;
  bool venues_incomplete = false;  // venues.yaml could not be read
  std::map<std::string, GlossaryTerm> glossary;
  std::vector<GlossaryPattern> glossary_ignore;  // glossary.yaml `ignore_patterns:`
  std::map<std::string, Topic> topics;
  std::map<std::string, Meeting> meetings;
  // Keyed by "<meeting-id>/<document-id>".
  std::map<std::string, Document> documents;
  std::map<std::string, Minutes> minutes;  // keyed by meeting id
  // Person-written easy-read versions, keyed by "<meeting-id>/<document-id>".
  std::map<std::string, EasyReadVersion> easy_read_versions;
  std::map<std::string, WorkProgramme> work_programmes;
  std::map<std::string, ForwardPlan> forward_plans;
  // Meeting folder (or "@work-programmes", the record cache's entry for
  // content/work-programmes/) -> fingerprint of what its records were loaded
  // from (incremental/records_fingerprint.h); filled when loading through a
  // cache.
  std::map<std::string, Fingerprint> folder_records;
};

// Entries of a map from `first` up to `last`, to walk with a range for.
// (Not std::ranges::subrange: clang 14, which builds the fuzz targets,
// cannot compile libstdc++ 12's.)
template <typename It>
struct EntryRange {
  It first, last;
  It begin() const { return first; }
  It end() const { return last; }
};

// The entries of a map keyed "<meeting-id>/<id>" (Site::documents,
// Site::easy_read_versions) that belong to meeting `meeting`, in key order:
// from "<meeting>/" up to "<meeting>0", '0' being the character after '/'.
// Extracting an entry of the range leaves the rest of it valid.
template <typename Map>
auto OfMeeting(Map& map, const std::string& meeting) {
  return EntryRange<decltype(map.begin())>{map.lower_bound(meeting + '/'),
                                           map.lower_bound(meeting + '0')};
}

const char* ToString(MemberRole role);   // "Chair", "Vice-chair", "Member"
const char* ToString(MeetingKind kind);  // "Formal", "Informal", ...
// Whether the public may attend: what the papers say, else what the kind
// means (formal: yes, informal: no); nullopt when not known.
std::optional<bool> OpenToPublic(const Meeting& m);
// A membership from..to (either may be open) holds on `today`; with no
// date set (year 0), only one without an end date is current.
bool IsCurrent(const std::optional<Date>& from, const std::optional<Date>& to,
               const Date& today);
// "Chairman (elect)": the role as printed, or the kind's name.
std::string RoleTitle(const Membership& m);
const char* ToString(MeetingStatus status);  // "Scheduled", ...
const char* ToString(DocumentKind kind);     // "Report", "Appendix", ...
const char* ToString(DocumentStatus status);
const char* ToString(MinutesStatus status);
const char* ToString(MinutesKind kind);     // "Minutes", "Action notes"
const char* ToString(ActionStatus status);  // "Done", ...; "" when not given

}  // namespace clerk
