// Lines of a bookkeeping file (the build log, what is known of bodies and
// page ids) read whole into memory and split in place: those files run to
// tens of megabytes on a large site, and a stream's getline copies each line.
#pragma once

#include <string_view>

namespace clerk {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : rest_(text) {}

  // The next line, without its line break; false at the end. A last line
  // without a line break is still a line.
  bool Next(std::string_view& line) {
    if (rest_.empty()) return false;
    size_t end = rest_.find('\n');
    if (end == std::string_view::npos) {
      line = rest_;
      rest_ = {};
      return true;
    }
    line = rest_.substr(0, end);
    rest_.remove_prefix(end + 1);
    return true;
  }

  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace clerk
