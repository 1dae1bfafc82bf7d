#include "incremental/search_parts_file.h"

#include <fstream>
#include <string_view>

namespace clerk {
namespace {

constexpr std::string_view kHeader = "# clerk search parts v2";
constexpr std::string_view kPart = "part ";
constexpr std::string_view kPage = "page ";

// "<32 hex> <rest>": the fingerprint, and `rest`; false if not so.
bool SplitFingerprint(std::string_view line, Fingerprint& fingerprint,
                      std::string_view& rest) {
  if (line.size() < 34 || line[32] != ' ') return false;
  if (!Fingerprint::FromHex(line.substr(0, 32), fingerprint)) return false;
  rest = line.substr(33);
  return !rest.empty();
}

// One line into `state`, under the part `current` (null before the first);
// false if the line is not one this file holds.
bool ReadLine(std::string_view line, SearchPartsState& state, IndexedPart*& current) {
  std::string_view rest;
  Fingerprint fingerprint;
  if (line.substr(0, kPart.size()) == kPart) {
    if (!SplitFingerprint(line.substr(kPart.size()), fingerprint, rest)) return false;
    current = &state[std::string(rest)];
    current->stamp = fingerprint;
    return true;
  }
  if (line.substr(0, kPage.size()) != kPage || !current) return false;
  if (!SplitFingerprint(line.substr(kPage.size()), fingerprint, rest)) return false;
  const size_t space = rest.find(' ');
  if (space == std::string_view::npos || space == 0 || space + 1 == rest.size())
    return false;
  const std::string_view id = rest.substr(0, space);
  current->pages[std::string(rest.substr(space + 1))] = {
      fingerprint, id == "-" ? std::string() : std::string(id)};
  return true;
}

}  // namespace

SearchPartsState ReadSearchPartsFile(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return {};
  SearchPartsState state;
  IndexedPart* current = nullptr;
  while (std::getline(in, line)) {
    if (!ReadLine(line, state, current)) return {};
  }
  return state;
}

std::string FormatSearchPartsFile(const SearchPartsState& state) {
  std::string text = std::string(kHeader) + "\n";
  for (const auto& [dir, part] : state) {
    text.append(kPart).append(part.stamp.Hex()).append(" ").append(dir).append("\n");
    for (const auto& [path, page] : part.pages) {
      text.append(kPage).append(page.content.Hex()).append(" ");
      text.append(page.id.empty() ? "-" : page.id).append(" ").append(path).append("\n");
    }
  }
  return text;
}

}  // namespace clerk
