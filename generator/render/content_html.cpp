#include "render/content_html.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "content/minutes_records.h"
#include "content/paper_body.h"
#include "content/yaml_reader.h"
#include "files/program_identity.h"
#include "model/parallel.h"
#include "render/packed_text.h"
#include "render/urls.h"

namespace clerk {
namespace {

// Renders fragments that will share one page, keeping their ids apart.
class PageFragments {
 public:
  // `site_links` collects every "@/" link of the fragments, for checking.
  PageFragments(std::vector<std::string> reserved,
                std::vector<MarkdownSiteLink>* site_links)
      : reserved_(std::move(reserved)), site_links_(site_links) {}

  // `mark_decisions`: minutes, whose resolutions and actions (set by Mark)
  // are wrapped with their ids.
  MarkdownResult Render(const std::string& text, const SourcePos& pos, int heading_offset,
                        const std::string& id_prefix, Diagnostics& diag,
                        bool mark_decisions = false, const std::string& caption = "",
                        bool number_paragraphs = false) {
    MarkdownOptions options;
    if (mark_decisions) options.marked_blocks = marks_;
    options.number_paragraphs = number_paragraphs;
    options.heading_offset = heading_offset;
    options.reserved_ids = reserved_;
    options.id_prefix = id_prefix;
    options.first_table_number = next_table_;
    options.caption_fallback = caption;
    options.images = images_;
    options.images_base = images_base_;
    YamlTextPositions positions = std::exchange(next_positions_, {});
    if (!positions.empty())
      options.map_position = [&positions](int l, int c) { return positions.At(l, c); };
    MarkdownResult r = RenderMarkdown(text, pos, options, diag);
    reserved_.insert(reserved_.end(), r.ids.begin(), r.ids.end());
    next_table_ += r.tables;
    site_links_->insert(site_links_->end(), r.site_links.begin(), r.site_links.end());
    return r;
  }

 private:
  std::vector<std::string> reserved_;
  std::vector<MarkdownSiteLink>* site_links_;
  int next_table_ = 1;
  std::vector<MarkedBlock> marks_;

 public:
  void Mark(std::vector<MarkedBlock> marks) { marks_ = std::move(marks); }
  // The next text rendered comes from YAML: positions in it are looked up
  // in its file (a problem on line 7 of `notice: |` is on line 7 of it).
  void FromYaml(YamlTextPositions positions) { next_positions_ = std::move(positions); }
  // The fragments are a paper's: pictures come from its meeting folder.
  void Pictures(const Document& doc) {
    images_ = &doc.images;
    images_base_ = urls::MeetingFile(doc.meeting_id, "");
  }

 private:
  YamlTextPositions next_positions_;
  const std::vector<std::string>* images_ = nullptr;
  std::string images_base_;
};

void RenderPurposes(const std::vector<AgendaItem>& items, PageFragments& page,
                    AgendaHtml& out, Diagnostics& diag) {
  for (const AgendaItem& item : items) {
    if (!item.purpose.empty()) {
      page.FromYaml({item.pos, {"purpose"}, item.purpose});
      out.purposes[item.full_number] =
          page.Render(item.purpose, item.pos, 3, "item-" + item.full_number, diag).html;
    }
    RenderPurposes(item.sub_items, page, out, diag);
  }
}

AgendaHtml RenderAgenda(const Meeting& m, std::vector<MarkdownSiteLink>* site_links,
                        Diagnostics& diag) {
  AgendaHtml out;
  PageFragments page(TemplateIds(), site_links);
  if (!m.notice.empty()) {
    page.FromYaml({m.pos, {"notice"}, m.notice});
    out.notice = page.Render(m.notice, m.pos, 2, "notice", diag).html;
  }
  RenderPurposes(m.agenda, page, out, diag);
  return out;
}

void AddPurposes(Hasher& h, const std::vector<AgendaItem>& items) {
  for (const AgendaItem& item : items) {
    h.Add(item.full_number).Add(item.purpose).Add(item.pos).Add("(");
    AddPurposes(h, item.sub_items);
    h.Add(")");
  }
}

// What RenderAgenda and RenderMinutes read, as BodySource is for papers.
Fingerprint AgendaSource(const Meeting& m) {
  Hasher h;
  h.Add(ProgramIdentity()).Add("agenda").Add(m.notice).Add(m.pos);
  AddPurposes(h, m.agenda);
  return h.Finish();
}

Fingerprint MinutesSource(const Minutes& m) {
  Hasher h;
  h.Add(ProgramIdentity()).Add("minutes").Add(m.path).Add(std::to_string(m.body_line));
  h.Add(m.body_fingerprint);
  for (const MinuteSection& s : m.sections)
    h.Add(std::to_string(s.number)).Add(std::to_string(s.heading_line));
  return h.Finish();
}

void AddMarks(const std::vector<MinuteResolution>& resolutions,
              const std::vector<MinuteAction>& actions, std::vector<MarkedBlock>& out) {
  for (const MinuteResolution& r : resolutions)
    out.push_back({r.pos.line, "resolution", r.id, r.with_list});
  for (const MinuteAction& a : actions)
    out.push_back({a.pos.line, "action", a.id, false});
}

MinutesHtml RenderMinutes(const Minutes& minutes,
                          std::vector<MarkdownSiteLink>* site_links, Diagnostics& diag) {
  // The body cut at its minute headings (content/minutes_records.h); each
  // minute's text is rendered on its own so the page can give it its anchor
  // and links. Resolutions and actions are the records the loader found.
  std::optional<std::string> body = MinutesBody(minutes, diag);
  if (!body) return {};
  std::vector<MinutesPiece> pieces = SplitMinutes(minutes, *body);
  std::string().swap(*body);
  std::vector<std::string> reserved = TemplateIds();
  reserved.push_back("minutes-actions");  // the page's table of actions
  std::vector<MarkedBlock> marks;
  AddMarks(minutes.resolutions, minutes.actions, marks);
  for (const MinuteSection& s : minutes.sections) {
    reserved.push_back(urls::MinuteAnchor(s.number));
    AddMarks(s.resolutions, s.actions, marks);
  }
  for (const MarkedBlock& m : marks) reserved.push_back(m.id);
  PageFragments page(reserved, site_links);
  page.Mark(std::move(marks));
  MinutesHtml out;
  out.sections.reserve(pieces.size());
  for (const MinutesPiece& p : pieces) {
    SourcePos at{minutes.path, p.first_line, 1};
    if (p.number < 0) {
      bool blank = p.text.find_first_not_of(" \t\r\n") == std::string::npos;
      if (blank) continue;
      MarkdownResult r = page.Render(p.text, at, 1, "intro", diag, true);
      out.preamble = std::move(r.html);
      for (MarkdownDecision& d : r.decisions) out.decision_html[d.id] = std::move(d.html);
      continue;
    }
    MinuteHtml m;
    m.number = p.number;
    m.title = p.title;
    MarkdownResult r = page.Render(p.text, at, 2, "minute-" + std::to_string(p.number),
                                   diag, true, p.title);
    m.html = std::move(r.html);
    for (MarkdownDecision& d : r.decisions) out.decision_html[d.id] = std::move(d.html);
    out.sections.push_back(std::move(m));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& TemplateIds() {
  static const std::vector<std::string> ids = {
      "main-content", "banner-title", "summary",    "recommendations", "appendices",
      "details",      "agenda",       "attendance", "minutes",         "papers",
      "remit",        "members",      "co-optees",  "meetings",        "work-programmes",
      "contact",      "roles",        "documents",  "upcoming",        "latest-papers",
      "committees",   "contents",     "document",   "planned",         "deadlines",
      "forward-plan", "topics"};
  return ids;
}

namespace {

// A paper's body and recommendations, rendered; its "@/" links go to `links`.
DocumentHtml RenderDocument(const Document& doc, std::vector<MarkdownSiteLink>* links,
                            Diagnostics& diag) {
  std::vector<std::string> reserved = TemplateIds();
  for (const Recommendation& r : doc.recommendations) reserved.push_back("rec-" + r.id);
  PageFragments page(reserved, links);
  page.Pictures(doc);
  DocumentHtml html;
  for (const Recommendation& r : doc.recommendations) {
    page.FromYaml({r.pos, {"text"}, r.text});
    html.recommendations[r.id] = page.Render(r.text, r.pos, 3, "rec-" + r.id, diag).html;
  }
  // Exempt papers are checked like any other but their body is not
  // published (the page says why).
  std::optional<std::string> text = PaperBody(doc, diag);
  if (!text) return html;
  MarkdownResult body = page.Render(*text, SourcePos{doc.path, doc.body_line, 1}, 1, "",
                                    diag, false, doc.title, true);
  if (!doc.exempt) {
    html.body = std::move(body.html);
    html.headings = std::move(body.headings);
  }
  return html;
}

}  // namespace

Fingerprint BodySource(const Document& doc) {
  Hasher h;
  h.Add(ProgramIdentity()).Add(doc.path).Add(std::to_string(doc.body_line));
  h.Add(doc.body_fingerprint);
  h.Add(doc.title).Add(doc.exempt ? "exempt" : "open");
  for (const std::string& image : doc.images) h.Add(image);
  for (const Recommendation& r : doc.recommendations) {
    h.Add(r.id).Add(r.text).Add(r.pos);
  }
  return h.Finish();
}

// Every HTML text of a rendered paper, minutes or agenda, in one order: what
// the kept budget counts (kKeptHtml) and what is packed past it.
template <typename F>
void ForEachText(DocumentHtml& html, F f) {
  f(html.body);
  for (auto& [id, text] : html.recommendations) f(text);
}
template <typename F>
void ForEachText(MinutesHtml& html, F f) {
  f(html.preamble);
  for (MinuteHtml& section : html.sections) f(section.html);
  for (auto& [id, text] : html.decision_html) f(text);
}
// Agendas have no budget, so are never packed: no texts to count.
template <typename F>
void ForEachText(AgendaHtml&, F) {}

// What may be kept of one kind's HTML as it is (kKeptHtml), and what is:
// shared by the Markdown stage's threads and the pages'.
struct HtmlBudget {
  size_t bytes = SIZE_MAX;
  std::atomic<size_t> kept{0};

  // Takes `more` from what may be kept, if it fits.
  bool Take(size_t more) {
    if (kept.fetch_add(more) + more <= bytes) return true;
    kept.fetch_sub(more);
    return false;
  }
};

// A rendered text as it is kept: whole, or (past the budget) with its texts
// packed together, each after its length (4 bytes, low first), and emptied.
template <typename Html>
struct KeptText {
  Html html;
  std::optional<PackedText> texts;
};

// `html` to keep: whole while it fits `budget`, else with its texts packed.
// With no budget, whole: agendas are never packed (a twentieth of the text,
// and a meeting page asks for its agenda once an item).
template <typename Html>
std::unique_ptr<KeptText<Html>> Keep(Html html, HtmlBudget* budget) {
  auto kept = std::make_unique<KeptText<Html>>();
  if (!budget) {
    kept->html = std::move(html);
    return kept;
  }
  size_t bytes = 0;
  ForEachText(html, [&](const std::string& text) { bytes += text.size(); });
  if (!budget->Take(bytes)) {
    std::string joined;
    joined.reserve(bytes + 64);
    ForEachText(html, [&](std::string& text) {
      const auto size = static_cast<uint32_t>(text.size());
      for (int shift = 0; shift < 32; shift += 8)
        joined += static_cast<char>((size >> shift) & 0xff);
      joined += text;
      std::string().swap(text);
    });
    kept->texts = Pack(joined);
  }
  kept->html = std::move(html);
  return kept;
}

// What a page reads: the kept text itself (not owned by the pointer), or a
// copy of it with its texts unpacked (owned).
template <typename Html>
std::shared_ptr<const Html> Open(const KeptText<Html>& kept) {
  if (!kept.texts)
    return std::shared_ptr<const Html>(std::shared_ptr<const Html>(), &kept.html);
  auto copy = std::make_shared<Html>(kept.html);
  const std::string joined = Unpack(*kept.texts);
  size_t at = 0;
  ForEachText(*copy, [&](std::string& text) {
    if (joined.size() - at < 4) throw std::runtime_error("packed HTML is cut short");
    uint32_t size = 0;
    for (int i = 0; i < 4; ++i)
      size |= uint32_t{static_cast<unsigned char>(joined[at + i])} << (8 * i);
    at += 4;
    if (joined.size() - at < size) throw std::runtime_error("packed HTML is cut short");
    text.assign(joined, at, size);
    at += size;
  });
  return copy;
}

// Texts rendered now, and those left for later, one entry a text in key
// order: a vector filled in that order, not two maps of 64,000 nodes (and a
// flag object each) made and freed on every build of a large site. The
// first page to ask for a text left for later renders it, exactly once,
// under one of a few locks (by the text's place), so pages asking for
// different texts seldom wait for each other.
template <typename Record, typename Html>
struct LazyMap {
  using Kept = KeptText<Html>;
  struct Entry {
    std::string_view key;  // the site's own string (a paper's key, a meeting's id)
    const Record* record = nullptr;
    std::unique_ptr<Kept> now;  // rendered by RenderContent, or null
  };
  std::vector<Entry> entries;
  // By entry: a text rendered later, once it is (owned here).
  std::unique_ptr<std::atomic<Kept*>[]> later;
  static constexpr size_t kLocks = 64;
  mutable std::array<std::mutex, kLocks> locks;
  mutable std::mutex errors_mutex;
  mutable Diagnostics errors;    // of rendering later
  HtmlBudget* budget = nullptr;  // kKeptHtml, for the pages' renders too; none: whole

  LazyMap() = default;
  LazyMap(const LazyMap&) = delete;
  LazyMap& operator=(const LazyMap&) = delete;
  ~LazyMap() {
    if (!later) return;
    for (size_t i = 0; i < entries.size(); ++i) delete later[i].load();
  }

  // `kept` rendered now, or else (null) a note to render `record` when a
  // page first asks. Then Seal, once all are in.
  void Add(std::string_view key, const Record* record, std::unique_ptr<Kept> kept) {
    entries.push_back({key, record, std::move(kept)});
  }
  void Seal() {
    auto by_key = [](const Entry& a, const Entry& b) { return a.key < b.key; };
    if (!std::is_sorted(entries.begin(), entries.end(), by_key))
      std::stable_sort(entries.begin(), entries.end(), by_key);
    later.reset(new std::atomic<Kept*>[entries.size()]());
  }

  template <typename RenderFn>
  std::shared_ptr<const Html> Find(const std::string& key, RenderFn render,
                                   std::atomic<size_t>& rendered) const {
    auto it = std::lower_bound(
        entries.begin(), entries.end(), key,
        [](const Entry& entry, std::string_view k) { return entry.key < k; });
    if (it == entries.end() || it->key != key) return nullptr;
    if (it->now) return Open(*it->now);
    const size_t i = static_cast<size_t>(it - entries.begin());
    if (Kept* done = later[i].load(std::memory_order_acquire)) return Open(*done);
    std::lock_guard<std::mutex> lock(locks[i % kLocks]);
    if (Kept* done = later[i].load(std::memory_order_acquire)) return Open(*done);
    // Rendered before from the same source without a warning: nothing new
    // to report, so the links and warnings are not kept. An error (the file
    // changed while building) is.
    std::vector<MarkdownSiteLink> links;
    Diagnostics diag;
    std::unique_ptr<Kept> kept = Keep(render(*it->record, &links, diag), budget);
    ++rendered;
    if (diag.ErrorCount() > 0) {
      std::lock_guard<std::mutex> errors_lock(errors_mutex);
      errors.Merge(diag);
    }
    later[i].store(kept.get(), std::memory_order_release);
    return Open(*kept.release());
  }
};

struct RenderedContent::Lazy {
  Lazy() {
    papers.budget = &papers_budget;
    minutes.budget = &minutes_budget;
  }
  HtmlBudget papers_budget, minutes_budget;
  LazyMap<clerk::Document, DocumentHtml> papers;
  LazyMap<clerk::Minutes, MinutesHtml> minutes;
  LazyMap<Meeting, AgendaHtml> agendas;  // kept whole
  mutable std::atomic<size_t> papers_rendered{0}, meeting_texts_rendered{0};
};

namespace {

// What RenderContent rendered of one paper, minutes or agenda.
struct RenderedNow {
  std::unique_ptr<KeptText<DocumentHtml>> document;
  std::unique_ptr<KeptText<MinutesHtml>> minutes;
  std::unique_ptr<KeptText<AgendaHtml>> agenda;
  Diagnostics diag;
};

// One paper, minutes or agenda of RenderContent: its key in `bodies`, what it
// is rendered from, its links, and its HTML only if it was rendered now. An
// edit build leaves nearly all for later (64,000 at N = 10,000), so a slot
// holds no empty HTML structures to make and free.
struct ContentSlot {
  std::string key;
  Fingerprint source;
  SiteLinkList site_links;
  std::unique_ptr<RenderedNow> now;  // null: left for later
};

// Into `lazy`, counted in `rendered` if it was rendered now.
template <typename Lazy, typename Record, typename Kept>
void KeepSlot(Lazy& lazy, std::string_view key, const Record* record,
              std::unique_ptr<Kept> kept, std::atomic<size_t>& rendered) {
  if (kept) ++rendered;
  lazy.Add(key, record, std::move(kept));
}

}  // namespace

RenderedContent::RenderedContent() : lazy_(std::make_unique<Lazy>()) {}
RenderedContent::~RenderedContent() = default;
RenderedContent::RenderedContent(RenderedContent&&) noexcept = default;
RenderedContent& RenderedContent::operator=(RenderedContent&&) noexcept = default;

std::shared_ptr<const DocumentHtml> RenderedContent::Document(
    const std::string& key) const {
  return lazy_->papers.Find(key, RenderDocument, lazy_->papers_rendered);
}

std::shared_ptr<const MinutesHtml> RenderedContent::Minutes(
    const std::string& meeting_id) const {
  return lazy_->minutes.Find(meeting_id, RenderMinutes, lazy_->meeting_texts_rendered);
}

std::shared_ptr<const AgendaHtml> RenderedContent::Agenda(
    const std::string& meeting_id) const {
  return lazy_->agendas.Find(meeting_id, RenderAgenda, lazy_->meeting_texts_rendered);
}

Diagnostics RenderedContent::TakeLateErrors() {
  Diagnostics all;
  for (auto* errors :
       {&lazy_->papers.errors, &lazy_->minutes.errors, &lazy_->agendas.errors})
    all.Merge(*errors);
  lazy_->papers.errors = lazy_->minutes.errors = lazy_->agendas.errors = Diagnostics();
  return all;
}

size_t RenderedContent::DocumentsRendered() const {
  return lazy_->papers_rendered;
}

size_t RenderedContent::MeetingTextsRendered() const {
  return lazy_->meeting_texts_rendered;
}

std::vector<const std::vector<SiteLink>*> RenderedContent::SiteLinks() const {
  std::vector<const std::vector<SiteLink>*> lists = {&site_links};
  lists.reserve(bodies.size() + 1);
  for (const auto& [key, body] : bodies) {
    if (!body.site_links.empty()) lists.push_back(&body.site_links.links());
  }
  return lists;
}

std::vector<const std::vector<SiteLink>*> RenderedContent::FileSiteLinks() const {
  std::vector<const std::vector<SiteLink>*> lists = {&site_links};
  for (const auto& [key, body] : bodies) {
    if (body.site_links.to_files()) lists.push_back(&body.site_links.links());
  }
  return lists;
}

namespace {

// The committees' remits, each rendered on its own.
void RenderRemits(const Site& site, RenderedContent& out, Diagnostics& diag) {
  for (const auto& [id, c] : site.committees) {
    if (c.remit.empty()) continue;
    PageFragments page(TemplateIds(), &out.site_links);
    page.FromYaml({c.remit_pos, {}, c.remit, true});
    out.remits[id] =
        page.Render(c.remit, c.remit_pos, 2, "remit", diag, false, "Remit").html;
  }
}

using KnownBodyMap = std::map<std::string, BodySummary>;
using KnownEntry = KnownBodyMap::value_type;

// Walks `known` forward from the first key that starts with `prefix`,
// finding the entries of keys "<prefix><id>" asked for in key order: a step
// or two each, not a search from the root (64,000 searches of long keys
// alike in their first bytes were a fifth of an edit's Markdown stage).
// Asked out of order, it finds nothing, which only costs the caller a look
// at the record itself.
class KnownCursor {
 public:
  // From the entry of "<prefix><first>", or the first after it.
  KnownCursor(const KnownBodyMap& known, std::string_view prefix, std::string_view first)
      : it_(known.lower_bound(std::string(prefix).append(first))),
        end_(known.end()),
        prefix_(prefix) {}

  const KnownEntry* Find(std::string_view id) {
    while (it_ != end_ && Compare(it_->first, id) < 0) ++it_;
    return it_ != end_ && Compare(it_->first, id) == 0 ? &*it_ : nullptr;
  }

 private:
  // `key` against "<prefix_><id>", as std::string compares them.
  int Compare(std::string_view key, std::string_view id) const {
    const size_t head = std::min(key.size(), prefix_.size());
    if (int c = key.substr(0, head).compare(prefix_.substr(0, head))) return c;
    if (key.size() < prefix_.size()) return -1;
    return key.substr(prefix_.size()).compare(id);
  }

  KnownBodyMap::const_iterator it_, end_;
  std::string_view prefix_;
};

// The papers, minutes and agendas of a site in one numbering, one record
// each: papers, then minutes, then agendas, each in key order. With
// `known` and `only_meetings` (an edit of those meetings alone), each record
// of another meeting that `known` has is taken as it has it; only the
// others are "open", to be rendered or checked, each in a slot of its own.
struct ContentRecords {
  ContentRecords(const Site& site, const KnownBodyMap* known,
                 const std::set<std::string>* only_meetings, int jobs) {
    for (const auto& [key, doc] : site.documents) documents.push_back({&key, &doc});
    for (const auto& [id, m] : site.minutes) minutes.push_back(&m);
    for (const auto& [id, m] : site.meetings) meetings.push_back(&m);
    first_minutes = documents.size();
    first_agenda = first_minutes + minutes.size();
    if (known && only_meetings) Take(*known, *only_meetings, jobs);
    for (size_t i = 0; i < size(); ++i)
      if (!Taken(i)) open.push_back(i);
  }
  size_t size() const { return first_agenda + meetings.size(); }
  // Record i's entry in `known`, if taken as it is there.
  const KnownEntry* Taken(size_t i) const { return taken.empty() ? nullptr : taken[i]; }

  std::vector<std::pair<const std::string*, const clerk::Document*>> documents;
  std::vector<const Minutes*> minutes;
  std::vector<const Meeting*> meetings;
  size_t first_minutes = 0;
  size_t first_agenda = 0;
  std::vector<size_t> open;  // the records not taken, in order

 private:
  // Record i's key in `known` is "<Prefix(i)><Id(i)>"; it is of MeetingOf(i).
  std::string_view Prefix(size_t i) const {
    return i < first_minutes ? "" : i < first_agenda ? "minutes:" : "agenda:";
  }
  const std::string& Id(size_t i) const {
    return i < first_minutes  ? *documents[i].first
           : i < first_agenda ? minutes[i - first_minutes]->meeting_id
                              : meetings[i - first_agenda]->id;
  }
  const std::string& MeetingOf(size_t i) const {
    return i < first_minutes ? documents[i].second->meeting_id : Id(i);
  }

  // In pieces side by side, each of one kind, with its own cursor: one walk
  // of 64,000 records waits on memory at every step.
  void Take(const KnownBodyMap& known, const std::set<std::string>& only_meetings,
            int jobs) {
    taken.assign(size(), nullptr);
    std::vector<std::pair<size_t, size_t>> pieces;
    const size_t per_kind = static_cast<size_t>(std::max(1, jobs)) * 4;
    for (auto [from, to] :
         {std::pair{size_t{0}, first_minutes}, std::pair{first_minutes, first_agenda},
          std::pair{first_agenda, size()}}) {
      const size_t step = std::max<size_t>(1, (to - from + per_kind - 1) / per_kind);
      for (size_t at = from; at < to; at += step)
        pieces.emplace_back(at, std::min(to, at + step));
    }
    ParallelFor(pieces.size(), jobs, [&](size_t p, int) {
      auto [from, to] = pieces[p];
      KnownCursor cursor(known, Prefix(from), Id(from));
      for (size_t i = from; i < to; ++i)
        if (!only_meetings.count(MeetingOf(i))) taken[i] = cursor.Find(Id(i));
    });
  }

  std::vector<const KnownEntry*> taken;  // by record; empty: none taken
};

// Slot i's key in RenderedContent::bodies, and what it is rendered from.
void IdentifySlot(const ContentRecords& records, size_t i, ContentSlot& slot) {
  if (i < records.first_minutes) {
    slot.key = *records.documents[i].first;
    slot.source = BodySource(*records.documents[i].second);
  } else if (i < records.first_agenda) {
    const Minutes& m = *records.minutes[i - records.first_minutes];
    slot.key = "minutes:" + m.meeting_id;
    slot.source = MinutesSource(m);
  } else {
    const Meeting& m = *records.meetings[i - records.first_agenda];
    slot.key = "agenda:" + m.id;
    slot.source = AgendaSource(m);
  }
}

// The budgets (kKeptHtml) of the kinds that are packed past one.
struct KindBudgets {
  HtmlBudget& papers;
  HtmlBudget& minutes;
};

// Renders slot i now, with its links; its texts are packed once past their
// kind's budget.
void RenderSlot(const ContentRecords& records, size_t i, ContentSlot& slot,
                const KindBudgets& budgets) {
  slot.now = std::make_unique<RenderedNow>();
  RenderedNow& now = *slot.now;
  std::vector<MarkdownSiteLink> links;
  if (i < records.first_minutes)
    now.document = Keep(RenderDocument(*records.documents[i].second, &links, now.diag),
                        &budgets.papers);
  else if (i < records.first_agenda)
    now.minutes =
        Keep(RenderMinutes(*records.minutes[i - records.first_minutes], &links, now.diag),
             &budgets.minutes);
  else
    now.agenda =
        Keep(RenderAgenda(*records.meetings[i - records.first_agenda], &links, now.diag),
             nullptr);
  slot.site_links = std::move(links);
}

// Papers, minutes and agendas are most of the text: the open records
// (ContentRecords) rendered side by side, each into its own slot, to be
// gathered in key order so the result does not depend on the threads. One
// the last build rendered clean from the same source (in `known`) is left
// for later, with the links it had.
std::vector<ContentSlot> RenderSlots(const ContentRecords& records, int jobs,
                                     const KnownBodyMap* known,
                                     const KindBudgets& budgets) {
  std::vector<ContentSlot> slots(records.open.size());
  ParallelFor(slots.size(), jobs, [&](size_t j, int) {
    const size_t i = records.open[j];
    ContentSlot& slot = slots[j];
    IdentifySlot(records, i, slot);
    if (known) {
      auto it = known->find(slot.key);
      if (it != known->end() && it->second.source == slot.source) {
        slot.site_links = it->second.site_links;
        return;
      }
    }
    RenderSlot(records, i, slot, budgets);
  });
  return slots;
}

// Calls `taken(i, entry)` or `rendered(i, slot)` for each record i from
// `from` to `to`, in order: its entry in `known`, or its slot.
template <typename Taken, typename Rendered>
void EachRecord(const ContentRecords& records, std::vector<ContentSlot>& slots,
                size_t from, size_t to, Taken taken, Rendered rendered) {
  size_t j = static_cast<size_t>(
      std::lower_bound(records.open.begin(), records.open.end(), from) -
      records.open.begin());
  for (size_t i = from; i < to; ++i) {
    if (const KnownEntry* entry = records.Taken(i))
      taken(i, *entry);
    else
      rendered(i, slots[j++]);
  }
}

// The records' summaries into `bodies`, in key order, each in at the end:
// papers ("<date>-..."), then "agenda:...", then "minutes:...".
void SummariseSlots(const ContentRecords& records, std::vector<ContentSlot>& slots,
                    KnownBodyMap& bodies) {
  auto summarise = [&](size_t from, size_t to) {
    EachRecord(
        records, slots, from, to,
        [&](size_t, const KnownEntry& entry) {
          bodies.emplace_hint(bodies.end(), entry.first,
                              BodySummary{entry.second.source, entry.second.site_links});
        },
        [&](size_t, const ContentSlot& slot) {
          const bool clean = !slot.now || (slot.now->diag.ErrorCount() == 0 &&
                                           slot.now->diag.WarningCount() == 0);
          bodies.emplace_hint(bodies.end(), slot.key,
                              BodySummary{slot.source, slot.site_links, clean});
        });
  };
  summarise(0, records.first_minutes);
  summarise(records.first_agenda, records.size());
  summarise(records.first_minutes, records.first_agenda);
}

// Each record into its map of `lazy` (RenderedContent::Lazy): now
// (rendered) or later (with its record).
template <typename Lazy>
void KeepSlots(const ContentRecords& records, std::vector<ContentSlot>& slots,
               Lazy& lazy) {
  lazy.papers.entries.reserve(records.first_minutes);
  lazy.minutes.entries.reserve(records.first_agenda - records.first_minutes);
  lazy.agendas.entries.reserve(records.meetings.size());
  auto keep = [&](size_t i, ContentSlot* slot) {
    RenderedNow* now = slot ? slot->now.get() : nullptr;
    if (i < records.first_minutes) {
      KeepSlot(lazy.papers, *records.documents[i].first, records.documents[i].second,
               now ? std::move(now->document) : nullptr, lazy.papers_rendered);
    } else if (i < records.first_agenda) {
      const Minutes* m = records.minutes[i - records.first_minutes];
      KeepSlot(lazy.minutes, m->meeting_id, m, now ? std::move(now->minutes) : nullptr,
               lazy.meeting_texts_rendered);
    } else {
      const Meeting* m = records.meetings[i - records.first_agenda];
      KeepSlot(lazy.agendas, m->id, m, now ? std::move(now->agenda) : nullptr,
               lazy.meeting_texts_rendered);
    }
  };
  EachRecord(
      records, slots, 0, records.size(),
      [&](size_t i, const KnownEntry&) { keep(i, nullptr); },
      [&](size_t i, ContentSlot& slot) { keep(i, &slot); });
  lazy.papers.Seal();
  lazy.minutes.Seal();
  lazy.agendas.Seal();
}

// What a work programme's rows render from.
Fingerprint ProgrammeSource(const WorkProgramme& wp) {
  Hasher h;
  h.Add(std::to_string(wp.rows.size()));
  for (const WorkProgrammeRow& row : wp.rows) h.Add(row.description).Add(row.pos);
  return h.Finish();
}

// The descriptions of a work programme's rows ("" for a row without one).
void RenderProgrammeRows(const WorkProgramme& wp, ProgrammeTexts::Programme& slot) {
  PageFragments page(TemplateIds(), &slot.links);
  for (size_t i = 0; i < wp.rows.size(); ++i) {
    const WorkProgrammeRow& row = wp.rows[i];
    if (!row.description.empty())
      page.FromYaml({row.pos, {"description"}, row.description});
    slot.rows.push_back(row.description.empty()
                            ? std::string()
                            : page.Render(row.description, row.pos, 3,
                                          "row-" + std::to_string(i + 1), slot.diag)
                                  .html);
  }
}

// Work programmes (a thousand on a large site) side by side too, each into
// its own slot, gathered in order. With `reuse`, from `kept` where their
// rows are as they were; `kept` is then replaced by them.
void RenderWorkProgrammes(const Site& site, int jobs, ProgrammeTexts* kept, bool reuse,
                          RenderedContent& out, Diagnostics& diag) {
  std::vector<std::pair<const std::string*, const WorkProgramme*>> programmes;
  for (const auto& [id, wp] : site.work_programmes) programmes.emplace_back(&id, &wp);
  std::vector<ProgrammeTexts::Programme> slots(programmes.size());
  ParallelFor(programmes.size(), jobs, [&](size_t w, int) {
    const WorkProgramme& wp = *programmes[w].second;
    ProgrammeTexts::Programme& slot = slots[w];
    slot.source = ProgrammeSource(wp);
    // Each slot takes a different entry: no two threads touch one.
    auto it =
        kept ? kept->by_id.find(*programmes[w].first) : ProgrammeTexts::Map::iterator();
    if (reuse && kept && it != kept->by_id.end() && it->second.source == slot.source)
      slot = std::move(it->second);
    else
      RenderProgrammeRows(wp, slot);
  });
  ProgrammeTexts now;
  size_t w = 0;
  for (const auto& [id, wp] : site.work_programmes) {
    ProgrammeTexts::Programme& slot = slots[w++];
    out.work_programme_rows[id] = slot.rows;
    out.site_links.insert(out.site_links.end(), slot.links.begin(), slot.links.end());
    diag.Merge(slot.diag);
    if (kept) now.by_id.emplace_hint(now.by_id.end(), id, std::move(slot));
  }
  if (kept) *kept = std::move(now);
}

void RenderAccessibility(const Site& site, RenderedContent& out, Diagnostics& diag) {
  if (site.config.accessibility.empty()) return;
  PageFragments page(TemplateIds(), &out.site_links);
  page.FromYaml(
      {site.config.pos, {"accessibility", "statement"}, site.config.accessibility});
  out.accessibility =
      page.Render(site.config.accessibility, site.config.pos, 1, "statement", diag).html;
}

}  // namespace

RenderedContent RenderContent(const Site& site, Diagnostics& diag, int jobs,
                              const std::map<std::string, BodySummary>* known,
                              const std::set<std::string>* only_meetings,
                              ProgrammeTexts* programmes, size_t kept_html) {
  RenderedContent out;
  RenderRemits(site, out, diag);
  const ContentRecords records(site, known, only_meetings, jobs);
  RenderedContent::Lazy& lazy = *out.lazy_;
  const KindBudgets budgets{lazy.papers_budget, lazy.minutes_budget};
  budgets.papers.bytes = kept_html;
  budgets.minutes.bytes = kept_html;
  std::vector<ContentSlot> slots = RenderSlots(records, jobs, known, budgets);
  SummariseSlots(records, slots, out.bodies);
  KeepSlots(records, slots, *out.lazy_);
  for (ContentSlot& slot : slots) {
    if (slot.now) diag.Merge(slot.now->diag);
  }
  // Only when nothing but some meetings changed: a programme's file edited
  // elsewhere than its rows' descriptions could move the places that
  // warnings and links name.
  RenderWorkProgrammes(site, jobs, programmes, only_meetings != nullptr, out, diag);
  RenderAccessibility(site, out, diag);
  return out;
}

}  // namespace clerk
