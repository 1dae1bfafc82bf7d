// Easy-read and plain-English checks (`clerk check`): for every easy-read
// page (render/easy_read.h), sentences over 15 words, acronyms, hard words
// (long words that are not plain and not explained), and the page's Flesch
// reading ease:
//   206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words).
// Words a person wrote (easy_read: in meeting.yaml, <document>.easy.md) are
// reported as warnings at file:line:col; every page gets its numbers in the
// report (text summary, and `--format json`).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

struct ReadabilityPage {
  std::string page;  // easy-read output path: "easy-read/meetings/x/index.html"
  int sentences = 0;
  int words = 0;
  int syllables = 0;
  double flesch = 0;
  int long_sentences = 0;  // over 15 words
  int acronyms = 0;
  int hard_words = 0;
};

struct ReadabilityReport {
  std::vector<ReadabilityPage> pages;
  int long_sentences = 0;
  int acronyms = 0;
  int hard_words = 0;
  double mean_flesch = 0;
  nlohmann::json ToJson() const;
  std::string Summary() const;  // one line for the text output
};

ReadabilityReport CheckReadability(const Site& site, Diagnostics& diag);

// Exposed for tests.
int CountSyllables(const std::string& word);
double FleschReadingEase(int words, int sentences, int syllables);

}  // namespace clerk
