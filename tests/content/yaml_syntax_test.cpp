// YAML syntax errors in plain words, at the place to change (issue 18
// follow-ups): the parser's own words name what it looked for, often a line
// after the mistake.
#include "content/yaml_syntax.h"

#include <catch2/catch.hpp>

#include "content/yaml_reader.h"

using namespace clerk;

namespace {

// The one diagnostic ParseYaml gives for `text`, as "line:col: message".
std::string SyntaxError(const std::string& text, int first_line = 1) {
  Diagnostics diag;
  if (ParseYaml(text, "f.yaml", first_line, diag)) return "parsed";
  REQUIRE(diag.ErrorCount() == 1);
  const Diagnostic& d = diag.All()[0];
  return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " +
         d.message;
}

}  // namespace

TEST_CASE("a tab used to indent is named at the tab", "[yaml-syntax]") {
  // yaml-cpp said "end of map not found" a line later, or "illegal tab".
  CHECK(SyntaxError("contact:\n  name: A\n\temail: a@example.org\n") ==
        "3:1: YAML indents with spaces, not tabs: replace the tab");
  CHECK(SyntaxError("a:\n  b:\n    c: 1\n  \td: 2\ne: 3\n") ==
        "4:3: YAML indents with spaces, not tabs: replace the tab");
}

TEST_CASE("an unquoted colon in a value says how to quote it", "[yaml-syntax]") {
  CHECK(SyntaxError("title: Committee papers: planning\n") ==
        "1:24: a ':' inside a value needs quotes: write title: \"Committee papers: "
        "planning\"");
  // In a list item, a value holding a double quote is quoted with single ones.
  CHECK(SyntaxError("agenda:\n  - title: The \"plan\": sites\n") ==
        "2:22: a ':' inside a value needs quotes: write title: 'The \"plan\": sites'");
  // Front matter starts on line 2 of its file.
  CHECK(SyntaxError("kind: report\ntitle: Review: an update\n", 2) ==
        "3:14: a ':' inside a value needs quotes: write title: \"Review: an update\"");
}

TEST_CASE("a quote that is never closed is named where it opens", "[yaml-syntax]") {
  CHECK(SyntaxError("name: A\ntitle: \"Local plan\nitem: \"2\"\nauthor: x\n") ==
        "2:8: the quote \" that starts this value is not closed on its line: end the "
        "value with \"");
  CHECK(SyntaxError("name: A\ntitle: 'Local plan\nitem: '2'\n") ==
        "2:8: the quote ' that starts this value is not closed on its line: end the "
        "value with '");
  // yaml-cpp reads a quote left open to the end of the file as the value.
  CHECK(SyntaxError("name: A\ntitle: \"Local plan\n  documents: [x]\n") ==
        "2:8: the quote \" that starts this value is never closed, so the value runs to "
        "the end of the file: end the value with \"");
  // A quoted value may go on over lines indented under it.
  CHECK(SyntaxError("a: \"one\n  two\"\nb: 1\n") == "parsed");
}

TEST_CASE("lines that do not line up are named", "[yaml-syntax]") {
  CHECK(
      SyntaxError("agenda:\n  - number: 1\n    title: A\n   - number: 2\n") ==
      "4:4: this '-' is indented 3 spaces and the '-' of the item on line 2 is indented "
      "2: the items of one list start in the same column");
  // A key: the columns the keys it could belong with start in.
  CHECK(
      SyntaxError("a:\n  b:\n    c: 1\n   d: 2\n") ==
      "4:4: this line is indented 3 spaces and the keys above it 4, 2 or 0 spaces: the "
      "keys of one mapping start in the same column, so line it up with those it belongs "
      "with");
  CHECK(SyntaxError("name: A\n  aliases: B\n") ==
        "2:3: this line is indented more than the line above, so YAML reads it as more "
        "of that line's value: line it up with the keys above it");
}

TEST_CASE("old Mac line ends are named in the YAML text", "[yaml-syntax]") {
  std::string message = SyntaxError("name: A\raliases: [B]\rtitle: x: y\r");
  CHECK(message.rfind("1:8: this file's lines end with a carriage return alone", 0) == 0);
}

TEST_CASE("nesting too deep is named, not 'bad file'", "[yaml-syntax]") {
  std::string text = "name: A\naliases: " + std::string(3000, '[') + "\n";
  CHECK(SyntaxError(text) ==
        "2:74: lists or mappings are nested too deeply here (more than 64 levels): no "
        "record needs this; close the brackets sooner");
}

TEST_CASE("a bracket that is never closed is named where it opens", "[yaml-syntax]") {
  CHECK(SyntaxError("name: A\naliases: [Cllr A, Councillor A\nhonorific: Cllr\n") ==
        "2:10: the '[' that starts this list is not closed: end it with ']'");
  CHECK(SyntaxError("a: {b: [1, 2], c: 3\n") ==
        "1:4: the '{' that starts this mapping is not closed: end it with '}'");
}

TEST_CASE("other syntax errors keep the parser's words", "[yaml-syntax]") {
  CHECK(SyntaxError("a: *nowhere\n") ==
        "1:4: YAML syntax error: the referenced anchor is not defined");
}

TEST_CASE("syntax error columns count characters, not bytes", "[yaml-syntax]") {
  // "é" is two bytes and "–" three: an editor shows one column each.
  CHECK(SyntaxError("title: Café – papers: planning\n") ==
        "1:21: a ':' inside a value needs quotes: write title: \"Café – papers: "
        "planning\"");
  CHECK(CharacterColumn("a\nbé–c", 1, 6) == 4);
  CHECK(CharacterColumn("abc", 0, 2) == 3);
}
