#include "render/page_finish.h"

#include <cstring>
#include <optional>
#include <string_view>

#include "model/ascii.h"
#include "render/glossary_terms.h"
#include "render/html_text.h"
#include "render/large_print.h"
#include "render/site_renderer.h"
#include "render/urls.h"

namespace clerk {
namespace {

// "#resolution-609-1" and "#action-609-2" in a link become "#minute-609":
// easy-read minutes summarise each minute in one place.
std::string DecisionLinksToMinutes(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  for (size_t at = html.find("href=\"", 0); at != std::string_view::npos;
       at = html.find("href=\"", at + 6)) {
    size_t end = html.find('"', at + 6);
    if (end == std::string_view::npos) break;
    size_t hash = html.find('#', at + 6);
    if (hash == std::string_view::npos || hash > end) continue;
    // After '#': (resolution|action)-<digits>-<digits>, up to the quote.
    size_t name = hash + 1;
    size_t dash = html.find('-', name);
    if (dash == std::string_view::npos || dash > end) continue;
    std::string_view kind = html.substr(name, dash - name);
    if (kind != "resolution" && kind != "action") continue;
    size_t d1 = dash + 1, e1 = d1;
    while (e1 < end && ascii::IsDigit(html[e1])) ++e1;
    if (e1 == d1 || e1 >= end || html[e1] != '-') continue;
    size_t e2 = e1 + 1;
    while (e2 < end && ascii::IsDigit(html[e2])) ++e2;
    if (e2 == e1 + 1 || e2 != end) continue;
    out.append(html, pos, name - pos);
    out += "minute-";
    out.append(html, d1, e1 - d1);
    pos = end;
  }
  out.append(html, pos, std::string_view::npos);
  return out;
}

// Elements whose text is not read as words: it is written as it is, and no
// '<' in it starts a tag.
constexpr std::string_view kRawElements[][2] = {{"<style", "</style"},
                                                {"<script", "</script"},
                                                {"<pre", "</pre"},
                                                {"<title", "</title"}};

class PageWalk {
 public:
  PageWalk(const std::string& html, const PageFinish& finish)
      : in_(html),
        f_(finish),
        blank_lines_(memmem(html.data(), html.size(), "<pre", 4) != nullptr) {
    out_.reserve(html.size() + html.size() / 8);
    if (f_.glossary && !f_.glossary->Empty()) {
      main_open_ = html.find("<main");
      main_close_ = html.rfind("</main>");
      if (main_open_ != std::string::npos && main_close_ != std::string::npos)
        glossary_.emplace(*f_.glossary, f_.glossary_href, f_.page_key);
    }
  }

  std::string Run() {
    size_t i = 0;
    while (i < in_.size()) {
      if (in_[i] != '<') {
        size_t lt = std::min(in_.find('<', i), in_.size());
        Text(i, lt, false);
        i = lt;
        continue;
      }
      size_t gt = std::min(in_.find('>', i), in_.size() - 1);
      std::string_view close = Tag(i, gt);
      i = gt + 1;
      if (!close.empty()) {  // a raw element's text, up to its end tag
        size_t end = std::min(in_.find(close, i), in_.size());
        if (end > i) Text(i, end, true);
        i = end;
      }
    }
    if (f_.drop_blank_lines) blank_lines_.Finish(out_);
    return std::move(out_);
  }

 private:
  bool InMain(size_t at) const {
    return glossary_ && at >= main_open_ && at < main_close_;
  }

  // The tag in_[lt, gt]: returns the end tag of the raw element it opens, if any.
  std::string_view Tag(size_t lt, size_t gt) {
    std::string_view tag(in_.data() + lt, gt + 1 - lt);
    const std::string_view as_rendered = tag;
    std::string rewritten;
    if (f_.rendition && tag.find("@/") != std::string_view::npos) {
      rewritten = urls::ResolveSiteLinks(std::string(tag), f_.page_path, *f_.rendition);
      tag = rewritten;
    }
    if (f_.decision_links_to_minutes && tag.find('#') != std::string_view::npos) {
      rewritten = DecisionLinksToMinutes(tag);
      tag = rewritten;
    }
    if (f_.stack_tables_from > 0) StackTables(as_rendered, tag, gt);
    if (InMain(lt)) {
      glossary_->Tag(tag, out_);
    } else {
      out_.append(tag);
    }
    if (gt == stack_after_) WriteStacked(gt);
    DropBlankLinesSoFar();
    return RawElementEnd(as_rendered);
  }

  // The end tag ("</pre") of the raw element `tag` opens, or "".
  static std::string_view RawElementEnd(std::string_view tag) {
    if (tag.size() < 4 || (tag[1] != 's' && tag[1] != 'p' && tag[1] != 't')) return {};
    for (const auto& [open, close] : kRawElements)
      if (tag.starts_with(open)) return close;
    return {};
  }

  // Blank lines are dropped from what is written, a few kilobytes at a time.
  void DropBlankLinesSoFar() {
    if (f_.drop_blank_lines && out_.size() - dropped_to_ > 8192) {
      blank_lines_.Drop(out_);
      dropped_to_ = out_.size();
    }
  }

  // The text in_[from, to); `raw` inside <pre>, <script> and the like.
  void Text(size_t from, size_t to, bool raw) {
    std::string_view text(in_.data() + from, to - from);
    if (f_.sentence_case && !raw && SentenceCase(text, *f_.sentence_case, cased_))
      text = cased_;
    if (table_open_) table_.append(text);
    if (InMain(from)) {
      // Sentence case keeps the text's length: what follows a word in the
      // page is at the same place in the page as rendered.
      glossary_->Text(text, std::string_view(in_).substr(from, main_close_ - from), out_);
    } else {
      out_.append(text);
    }
    DropBlankLinesSoFar();
  }

  // Large print: a table is kept as it is finished so far, and its stacked
  // copy written after it (after its wrapper, if it has one).
  void StackTables(std::string_view as_rendered, std::string_view tag, size_t gt) {
    if (as_rendered.starts_with("<table")) table_open_ = true;
    if (!table_open_) return;
    table_.append(tag);
    if (!as_rendered.starts_with("</table>")) return;
    table_open_ = false;
    stacked_ = StackedTable(table_, f_.stack_tables_from);
    table_.clear();
    if (!stacked_.empty()) stack_after_ = WrapperEnd(gt);
  }

  // Where a table ending at in_[gt] ends with its wrapper: the '>' of a
  // "</div>" right after it, or on the next line (blank lines between, as
  // they are dropped), else gt.
  size_t WrapperEnd(size_t gt) const {
    const std::string_view rest = std::string_view(in_).substr(gt + 1);
    if (rest.starts_with("</div>")) return gt + 6;
    const size_t lt = rest.find('<');
    if (lt == std::string_view::npos || !rest.substr(lt).starts_with("</div>")) return gt;
    const std::string_view between = rest.substr(0, lt);
    const bool next_line =
        between == "\n" ||
        (f_.drop_blank_lines && between.front() == '\n' && between.back() == '\n' &&
         between.find_first_not_of(" \t\r\n") == std::string_view::npos);
    return next_line ? gt + 1 + lt + 5 : gt;
  }

  // The stacked copy, after in_[at]: in <main>, its terms are linked as the
  // rest of the page's are (the table before it has explained them).
  void WriteStacked(size_t at) {
    stack_after_ = std::string::npos;
    const std::string stacked = std::move(stacked_);
    if (!InMain(at)) {
      out_.append(stacked);
      return;
    }
    const std::string_view html(stacked);
    for (size_t i = 0; i < html.size();) {
      if (html[i] == '<') {
        size_t gt = std::min(html.find('>', i), html.size() - 1);
        glossary_->Tag(html.substr(i, gt + 1 - i), out_);
        i = gt + 1;
      } else {
        size_t lt = std::min(html.find('<', i), html.size());
        glossary_->Text(html.substr(i, lt - i), html.substr(i), out_);
        i = lt;
      }
    }
  }

  const std::string& in_;
  const PageFinish& f_;
  std::string out_;
  std::string cased_;  // the text in sentence case
  BlankLineDropper blank_lines_;
  size_t dropped_to_ = 0;  // out_[0, dropped_to_) has no blank line
  // Large print's tables.
  bool table_open_ = false;
  std::string table_;    // the open table, finished so far
  std::string stacked_;  // its stacked copy, to write after stack_after_
  size_t stack_after_ = std::string::npos;
  // The glossary: in <main> only.
  size_t main_open_ = std::string::npos, main_close_ = std::string::npos;
  std::optional<GlossaryExpander::Walk> glossary_;
};

}  // namespace

std::string FinishPage(const std::string& html, const PageFinish& finish) {
  return PageWalk(html, finish).Run();
}

}  // namespace clerk
