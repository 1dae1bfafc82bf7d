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

#include "output/line_reader.h"

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

}  // namespace clerk::batch_file
