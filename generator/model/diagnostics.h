// Compiler-style diagnostics: every problem found in a run is collected here
// and printed as `path:line:col: error: message`, so editors and CI can jump
// to it. Stages never stop at the first error; they record and go on.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "model/source_path.h"

namespace clerk {

// A position in a source file. Lines and columns are 1-based; 0 means
// "unknown" (the whole file).
struct SourcePos {
  SourcePath path;  // shared between copies (model/source_path.h)
  int line = 0;
  int column = 0;
  bool operator==(const SourcePos&) const = default;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;
};

class Diagnostics {
 public:
  // The same message at the same place is kept once: a fault every page
  // meets (a template missing from the theme) is one line, not one per page.
  void Error(const SourcePos& pos, std::string message);
  void Warning(const SourcePos& pos, std::string message);

  // Adds another's diagnostics (one per thread, merged in a fixed order).
  void Merge(const Diagnostics& other);

  bool HasErrors() const { return error_count_ > 0; }
  int ErrorCount() const { return error_count_; }
  int WarningCount() const { return warning_count_; }
  const std::vector<Diagnostic>& All() const { return all_; }

  // Sorted by path, line, column, so output is stable whatever order the
  // stages found things in.
  std::vector<Diagnostic> Sorted() const;

 private:
  // False if the same diagnostic was added before.
  bool Add(Severity severity, const SourcePos& pos, std::string message);

  std::vector<Diagnostic> all_;
  std::set<std::tuple<Severity, std::string, int, int, std::string>> seen_;
  int error_count_ = 0;
  int warning_count_ = 0;
};

// "path:line:col: error: message" (line and col omitted when unknown).
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace clerk
