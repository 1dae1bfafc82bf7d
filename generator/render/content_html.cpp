#include "render/content_html.h"

#include <atomic>
#include <cctype>
#include <mutex>

#include "model/parallel.h"
#include "model/program_identity.h"
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

  // `decision_prefix`: minutes' resolutions get ids "resolution-<prefix>-<n>".
  MarkdownResult Render(const std::string& text, const SourcePos& pos, int heading_offset,
                        const std::string& id_prefix, Diagnostics& diag,
                        bool mark_decisions = false, const std::string& caption = "",
                        const std::string& decision_prefix = "",
                        bool number_paragraphs = false) {
    MarkdownOptions options;
    options.decision_id_prefix = decision_prefix;
    options.number_paragraphs = number_paragraphs;
    options.heading_offset = heading_offset;
    options.reserved_ids = reserved_;
    options.id_prefix = id_prefix;
    options.first_table_number = next_table_;
    options.caption_fallback = caption;
    options.mark_decisions = mark_decisions;
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
};

void RenderPurposes(const Meeting& meeting, const std::vector<AgendaItem>& items,
                    PageFragments& page, RenderedContent& out, Diagnostics& diag) {
  for (const AgendaItem& item : items) {
    if (!item.purpose.empty()) {
      out.purposes[meeting.id + "/" + item.full_number] =
          page.Render(item.purpose, item.pos, 3, "item-" + item.full_number, diag).html;
    }
    RenderPurposes(meeting, item.sub_items, page, out, diag);
  }
}

bool IsFence(const std::string& line, std::string& fence) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string::npos || i > 3) return false;
  char c = line[i];
  if (c != '`' && c != '~') return false;
  size_t n = line.find_first_not_of(c, i);
  if (n == std::string::npos) n = line.size();
  if (n - i < 3) return false;
  std::string marker = line.substr(i, n - i);
  if (fence.empty()) {
    fence = marker;
    return true;
  }
  if (marker[0] == fence[0] && marker.size() >= fence.size()) {
    fence.clear();
    return true;
  }
  return false;
}

MinutesHtml RenderMinutes(const Minutes& minutes,
                          std::vector<MarkdownSiteLink>* site_links, Diagnostics& diag) {
  // Split the body at "## <number> ..." headings; each minute's text is
  // rendered on its own so the page can give it its anchor and links.
  struct Piece {
    int number = -1;  // -1: preamble
    std::string title;
    int first_line = 0;  // 0-based line in body of the text after the heading
    std::string text;
  };
  std::vector<Piece> pieces(1);
  std::string fence;
  size_t pos = 0;
  int line_no = 0;
  const std::string& body = minutes.body;
  while (pos < body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(pos, end - pos);
    bool in_fence = !fence.empty();
    if (IsFence(line, fence) || in_fence) {
      pieces.back().text += line + "\n";
    } else if (line.rfind("## ", 0) == 0 && line.size() > 3 &&
               std::isdigit(static_cast<unsigned char>(line[3]))) {
      Piece p;
      std::string title = line.substr(3);
      while (!title.empty() &&
             (title.back() == ' ' || title.back() == '#' || title.back() == '\r')) {
        title.pop_back();
      }
      p.title = title;
      p.number = std::atoi(title.c_str());
      p.first_line = line_no + 1;
      pieces.push_back(std::move(p));
    } else {
      pieces.back().text += line + "\n";
    }
    pos = end + 1;
    ++line_no;
  }

  std::vector<std::string> reserved = TemplateIds();
  for (const MinuteSection& s : minutes.sections)
    reserved.push_back(urls::MinuteAnchor(s.number));
  for (const Piece& p : pieces) {
    if (p.number >= 0) reserved.push_back(urls::MinuteAnchor(p.number));
  }
  PageFragments page(reserved, site_links);
  MinutesHtml out;
  for (const Piece& p : pieces) {
    SourcePos at{minutes.path, minutes.body_line + p.first_line, 1};
    if (p.number < 0) {
      bool blank = p.text.find_first_not_of(" \t\r\n") == std::string::npos;
      if (!blank) out.preamble = page.Render(p.text, at, 1, "intro", diag, true).html;
      continue;
    }
    MinuteHtml m;
    m.number = p.number;
    m.title = p.title;
    MarkdownResult r = page.Render(p.text, at, 2, "minute-" + std::to_string(p.number),
                                   diag, true, p.title, std::to_string(p.number));
    m.html = std::move(r.html);
    m.decisions = std::move(r.decisions);
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
      "committees",   "contents",     "document",   "planned"};
  return ids;
}

namespace {

// A paper's body and recommendations, rendered; its "@/" links go to `links`.
DocumentHtml RenderDocument(const Document& doc, std::vector<MarkdownSiteLink>* links,
                            Diagnostics& diag) {
  std::vector<std::string> reserved = TemplateIds();
  for (const Recommendation& r : doc.recommendations) reserved.push_back("rec-" + r.id);
  PageFragments page(reserved, links);
  DocumentHtml html;
  for (const Recommendation& r : doc.recommendations) {
    html.recommendations[r.id] = page.Render(r.text, r.pos, 3, "rec-" + r.id, diag).html;
  }
  // Exempt papers are checked like any other but their body is not
  // published (the page says why).
  MarkdownResult body = page.Render(doc.body, SourcePos{doc.path, doc.body_line, 1}, 1,
                                    "", diag, false, doc.title, "", true);
  if (!doc.exempt) {
    html.body = std::move(body.html);
    html.headings = std::move(body.headings);
  }
  return html;
}

}  // namespace

Fingerprint BodySource(const Document& doc) {
  Hasher h;
  h.Add(ProgramIdentity()).Add(doc.path).Add(std::to_string(doc.body_line)).Add(doc.body);
  h.Add(doc.title).Add(doc.exempt ? "exempt" : "open");
  for (const Recommendation& r : doc.recommendations) {
    h.Add(r.id).Add(r.text).Add(r.pos.path);
    h.Add(std::to_string(r.pos.line) + ":" + std::to_string(r.pos.column));
  }
  return h.Finish();
}

// Papers rendered now, and those left for later with a flag each, so the
// first page to ask renders it exactly once.
struct RenderedContent::Papers {
  struct Later {
    const clerk::Document* doc = nullptr;
    std::once_flag once;
    DocumentHtml html;
  };
  std::map<std::string, DocumentHtml> now;
  std::map<std::string, std::unique_ptr<Later>> later;
  mutable std::atomic<size_t> rendered{0};
};

RenderedContent::RenderedContent() : papers_(std::make_unique<Papers>()) {}
RenderedContent::~RenderedContent() = default;
RenderedContent::RenderedContent(RenderedContent&&) noexcept = default;
RenderedContent& RenderedContent::operator=(RenderedContent&&) noexcept = default;

const DocumentHtml* RenderedContent::Document(const std::string& key) const {
  if (auto it = papers_->now.find(key); it != papers_->now.end()) return &it->second;
  auto it = papers_->later.find(key);
  if (it == papers_->later.end()) return nullptr;
  Papers::Later& later = *it->second;
  std::call_once(later.once, [&] {
    // Rendered before from the same source without a warning: nothing to report.
    std::vector<MarkdownSiteLink> links;
    Diagnostics ignored;
    later.html = RenderDocument(*later.doc, &links, ignored);
    ++papers_->rendered;
  });
  return &later.html;
}

size_t RenderedContent::DocumentsRendered() const {
  return papers_->rendered;
}

RenderedContent RenderContent(const Site& site, Diagnostics& diag, int jobs,
                              const std::map<std::string, BodySummary>* known) {
  RenderedContent out;
  for (const auto& [id, c] : site.committees) {
    if (c.remit.empty()) continue;
    PageFragments page(TemplateIds(), &out.site_links);
    out.remits[id] =
        page.Render(c.remit, c.remit_pos, 2, "remit", diag, false, "Remit").html;
  }
  for (const auto& [id, m] : site.meetings) {
    PageFragments page(TemplateIds(), &out.site_links);
    if (!m.notice.empty())
      out.notices[id] = page.Render(m.notice, m.pos, 2, "notice", diag).html;
    RenderPurposes(m, m.agenda, page, out, diag);
  }
  // Reports and minutes are most of the text: rendered side by side, each
  // into its own slot, then gathered in key order so the result does not
  // depend on the threads.
  struct Slot {
    DocumentHtml document;
    bool later = false;  // a known paper, rendered only if a page asks
    Fingerprint source;
    MinutesHtml minutes;
    std::vector<MarkdownSiteLink> site_links;
    Diagnostics diag;
  };
  std::vector<std::pair<const std::string*, const Document*>> documents;
  for (const auto& [key, doc] : site.documents) documents.push_back({&key, &doc});
  std::vector<const Minutes*> minutes;
  for (const auto& [id, m] : site.minutes) minutes.push_back(&m);
  std::vector<Slot> slots(documents.size() + minutes.size());
  ParallelFor(slots.size(), jobs, [&](size_t i, int) {
    Slot& slot = slots[i];
    if (i >= documents.size()) {
      slot.minutes =
          RenderMinutes(*minutes[i - documents.size()], &slot.site_links, slot.diag);
      return;
    }
    const auto& [key, doc] = documents[i];
    slot.source = BodySource(*doc);
    if (known) {
      auto it = known->find(*key);
      if (it != known->end() && it->second.source == slot.source) {
        slot.later = true;
        slot.site_links = it->second.site_links;
        return;
      }
    }
    slot.document = RenderDocument(*doc, &slot.site_links, slot.diag);
  });
  for (size_t i = 0; i < documents.size(); ++i) {
    const auto& [key, doc] = documents[i];
    Slot& slot = slots[i];
    out.bodies[*key] = {slot.source, slot.site_links,
                        slot.diag.ErrorCount() == 0 && slot.diag.WarningCount() == 0};
    if (slot.later) {
      auto later = std::make_unique<RenderedContent::Papers::Later>();
      later->doc = doc;
      out.papers_->later[*key] = std::move(later);
    } else {
      out.papers_->now[*key] = std::move(slot.document);
      ++out.papers_->rendered;
    }
  }
  size_t i = documents.size();
  for (const auto& [id, m] : site.minutes)
    out.minutes[id] = std::move(slots[i++].minutes);
  for (Slot& slot : slots) {
    diag.Merge(slot.diag);
    out.site_links.insert(out.site_links.end(), slot.site_links.begin(),
                          slot.site_links.end());
  }
  for (const auto& [id, wp] : site.work_programmes) {
    PageFragments page(TemplateIds(), &out.site_links);
    auto& rows = out.work_programme_rows[id];
    for (size_t i = 0; i < wp.rows.size(); ++i) {
      const WorkProgrammeRow& row = wp.rows[i];
      rows.push_back(row.description.empty()
                         ? std::string()
                         : page.Render(row.description, row.pos, 3,
                                       "row-" + std::to_string(i + 1), diag)
                               .html);
    }
  }
  if (!site.config.accessibility.empty()) {
    PageFragments page(TemplateIds(), &out.site_links);
    out.accessibility =
        page.Render(site.config.accessibility, site.config.pos, 1, "statement", diag)
            .html;
  }
  return out;
}

}  // namespace clerk
