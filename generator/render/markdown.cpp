// Markdown to HTML: cmark-gfm parses, then we edit the tree before cmark-gfm's
// HTML renderer runs:
//   - raw HTML nodes are reported and removed;
//   - links and images with unsafe schemes are reported and unwrapped;
//   - headings become custom blocks that print <hN id="...">, so they carry
//     ids and their levels fit under the page's own headings;
//   - tables get a <caption> and scope="col", added to the rendered table
//     HTML afterwards (their scrolling region comes with the page's:
//     render/table_regions.h);
//   - (minutes) **Resolved** / **Action** paragraphs are wrapped in a <div>;
//   - table cells: a `{status: red}` mark becomes the word and a shape, and
//     `- one; - two` a list (render/table_cells.h). cmark-gfm's table cells
//     take only a few kinds of inline node, so these are text nodes holding
//     a marker, replaced by their HTML after rendering.
// Inline nodes' text points into their block's buffer, so nodes we take out
// are unlinked during editing and freed only after rendering.
#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <string_view>

#include "content/cmark_nodes.h"
#include "content/yaml_reader.h"
#include "model/ascii.h"
#include "model/did_you_mean.h"
#include "render/html_text.h"
#include "render/picture_address.h"
#include "render/table_cells.h"
#include "render/text_columns.h"
#include "render/unique_ids.h"

namespace clerk {
namespace {

constexpr int kCmarkOptions = CMARK_OPT_FOOTNOTES |
                              CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES |
                              CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

void EnsureExtensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

using ascii::Lower;

std::string PlainText(cmark_node* node) {
  std::string text;
  CollectText(node, text);
  // Collapse whitespace and trim.
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// The tag name of a raw HTML snippet: "<b class=x>" -> "b", "</p>" -> "p".
std::string TagName(const std::string& html, bool& closing, bool& comment) {
  size_t i = html.find('<');
  closing = false;
  comment = false;
  if (i == std::string::npos) return "";
  ++i;
  if (html.compare(i, 3, "!--") == 0) {
    comment = true;
    return "";
  }
  if (i < html.size() && html[i] == '/') {
    closing = true;
    ++i;
  }
  std::string name;
  while (i < html.size() && ascii::IsAlnum(html[i])) {
    name += ascii::ToLower(html[i]);
    ++i;
  }
  return name;
}

std::string FirstLine(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  if (line.size() > 40) {
    // Cut between characters, not inside one (the message quotes it, and
    // must stay UTF-8: cmark writes a NUL as the three bytes of U+FFFD).
    size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return line;
}

std::string RawHtmlAdvice(const std::string& tag, bool comment) {
  if (comment) return "delete the comment; Markdown has no hidden text";
  static const std::pair<const char*, const char*> kAdvice[] = {
      {"b", "write '<b>' as **bold**"},
      {"strong", "write '<strong>' as **bold**"},
      {"i", "write '<i>' as *italic*"},
      {"em", "write '<em>' as *italic*"},
      {"u", "underlining looks like a link; use **bold** for emphasis"},
      {"br",
       "end the line with a backslash (\\) or start a new paragraph with a blank line"},
      {"p", "separate paragraphs with a blank line"},
      {"a", "write a link as [link text](https://...)"},
      {"img", "write an image as ![description](path)"},
      {"ul", "write a list with '- ' at the start of each line"},
      {"ol", "write a numbered list with '1. ' at the start of each line"},
      {"li", "write a list with '- ' at the start of each line"},
      {"table", "write a table with pipes: | Heading | Heading |"},
      {"h1", "write headings with '#'"},
      {"h2", "write headings with '##'"},
      {"h3", "write headings with '###'"},
      {"h4", "write headings with '####'"},
      {"sup", "write a footnote as [^1] and its text as [^1]: ..."},
      {"s", "write struck-out text as ~~text~~"},
      {"del", "write struck-out text as ~~text~~"},
  };
  for (const auto& [name, advice] : kAdvice) {
    if (tag == name) return advice;
  }
  return "write it in Markdown instead (**bold**, lists, tables, [links](https://...))";
}

// "javascript:", "vbscript:", "data:", "file:" links are refused. Browsers
// skip leading whitespace and control characters, and ignore tabs and
// newlines inside the scheme, so we do too.
bool UnsafeUrl(const char* url) {
  if (!url) return false;
  std::string scheme;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(url);
  while (*p && *p <= 0x20) ++p;
  for (; *p && *p != ':'; ++p) {
    if (*p == '\t' || *p == '\n' || *p == '\r') continue;
    if (*p == '/' || *p == '?' || *p == '#') return false;
    scheme += static_cast<char>(std::tolower(*p));
  }
  if (!*p) return false;
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data" ||
         scheme == "file";
}

// The paragraph number a text starts with when it has a decimal point
// ("3.4.2 The service", "2.1. Members"): "3.4.2", "2.1"; else "". A plain
// "3." is a Markdown list item, numbered as such.
std::string DecimalNumber(std::string_view text) {
  size_t i = 0, parts = 0;
  while (true) {
    size_t digits = 0;
    while (i < text.size() && ascii::IsDigit(text[i]) && digits < 4) ++i, ++digits;
    if (digits == 0) return "";
    ++parts;
    if (i + 1 < text.size() && text[i] == '.' && ascii::IsDigit(text[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  size_t end = i;
  if (i < text.size() && text[i] == '.') ++i;
  if (parts < 2 || i >= text.size() || (text[i] != ' ' && text[i] != '\t')) return "";
  return std::string(text.substr(0, end));
}

// "https:", "mailto:": a scheme before any '/', '?' or '#'.
bool HasScheme(const std::string& url) {
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i > 0;
    if (!ascii::IsAlnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

struct TableInfo {
  std::string marker;  // the exact on_enter text, to find it again
  std::string caption;
};

class Renderer {
 public:
  Renderer(const std::string& text, const SourcePos& start,
           const MarkdownOptions& options, Diagnostics& diag)
      : start_(start), options_(options), diag_(diag), columns_(text) {
    for (const std::string& id : options.reserved_ids) used_ids_.Reserve(id);
  }

  MarkdownResult Run(const std::string& text) {
    EnsureExtensions();
    cmark_parser* parser = cmark_parser_new(kCmarkOptions);
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser, ext);
      }
    }
    const std::string source = TableCells::WithoutMarkerBytes(text);
    cmark_parser_feed(parser, source.data(), source.size());
    cmark_node* doc = cmark_parser_finish(parser);

    RemoveRawHtml(doc);
    Edit(doc);
    cells_.Edit(doc);

    char* html =
        cmark_render_html(doc, kCmarkOptions, cmark_parser_get_syntax_extensions(parser));
    result_.html = html ? html : "";
    std::free(html);
    for (cmark_node* n : detached_) cmark_node_free(n);
    cmark_node_free(doc);
    cmark_parser_free(parser);

    PostProcess();
    return std::move(result_);
  }

 private:
  static constexpr const char* kExtensions[] = {"table", "autolink", "strikethrough",
                                                "tagfilter"};

  // A picture named by a relative path ("chart.png") is a file of the
  // paper's meeting folder: it becomes a site link to the copy beside the
  // meeting's page, checked like any other. One that is not there is an
  // error, where a browser would show a broken picture. The address is read
  // as a browser would ("./chart.png", "site%20plan.png").
  void LocalPicture(cmark_node* node, const std::string& url) {
    if (url.empty() || url[0] == '/' || url[0] == '#' || url.rfind("@/", 0) == 0 ||
        HasScheme(url))
      return;
    std::string name = PictureFileName(url);
    std::string written = FirstLine(url.substr(0, url.find_first_of("?#")));
    static const std::vector<std::string> kNone;
    const std::vector<std::string>& names = options_.images ? *options_.images : kNone;
    if (std::find(names.begin(), names.end(), name) != names.end()) {
      std::string link = "@/" + options_.images_base + name;
      cmark_node_set_url(node, link.c_str());
      result_.site_links.push_back({At(node), link});
      return;
    }
    std::string problem = PictureNameProblem(name, written);
    if (!problem.empty() && options_.images) {
      diag_.Error(At(node), problem);
      return;
    }
    std::string hint;
    for (const std::string& n : names)
      if (Lower(n) == Lower(name))
        hint = "; did you mean '" + n + "'? (the name must match in capitals too)";
    if (hint.empty()) hint = DidYouMean(name, names);
    std::string where =
        options_.images
            ? "put the file beside this paper, in its meeting folder"
            : "put the file in assets/ and write ![what it shows](@/assets/" + name + ")";
    diag_.Error(At(node), "picture '" + written + "' not found: " + where + hint);
  }

  SourcePos At(cmark_node* node) const {
    return Place(StartLine(node), cmark_node_get_start_column(node));
  }

  // A 1-based line and byte column of the text, in its file: the column
  // counted in characters, as an editor shows it (Markdown files; text from
  // YAML is placed by the YAML side, which counts bytes).
  SourcePos Place(int line, int column) const {
    if (options_.map_position) return options_.map_position(line, column);
    SourcePos pos = start_;
    int base_line = start_.line > 0 ? start_.line : 1;
    pos.line = line > 0 ? base_line + line - 1 : start_.line;
    pos.column = column > 0
                     ? columns_.CharColumn(line, column) + std::max(0, start_.column - 1)
                     : 0;
    return pos;
  }

  // cmark-gfm gives a link or picture the line its text ends on (with the
  // column of its '['), so one whose text runs over a line break would be
  // reported too low. Its text starts on the line of the '[': that of the
  // first thing in it, less the line breaks before that. Checked against the
  // text (cmark-gfm loses count after a code span over two lines).
  int StartLine(cmark_node* node) const {
    int line = cmark_node_get_start_line(node);
    cmark_node_type type = cmark_node_get_type(node);
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) return line;
    int breaks = 0, first = 0;
    for (cmark_node* n : CmarkNodes(node)) {
      if (n == node) continue;
      cmark_node_type t = cmark_node_get_type(n);
      if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
        ++breaks;
      } else if (cmark_node_get_start_line(n) > 0) {
        first = cmark_node_get_start_line(n);
        break;
      }
    }
    int opener = (first > 0 ? first : line) - breaks;
    char expected = type == CMARK_NODE_LINK ? '[' : '!';
    int column = cmark_node_get_start_column(node);
    return opener > 0 && columns_.At(opener, column) == expected ? opener : line;
  }

  void Detach(cmark_node* node) {
    cmark_node_unlink(node);
    detached_.push_back(node);
  }

  // Moves `node`'s children to just before it, then takes it out.
  void Unwrap(cmark_node* node) {
    while (cmark_node* child = cmark_node_first_child(node)) {
      cmark_node_insert_before(node, child);
    }
    Detach(node);
  }

  void RemoveRawHtml(cmark_node* doc) {
    std::set<std::string> reported;  // tags already reported, to skip their closing tags
    for (cmark_node* node : CmarkNodes(doc)) {
      cmark_node_type type = cmark_node_get_type(node);
      if (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE) continue;
      const char* lit = cmark_node_get_literal(node);
      std::string html = lit ? lit : "";
      bool closing = false, comment = false;
      std::string tag = TagName(html, closing, comment);
      if (!(closing && reported.count(tag))) {
        std::string shown = comment ? "<!-- -->" : FirstLine(html);
        diag_.Error(At(node),
                    "raw HTML is not allowed in Markdown and is left out: " +
                        std::string(comment ? "an HTML comment" : "'" + shown + "'") +
                        "; " + RawHtmlAdvice(tag, comment));
        if (!closing) reported.insert(tag);
      }
      Detach(node);
    }
  }

  void Edit(cmark_node* doc) {
    std::vector<cmark_node*> nodes = CmarkNodes(doc);
    // Heading levels: the fragment's highest heading lands one below the
    // page heading it sits under.
    int min_level = 7;
    for (cmark_node* n : nodes) {
      if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
        min_level = std::min(min_level, cmark_node_get_heading_level(n));
      }
    }
    int shift = options_.heading_offset + 1 - min_level;
    int previous_level = std::max(1, options_.heading_offset);
    std::string last_heading;
    int table_number = options_.first_table_number;

    for (cmark_node* node : nodes) {
      cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
        const char* url = cmark_node_get_url(node);
        if (UnsafeUrl(url)) {
          std::string shown = FirstLine(url);
          diag_.Error(At(node),
                      std::string(type == CMARK_NODE_LINK ? "link" : "image") + " to '" +
                          shown +
                          "' is refused: links may be https:, http:, mailto:, tel: "
                          "or relative; the text is kept without the link");
          Unwrap(node);
          continue;
        }
        // A picture nobody can hear is lost to screen-reader users (WCAG 1.1.1),
        // wherever the file comes from (@/assets/ too).
        if (type == CMARK_NODE_IMAGE && PlainText(node).empty())
          diag_.Error(At(node),
                      "image has no description: write ![what the picture shows](path)");
        if (url && std::strncmp(url, "@/", 2) == 0) {
          result_.site_links.push_back({At(node), url});
        } else if (type == CMARK_NODE_IMAGE && url) {
          LocalPicture(node, url);
        }
      } else if (type == CMARK_NODE_HEADING) {
        std::string text = PlainText(node);
        if (text.empty()) {
          diag_.Warning(At(node),
                        "empty heading left out: give it some text or delete it");
          Detach(node);
          continue;
        }
        int level = cmark_node_get_heading_level(node) + shift;
        level = std::min({level, previous_level + 1, 6});
        level = std::max(level, 1);
        previous_level = level;
        std::string id = used_ids_.Take(Slugify(text));
        result_.ids.push_back(id);
        result_.headings.push_back({level, text, id});
        last_heading = text;

        cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        std::string tag = "h" + std::to_string(level);
        std::string open = "<" + tag + " id=\"" + EscapeHtml(id) + "\">";
        std::string close = "</" + tag + ">";
        cmark_node_set_on_enter(block, open.c_str());
        cmark_node_set_on_exit(block, close.c_str());
        cmark_node_insert_before(node, block);
        while (cmark_node* child = cmark_node_first_child(node)) {
          cmark_node_append_child(block, child);
        }
        Detach(node);
      } else if (type == CMARK_NODE_PARAGRAPH && !options_.marked_blocks.empty()) {
        int line = At(node).line;
        const MarkedBlock* mark = nullptr;
        for (const MarkedBlock& b : options_.marked_blocks)
          if (b.line == line) mark = &b;
        if (mark) {
          used_ids_.Reserve(mark->id);
          result_.ids.push_back(mark->id);
          result_.decisions.push_back({mark->kind, mark->id, ""});
          cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
          std::string open =
              "<div class=\"" + mark->kind + "\" id=\"" + EscapeHtml(mark->id) + "\">";
          cmark_node_set_on_enter(block, open.c_str());
          cmark_node_set_on_exit(block, "</div>");
          cmark_node* list = cmark_node_next(node);
          cmark_node_insert_before(node, block);
          cmark_node_append_child(block, node);
          if (mark->with_list && list && cmark_node_get_type(list) == CMARK_NODE_LIST)
            cmark_node_append_child(block, list);
        }
      } else if (type == CMARK_NODE_PARAGRAPH && options_.number_paragraphs &&
                 cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT) {
        // "3.4.2 The service ...": numbered as printed, anchored "para-3.4.2".
        cmark_node* first = cmark_node_first_child(node);
        const char* text = first && cmark_node_get_type(first) == CMARK_NODE_TEXT
                               ? cmark_node_get_literal(first)
                               : nullptr;
        std::string number = text ? DecimalNumber(text) : "";
        if (!number.empty()) {
          std::string id = used_ids_.Take("para-" + number);
          result_.ids.push_back(id);
          cmark_node* anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
          std::string html = "<span class=\"para-anchor\" id=\"" + id + "\"></span>";
          cmark_node_set_on_enter(anchor, html.c_str());
          cmark_node_insert_before(first, anchor);
        }
      } else if (type == CMARK_NODE_LIST && options_.number_paragraphs &&
                 cmark_node_get_list_type(node) == CMARK_ORDERED_LIST &&
                 cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT) {
        int number = cmark_node_get_list_start(node);
        for (cmark_node* item = cmark_node_first_child(node); item;
             item = cmark_node_next(item), ++number) {
          std::string id = used_ids_.Take("para-" + std::to_string(number));
          result_.ids.push_back(id);
          cmark_node* anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
          std::string html = "<span class=\"para-anchor\" id=\"" + id + "\"></span>";
          cmark_node_set_on_enter(anchor, html.c_str());
          cmark_node* first = cmark_node_first_child(item);
          if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
            if (cmark_node* text = cmark_node_first_child(first))
              cmark_node_insert_before(text, anchor);
            else
              cmark_node_append_child(first, anchor);
          } else {
            cmark_node_free(anchor);
          }
        }
      } else if (std::strcmp(cmark_node_get_type_string(node), "table") == 0) {
        std::string caption = "Table " + std::to_string(table_number++);
        std::string about =
            last_heading.empty() ? options_.caption_fallback : last_heading;
        // An explicit caption: a paragraph "Table: ..." just above the table.
        cmark_node* before = cmark_node_previous(node);
        if (before && cmark_node_get_type(before) == CMARK_NODE_PARAGRAPH) {
          std::string text = PlainText(before);
          if (text.rfind("Table:", 0) == 0) {
            std::string explicit_caption = text.substr(6);
            explicit_caption.erase(0, explicit_caption.find_first_not_of(' '));
            if (!explicit_caption.empty()) about = explicit_caption;
            Detach(before);
          }
        }
        if (!about.empty()) caption += ": " + about;
        // A marker to find the table again for its caption; the page's
        // scrolling region is added with every other table's
        // (render/table_regions.h).
        TableInfo info;
        info.caption = caption;
        info.marker = "<!--clerk-table-" + std::to_string(tables_.size()) + "-->";
        cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        cmark_node_set_on_enter(block, info.marker.c_str());
        cmark_node_set_on_exit(block, "");
        cmark_node_insert_before(node, block);
        cmark_node_append_child(block, node);
        tables_.push_back(std::move(info));
      }
    }
    result_.tables = static_cast<int>(tables_.size());
  }

  void PostProcess() {
    std::string& html = result_.html;
    cells_.ReplaceMarkers(html);
    // Each decision's HTML, for the decisions register: from its opening
    // <div> to the </div> that closes it (a table in its list has divs too).
    for (MarkdownDecision& d : result_.decisions) {
      std::string open = "<div class=\"" + d.kind + "\" id=\"" + d.id + "\">";
      size_t at = html.find(open);
      if (at == std::string::npos) continue;
      size_t from = at + open.size(), pos = from;
      for (int depth = 1; depth > 0;) {
        size_t next_open = html.find("<div", pos), next_close = html.find("</div>", pos);
        if (next_close == std::string::npos) break;
        if (next_open != std::string::npos && next_open < next_close) {
          ++depth;
          pos = next_open + 4;
        } else if (--depth == 0) {
          d.html = html.substr(from, next_close - from);
        } else {
          pos = next_close + 6;
        }
      }
    }
    // Captions: each marker is followed by its table.
    for (const TableInfo& t : tables_) {
      size_t at = html.find(t.marker);
      if (at == std::string::npos) continue;
      size_t table = html.find("<table>", at);
      if (table != std::string::npos)
        html.insert(table + 7, "\n<caption>" + EscapeHtml(t.caption) + "</caption>");
      html.erase(at, t.marker.size());
    }
    html = ReplaceAll(html, "<th>", "<th scope=\"col\">");
    html = ReplaceAll(html, "<th style=", "<th scope=\"col\" style=");

    if (html.find("data-footnotes") != std::string::npos) {
      std::string ns =
          options_.id_prefix.empty() ? "" : Slugify(options_.id_prefix) + "-";
      if (!ns.empty()) {
        html = ReplaceAll(html, "href=\"#fn-", "href=\"#fn-" + ns);
        html = ReplaceAll(html, "id=\"fn-", "id=\"fn-" + ns);
        html = ReplaceAll(html, "href=\"#fnref-", "href=\"#fnref-" + ns);
        html = ReplaceAll(html, "id=\"fnref-", "id=\"fnref-" + ns);
      }
      // Record the footnote ids so the caller can keep the page unique.
      for (const char* marker : {"id=\"fn-", "id=\"fnref-"}) {
        size_t pos = 0;
        while ((pos = html.find(marker, pos)) != std::string::npos) {
          size_t begin = pos + 4;
          size_t end = html.find('"', begin);
          result_.ids.push_back(html.substr(begin, end - begin));
          pos = end;
        }
      }
      // Give the notes a heading at the fragment's top level.
      int level = std::min(6, std::max(1, options_.heading_offset) + 1);
      std::string id =
          used_ids_.Take(ns.empty() ? "notes" : "notes-" + ns.substr(0, ns.size() - 1));
      result_.ids.push_back(id);
      std::string tag = "h" + std::to_string(level);
      html = ReplaceAll(html, "<section class=\"footnotes\" data-footnotes>",
                        "<section class=\"footnotes\" aria-labelledby=\"" + id +
                            "\">\n<" + tag + " id=\"" + id + "\">Notes</" + tag + ">");
    }
  }

  SourcePos start_;
  const MarkdownOptions& options_;
  Diagnostics& diag_;
  TextColumns columns_;
  UniqueIds used_ids_;  // linear however many headings share a text
  std::vector<cmark_node*> detached_;
  std::vector<TableInfo> tables_;
  TableCells cells_{[this](int line, int column) { return Place(line, column); }, diag_};
  MarkdownResult result_;
};

}  // namespace

MarkdownResult RenderMarkdown(const std::string& text, const SourcePos& start,
                              const MarkdownOptions& options, Diagnostics& diag) {
  Renderer renderer(text, start, options, diag);
  return renderer.Run(text);
}

}  // namespace clerk
