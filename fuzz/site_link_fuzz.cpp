// Fuzz target: the reference syntax ("@/meetings/<id>#item-7",
// links/site_links.h) from parsing to the relative link a page gets.
// Each line of the input is a link target as written in a paper:
//   - ParseSiteLink: nullopt exactly when it does not start with "@/"; a
//     page path without '#', ending in ".html" unless it names a file;
//   - CheckSiteLinks against a small site: a diagnostic per link at most,
//     at the link's own position;
//   - ResolveSiteLinks on the links as a page's HTML, from pages at several
//     depths and in two renditions: no "@/" href is left, and a link to a
//     plain path leads back to it (from the page's folder, "../" undone);
//   - HtmlIds and RefId on the same text.
// Invariants: no crash, no sanitizer report, no uncaught exception.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/yaml_reader.h"
#include "fuzz_support.h"
#include "links/site_links.h"
#include "render/urls.h"

namespace {

using namespace clerk;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size() && lines.size() < 64) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A path of plain names: no empty, "." or ".." segment.
bool IsPlainPath(std::string_view path) {
  if (path.empty()) return false;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string_view segment = path.substr(start, slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

// `link` (relative, from the page `from`) followed from `from`'s folder.
std::string Follow(const std::string& from, std::string_view link) {
  std::vector<std::string> parts = urls::SplitPath(from);
  parts.pop_back();  // the page's own file name
  while (link.substr(0, 3) == "../") {
    FUZZ_CHECK_MSG(!parts.empty(), link);  // never above the output root
    parts.pop_back();
    link.remove_prefix(3);
  }
  std::string out;
  for (const std::string& part : parts) out += part + "/";
  return out + std::string(link);
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = {
      "index.html",
      "meetings/index.html",
      "meetings/2019-09-16-cyp-scrutiny/index.html",
      "meetings/2019-09-16-cyp-scrutiny/minutes/index.html",
      "meetings/2019-09-16-cyp-scrutiny/work-programme-report/index.html",
      "people/carole-gandy/index.html",
      "glossary/index.html",
  };
  return pages;
}

const std::vector<std::string> kIds = {
    "item-1",     "item-7",     "minute-609", "resolution-609-1",
    "para-3.4.2", "term-camhs", "rec-a"};

void CheckLinks(const std::vector<std::string>& lines) {
  std::vector<SiteLink> links;
  std::string html;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& target = lines[i];
    std::optional<SiteLinkTarget> parsed = ParseSiteLink(target);
    FUZZ_CHECK_MSG(parsed.has_value() == target.starts_with("@/"), target);
    if (parsed) {
      FUZZ_CHECK_MSG(!parsed->page.empty(), target);
      FUZZ_CHECK_MSG(parsed->page.find('#') == std::string::npos, target);
      FUZZ_CHECK_MSG(parsed->file || parsed->page.ends_with(".html"), target);
    }
    links.push_back({{"paper.md", static_cast<int>(i + 1), 1}, target});
    // As the Markdown renderer writes a link: the target never holds '"'.
    // (A folder named "@..." would give a right relative link "@/x" that
    // looks unresolved; ids cannot hold '@'.)
    if (target.find('"') == std::string::npos && target.find('@', 1) == std::string::npos)
      html += "<p><a href=\"" + target + "\">x</a> <img src=\"" + target +
              "\" alt=\"\"></p>\n";
  }

  Diagnostics diag;
  auto page_ids = [](const std::string& page) -> const std::vector<std::string>* {
    for (const std::string& p : Pages())
      if (p == page) return &kIds;
    return nullptr;
  };
  CheckSiteLinks(links, page_ids, Pages(), diag);
  FUZZ_CHECK(diag.All().size() <= links.size());
  for (const Diagnostic& d : diag.All()) {
    FUZZ_CHECK(d.pos.path == "paper.md");
    FUZZ_CHECK(d.pos.line >= 1 && static_cast<size_t>(d.pos.line) <= links.size());
    FUZZ_CHECK(links[d.pos.line - 1].target.starts_with("@/"));
  }

  const Rendition renditions[] = {{"standard", "Standard", ""},
                                  {"large-print", "Large print", "large-print/"}};
  for (const Rendition& rendition : renditions) {
    for (const std::string& key : Pages()) {
      std::string from = urls::Page(rendition, key);
      std::string out = urls::ResolveSiteLinks(html, from, rendition);
      FUZZ_CHECK_MSG(out.find("href=\"@/") == std::string::npos, out);
      FUZZ_CHECK_MSG(out.find(" src=\"@/") == std::string::npos, out);
    }
  }

  // Relative() leads back to a plain target from every page.
  for (const std::string& target : lines) {
    std::optional<SiteLinkTarget> parsed = ParseSiteLink(target);
    if (!parsed || !IsPlainPath(parsed->page)) continue;
    for (const std::string& from : Pages()) {
      std::string link = urls::Relative(from, parsed->page);
      FUZZ_CHECK_MSG(Follow(from, link) == parsed->page,
                     from + " -> " + target + " = " + link);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return -1;
  std::string text(reinterpret_cast<const char*>(data), size);
  CheckLinks(Lines(text));
  for (const std::string& id : HtmlIds(text))
    FUZZ_CHECK_MSG(id.find('"') == std::string::npos, id);
  std::string id = RefId(text);
  FUZZ_CHECK(id.size() <= text.size());
  return 0;
}
