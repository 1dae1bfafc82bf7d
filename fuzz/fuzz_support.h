// Shared by the libFuzzer targets (fuzz/*_fuzz.cpp): invariant checks that
// abort with a readable message (libFuzzer then saves the input), and a
// strict UTF-8 validator of our own, so a target can check "valid UTF-8 in,
// valid UTF-8 out" without trusting the code under test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/diagnostics.h"
#include "model/utf8.h"

namespace clerk::fuzz {

// An invariant broke: say which, where, and abort (a finding).
[[noreturn]] inline void Fail(const char* what, const char* file, int line,
                              std::string_view detail = {}) {
  std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s", file, line, what);
  if (!detail.empty())
    std::fprintf(stderr, " [%.*s]",
                 static_cast<int>(detail.size() > 300 ? 300 : detail.size()),
                 detail.data());
  std::fputc('\n', stderr);
  std::abort();
}

#define FUZZ_CHECK(cond) \
  ((cond) ? (void)0 : ::clerk::fuzz::Fail(#cond, __FILE__, __LINE__))
#define FUZZ_CHECK_MSG(cond, detail) \
  ((cond) ? (void)0 : ::clerk::fuzz::Fail(#cond, __FILE__, __LINE__, (detail)))

// RFC 3629 UTF-8 (model/utf8.h, which has its own unit tests).
inline bool IsValidUtf8(std::string_view text) {
  return utf8::IsValid(text);
}

// Lines as cmark-gfm and editors count them: LF, CR LF and a lone CR each
// end one.
inline size_t CountLines(std::string_view text) {
  size_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i)
    lines += text[i] == '\n' ||
             (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
  return lines;
}

// A finding in generator code already reported and not yet fixed, named in
// CLERK_FUZZ_KNOWN (comma-separated), is let through so a long run can go on
// looking for others (docs/reliability.md lists them). ./test sets none.
inline bool KnownIssue(std::string_view name) {
  const char* known = std::getenv("CLERK_FUZZ_KNOWN");
  if (!known) return false;
  std::string_view list = known;
  while (!list.empty()) {
    size_t comma = list.find(',');
    if (list.substr(0, comma) == name) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// Every diagnostic names a file and a message; one in `path` points at a line
// that is in it (or at 0:0, the whole file); and when the input was valid
// UTF-8, so is every message (they quote the input), since `clerk check
// --format json` prints them as JSON strings.
inline void CheckDiagnostics(const Diagnostics& diag, const std::string& path,
                             size_t max_line, bool utf8_input) {
  for (const Diagnostic& d : diag.All()) {
    std::string shown = FormatDiagnostic(d);
    FUZZ_CHECK_MSG(!d.message.empty(), shown);
    FUZZ_CHECK_MSG(!d.pos.path.empty(), shown);
    FUZZ_CHECK_MSG(d.pos.line >= 0 && d.pos.column >= 0, shown);
    FUZZ_CHECK_MSG(d.pos.line > 0 || d.pos.column == 0, shown);
    if (d.pos.path == path)
      FUZZ_CHECK_MSG(static_cast<size_t>(d.pos.line) <= max_line, shown);
    if (utf8_input && !IsValidUtf8(d.message) &&
        !(KnownIssue("yaml-escape-message") &&
          d.message.starts_with("YAML syntax error: unknown escape character")))
      Fail("IsValidUtf8(d.message)", __FILE__, __LINE__, shown);
  }
}

}  // namespace clerk::fuzz
