// Columns as an editor shows them: cmark-gfm counts bytes, so after "é" or
// "–" its columns run 1 or 2 ahead of what a clerk sees. This counts
// characters (UTF-8 code points) instead, from the text cmark parsed.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

namespace clerk {

class TextColumns {
 public:
  explicit TextColumns(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }

  // The byte at a 1-based line and byte column, or 0 past the text.
  char At(int line, int column) const {
    if (line < 1 || column < 1 || static_cast<size_t>(line) > starts_.size()) return 0;
    size_t i = starts_[line - 1] + static_cast<size_t>(column) - 1;
    return i < text_.size() ? text_[i] : 0;
  }

  // The 1-based character column of the 1-based byte `column` on `line`;
  // as given where the line is not in the text (0, or past its end).
  int CharColumn(int line, int column) const {
    if (line < 1 || column < 1 || static_cast<size_t>(line) > starts_.size())
      return column;
    size_t begin = starts_[line - 1];
    size_t end = std::min(text_.size(), begin + static_cast<size_t>(column) - 1);
    int chars = 1;
    for (size_t i = begin; i < end; ++i)  // every byte but a continuation byte
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++chars;
    return chars;
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // offset of each line's first byte
};

}  // namespace clerk
