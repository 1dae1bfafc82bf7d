#include "render/html_text.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "model/ascii.h"

namespace clerk {

namespace {

std::string Escape(const std::string& text, bool apostrophe) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        if (apostrophe) {
          out += "&#39;";
          break;
        }
        [[fallthrough]];
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  return Escape(text, true);
}

std::string EscapeXml(const std::string& text) {
  return Escape(text, false);
}

std::string Slugify(const std::string& text) {
  std::string out;
  bool pending_hyphen = false;
  for (unsigned char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      alnum = true;
    }
    if (c == '\'' || c >= 0x80) continue;  // "children's" -> "childrens"
    if (alnum) {
      if (pending_hyphen && !out.empty()) out += '-';
      pending_hyphen = false;
      out += static_cast<char>(c);
    } else {
      pending_hyphen = true;
    }
  }
  return out.empty() ? "section" : out;
}

std::string UnwrapParagraph(const std::string& html) {
  std::string h = html;
  while (!h.empty() && (h.back() == '\n' || h.back() == ' ')) h.pop_back();
  if (h.rfind("<p>", 0) != 0 || h.size() < 7 || h.compare(h.size() - 4, 4, "</p>") != 0)
    return html;
  std::string inner = h.substr(3, h.size() - 7);
  if (inner.find("<p>") != std::string::npos || inner.find("</p>") != std::string::npos)
    return html;
  return inner;
}

std::string DropBlankLines(const std::string& html) {
  std::string out = html;
  BlankLineDropper dropper;
  dropper.Drop(out);
  dropper.Finish(out);
  return out;
}

bool BlankLineDropper::EndLine(const std::string& out, size_t end) {
  std::string_view line(out.data() + line_start_, end - line_start_);
  bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
  bool stays = !blank || pre_depth_ > 0;
  if (!pre_possible_) return stays;
  // <pre> and </pre> on this line, in one pass over its tags.
  int opens = 0, closes = 0;
  for (const char* lt =
           static_cast<const char*>(std::memchr(line.data(), '<', line.size()));
       lt != nullptr;) {
    std::string_view rest(lt, line.data() + line.size() - lt);
    if (rest.substr(0, 4) == "<pre") {
      char next = rest.size() > 4 ? rest[4] : '>';
      if (next == '>' || next == ' ') ++opens;
    } else if (rest.substr(0, 6) == "</pre>") {
      ++closes;
    }
    lt = static_cast<const char*>(std::memchr(lt + 1, '<', rest.size() - 1));
  }
  pre_depth_ = std::max(0, pre_depth_ + opens - closes);
  return stays;
}

void BlankLineDropper::Drop(std::string& out) {
  // Lines are moved down over the dropped ones: out[0, write) is settled.
  size_t read = scanned_, write = scanned_;
  for (;;) {
    size_t nl = out.find('\n', read);
    size_t end = nl == std::string::npos ? out.size() : nl + 1;
    if (write != read) std::memmove(out.data() + write, out.data() + read, end - read);
    write += end - read;
    read = end;
    if (nl == std::string::npos) break;
    if (!EndLine(out, write - 1)) write = line_start_;
    line_start_ = write;
  }
  out.resize(write);
  scanned_ = write;
}

void BlankLineDropper::Finish(std::string& out) {
  Drop(out);
  if (line_start_ == out.size()) return;
  if (EndLine(out, out.size())) {
    out += '\n';
  } else {
    out.resize(line_start_);
  }
  line_start_ = scanned_ = out.size();
}

std::string TelHref(const std::string& phone) {
  std::string out = "tel:";
  for (char c : phone) {
    if (ascii::IsDigit(c) || c == '+') out += c;
  }
  return out;
}

}  // namespace clerk
