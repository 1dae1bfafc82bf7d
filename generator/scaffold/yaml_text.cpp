#include "scaffold/yaml_text.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <sstream>
#include <vector>

namespace clerk::scaffold {

namespace {

char Lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string Lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Lower(c);
  return out;
}

// Words YAML reads as something other than text (true, null, a number).
bool ReadsAsOtherThanText(std::string_view text) {
  static const std::array<const char*, 12> kWords = {
      "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", "tbc", "tba"};
  const std::string lower = Lowered(text);
  for (const char* word : kWords)
    if (lower == word) return true;
  return std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '-' ||
         text.front() == '+' || text.front() == '.';
}

bool PlainIsSafe(std::string_view text) {
  if (text.empty() || ReadsAsOtherThanText(text)) return false;
  if (text.front() == ' ' || text.back() == ' ') return false;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) continue;
    if (std::string_view(" ,.'()/&?!;-").find(c) == std::string_view::npos) return false;
  }
  // Only a letter may start it: '&', '!', '?', '\'' ... start YAML syntax.
  unsigned char first = static_cast<unsigned char>(text.front());
  return std::isalpha(first) || first >= 0x80;
}

}  // namespace

std::string YamlString(std::string_view text) {
  return PlainIsSafe(text) ? std::string(text) : YamlQuoted(text);
}

std::string YamlQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      char code[8];
      std::snprintf(code, sizeof code, "\\x%02x", u);
      out += code;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

namespace {

// The plain letter of an accented Latin letter written as UTF-8 C3 xx (é, ñ,
// ö ...), so "Zoë Brontë" is "zoe-bronte"; 0 for anything else.
char PlainLetter(unsigned char second) {
  static const char kLetters[] = "aaaaaaaceeeeiiiidnooooo/ouuuuy";  // from 0x80
  unsigned char low = second >= 0xa0 ? second - 0x20 : second;
  if (low < 0x80 || low > 0x9d) return 0;
  char letter = kLetters[low - 0x80];
  return letter == '/' ? 0 : letter;
}

}  // namespace

std::string IdFromName(std::string_view name) {
  static const std::array<const char*, 14> kHonorifics = {
      "councillor", "cllr", "dr",        "mr",  "mrs",  "ms",  "miss",
      "mx",         "prof", "professor", "sir", "dame", "rev", "revd"};
  std::istringstream words{std::string(name)};
  std::vector<std::string> kept;
  std::string word;
  while (words >> word) {
    std::string bare;
    for (char c : word)
      if (std::isalpha(static_cast<unsigned char>(c))) bare += Lower(c);
    bool honorific = false;
    for (const char* h : kHonorifics) honorific = honorific || bare == h;
    if (kept.empty() && honorific) continue;
    kept.push_back(word);
  }
  std::string id;
  bool gap = false;
  for (const std::string& w : kept) {
    gap = !id.empty();
    for (size_t i = 0; i < w.size(); ++i) {
      unsigned char u = static_cast<unsigned char>(w[i]);
      char c = w[i];
      if (u == 0xc3 && i + 1 < w.size()) {
        c = PlainLetter(static_cast<unsigned char>(w[++i]));
        u = static_cast<unsigned char>(c);
        if (c == 0) continue;
      }
      if (c == '\'' || u >= 0x80) continue;  // O'Neill -> oneill
      if (std::isalnum(u)) {
        if (gap) id += '-';
        gap = false;
        id += Lower(c);
      } else {
        gap = !id.empty();
      }
    }
  }
  return id;
}

}  // namespace clerk::scaffold
