#include "render/renditions.h"

#include <regex>

#include "render/large_print.h"
#include "render/urls.h"

namespace clerk {

RenditionExtras::RenditionExtras(const SiteIndex& index, std::string base_url)
    : index_(index), easy_(BuildEasyReadPages(index)), base_url_(std::move(base_url)) {
  for (const auto& [term, t] : index.site.glossary) acronyms_.insert(term);
}

void RenditionExtras::AddData(PageData& page, const Rendition& rendition,
                              const std::vector<Rendition>& renditions) const {
  if (rendition.id != "easy-read") return;
  auto it = easy_.find(page.key);
  EasyPage fallback;
  const EasyPage* easy_page = it == easy_.end() ? nullptr : &it->second;
  if (!easy_page) {
    // A page kind easy read has no words of its own for: say so, link to it.
    std::string title = page.data.value("page_title", std::string("This page"));
    fallback = FallbackEasyPage(page.key, title, index_);
    easy_page = &fallback;
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
    static const std::regex decision(R"re((href="[^"#]*)#(?:resolution|action)-(\d+)-\d+")re");
    return std::regex_replace(html, decision, "$1#minute-$2\"");
  }
  return html;
}

}  // namespace clerk
