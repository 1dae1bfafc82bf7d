#include "render/table_regions.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

namespace clerk {

namespace {

// html.find(text, from), by memmem: find() stops at every '<' of a page to
// compare, and most pages have no table at all (2% of a full build).
size_t Find(const std::string& html, std::string_view text, size_t from = 0) {
  if (from >= html.size()) return std::string::npos;
  const void* at =
      memmem(html.data() + from, html.size() - from, text.data(), text.size());
  return at ? static_cast<const char*>(at) - html.data() : std::string::npos;
}

// True if `html` has the start tag `name` at `at` ("<table>" or
// "<table class=...>", not "<tablex").
bool OpensTag(const std::string& html, size_t at, const std::string& name) {
  if (html.compare(at, name.size() + 1, "<" + name) != 0) return false;
  size_t next = at + name.size() + 1;
  return next < html.size() &&
         (html[next] == '>' || std::isspace(static_cast<unsigned char>(html[next])));
}

// The end of the table that opens at `open`: just past its "</table>",
// counting tables nested inside it; npos if it never closes.
size_t TableEnd(const std::string& html, size_t open) {
  int depth = 0;
  for (size_t at = open; at < html.size(); ++at) {
    if (html[at] != '<') continue;
    if (OpensTag(html, at, "table")) {
      ++depth;
    } else if (html.compare(at, 8, "</table>") == 0 && --depth == 0) {
      return at + 8;
    }
  }
  return std::string::npos;
}

// True if the table at `at` is already the first thing in a table region
// (a theme that wraps its own tables, or a page wrapped twice): only spaces
// and the region's hint lie between the region's start tag and the table.
// `regions`: where every region start tag of `html` begins, in order
// (RegionStarts). Looking the nearest one up there, instead of html.rfind()
// back from each table, keeps a page with many tables linear: rfind went
// back to the page's start for every unwrapped table (2% of a full build).
const std::string kRegionOpen = "<div class=\"table-wrap";

std::vector<size_t> RegionStarts(const std::string& html) {
  std::vector<size_t> starts;
  for (size_t at = Find(html, kRegionOpen); at != std::string::npos;
       at = Find(html, kRegionOpen, at + 1))
    starts.push_back(at);
  return starts;
}

bool AlreadyWrapped(const std::string& html, size_t at,
                    const std::vector<size_t>& regions) {
  static const std::string kHint = "<p class=\"table-wrap__hint\">";
  // The last start before `at`, as html.rfind(kRegionOpen, at) finds it (none
  // can start at `at`, where "<table" is).
  auto after = std::upper_bound(regions.begin(), regions.end(), at);
  if (after == regions.begin()) return false;
  size_t div = *(after - 1);
  size_t i = html.find('>', div);
  if (i == std::string::npos || i > at) return false;
  auto skip_spaces = [&] {
    while (i < at && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
  };
  ++i;
  skip_spaces();
  if (html.compare(i, kHint.size(), kHint) == 0) {
    size_t end = html.find("</p>", i);
    if (end == std::string::npos || end > at) return false;
    i = end + 4;
    skip_spaces();
  }
  return i == at;
}

// The text of the table's own <caption> (tags dropped, spaces collapsed),
// still HTML-escaped as it was, with any raw quote escaped for an attribute.
std::string CaptionText(const std::string& table) {
  size_t open = table.find("<caption");
  size_t row = table.find("<tr");
  if (open == std::string::npos || (row != std::string::npos && row < open)) return "";
  size_t from = table.find('>', open);
  size_t to = table.find("</caption>", open);
  if (from == std::string::npos || to == std::string::npos || to < from) return "";
  std::string text;
  bool in_tag = false, space = false;
  for (size_t i = from + 1; i < to; ++i) {
    char c = table[i];
    if (c == '<') in_tag = true;
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += c == '"' ? std::string("&quot;") : std::string(1, c);
  }
  return text;
}

// Cells in the table's first row (th and td; a colspan counts its columns).
int FirstRowColumns(const std::string& table) {
  size_t row = table.find("<tr");
  if (row == std::string::npos) return 0;
  size_t end = table.find("</tr>", row);
  int columns = 0;
  for (size_t at = table.find('<', row + 1); at < end && at != std::string::npos;
       at = table.find('<', at + 1)) {
    if (!OpensTag(table, at, "th") && !OpensTag(table, at, "td")) continue;
    size_t close = table.find('>', at);
    size_t span = table.find("colspan=\"", at);
    int n = 1;
    if (span != std::string::npos && span < close)
      n = std::atoi(table.c_str() + span + 9);
    columns += n > 0 ? n : 1;
  }
  return columns;
}

bool IsWide(const std::string& table) {
  size_t tag_end = table.find('>');
  bool marked = table.substr(0, tag_end).find("table--wide") != std::string::npos;
  return marked || FirstRowColumns(table) >= kWideTableColumns;
}

}  // namespace

std::string WrapTables(std::string html) {
  const size_t first = Find(html, "<table");
  if (first == std::string::npos) return html;
  std::string out;
  out.reserve(html.size() + 512);
  size_t pos = 0;
  int number = 0;
  const std::vector<size_t> regions = RegionStarts(html);
  for (size_t open = first; open != std::string::npos; open = Find(html, "<table", pos)) {
    if (!OpensTag(html, open, "table")) {
      out.append(html, pos, open + 6 - pos);
      pos = open + 6;
      continue;
    }
    size_t end = TableEnd(html, open);
    if (end == std::string::npos) break;
    ++number;
    out.append(html, pos, open - pos);
    std::string table = html.substr(open, end - open);
    pos = end;
    if (AlreadyWrapped(html, open, regions)) {
      out += table;
      continue;
    }
    std::string name = CaptionText(table);
    if (name.empty()) name = "Table " + std::to_string(number);
    out += std::string("<div class=\"table-wrap") +
           (IsWide(table) ? " table-wrap--wide" : "") +
           "\" tabindex=\"0\" role=\"region\" aria-label=\"" + name + "\">\n" +
           "<p class=\"table-wrap__hint\">" + kTableScrollHint + "</p>\n" + table +
           "\n</div>";
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace clerk
