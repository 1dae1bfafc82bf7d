#include "incremental/known_page_ids.h"

#include <functional>
#include <string_view>

#include "incremental/batch_file.h"

namespace clerk {
namespace {

constexpr std::string_view kHeader = "# clerk page ids v2";

// Whether the page's record can be written (see SaveKnownPageIds).
bool Keepable(const std::string& path, const PageIds& page) {
  return !path.empty() && batch_file::HoldsNone(path, "\t\r\n") && page.ids.plain();
}

void AppendRecord(std::string& text, const std::string& path, const PageIds& page) {
  text += "P " + page.content.Hex() + " " + path + "\t";
  for (size_t i = 0; i < page.ids.size(); ++i) {
    if (i) text += ' ';
    text += page.ids[i];
  }
  text += '\n';
}

}  // namespace

std::optional<KnownPageIds> LoadKnownPageIds(const std::string& out_dir) {
  KnownPageIds known;
  // One record, one line: "R <path>" or "P <content> <path>\t<ids>".
  auto record = [&](std::string_view line, LineReader&) {
    if (line.substr(0, 2) == "R " && line.size() > 2)
      return known.pages.erase(std::string(line.substr(2))) == 1;
    PageIds page;
    const size_t tab = line.find('\t');
    if (line.substr(0, 2) != "P " || line.size() < 36 || line[34] != ' ' ||
        tab == std::string_view::npos || tab <= 35 ||
        !Fingerprint::FromHex(line.substr(2, 32), page.content))
      return false;
    std::string path(line.substr(35, tab - 35));
    std::string_view ids = line.substr(tab + 1);
    std::vector<std::string> list;
    while (!ids.empty()) {
      const size_t space = ids.find(' ');
      list.emplace_back(ids.substr(0, space));
      ids.remove_prefix(space == std::string_view::npos ? ids.size() : space + 1);
    }
    page.ids = std::move(list);
    known.pages[path] = std::move(page);
    return true;
  };
  std::optional<batch_file::Extent> extent =
      batch_file::ReadBatches(out_dir + "/" + kKnownPageIdsName, kHeader, record);
  if (!extent) return std::nullopt;
  known.read = *extent;
  return known;
}

bool SaveKnownPageIds(const std::map<std::string, PageIds>& pages,
                      const std::string& path, const KnownPageIds* before,
                      batch_file::Extent* after) {
  return batch_file::SaveRecords(path, kHeader, pages, before ? &before->pages : nullptr,
                                 before ? before->read : batch_file::Extent{}, Keepable,
                                 std::equal_to<PageIds>(), AppendRecord, after);
}

KnownPageIds KnownPageIdsAsSaved(std::map<std::string, PageIds> pages,
                                 batch_file::Extent after) {
  std::erase_if(pages,
                [](const auto& entry) { return !Keepable(entry.first, entry.second); });
  return {std::move(pages), after};
}

}  // namespace clerk
