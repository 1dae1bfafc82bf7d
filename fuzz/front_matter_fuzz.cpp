// Fuzz target: a Markdown file's front matter, as a paper is loaded.
//  1. In memory: SplitFrontMatter and FrontMatterLength must agree and cut
//     the file without losing or inventing a byte; the YAML between the
//     "---" lines is parsed at its own line; CheckUtf8 must refuse what a
//     strict UTF-8 decoder refuses (overlong forms, surrogates...).
//  2. Through the real loaders: the same bytes as a paper, as minutes (which
//     also reads its resolutions and actions) and as an easy-read version.
// Invariants: no crash, no sanitizer report, no uncaught exception, every
// diagnostic at a line of the file, messages valid UTF-8 when the file was.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/record_loaders.h"
#include "files/source_files.h"
#include "content/yaml_reader.h"
#include "fuzz_support.h"
#include "schema/tables.h"
#include "scratch_dir.h"

namespace {

using namespace clerk;

constexpr const char* kPath = "paper.md";

size_t NewlinesBefore(const std::string& text, size_t end) {
  size_t n = 0;
  for (size_t i = 0; i < end && i < text.size(); ++i) n += text[i] == '\n';
  return n;
}

void CheckSplit(const std::string& text, size_t lines, bool utf8) {
  Diagnostics diag;
  FrontMatter fm = SplitFrontMatter(text, kPath, diag);
  size_t length = FrontMatterLength(text);
  FUZZ_CHECK(length <= text.size());
  if (fm.present) {
    // "---" (and spaces or tabs) + newline + yaml + closing line + body is
    // the whole file.
    const size_t open_end = text.find('\n');
    FUZZ_CHECK(open_end != std::string::npos && text.compare(0, 3, "---") == 0);
    FUZZ_CHECK(text.find_first_not_of(" \t", 3) == open_end);
    const size_t yaml_start = open_end + 1;
    FUZZ_CHECK(text.compare(yaml_start, fm.yaml.size(), fm.yaml) == 0);
    FUZZ_CHECK(fm.body.size() <= text.size() - yaml_start - fm.yaml.size());
    FUZZ_CHECK(text.compare(text.size() - fm.body.size(), fm.body.size(), fm.body) == 0);
    FUZZ_CHECK(length == text.size() - fm.body.size());
    FUZZ_CHECK(fm.yaml_line == 2);
    FUZZ_CHECK(static_cast<size_t>(fm.body_line) == 1 + NewlinesBefore(text, length));
    FUZZ_CHECK(!diag.HasErrors());
    // (Never with a NUL, as ReadTextFile refuses it: yaml_record_fuzz.cpp.)
    std::optional<YAML::Node> node;
    if (fm.yaml.find('\0') == std::string::npos)
      node = ParseYaml(fm.yaml, kPath, fm.yaml_line, diag);
    if (node) {
      YamlRecord record(*node, kPath, fm.yaml_line, schema::PaperTable(), diag);
      if (record.ok()) {
        FUZZ_CHECK(record.pos().line >= 0 &&
                   static_cast<size_t>(record.pos().line) <= lines);
        (void)record.String("title");
        (void)record.RefList("authors");
        record.Finish();
      }
    }
  } else if (length == 0) {
    // No front matter: all of it is body, from line 1.
    FUZZ_CHECK(fm.body == text);
    FUZZ_CHECK(fm.body_line == 1);
    FUZZ_CHECK(!diag.HasErrors());
  } else {
    // Opened and never closed: an error at line 1.
    FUZZ_CHECK(length == text.size());
    FUZZ_CHECK(diag.HasErrors());
  }
  Diagnostics utf8_diag;
  bool accepted = CheckUtf8(text, kPath, utf8_diag);
  FUZZ_CHECK_MSG(accepted == utf8, accepted ? "CheckUtf8 accepted invalid UTF-8"
                                            : "CheckUtf8 refused valid UTF-8");
  fuzz::CheckDiagnostics(diag, kPath, lines, utf8);
  fuzz::CheckDiagnostics(utf8_diag, kPath, lines, utf8);
}

void LoadAsPapers(const std::string& text, size_t lines, bool utf8) {
  const std::string dir = fuzz::ScratchDir() + "/2024-01-01-fuzz";
  {
    std::string path = fuzz::WriteScratch("2024-01-01-fuzz/report.md", text);
    Site site;
    Diagnostics diag;
    LoadDocument("2024-01-01-fuzz", "report", path, "report.md", site, diag);
    fuzz::CheckDiagnostics(diag, "report.md", lines, utf8);
  }
  {
    std::string path = fuzz::WriteScratch("2024-01-01-fuzz/minutes.md", text);
    Site site;
    Diagnostics diag;
    LoadMinutes("2024-01-01-fuzz", path, "minutes.md", site, diag);
    fuzz::CheckDiagnostics(diag, "minutes.md", lines, utf8);
  }
  {
    // An easy-read version of the report written above.
    fuzz::WriteScratch("2024-01-01-fuzz/report.easy.md", text);
    Site site;
    Diagnostics diag;
    LoadEasyReadVersion("2024-01-01-fuzz", "report", dir, "m", site, diag);
    fuzz::CheckDiagnostics(diag, "m/report.easy.md", lines, utf8);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  std::string text(reinterpret_cast<const char*>(data), size);
  bool utf8 = fuzz::IsValidUtf8(text);
  size_t lines = fuzz::CountLines(text);
  CheckSplit(text, lines, utf8);
  LoadAsPapers(text, lines, utf8);
  return 0;
}
