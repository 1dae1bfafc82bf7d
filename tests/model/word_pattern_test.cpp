// Glossary ignore patterns that std::regex could take for ever on, or that
// repeat nothing, are refused before they run (model/word_pattern.h).
#include "model/word_pattern.h"

#include <catch2/catch.hpp>

using clerk::PatternShapeProblem;

TEST_CASE("word patterns: codes people write are safe", "[word-pattern]") {
  for (const char* p :
       {"ASL[0-9]+", "[A-Z]{2}[0-9]+", "(PR|CR)[0-9]+", "A+B*", "(AB)+", "[(+*]+X",
        "\\(A\\)+", "(?:AB)?C", "(A+)?", "(A|B){2}", "^EN[0-9]+$"})
    CHECK(PatternShapeProblem(p).empty());
}

TEST_CASE("word patterns: a repeated group that repeats or chooses is refused",
          "[word-pattern]") {
  for (const char* p :
       {"(A+)+B", "(A|B)*C", "((AB)*)+", "(A|AA){1,}", "(?:A*)*", "(x(A+))*"})
    CHECK(PatternShapeProblem(p).find("can take for ever") != std::string::npos);
}

TEST_CASE("word patterns: a repeat that follows nothing is named", "[word-pattern]") {
  for (const char* p : {"*[0-9]", "+[0-9]", "(*A)", "A|+B", "^*"})
    CHECK(PatternShapeProblem(p) ==
          "a repeat ('*', '+', '?' or '{...}') follows nothing");
}
