// What a build and a check say about themselves: diagnostics with their
// source lines (cli/diagnostic_printer.h), counts and times.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "model/diagnostics.h"

namespace clerk::builder {

// Each diagnostic with the line it is about and a caret under the column;
// in colour only on a terminal (standard error).
void PrintDiagnostics(const Diagnostics& diag, std::ostream& out);

// `clerk check --format json` on standard output, with the readability
// report when given.
void PrintJson(const Diagnostics& diag, const nlohmann::json& readability = nullptr);

// "1 meeting", "3 meetings".
std::string Plural(int n, const char* word);

// "0.42 s" since `started`.
std::string Elapsed(std::chrono::steady_clock::time_point started);

// "2 errors, 1 warning".
std::string Summary(const Diagnostics& diag);

}  // namespace clerk::builder
