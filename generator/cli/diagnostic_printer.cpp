#include "cli/diagnostic_printer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "model/utf8.h"

namespace clerk::cli {
namespace {

// A line wider than this is cut around the column: a minified file or a
// paragraph on one line would otherwise fill the screen.
constexpr int kMaxShownWidth = 100;
// Columns kept before the caret when a line is cut.
constexpr int kContextBeforeCaret = 40;
// A file larger than this is not read for an excerpt: no content file is
// near it, and a diagnostic must never make clerk read a gigabyte.
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;
constexpr int kTabStop = 4;

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBoldRed = "\x1b[1;31m";
constexpr const char* kBoldYellow = "\x1b[1;33m";
constexpr const char* kCyan = "\x1b[36m";

bool SetAndNotEmpty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// One character of a source line as shown: its text and width in columns.
struct ShownChar {
  std::string text;
  int width = 1;
};

std::string Hex(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "\\x%02X", byte);
  return text;
}

std::vector<ShownChar> ShownChars(std::string_view line) {
  std::vector<ShownChar> chars;
  int width = 0;
  for (size_t i = 0; i < line.size();) {
    const auto byte = static_cast<unsigned char>(line[i]);
    size_t length = utf8::CharLength(line, i);
    ShownChar c;
    if (byte == '\t') {
      c.width = kTabStop - width % kTabStop;
      c.text.assign(static_cast<size_t>(c.width), ' ');
    } else if (length == 0 || utf8::IsForbiddenControl(byte) || byte == '\r') {
      // A carriage return alone would send the cursor back over the line.
      c.text = Hex(byte);
      c.width = static_cast<int>(c.text.size());
    } else {
      c.text = std::string(line.substr(i, length));
    }
    i += length == 0 ? 1 : length;
    width += c.width;
    chars.push_back(std::move(c));
  }
  return chars;
}

int WidthOf(const std::vector<ShownChar>& chars, size_t from, size_t to) {
  int width = 0;
  for (size_t i = from; i < to; ++i) width += chars[i].width;
  return width;
}

// The characters [first, last) of a line too wide to show whole: some
// context before the caret, then as much after it as fits.
std::pair<size_t, size_t> Window(const std::vector<ShownChar>& chars, size_t caret) {
  const int budget = kMaxShownWidth - 6;  // room for "..." on both sides
  size_t first = std::min(caret, chars.size());
  int used = 0;
  while (first > 0 && used + chars[first - 1].width <= kContextBeforeCaret)
    used += chars[--first].width;
  size_t last = first;
  used = 0;
  while (last < chars.size() && used + chars[last].width <= budget)
    used += chars[last++].width;
  // Near the end of the line: show more of what comes before instead.
  while (first > 0 && used + chars[first - 1].width <= budget)
    used += chars[--first].width;
  return {first, last};
}

std::string Gutter(const std::string& number, size_t width, bool colour) {
  std::string gutter = std::string(width - number.size(), ' ') + number + " |";
  return colour ? kCyan + gutter + kReset : gutter;
}

}  // namespace

bool ColourWanted(int fd) {
  // NO_COLOR is the reader's own wish: it wins over CLICOLOR_FORCE, which a
  // CI template may set for everyone.
  if (SetAndNotEmpty("NO_COLOR")) return false;
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force != nullptr && *force != '\0' && std::string_view(force) != "0") return true;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

void SourceLines::Load(const std::string& path) {
  path_ = path;
  loaded_ = false;
  text_.clear();
  starts_.clear();
  // Opened without waiting (a named pipe would wait for a writer for ever),
  // then read only if it is an ordinary file of a sane size.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return;
  struct stat info;
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) ||
      static_cast<std::uintmax_t>(info.st_size) > kMaxFileBytes) {
    ::close(fd);
    return;
  }
  text_.resize(static_cast<size_t>(info.st_size));
  size_t got = 0;
  while (got < text_.size()) {
    const ssize_t n = ::read(fd, text_.data() + got, text_.size() - got);
    if (n <= 0) break;  // a file cut short while read: show what is there
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  text_.resize(got);
  starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') starts_.push_back(i + 1);
  // A file ending in a line end has no line after it.
  if (!text_.empty() && text_.back() == '\n') starts_.pop_back();
  loaded_ = true;
}

std::optional<std::string_view> SourceLines::Line(const std::string& path, int line) {
  if (line <= 0 || path.empty()) return std::nullopt;
  if (path != path_) Load(path);
  if (!loaded_ || static_cast<size_t>(line) > starts_.size()) return std::nullopt;
  const size_t start = starts_[static_cast<size_t>(line) - 1];
  size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  std::string_view shown(text_.data() + start, end - start);
  if (!shown.empty() && shown.back() == '\r') shown.remove_suffix(1);
  return shown;
}

ShownLine ShowLine(std::string_view line, int column) {
  std::vector<ShownChar> chars = ShownChars(line);
  const size_t caret = column > 0 ? static_cast<size_t>(column - 1) : 0;
  size_t first = 0, last = chars.size();
  if (WidthOf(chars, 0, chars.size()) > kMaxShownWidth)
    std::tie(first, last) = Window(chars, caret);
  ShownLine shown;
  if (first > 0) shown.text = "...";
  for (size_t i = first; i < last; ++i) shown.text += chars[i].text;
  if (last < chars.size()) shown.text += "...";
  if (column > 0) {
    // A column just past the end (a missing value) points after the text.
    const size_t at = std::min({caret, chars.size(), last});
    shown.caret = (first > 0 ? 3 : 0) + WidthOf(chars, first, std::max(first, at));
  }
  return shown;
}

std::string FormatWithExcerpt(const Diagnostic& d, SourceLines& files, bool colour) {
  const bool error = d.severity == Severity::kError;
  std::string out = FormatDiagnostic(d);
  if (colour) {
    // Only the severity word changes: the rest stays as editors read it.
    const std::string word = error ? "error" : "warning";
    const size_t at = out.find(": " + word + ": ", d.pos.path.size());
    if (at != std::string::npos)
      out.replace(at + 2, word.size(), (error ? kBoldRed : kBoldYellow) + word + kReset);
  }
  out += "\n";
  std::optional<std::string_view> line = files.Line(d.pos.path, d.pos.line);
  if (!line) return out;
  const ShownLine shown = ShowLine(*line, d.pos.column);
  const std::string number = std::to_string(d.pos.line);
  const std::string blank = Gutter("", number.size(), colour);
  out += blank + "\n";
  out += Gutter(number, number.size(), colour);
  if (!shown.text.empty()) out += " " + shown.text;
  out += "\n";
  if (shown.caret >= 0) {
    std::string caret = colour
                            ? std::string(error ? kBoldRed : kBoldYellow) + "^" + kReset
                            : std::string("^");
    out +=
        blank + " " + std::string(static_cast<size_t>(shown.caret), ' ') + caret + "\n";
  }
  return out;
}

void PrintDiagnostics(const std::vector<Diagnostic>& sorted, std::ostream& out,
                      bool colour) {
  SourceLines files;
  for (const Diagnostic& d : sorted) out << FormatWithExcerpt(d, files, colour);
}

std::optional<std::string> ExcerptText(const Diagnostic& d, SourceLines& files) {
  std::optional<std::string_view> line = files.Line(d.pos.path, d.pos.line);
  if (!line) return std::nullopt;
  if (utf8::IsValid(*line)) return std::string(*line);
  // Escaped() writes tabs as \x09 too; only the bytes that are not text are.
  std::string text;
  for (size_t i = 0; i < line->size();) {
    const size_t length = utf8::CharLength(*line, i);
    if (length == 0) {
      text += Hex(static_cast<unsigned char>((*line)[i]));
      ++i;
    } else {
      text.append(*line, i, length);
      i += length;
    }
  }
  return text;
}

}  // namespace clerk::cli
