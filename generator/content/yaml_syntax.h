// Plain words for YAML syntax errors. yaml-cpp names what its parser was
// looking for ("end of map not found", "illegal map value") at the token
// where it gave up, which is often a line or two after the mistake a person
// made. This looks at the text around that place for the usual causes (a
// tab used to indent, an unquoted ':' in a value, a quote never closed,
// lines that do not line up, old Mac line ends, nesting too deep) and says
// what to change, where the change is. The parser's words are the fallback.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clerk {

struct YamlSyntaxProblem {
  int line = 0;    // 1-based, in `text`
  int column = 0;  // 1-based, in characters (not bytes) of that line
  std::string message;
};

// `line` and `column` are yaml-cpp's 0-based mark (-1 if it gave none);
// `parser_message` is what it said.
YamlSyntaxProblem ExplainYamlSyntaxError(std::string_view text, int line, int column,
                                         const std::string& parser_message);

// A quoted value whose quote is never closed. yaml-cpp accepts one at the
// end of a file, and the value then swallows every line after it.
std::optional<YamlSyntaxProblem> QuoteNeverClosed(std::string_view text);

// The 1-based column, in UTF-8 characters, of byte `byte_column` (0-based) of
// line `line` (0-based) of `text`: what an editor shows.
int CharacterColumn(std::string_view text, int line, int byte_column);

}  // namespace clerk
