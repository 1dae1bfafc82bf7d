#include "output/known_page_ids.h"

#include "content/source_files.h"
#include "output/atomic_write.h"
#include "output/line_reader.h"

namespace clerk {
namespace {

constexpr const char* kHeader = "clerk page ids v1\n";

bool Plain(const std::string& text, const char* not_in) {
  return text.find_first_of(not_in) == std::string::npos;
}

}  // namespace

std::map<std::string, PageIds> LoadKnownPageIds(const std::string& out_dir) {
  std::string bytes;
  if (!ReadWholeFile(out_dir + "/" + kKnownPageIdsName, &bytes) ||
      bytes.rfind(kHeader, 0) != 0)
    return {};
  std::map<std::string, PageIds> pages;
  LineReader lines(std::string_view(bytes).substr(std::string_view(kHeader).size()));
  std::string_view line;
  while (lines.Next(line)) {
    if (line.rfind("# end ", 0) == 0) {
      if (!lines.rest().empty() || line.substr(6) != std::to_string(pages.size()))
        return {};
      return pages;
    }
    PageIds page;
    size_t tab = line.find('\t');
    if (line.size() < 34 || line[32] != ' ' || tab == std::string_view::npos ||
        !Fingerprint::FromHex(line.substr(0, 32), page.content))
      return {};
    std::string path(line.substr(33, tab - 33));
    std::string_view ids = line.substr(tab + 1);
    while (!ids.empty()) {
      size_t space = ids.find(' ');
      page.ids.emplace_back(ids.substr(0, space));
      ids.remove_prefix(space == std::string_view::npos ? ids.size() : space + 1);
    }
    pages[path] = std::move(page);
  }
  return {};  // no end line
}

bool SaveKnownPageIds(const std::map<std::string, PageIds>& pages,
                      const std::string& path) {
  std::string text = kHeader;
  size_t saved = 0;
  for (const auto& [page_path, page] : pages) {
    bool plain = !page_path.empty() && Plain(page_path, "\t\r\n");
    for (const std::string& id : page.ids)
      plain = plain && !id.empty() && Plain(id, " \t\r\n\f");
    if (!plain) continue;
    text += page.content.Hex() + " " + page_path + "\t";
    for (size_t i = 0; i < page.ids.size(); ++i) text += (i ? " " : "") + page.ids[i];
    text += "\n";
    ++saved;
  }
  text += "# end " + std::to_string(saved) + "\n";
  return WriteFileAtomically(path, text);
}

}  // namespace clerk
