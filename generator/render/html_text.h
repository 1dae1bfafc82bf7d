// Small text helpers shared by the render stage: HTML escaping and id slugs.
#pragma once

#include <set>
#include <string>

namespace clerk {

// Escapes & < > " ' for HTML text and attribute values.
std::string EscapeHtml(const std::string& text);
// Escapes & < > " for XML text and attributes (feeds, sitemaps), leaving '
// as it is.
std::string EscapeXml(const std::string& text);

// "Legal implications (draft)" -> "legal-implications-draft": lower-case
// ASCII letters and digits joined by single hyphens. Never empty ("section").
std::string Slugify(const std::string& text);

// "<p>One paragraph.</p>\n" -> "One paragraph." (for list items and table
// cells); anything else is returned as it is.
std::string UnwrapParagraph(const std::string& html);

// Drops blank lines that templates leave behind, except inside <pre>.
std::string DropBlankLines(const std::string& html);

// The same, as a page is written: after each append to `out`, Drop(out)
// drops the blank lines completed since; Finish(out) the last one, or ends
// it with a line break. A line ending inside <pre> is kept; a line's <pre>
// tags count from the line after it.
class BlankLineDropper {
 public:
  // `pre_possible` false: the page has no "<pre" at all, so lines are not
  // scanned for <pre> tags (most pages: the scan was most of the cost).
  explicit BlankLineDropper(bool pre_possible = true) : pre_possible_(pre_possible) {}
  void Drop(std::string& out);
  void Finish(std::string& out);

 private:
  // Ends the line out[line_start_, end) (its '\n' at end, if any): true if it stays.
  bool EndLine(const std::string& out, size_t end);
  size_t line_start_ = 0;  // where the line being written starts
  size_t scanned_ = 0;     // out[0, scanned_) is done with
  int pre_depth_ = 0;
  bool pre_possible_ = true;
};

// "tel:" and the digits and '+' of a phone number as people write it:
// "01432 260000" -> "tel:01432260000".
std::string TelHref(const std::string& phone);

}  // namespace clerk
