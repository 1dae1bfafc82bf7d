#include "render/renditions.h"

#include <cctype>

#include "render/large_print.h"
#include "render/urls.h"

namespace clerk {

namespace {

// "#resolution-609-1" and "#action-609-2" in a link become "#minute-609".
std::string DecisionLinksToMinutes(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  for (size_t at = html.find("href=\"", 0); at != std::string::npos;
       at = html.find("href=\"", at + 6)) {
    size_t end = html.find('"', at + 6);
    if (end == std::string::npos) break;
    size_t hash = html.find('#', at + 6);
    if (hash == std::string::npos || hash > end) continue;
    // After '#': (resolution|action)-<digits>-<digits>, up to the quote.
    size_t name = hash + 1;
    size_t dash = html.find('-', name);
    if (dash == std::string::npos || dash > end) continue;
    std::string kind = html.substr(name, dash - name);
    if (kind != "resolution" && kind != "action") continue;
    size_t d1 = dash + 1, e1 = d1;
    while (e1 < end && std::isdigit(static_cast<unsigned char>(html[e1]))) ++e1;
    if (e1 == d1 || e1 >= end || html[e1] != '-') continue;
    size_t e2 = e1 + 1;
    while (e2 < end && std::isdigit(static_cast<unsigned char>(html[e2]))) ++e2;
    if (e2 == e1 + 1 || e2 != end) continue;
    out.append(html, pos, name - pos);
    out += "minute-";
    out.append(html, d1, e1 - d1);
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace

RenditionExtras::RenditionExtras(const SiteIndex& index, std::string base_url)
    : index_(index), easy_(index), base_url_(std::move(base_url)) {
  for (const auto& [term, t] : index.site().glossary) acronyms_.insert(term);
}

void RenditionExtras::AddData(PageData& page, const PageJob& job,
                              const Rendition& rendition,
                              const std::vector<Rendition>& renditions) const {
  if (rendition.id != "easy-read") return;
  // The search page keeps its form, in easy read's own words
  // (easy-read/templates/search.mustache): it searches the standard index
  // and opens the easy-read page of each result (output/search_index.h).
  if (page.key == urls::Search()) return;
  std::optional<EasyPage> easy_page = easy_.Find(job);
  if (!easy_page) {
    // A page kind easy read has no words of its own for: say so, link to it.
    const nlohmann::json* written = PageField(page, "page_title");
    std::string title = written && written->is_string() ? written->get<std::string>()
                                                        : std::string("This page");
    easy_page = FallbackEasyPage(page.key, title, index_);
    page.template_name = "easy_page";
  }
  nlohmann::json easy = EasyReadJson(*easy_page, page.path, rendition, renditions);
  if (page.key == urls::NotFound()) {
    // Served at any path: links from the site's root.
    std::string root = base_url_.empty() ? "/" : base_url_;
    if (root.back() != '/') root += '/';
    for (auto& section : easy["sections"]) {
      for (auto& row : section["rows"]) {
        std::string pic = row["picture"];
        row["picture"] = root + urls::ThemeAsset(pic.substr(pic.find("pictograms/")));
        for (auto& line : row["lines"]) {
          std::string href = line["href"];
          if (!href.empty() && href.find(':') == std::string::npos) {
            line["href"] = root + rendition.prefix + href;
          }
        }
      }
    }
  }
  page.data["easy"] = easy;
}

std::string RenditionExtras::Finish(const Rendition& rendition, std::string html) const {
  if (rendition.id == "large-print") return LargePrintHtml(html, acronyms_);
  if (rendition.id == "easy-read") {
    // Easy-read minutes summarise each minute in one place: links to a
    // resolution or action ("#resolution-609-1") go to its minute.
    return DecisionLinksToMinutes(html);
  }
  return html;
}

}  // namespace clerk
