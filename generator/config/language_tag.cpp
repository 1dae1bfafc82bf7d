#include "config/language_tag.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace clerk {
namespace {

// ISO 639-1: every two-letter primary language subtag BCP 47 allows. Five to
// eight letter primary subtags are well-formed in the grammar but none is
// registered, so a word like "english" is refused by not being listed here.
constexpr std::array<std::string_view, 184> kIso6391 = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be",
    "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs",
    "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu",
    "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha",
    "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik",
    "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn",
    "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt",
    "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os",
    "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd",
    "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv",
    "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw",
    "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za",
    "zh", "zu"};

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsAlnum(char c) {
  return IsAlpha(c) || IsDigit(c);
}

bool All(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> Split(std::string_view tag) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dash = tag.find('-', start);
    parts.push_back(
        tag.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) return parts;
    start = dash + 1;
  }
}

bool PrimaryLanguage(std::string_view s) {
  if (s.size() == 3) return All(s, IsAlpha);
  if (s.size() != 2 || !All(s, IsAlpha)) return false;
  std::string lower = Lower(s);
  return std::find(kIso6391.begin(), kIso6391.end(), lower) != kIso6391.end();
}

// The subtags after the primary language, in the order RFC 5646 section
// 2.1 gives them; each kind is optional but may not come after a later one.
bool Rest(const std::vector<std::string_view>& parts) {
  size_t i = 1;
  auto at = [&]() -> std::string_view { return i < parts.size() ? parts[i] : ""; };
  for (int ext = 0; ext < 3 && at().size() == 3 && All(at(), IsAlpha); ++ext)
    ++i;                                            // extlang
  if (at().size() == 4 && All(at(), IsAlpha)) ++i;  // script
  if ((at().size() == 2 && All(at(), IsAlpha)) ||
      (at().size() == 3 && All(at(), IsDigit)))
    ++i;  // region
  while ((at().size() >= 5 && at().size() <= 8 && All(at(), IsAlnum)) ||
         (at().size() == 4 && IsDigit(at()[0]) && All(at(), IsAlnum)))
    ++i;  // variants
  // Extensions (a singleton other than x, then 2-8 character subtags) and a
  // private-use part (x, then 1-8 character subtags).
  while (i < parts.size()) {
    std::string_view single = at();
    if (single.size() != 1 || !IsAlnum(single[0])) return false;
    bool private_use = single == "x" || single == "X";
    ++i;
    size_t count = 0;
    while (i < parts.size() && All(at(), IsAlnum) && at().size() <= 8 &&
           (private_use || at().size() >= 2)) {
      ++i;
      ++count;
    }
    if (count == 0) return false;
    if (private_use) break;
  }
  return i == parts.size();
}

}  // namespace

bool CheckLanguageTag(const std::string& tag, std::string* error) {
  std::vector<std::string_view> parts = Split(tag);
  if (PrimaryLanguage(parts[0]) && Rest(parts)) return true;
  std::string hint;
  if (tag.find('_') != std::string::npos) hint = " (with hyphens, not underscores)";
  *error = "'" + tag + "' is not a language tag" + hint +
           ": write a BCP 47 tag such as en-GB (English), cy-GB (Welsh) or en";
  return false;
}

}  // namespace clerk
