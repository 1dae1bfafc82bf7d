#include "model/word_pattern.h"

#include <vector>

namespace clerk {
namespace {

bool IsRepeat(char c) {
  return c == '*' || c == '+' || c == '?' || c == '{';
}

// Whether the repeat starting at pattern[i] has no upper bound: '*', '+',
// '{n,}'. '?' and '{n}' / '{n,m}' repeat a bounded number of times.
bool Unbounded(const std::string& pattern, std::size_t i) {
  char c = pattern[i];
  if (c == '*' || c == '+') return true;
  if (c != '{') return false;
  std::size_t close = pattern.find('}', i);
  if (close == std::string::npos) return false;  // std::regex reports it
  std::string inside = pattern.substr(i + 1, close - i - 1);
  return !inside.empty() && inside.back() == ',';
}

// Index just past the repeat at pattern[i] ('{...}' and a lazy '?').
std::size_t SkipRepeat(const std::string& pattern, std::size_t i) {
  if (pattern[i] == '{') {
    std::size_t close = pattern.find('}', i);
    i = close == std::string::npos ? pattern.size() : close + 1;
  } else {
    ++i;
  }
  if (i < pattern.size() && pattern[i] == '?') ++i;  // lazy
  return i;
}

}  // namespace

std::string PatternShapeProblem(const std::string& pattern) {
  // One entry per open group: does it hold a repeat or a '|'?
  std::vector<bool> groups{false};
  bool after_atom = false;  // a repeat here has something to repeat
  for (std::size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\\') {
      i += 2;
      after_atom = true;
    } else if (c == '[') {
      // A class: ']' right after '[' or '[^' is a literal.
      std::size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
      i = j + 1;
      after_atom = true;
    } else if (c == '(') {
      groups.push_back(false);
      i += (i + 2 < pattern.size() && pattern[i + 1] == '?') ? 3 : 1;  // (?: (?= (?!
      after_atom = false;
    } else if (c == ')') {
      bool inner = groups.size() > 1 && groups.back();
      if (groups.size() > 1) groups.pop_back();
      ++i;
      if (i < pattern.size() && IsRepeat(pattern[i])) {
        if (inner && Unbounded(pattern, i))
          return "a repeated group holds a repeat or a '|' (as in '(A+)+' or '(A|B)*'), "
                 "which can take for ever to check: repeat single characters instead, "
                 "as in '[AB]*' or 'A+'";
        groups.back() = true;
        i = SkipRepeat(pattern, i);
      }
      groups.back() = groups.back() || inner;
      after_atom = true;
    } else if (c == '|') {
      groups.back() = true;
      ++i;
      after_atom = false;
    } else if (IsRepeat(c)) {
      if (!after_atom) return "a repeat ('*', '+', '?' or '{...}') follows nothing";
      groups.back() = true;
      i = SkipRepeat(pattern, i);
      after_atom =
          true;  // '?' after a repeat was skipped; "A**" is std::regex's to refuse
    } else {
      ++i;
      after_atom = c != '^';
    }
  }
  return "";
}

}  // namespace clerk
