#include "model/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace clerk {

bool Diagnostics::Add(Severity severity, const SourcePos& pos, std::string message) {
  if (!seen_.emplace(severity, pos.path, pos.line, pos.column, message).second)
    return false;
  all_.push_back({severity, pos, std::move(message)});
  return true;
}

void Diagnostics::Error(const SourcePos& pos, std::string message) {
  if (Add(Severity::kError, pos, std::move(message))) ++error_count_;
}

void Diagnostics::Warning(const SourcePos& pos, std::string message) {
  if (Add(Severity::kWarning, pos, std::move(message))) ++warning_count_;
}

void Diagnostics::Merge(const Diagnostics& other) {
  for (const Diagnostic& d : other.all_) {
    if (d.severity == Severity::kError) {
      Error(d.pos, d.message);
    } else {
      Warning(d.pos, d.message);
    }
  }
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = all_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.pos.path, a.pos.line, a.pos.column) <
                            std::tie(b.pos.path, b.pos.line, b.pos.column);
                   });
  return sorted;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.pos.path;
  if (d.pos.line > 0) {
    out += ":" + std::to_string(d.pos.line);
    if (d.pos.column > 0) out += ":" + std::to_string(d.pos.column);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

}  // namespace clerk
