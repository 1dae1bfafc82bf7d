// Diagnostics printed with the source line and a caret under the column,
// like rustc and Elm (issue 19 point 4); the first line stays as editors
// parse it.
#include "cli/diagnostic_printer.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "test_support.h"

using namespace clerk;
using namespace clerk::testing;

namespace {

Diagnostic At(const std::string& path, int line, int column, const std::string& message,
              Severity severity = Severity::kError) {
  return {severity, {path, line, column}, message};
}

std::string Printed(const std::vector<Diagnostic>& all, bool colour = false) {
  std::ostringstream out;
  cli::PrintDiagnostics(all, out, colour);
  return out.str();
}

// Sets an environment variable for one scope, and puts the old value back.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~EnvVar() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("a diagnostic shows its line with a caret under the column",
          "[diagnostic-printer]") {
  TempDir dir;
  const std::string path = (dir.path() / "meeting.yaml").string();
  std::string text;
  for (int i = 1; i <= 13; ++i) text += "line" + std::to_string(i) + ": x\n";
  text += "  - m-evans\n";
  WriteFile(path, text);
  CHECK(Printed({At(path, 14, 5, "unknown person 'm-evans'")}) ==
        path + ":14:5: error: unknown person 'm-evans'\n" +
            "   |\n"
            "14 |   - m-evans\n"
            "   |     ^\n");
  // A warning, on line 2: the gutter is as wide as the number.
  CHECK(Printed({At(path, 2, 1, "odd", Severity::kWarning)}) ==
        path + ":2:1: warning: odd\n  |\n2 | line2: x\n  | ^\n");
}

TEST_CASE("diagnostics without a line, or whose file is gone, are one line",
          "[diagnostic-printer]") {
  TempDir dir;
  const std::string path = (dir.path() / "a.yaml").string();
  WriteFile(path, "a: 1\n");
  CHECK(Printed({At(path, 0, 0, "whole file")}) == path + ": error: whole file\n");
  CHECK(Printed({At(path, 5, 1, "past the end")}) ==
        path + ":5:1: error: past the end\n");
  const std::string gone = (dir.path() / "gone.yaml").string();
  CHECK(Printed({At(gone, 1, 1, "vanished")}) == gone + ":1:1: error: vanished\n");
  // A folder, and a named pipe (never opened: it would wait for a writer).
  CHECK(Printed({At(dir.path().string(), 1, 1, "folder")}) ==
        dir.path().string() + ":1:1: error: folder\n");
  const std::string fifo = (dir.path() / "pipe.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(Printed({At(fifo, 1, 1, "pipe")}) == fifo + ":1:1: error: pipe\n");
  // A line without a column: the line, no caret.
  CHECK(Printed({At(path, 1, 0, "no column")}) ==
        path + ":1: error: no column\n  |\n1 | a: 1\n");
}

TEST_CASE("tabs are expanded so the caret lines up", "[diagnostic-printer]") {
  // The tab is character 1; 'e' is character 2, shown at column 5.
  cli::ShownLine shown = cli::ShowLine("\temail: a", 2);
  CHECK(shown.text == "    email: a");
  CHECK(shown.caret == 4);
  // A tab after two characters reaches the next stop of four.
  shown = cli::ShowLine("ab\tc", 4);
  CHECK(shown.text == "ab  c");
  CHECK(shown.caret == 4);
}

TEST_CASE("columns count characters, and bytes that are not UTF-8 are escaped",
          "[diagnostic-printer]") {
  cli::ShownLine shown = cli::ShowLine("title: Café – x", 15);
  CHECK(shown.text == "title: Café – x");
  CHECK(shown.caret == 14);
  shown = cli::ShowLine("a: caf\xE9 x", 8);
  CHECK(shown.text == "a: caf\\xE9 x");
  CHECK(shown.caret == 10);  // after the four columns of \xE9
  // A control character is shown, not sent to the terminal.
  shown = cli::ShowLine("a\x1b[31mb", 2);
  CHECK(shown.text == "a\\x1B[31mb");
  // A carriage return alone (old Mac line ends) would overwrite the line.
  CHECK(cli::ShowLine("a: 1\rb: 2", 6).text == "a: 1\\x0Db: 2");
}

TEST_CASE("a long line is cut around the column", "[diagnostic-printer]") {
  std::string line = std::string(300, 'a');
  line[200] = 'X';
  cli::ShownLine shown = cli::ShowLine(line, 201);
  CHECK(shown.text.size() <= 100);
  CHECK(shown.text.rfind("...", 0) == 0);
  CHECK(shown.text.substr(shown.text.size() - 3) == "...");
  CHECK(shown.text[static_cast<size_t>(shown.caret)] == 'X');
  // At the start: cut only at the end; at the end: only at the start.
  shown = cli::ShowLine(line, 1);
  CHECK(shown.caret == 0);
  CHECK(shown.text.rfind("...", 0) == std::string::npos);
  shown = cli::ShowLine(line, 301);  // just past the end
  CHECK(shown.text.size() <= 100);
  CHECK(shown.caret == static_cast<int>(shown.text.size()));
  // A short line is never cut.
  CHECK(cli::ShowLine(std::string(100, 'b'), 50).text == std::string(100, 'b'));
}

TEST_CASE("each file is read once for all its diagnostics", "[diagnostic-printer]") {
  TempDir dir;
  const std::string path = (dir.path() / "a.yaml").string();
  WriteFile(path, "one\ntwo\r\nthree");
  cli::SourceLines files;
  CHECK(files.Line(path, 1) == "one");
  // Read already: a change on disk is not seen until another file is read.
  WriteFile(path, "changed\n");
  CHECK(files.Line(path, 2) == "two");
  CHECK(files.Line(path, 3) == "three");
  CHECK(!files.Line(path, 4));
  CHECK(!files.Line(path, 0));
}

TEST_CASE("colour: severity words, gutter and caret, only when wanted",
          "[diagnostic-printer]") {
  TempDir dir;
  const std::string path = (dir.path() / "a.yaml").string();
  WriteFile(path, "a: 1\n");
  std::string coloured = Printed({At(path, 1, 4, "bad")}, true);
  CHECK(coloured == path + ":1:4: \x1b[1;31merror\x1b[0m: bad\n" +
                        "\x1b[36m  |\x1b[0m\n\x1b[36m1 |\x1b[0m a: 1\n" +
                        "\x1b[36m  |\x1b[0m    \x1b[1;31m^\x1b[0m\n");
  CHECK(Printed({At(path, 0, 0, "w", Severity::kWarning)}, true) ==
        path + ": \x1b[1;33mwarning\x1b[0m: w\n");

  // Standard error of the tests is not a terminal: colour only if forced.
  EnvVar no_force("CLICOLOR_FORCE", nullptr);
  {
    EnvVar unset("NO_COLOR", nullptr);
    CHECK(!cli::ColourWanted(-1));  // not a terminal
    EnvVar force("CLICOLOR_FORCE", "1");
    CHECK(cli::ColourWanted(-1));
    {
      EnvVar no_colour("NO_COLOR", "1");  // the reader's wish wins
      CHECK(!cli::ColourWanted(-1));
    }
    EnvVar zero("CLICOLOR_FORCE", "0");
    CHECK(!cli::ColourWanted(-1));
  }
  // NO_COLOR wins over a terminal; a pseudo terminal stands for one.
  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  int terminal = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  REQUIRE(terminal >= 0);
  {
    EnvVar term("TERM", "xterm");
    EnvVar unset("NO_COLOR", nullptr);
    CHECK(cli::ColourWanted(terminal));
    EnvVar empty("NO_COLOR", "");
    CHECK(cli::ColourWanted(terminal));  // no-color.org: set and not empty
    EnvVar set("NO_COLOR", "1");
    CHECK(!cli::ColourWanted(terminal));
  }
  ::close(terminal);
  ::close(master);
}

TEST_CASE("the excerpt for JSON is the line as valid UTF-8", "[diagnostic-printer]") {
  TempDir dir;
  const std::string path = (dir.path() / "a.yaml").string();
  WriteFile(path, "a:\tcaf\xE9\n");
  cli::SourceLines files;
  CHECK(cli::ExcerptText(At(path, 1, 1, "x"), files) == "a:\tcaf\\xE9");
  CHECK(!cli::ExcerptText(At(path, 0, 0, "x"), files));
}
