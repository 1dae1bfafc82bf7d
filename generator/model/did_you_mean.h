// The one "did you mean" rule of every message that suggests a name: record
// keys, ids, commands, pictograms, table words. In the model because every
// layer suggests (content, render, the command line) and none owns the rule.
#pragma once

#include <string>
#include <vector>

namespace clerk {

// The closest of `candidates` to `word` by edit distance (ignoring case), if
// close enough to be a plausible typo; empty otherwise.
std::string ClosestMatch(const std::string& word,
                         const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "".
std::string DidYouMean(const std::string& word,
                       const std::vector<std::string>& candidates);

}  // namespace clerk
