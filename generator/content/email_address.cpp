#include "content/email_address.h"

#include <algorithm>
#include <string_view>

namespace clerk {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Letters, digits, hyphens, and any byte of a UTF-8 sequence (an
// internationalised domain is written as itself or in its xn-- form).
bool IsDomainByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

std::string EmailProblem(const std::string& text) {
  std::string lower = text.substr(0, 7);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  });
  if (lower == "mailto:") return ": write it without 'mailto:' (Clerk makes the link)";
  if (std::any_of(text.begin(), text.end(), IsSpace)) return ": it holds a space";
  size_t at = text.find('@');
  if (at == std::string::npos) return ": it has no '@'";
  if (text.find('@', at + 1) != std::string::npos) return ": it has more than one '@'";
  if (at == 0) return ": nothing comes before the '@'";
  for (char c : text.substr(0, at))
    if (static_cast<unsigned char>(c) < 0x20 ||
        std::string_view("<>()[],;:\\\"").find(c) != std::string_view::npos)
      return ": '" + std::string(1, c) + "' may not be in it";
  std::string domain = text.substr(at + 1);
  if (domain.find('.') == std::string::npos)
    return ": the part after '@' needs a dot (example.org)";
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    std::string label =
        domain.substr(start, dot == std::string::npos ? dot : dot - start);
    if (label.empty()) return ": the part after '@' has an empty name between dots";
    if (!std::all_of(label.begin(), label.end(), IsDomainByte) || label.front() == '-' ||
        label.back() == '-')
      return ": '" + domain + "' is not a domain name";
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return "";
}

}  // namespace clerk
