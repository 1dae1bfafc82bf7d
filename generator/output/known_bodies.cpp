#include "output/known_bodies.h"

#include <string_view>

#include "content/source_files.h"
#include "output/atomic_write.h"
#include "output/line_reader.h"

namespace clerk {
namespace {

constexpr const char* kHeader = "# clerk known bodies v1";

bool ParseInt(std::string_view text, long long& out) {
  if (text.empty() || text.size() > 12) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// Splits off the text before the next space.
std::string_view Field(std::string_view& rest) {
  size_t space = rest.find(' ');
  std::string_view field = rest.substr(0, space);
  rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
  return field;
}

bool Plain(const std::string& text) {
  return text.find_first_of("\t\n\r") == std::string::npos;
}

}  // namespace

std::optional<std::map<std::string, BodySummary>> LoadKnownBodies(
    const std::string& out_dir) {
  std::string bytes;
  if (!ReadWholeFile(out_dir + "/" + kKnownBodiesName, &bytes)) return std::nullopt;
  LineReader lines(bytes);
  std::string_view line;
  if (!lines.Next(line) || line != kHeader) return std::nullopt;
  std::map<std::string, BodySummary> bodies;
  while (lines.Next(line)) {
    if (line.rfind("# end ", 0) == 0) {
      long long count = 0;
      if (!ParseInt(line.substr(6), count) ||
          static_cast<size_t>(count) != bodies.size() || lines.Next(line))
        return std::nullopt;
      return bodies;
    }
    std::string_view rest = line;
    long long links = 0;
    BodySummary body;
    if (Field(rest) != "B" || !Fingerprint::FromHex(Field(rest), body.source) ||
        !ParseInt(Field(rest), links) || rest.empty())
      return std::nullopt;
    std::string key(rest);
    for (long long i = 0; i < links; ++i) {
      if (!lines.Next(line)) return std::nullopt;
      std::string_view l = line;
      long long number = 0, column = 0;
      if (Field(l) != "L" || !ParseInt(Field(l), number) || !ParseInt(Field(l), column))
        return std::nullopt;
      size_t tab = l.find('\t');
      if (tab == std::string_view::npos) return std::nullopt;
      SiteLink link;
      link.pos = SourcePos{std::string(l.substr(0, tab)), static_cast<int>(number),
                           static_cast<int>(column)};
      link.target = std::string(l.substr(tab + 1));
      body.site_links.push_back(std::move(link));
    }
    bodies[key] = std::move(body);
  }
  return std::nullopt;  // no end line: cut short
}

bool SaveKnownBodies(const std::map<std::string, BodySummary>& bodies,
                     const std::string& path) {
  std::string text = std::string(kHeader) + "\n";
  size_t count = 0;
  for (const auto& [key, body] : bodies) {
    bool plain = body.clean && Plain(key) && !key.empty();
    for (const SiteLink& link : body.site_links)
      plain = plain && Plain(link.pos.path) && Plain(link.target);
    if (!plain) continue;
    text += "B " + body.source.Hex() + " " + std::to_string(body.site_links.size()) +
            " " + key + "\n";
    for (const SiteLink& link : body.site_links) {
      text += "L " + std::to_string(link.pos.line) + " " +
              std::to_string(link.pos.column) + " " + link.pos.path + "\t" + link.target +
              "\n";
    }
    ++count;
  }
  text += "# end " + std::to_string(count) + "\n";
  return WriteFileAtomically(path, text);
}

}  // namespace clerk
