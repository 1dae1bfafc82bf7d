#include "render/picture_address.h"

#include <vector>

#include "model/ascii.h"
#include "model/utf8.h"

namespace clerk {
namespace {

std::string PercentDecoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int high = ascii::HexValue(text[i + 1]), low = ascii::HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        unsigned char c = static_cast<unsigned char>(high * 16 + low);
        // A control character or a slash decoded from an escape is no part
        // of a file name a clerk saved; keep the escape as it is.
        if (c >= 0x20 && c != 0x7F && c != '/') {
          out += static_cast<char>(c);
          i += 2;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::string PictureFileName(std::string_view address) {
  address = address.substr(0, address.find_first_of("?#"));
  std::vector<std::string_view> segments;
  size_t from = 0;
  while (from <= address.size()) {
    size_t slash = address.find('/', from);
    if (slash == std::string_view::npos) slash = address.size();
    std::string_view segment = address.substr(from, slash - from);
    if (!segment.empty() && segment != ".") segments.push_back(segment);
    from = slash + 1;
  }
  std::string path;
  for (std::string_view segment : segments) {
    if (!path.empty()) path += '/';
    // Escapes that decode to bytes that are not UTF-8 name no file a clerk
    // saved: keep them as written, so messages show only text.
    std::string decoded = PercentDecoded(segment);
    path += utf8::IsValid(decoded) ? decoded : std::string(segment);
  }
  return path;
}

bool HasPictureExtension(std::string_view name) {
  std::string lower = ascii::Lower(std::string(name));
  for (std::string_view ext : {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}) {
    if (lower.size() > ext.size() && lower.ends_with(ext)) return true;
  }
  return false;
}

std::string PictureNameProblem(const std::string& name, const std::string& written) {
  if (name == ".." || name.starts_with("../") || name.find("/../") != std::string::npos ||
      name.ends_with("/.."))
    return "";
  if (!HasPictureExtension(name))
    return "'" + written +
           "' is not a picture (.png .jpg .jpeg .gif .svg .webp): to point to "
           "anything else, write a link, [what it is](address), without the '!'";
  size_t slash = name.rfind('/');
  if (slash != std::string::npos)
    return "picture '" + written +
           "' is in a subfolder: pictures sit beside the paper in the meeting folder, "
           "not in a subfolder; move it there and write ![...](" +
           name.substr(slash + 1) + ")";
  return "";
}

}  // namespace clerk
