// Bookkeeping files kept in batches (the build log, what is known of
// bodies), so that an edit build appends what changed instead of writing
// tens of megabytes afresh:
//   <header line>
//   <records of the first batch: the whole file as last written afresh>
//   # end <number of records in the batch>
//   <records that changed in a later build>
//   # end <number>
// A later record for a key replaces an earlier one. A batch cut short (a
// crash while appending) is not read, and the next append writes over it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "files/atomic_write.h"
#include "files/line_reader.h"

namespace clerk::batch_file {

inline constexpr std::string_view kEnd = "# end ";

// What ReadBatches found: where the complete batches end (to append
// after) and how many records they hold, replaced ones too.
struct Extent {
  uint64_t size = 0;
  size_t records = 0;
};

// Reads the complete batches of the file at `path`, whose first line must be
// `header`, calling `record` with the first line of each record; `record`
// may take more lines of the same record from `lines`, and returns false if
// the record is damaged. Nullopt if the file is missing, foreign or
// damaged, or a batch's count is wrong.
std::optional<Extent> ReadBatches(
    const std::string& path, std::string_view header,
    const std::function<bool(std::string_view line, LineReader& lines)>& record);

// Writes `bytes` at `offset` of the existing file at `path`, cutting off
// whatever followed. False on any failure, or if the file is shorter than
// `offset` (it is not the file that was read).
bool WriteAt(const std::string& path, uint64_t offset, const std::string& bytes);

// True when appending `added` records to a file of `in_file` records (live
// and replaced), to hold `live` live ones, would leave replaced records
// more than a quarter of the live ones: time to write the file afresh. So
// reading never parses much more than it keeps, and a build that changes
// every file (a new theme) writes the file once, not twice over.
inline bool TimeToRewrite(size_t in_file, size_t added, size_t live) {
  const size_t replaced = in_file + added > live ? in_file + added - live : 0;
  return replaced > live / 4 + 64;
}

// Whether `text` holds none of `bytes` (a few separators): records must
// not, to stay one field or one line. A plain loop: find_first_of calls
// memchr once per character, which was most of saving the bodies at
// N = 10,000.
inline bool HoldsNone(std::string_view text, std::string_view bytes) {
  for (char c : text)
    for (char b : bytes)
      if (c == b) return false;
  return true;
}

// The line that closes a batch of `records` records.
inline std::string EndLine(size_t records) {
  return std::string(kEnd) + std::to_string(records) + "\n";
}

// The records an edit build appends: walks `now` (this build's) beside
// `was` (what the file holds), two maps sorted by key. A value that `keep`
// accepts and that is new, or not `same` as before, is written with
// `write(text, key, value)`; a key in the file that is no longer kept gets
// "R <key>". Returns {records appended, live records}. `was` holds only
// records `keep` accepts (it is what the file holds), so a record `same` as
// before is not asked again: on an edit build that is nearly every one.
template <typename Map, typename Keep, typename Same, typename Write>
std::pair<size_t, size_t> AppendChanges(const Map& now, const Map& was, Keep keep,
                                        Same same, Write write, std::string& text) {
  size_t records = 0, live = 0;
  auto n = now.begin();
  auto w = was.begin();
  while (n != now.end() || w != was.end()) {
    const bool has_now = n != now.end() && (w == was.end() || n->first <= w->first);
    const bool has_was = w != was.end() && (n == now.end() || w->first <= n->first);
    const bool unchanged = has_now && has_was && same(w->second, n->second);
    const bool kept = unchanged || (has_now && keep(n->first, n->second));
    if (kept) ++live;
    if (kept && !unchanged) {
      write(text, n->first, n->second);
      ++records;
    } else if (!kept && has_was) {
      text += "R " + w->first + "\n";
      ++records;
    }
    if (has_now) ++n;
    if (has_was) ++w;
  }
  return {records, live};
}

// Saves the records of `now` in the batched file at `path` (first line
// `header`). With `was`, what the file held when read, and `read`, where
// its complete batches ended, it appends one batch of the records that
// changed (AppendChanges); without them, or when TimeToRewrite says so, or
// if appending fails, it writes the whole file through a temporary file and
// a rename. `write(text, key, value)` appends one record. On success
// `*after` (if given) is where the file's complete batches now end: what
// ReadBatches would return for it.
template <typename Map, typename Keep, typename Same, typename Write>
bool SaveRecords(const std::string& path, std::string_view header, const Map& now,
                 const Map* was, Extent read, Keep keep, Same same, Write write,
                 Extent* after = nullptr) {
  auto whole = [&] {
    std::string text = std::string(header) + "\n";
    size_t count = 0;
    for (const auto& [key, value] : now) {
      if (!keep(key, value)) continue;
      write(text, key, value);
      ++count;
    }
    text += EndLine(count);
    if (!WriteFileAtomically(path, text)) return false;
    if (after) *after = {text.size(), count};
    return true;
  };
  if (!was || read.size == 0) return whole();
  std::string text;
  const auto [records, live] = AppendChanges(now, *was, keep, same, write, text);
  if (records == 0) {
    if (after) *after = read;
    return true;
  }
  text += EndLine(records);
  if (TimeToRewrite(read.records, records, live) || !WriteAt(path, read.size, text))
    return whole();
  if (after) *after = {read.size + text.size(), read.records + records};
  return true;
}

}  // namespace clerk::batch_file
