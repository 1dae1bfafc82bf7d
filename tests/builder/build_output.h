// Helpers the builder's tests share: what a build said, and small edits.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>

#include "test_support.h"

namespace clerk::testing {

// What a build said, its diagnostics alone (the lines naming a file).
inline std::string Findings(const std::string& said) {
  std::istringstream lines(said);
  std::string line, out;
  while (std::getline(lines, line))
    if (line.starts_with("content/") || line.starts_with("site.yaml")) out += line + "\n";
  return out;
}

inline void Append(const std::filesystem::path& file, const std::string& text) {
  WriteFile(file, ReadFile(file) + text);
}

}  // namespace clerk::testing
