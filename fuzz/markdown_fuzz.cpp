// Fuzz target: the Markdown pipeline (render/markdown.h), with the options a
// paper, minutes and a YAML text (a notice: |) are rendered with.
// Invariants: no crash, no sanitizer report, no uncaught exception; valid
// UTF-8 in gives valid UTF-8 out; no raw HTML or script link reaches the
// page (it is reported and left out); ids are unique on the page and never
// one the page had reserved; every diagnostic at a line of the file.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "content/yaml_reader.h"
#include "fuzz_support.h"
#include "render/markdown.h"

namespace {

using namespace clerk;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of every href="..." and src="..." attribute.
std::vector<std::string> Urls(const std::string& html) {
  std::vector<std::string> urls;
  for (std::string_view attr : {" href=\"", " src=\""}) {
    for (size_t at = html.find(attr); at != std::string::npos;
         at = html.find(attr, at + 1)) {
      size_t begin = at + attr.size();
      size_t end = html.find('"', begin);
      if (end == std::string::npos) break;
      urls.push_back(html.substr(begin, end - begin));
    }
  }
  return urls;
}

// What a browser would take as the scheme: leading spaces and controls
// skipped, tabs and newlines inside ignored.
std::string SchemeOf(std::string_view url) {
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  std::string scheme;
  for (; i < url.size(); ++i) {
    char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') return Lower(scheme);
    if (c == '/' || c == '?' || c == '#') break;
    scheme += c;
  }
  return "";
}

void CheckResult(const MarkdownResult& r, const MarkdownOptions& options, bool utf8,
                 const Diagnostics& diag, const std::string& path, size_t max_line) {
  if (utf8) FUZZ_CHECK_MSG(fuzz::IsValidUtf8(r.html), r.html);
  std::string lower = Lower(r.html);
  for (const char* tag : {"<script", "<iframe", "<object", "<embed", "<style", "<form",
                          "<textarea", "<svg", "<math", "<base", "<meta", "<link"}) {
    for (size_t at = lower.find(tag); at != std::string::npos;
         at = lower.find(tag, at + 1)) {
      // The one picture Clerk writes itself: a status mark's shape in a table cell.
      if (lower.compare(at, 32, "<svg class=\"status__shape status") == 0) continue;
      fuzz::Fail("no raw HTML tag in the page", __FILE__, __LINE__,
                 r.html.substr(at > 100 ? at - 100 : 0, 200));
    }
  }
  for (const std::string& url : Urls(r.html)) {
    std::string scheme = SchemeOf(url);
    FUZZ_CHECK_MSG(scheme != "javascript" && scheme != "vbscript" && scheme != "data" &&
                       scheme != "file",
                   url);
  }
  std::set<std::string> seen(options.reserved_ids.begin(), options.reserved_ids.end());
  for (const std::string& id : r.ids) {
    FUZZ_CHECK_MSG(!id.empty(), r.html);
    FUZZ_CHECK_MSG(seen.insert(id).second, id);
  }
  for (const MarkdownHeading& h : r.headings) {
    FUZZ_CHECK(h.level >= 1 && h.level <= 6);
    FUZZ_CHECK_MSG(std::find(r.ids.begin(), r.ids.end(), h.id) != r.ids.end(), h.id);
  }
  FUZZ_CHECK(r.tables >= 0);
  FUZZ_CHECK(r.decisions.size() <= options.marked_blocks.size());
  for (const MarkdownDecision& d : r.decisions)
    FUZZ_CHECK(d.kind == "resolution" || d.kind == "action");
  fuzz::CheckDiagnostics(diag, path, max_line, utf8);
}

// The lines that open with a bold Resolved or Action, as the content stage
// marks them in minutes (content/minutes_records.h).
std::vector<MarkedBlock> Marks(const std::string& text, int first_line) {
  std::vector<MarkedBlock> marks;
  int line = first_line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string_view l = std::string_view(text).substr(start, end - start);
    bool resolved = l.starts_with("**Resolved");
    if (resolved || l.starts_with("**Action")) {
      int n = static_cast<int>(marks.size()) + 1;
      marks.push_back({line, resolved ? "resolution" : "action",
                       (resolved ? "resolution-1-" : "action-1-") + std::to_string(n),
                       resolved});
    }
    if (end == std::string::npos) break;
    start = end + 1;
    ++line;
  }
  return marks;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  std::string text(reinterpret_cast<const char*>(data), size);
  // Reported, not yet fixed: U+001F in the text collides with the table
  // cells' marker (render/table_cells.cpp) and std::stoul throws.
  bool utf8 = fuzz::IsValidUtf8(text);
  size_t lines = fuzz::CountLines(text);

  {  // A paper: body from line 6 (after its front matter), numbered paragraphs.
    static const std::vector<std::string> images = {"chart.png", "map.jpg"};
    MarkdownOptions options;
    options.heading_offset = 1;
    options.reserved_ids = {"main", "item-1", "contents"};
    options.id_prefix = "report";
    options.caption_fallback = "Report";
    options.number_paragraphs = true;
    options.images = &images;
    options.images_base = "meetings/2024-01-01-fuzz/";
    Diagnostics diag;
    MarkdownResult r = RenderMarkdown(text, {"paper.md", 6, 1}, options, diag);
    CheckResult(r, options, utf8, diag, "paper.md", lines + 5);
  }
  {  // Minutes: resolutions and actions marked, headings one level lower.
    MarkdownOptions options;
    options.heading_offset = 2;
    options.marked_blocks = Marks(text, 4);
    options.first_table_number = 3;
    Diagnostics diag;
    MarkdownResult r = RenderMarkdown(text, {"minutes.md", 4, 1}, options, diag);
    CheckResult(r, options, utf8, diag, "minutes.md", lines + 3);
  }
  {  // A YAML block scalar (`notice: |`): positions mapped into the YAML file.
    std::string file = "notice: |\n";
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      file += "  " + text.substr(start, end - start) + "\n";
      if (end == std::string::npos) break;
      start = end + 1;
    }
    ScalarPositions positions(file, {"meeting.yaml", 1, 9}, text);
    MarkdownOptions options;
    options.heading_offset = 2;
    options.map_position = [&positions](int l, int c) { return positions.At(l, c); };
    Diagnostics diag;
    MarkdownResult r = RenderMarkdown(text, {"meeting.yaml", 1, 9}, options, diag);
    CheckResult(r, options, utf8, diag, "meeting.yaml", lines + 1);
  }
  return 0;
}
