#include "render/renditions.h"

#include "render/page_finish.h"
#include "render/urls.h"

namespace clerk {

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
  page.data["easy"] = std::move(easy);
}

void RenditionExtras::SetFinish(const Rendition& rendition, PageFinish& finish) const {
  if (rendition.id == "large-print") {
    finish.sentence_case = &acronyms_;
    finish.stack_tables_from = 4;
  }
  // Easy-read minutes summarise each minute in one place: links to a
  // resolution or action ("#resolution-609-1") go to its minute.
  if (rendition.id == "easy-read") finish.decision_links_to_minutes = true;
}

}  // namespace clerk
