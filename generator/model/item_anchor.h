// The id an agenda item's number gives its place on the meeting page. The
// links stage checks that two items never share one; the render stage
// writes it (urls::ItemAnchor), so both read it from here.
#pragma once

#include <string>

namespace clerk {

// An agenda item number made safe for an id: "1(2)" -> "1-2", "7" -> "7".
// Runs of anything but ASCII letters and digits become one hyphen; letters
// are made small.
inline std::string ItemAnchorSuffix(const std::string& full_number) {
  std::string out;
  bool pending = false;
  for (unsigned char c : full_number) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (ok) {
      if (pending && !out.empty()) out += '-';
      pending = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      pending = true;
    }
  }
  return out.empty() ? "x" : out;
}

}  // namespace clerk
