#include "builder/report.h"

#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/diagnostic_printer.h"

namespace clerk::builder {

void PrintDiagnostics(const Diagnostics& diag, std::ostream& out) {
  const bool colour = &out == &std::cerr && cli::ColourWanted(2);
  cli::PrintDiagnostics(diag.Sorted(), out, colour);
}

void PrintJson(const Diagnostics& diag, const nlohmann::json& readability) {
  nlohmann::json list = nlohmann::json::array();
  cli::SourceLines files;
  for (const Diagnostic& d : diag.Sorted()) {
    std::optional<std::string> excerpt = cli::ExcerptText(d, files);
    list.push_back({{"severity", d.severity == Severity::kError ? "error" : "warning"},
                    {"path", d.pos.path},
                    {"line", d.pos.line},
                    {"column", d.pos.column},
                    {"message", d.message},
                    {"excerpt", excerpt ? nlohmann::json(*excerpt) : nlohmann::json()}});
  }
  nlohmann::json out = {{"errors", diag.ErrorCount()},
                        {"warnings", diag.WarningCount()},
                        {"diagnostics", list}};
  if (!readability.is_null()) out["readability"] = readability;
  // Never throws: a byte that is not UTF-8 (in a path given on the command
  // line, say) is written as U+FFFD instead of ending clerk.
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string Elapsed(std::chrono::steady_clock::time_point started) {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

std::string Summary(const Diagnostics& diag) {
  return Plural(diag.ErrorCount(), "error") + ", " +
         Plural(diag.WarningCount(), "warning");
}

}  // namespace clerk::builder
