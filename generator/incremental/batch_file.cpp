#include "incremental/batch_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "files/source_files.h"

namespace clerk::batch_file {

namespace {

// The offset just past the last whole "# end <n>" line; npos if none.
size_t CompleteEnd(std::string_view bytes) {
  for (size_t at = bytes.rfind(kEnd); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : bytes.rfind(kEnd, at - 1)) {
    if (at > 0 && bytes[at - 1] != '\n') continue;
    size_t eol = bytes.find('\n', at);
    if (eol != std::string_view::npos) return eol + 1;
  }
  return std::string_view::npos;
}

// If `line` ends a batch, its count in `*count` (0 if it does not parse).
bool IsEnd(std::string_view line, uint64_t* count) {
  if (line.substr(0, kEnd.size()) != kEnd) return false;
  std::string_view digits = line.substr(kEnd.size());
  *count = 0;
  if (digits.empty() || digits.size() > 19) return true;
  uint64_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return true;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  *count = n;
  return true;
}

}  // namespace

std::optional<Extent> ReadBatches(
    const std::string& path, std::string_view header,
    const std::function<bool(std::string_view line, LineReader& lines)>& record) {
  // Read whole and split in place: these files run to tens of megabytes.
  std::string bytes;
  if (!ReadWholeFile(path, &bytes)) return std::nullopt;
  // Only complete batches are read; what follows the last one was cut short.
  const size_t end = CompleteEnd(bytes);
  if (end == std::string::npos) return std::nullopt;
  LineReader lines(std::string_view(bytes).substr(0, end));
  std::string_view line;
  if (!lines.Next(line) || line != header) return std::nullopt;
  Extent extent;
  extent.size = end;
  size_t in_batch = 0;
  while (lines.Next(line)) {
    uint64_t count = 0;
    if (IsEnd(line, &count)) {
      if (count != in_batch) return std::nullopt;
      extent.records += in_batch;
      in_batch = 0;
      continue;
    }
    ++in_batch;
    if (!record(line, lines)) return std::nullopt;
  }
  return extent;
}

bool WriteAt(const std::string& path, uint64_t offset, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0 && static_cast<uint64_t>(st.st_size) >= offset &&
            ::ftruncate(fd, static_cast<off_t>(offset)) == 0;
  const char* p = bytes.data();
  size_t left = bytes.size();
  off_t at = static_cast<off_t>(offset);
  while (ok && left > 0) {
    ssize_t n = ::pwrite(fd, p, left, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    p += n;
    at += n;
    left -= static_cast<size_t>(n);
  }
  return ::close(fd) == 0 && ok;
}

}  // namespace clerk::batch_file
