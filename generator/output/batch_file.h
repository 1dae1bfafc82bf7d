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
#include <string>
#include <string_view>

namespace clerk::batch_file {

inline constexpr std::string_view kEnd = "# end ";

// The offset just past the last whole "# end <n>" line; npos if none.
size_t CompleteEnd(std::string_view bytes);

// If `line` ends a batch, its count in `*count` (0 if it does not parse).
bool IsEnd(std::string_view line, uint64_t* count);

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
