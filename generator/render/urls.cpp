#include "render/urls.h"

#include <initializer_list>
#include <string_view>
#include <vector>

#include "links/site_links.h"
#include "model/item_anchor.h"
#include "render/html_text.h"

namespace clerk::urls {
namespace {

// The pieces one after the other, in one allocation: page paths are made
// for every page of every build (600,000 at N = 10,000).
std::string Joined(std::initializer_list<std::string_view> pieces) {
  size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  std::string out;
  out.reserve(size);
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

}  // namespace

std::string Home() {
  return "index.html";
}
std::string Committees() {
  return "committees/index.html";
}
std::string Committee(const std::string& id) {
  return "committees/" + id + "/index.html";
}
std::string Meetings() {
  return "meetings/index.html";
}
std::string Meeting(const std::string& id) {
  return Joined({"meetings/", id, "/index.html"});
}
std::string Document(const std::string& meeting_id, const std::string& document_id) {
  return Joined({"meetings/", meeting_id, "/", document_id, "/index.html"});
}
std::string MeetingFile(const std::string& meeting_id, const std::string& name) {
  return "meetings/" + meeting_id + "/" + name;
}
std::string Minutes(const std::string& meeting_id) {
  return Joined({"meetings/", meeting_id, "/minutes/index.html"});
}
std::string People() {
  return "people/index.html";
}
std::string Person(const std::string& id) {
  return "people/" + id + "/index.html";
}
std::string WorkProgramme(const std::string& id) {
  return "work-programmes/" + id + "/index.html";
}
std::string ForwardPlans() {
  return "forward-plans/index.html";
}
std::string ForwardPlan(const std::string& id) {
  return "forward-plans/" + id + "/index.html";
}
std::string ForwardPlanEntryAnchor(const std::string& entry_id) {
  return "decision-" + entry_id;
}
std::string Glossary() {
  return "glossary/index.html";
}
std::string Decisions() {
  return "decisions/index.html";
}
namespace {
std::string PageOf(const std::string& folder, int page) {
  return folder + (page > 1 ? "page-" + std::to_string(page) + "/" : "") + "index.html";
}
}  // namespace
std::string YearDecisions(int year, int page) {
  return PageOf("decisions/year-" + std::to_string(year) + "/", page);
}
std::string Topics() {
  return "topics/index.html";
}
std::string Topic(const std::string& id) {
  return "topics/" + id + "/index.html";
}
std::string CommitteeDecisions(const std::string& committee_id, int page) {
  return PageOf("decisions/" + committee_id + "/", page);
}
std::string Accessibility() {
  return "accessibility/index.html";
}
std::string NotFound() {
  return "404.html";
}
std::string Search() {
  return "search/index.html";
}

std::string Page(const Rendition& rendition, const std::string& key) {
  return Joined({rendition.prefix, key});
}

std::string ThemeAsset(const std::string& path_in_theme) {
  return "theme/" + path_in_theme;
}
std::string RootFavicon() {
  return "favicon.ico";
}
std::string SiteAsset(const std::string& path_in_assets) {
  return "assets/" + path_in_assets;
}

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

std::string Relative(const std::string& from, const std::string& to) {
  std::string_view target = to, fragment;
  if (size_t hash = to.find('#'); hash != std::string::npos) {
    fragment = target.substr(hash);
    target = target.substr(0, hash);
  }
  // Skip the folders both paths start with: a folder is a name followed by
  // '/', so while they agree, both are at the same offset. (Done in place:
  // splitting both paths into vectors of strings was 3% of a full build.)
  const std::string_view source = from;
  size_t common = 0;
  while (true) {
    const size_t a = source.find('/', common), b = target.find('/', common);
    if (a == std::string_view::npos || a != b ||
        source.substr(common, a - common) != target.substr(common, b - common))
      break;
    common = a + 1;
  }
  std::string out;
  // Up one level for each folder of `from` left, then down `to`'s rest.
  for (size_t at = source.find('/', common); at != std::string_view::npos;
       at = source.find('/', at + 1))
    out += "../";
  out.append(target.substr(common));
  out.append(fragment);
  return out;
}

std::string ItemAnchor(const std::string& full_number) {
  return "item-" + ItemAnchorSuffix(full_number);
}

std::string MinuteAnchor(int number) {
  return "minute-" + std::to_string(number);
}

std::string ResolveSiteLinks(std::string html, const std::string& page_path,
                             const Rendition& rendition) {
  // Found by their '@', which is rare in a page: searching for the whole
  // marker stopped at every 'h'.
  // Links (href) and pictures (src).
  auto next_marker = [&html](size_t from) {
    for (size_t at = html.find("@/", from); at != std::string::npos;
         at = html.find("@/", at + 1)) {
      std::string_view before = std::string_view(html).substr(0, at);
      if (at >= from + 6 && (before.ends_with("href=\"") || before.ends_with(" src=\"")))
        return at - 6;
    }
    return std::string::npos;
  };
  size_t at = next_marker(0);
  if (at == std::string::npos) return html;
  std::string out;
  out.reserve(html.size());
  size_t from = 0;
  for (; at != std::string::npos; at = next_marker(from)) {
    size_t begin = at + 6;  // the '@'
    size_t end = html.find('"', begin);
    if (end == std::string::npos) break;
    out.append(html, from, begin - from);
    std::optional<SiteLinkTarget> target = ParseSiteLink(html.substr(begin, end - begin));
    // A file (a picture, a PDF) is written once, for every rendition.
    std::string link =
        Relative(page_path, target->file ? target->page : Page(rendition, target->page));
    if (!target->anchor.empty()) link += "#" + target->anchor;
    out += link;
    from = end;
  }
  out.append(html, from, std::string::npos);
  return out;
}

}  // namespace clerk::urls
