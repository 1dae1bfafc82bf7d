// Writing the files `clerk init` and `clerk new ...` make. Each must be new:
// a clerk's existing work is never overwritten, even by a race with another
// program creating the same file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace clerk::scaffold {

// Creates `path` (and the folders above it) holding `text`. False, with
// `*error` in plain words, when the file already exists or cannot be written;
// a half-written file is removed.
bool WriteNewFile(const std::filesystem::path& path, std::string_view text,
                  std::string* error);

// `path` as the clerk should read it: relative to the current folder when it
// is inside it, else as it is.
std::string ShownPath(const std::filesystem::path& path);

}  // namespace clerk::scaffold
