// Glossary ignore patterns ("ASL[0-9]+") are regular expressions written by
// people and run against every word in capitals of every paper. std::regex
// backtracks: a repeat inside a repeated group ("(A+)+B") takes time
// exponential in the word's length, and every character of a word costs it a
// stack frame, so a long word can overflow the stack. Both are cut off here:
// a pattern may not repeat a group that itself repeats or chooses ('|'), and
// words longer than kMaxPatternWord bytes are never matched against one.
#pragma once

#include <string>

namespace clerk {

// Words longer than this are no code such as a table row id.
inline constexpr std::size_t kMaxPatternWord = 64;

// A plain-words problem with the pattern's shape, or "" when it is safe to
// run: a repeat ('*', '+', '?', '{...}') that follows nothing, or an
// unbounded repeat of a group holding a repeat or a '|'.
std::string PatternShapeProblem(const std::string& pattern);

}  // namespace clerk
