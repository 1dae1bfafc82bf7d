#include "incremental/known_bodies.h"

#include <string_view>

#include "incremental/batch_file.h"

namespace clerk {
namespace {

constexpr std::string_view kHeader = "# clerk known bodies v2";

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
  return batch_file::HoldsNone(text, "\t\n\r");
}

// Whether `body` may be kept (see SaveKnownBodies).
bool Keepable(const std::string& key, const BodySummary& body) {
  bool plain = body.clean && Plain(key) && !key.empty();
  for (const SiteLink& link : body.site_links)
    plain = plain && Plain(link.pos.path) && Plain(link.target);
  return plain;
}

void AppendRecord(std::string& text, const std::string& key, const BodySummary& body) {
  text += "B " + body.source.Hex() + " " + std::to_string(body.site_links.size()) + " " +
          key + "\n";
  for (const SiteLink& link : body.site_links) {
    text += "L " + std::to_string(link.pos.line) + " " + std::to_string(link.pos.column) +
            " " + link.pos.path + "\t" + link.target + "\n";
  }
}

}  // namespace

std::optional<KnownBodies> LoadKnownBodies(const std::string& out_dir) {
  KnownBodies known;
  // One record: "R <key>", or "B ..." and its "L ..." lines.
  auto record = [&](std::string_view line, LineReader& lines) {
    std::string_view rest = line;
    std::string_view kind = Field(rest);
    if (kind == "R" && !rest.empty()) return known.bodies.erase(std::string(rest)) == 1;
    long long links = 0;
    BodySummary body;
    if (kind != "B" || !Fingerprint::FromHex(Field(rest), body.source) ||
        !ParseInt(Field(rest), links) || rest.empty())
      return false;
    std::string key(rest);
    std::vector<SiteLink> read;
    for (long long i = 0; i < links; ++i) {
      std::string_view l;
      if (!lines.Next(l)) return false;
      long long number = 0, column = 0;
      if (Field(l) != "L" || !ParseInt(Field(l), number) || !ParseInt(Field(l), column))
        return false;
      size_t tab = l.find('\t');
      if (tab == std::string_view::npos) return false;
      SiteLink link;
      link.pos = SourcePos{std::string(l.substr(0, tab)), static_cast<int>(number),
                           static_cast<int>(column)};
      link.target = std::string(l.substr(tab + 1));
      read.push_back(std::move(link));
    }
    body.site_links = std::move(read);
    known.bodies[key] = std::move(body);
    return true;
  };
  std::optional<batch_file::Extent> extent =
      batch_file::ReadBatches(out_dir + "/" + kKnownBodiesName, kHeader, record);
  if (!extent) return std::nullopt;
  known.read = *extent;
  return known;
}

bool SaveKnownBodies(const std::map<std::string, BodySummary>& bodies,
                     const std::string& path, const KnownBodies* before,
                     batch_file::Extent* after) {
  return batch_file::SaveRecords(
      path, kHeader, bodies, before ? &before->bodies : nullptr,
      before ? before->read : batch_file::Extent{}, Keepable,
      [](const BodySummary& a, const BodySummary& b) {
        return a.source == b.source && a.site_links == b.site_links && a.clean == b.clean;
      },
      AppendRecord, after);
}

KnownBodies KnownBodiesAsSaved(std::map<std::string, BodySummary> bodies,
                               batch_file::Extent after, const KnownBodies* before) {
  // A body as the file held it before is kept still (see AppendChanges):
  // the two maps are walked side by side, in key order.
  auto was = before ? before->bodies.begin()
                    : std::map<std::string, BodySummary>::const_iterator{};
  auto was_end = before ? before->bodies.end() : was;
  std::erase_if(bodies, [&](const auto& entry) {
    while (was != was_end && was->first < entry.first) ++was;
    if (was != was_end && was->first == entry.first &&
        was->second.source == entry.second.source &&
        was->second.site_links == entry.second.site_links && entry.second.clean)
      return false;
    return !Keepable(entry.first, entry.second);
  });
  return {std::move(bodies), after};
}

}  // namespace clerk
