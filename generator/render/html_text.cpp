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
  std::string out;
  out.reserve(html.size());
  int pre_depth = 0;
  size_t pos = 0;
  while (pos < html.size()) {
    size_t end = html.find('\n', pos);
    if (end == std::string::npos) end = html.size();
    std::string_view line(html.data() + pos, end - pos);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank || pre_depth > 0) {
      out.append(line);
      out += '\n';
    }
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
    pre_depth = std::max(0, pre_depth + opens - closes);
    pos = end + 1;
  }
  return out;
}

std::string TelHref(const std::string& phone) {
  std::string out = "tel:";
  for (char c : phone) {
    if (ascii::IsDigit(c) || c == '+') out += c;
  }
  return out;
}

}  // namespace clerk
