// Text held compressed in memory: a large site's papers and minutes render to far more
// HTML than is worth holding as it is from the Markdown stage until their
// pages are built (render/content_html.h, kKeptHtml), and inflating it
// again costs a fraction of rendering it again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace clerk {

struct PackedText {
  std::string bytes;  // zstd's format, at its level 1
  size_t size = 0;    // of the text
};

PackedText Pack(std::string_view text);
// The text again. Throws std::runtime_error if `packed` is damaged (it is
// only ever made by Pack, in memory).
std::string Unpack(const PackedText& packed);

}  // namespace clerk
