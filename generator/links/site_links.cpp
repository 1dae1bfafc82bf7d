#include "links/site_links.h"

#include <algorithm>
#include <map>

#include "content/yaml_reader.h"
#include "model/did_you_mean.h"

namespace clerk {

std::optional<SiteLinkTarget> ParseSiteLink(const std::string& target) {
  if (target.rfind("@/", 0) != 0) return std::nullopt;
  SiteLinkTarget out;
  std::string path = target.substr(2);
  size_t hash = path.find('#');
  if (hash != std::string::npos) {
    out.anchor = path.substr(hash + 1);
    path.resize(hash);
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (path.empty()) {
    out.page = "index.html";
  } else if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) {
    out.page = path;
  } else if (path.find('.', path.rfind('/') + 1) != std::string::npos) {
    out.page = path;  // "assets/map.png": a file, not a folder's page
    out.file = true;
  } else {
    out.page = path + "/index.html";
  }
  return out;
}

std::vector<std::string> HtmlIds(const std::string& html) {
  std::vector<std::string> ids;
  for (size_t at = html.find(" id=\""); at != std::string::npos;
       at = html.find(" id=\"", at + 1)) {
    size_t begin = at + 5;
    size_t end = html.find('"', begin);
    if (end == std::string::npos) break;
    ids.push_back(html.substr(begin, end - begin));
  }
  return ids;
}

void CheckSiteLinks(
    const std::vector<const std::vector<SiteLink>*>& lists,
    const std::function<const std::vector<std::string>*(const std::string&)>& page_ids,
    const std::function<std::vector<std::string>()>& all_pages, Diagnostics& diag) {
  // "@/..." forms of every page, for suggestions: made only for a link that
  // points nowhere (a large site has two hundred thousand pages).
  std::vector<std::string> addresses;
  bool made = false;
  auto all_addresses = [&]() -> const std::vector<std::string>& {
    if (made) return addresses;
    made = true;
    for (const std::string& page : all_pages()) {
      std::string a = page;
      if (a.size() >= 10 && a.compare(a.size() - 10, 10, "index.html") == 0)
        a.resize(a.size() - 10);
      while (!a.empty() && a.back() == '/') a.pop_back();
      addresses.push_back("@/" + a);
    }
    return addresses;
  };
  auto Check = [&](const SiteLink& link) {
    std::optional<SiteLinkTarget> target = ParseSiteLink(link.target);
    if (!target) return;
    const std::vector<std::string>* ids = page_ids(target->page);
    if (!ids) {
      std::string page_part = link.target.substr(0, link.target.find('#'));
      diag.Error(link.pos, "'" + link.target + "' points to no page" +
                               DidYouMean(page_part, all_addresses()));
      return;
    }
    if (target->anchor.empty() || target->file) return;  // "#page=2" of a PDF
    if (std::find(ids->begin(), ids->end(), target->anchor) == ids->end()) {
      diag.Error(link.pos, "'" + link.target + "': the page has no anchor '#" +
                               target->anchor + "'" + DidYouMean(target->anchor, *ids));
    }
  };
  for (const std::vector<SiteLink>* links : lists) {
    for (const SiteLink& link : *links) Check(link);
  }
}

}  // namespace clerk
