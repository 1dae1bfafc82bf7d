#include "incremental/saved_checks.h"

#include <filesystem>
#include <string_view>

#include "files/atomic_write.h"
#include "files/source_files.h"
#include "incremental/little_endian.h"

namespace clerk {
namespace {

constexpr std::string_view kHeader = "clerk checks v1\n";

void PutText(std::string& out, std::string_view text) {
  PutU64(out, text.size());
  out.append(text);
}

void PutDiagnostics(std::string& out, const Diagnostics& diag) {
  PutU64(out, diag.All().size());
  for (const Diagnostic& d : diag.All()) {
    PutU64(out, d.severity == Severity::kError ? 0 : 1);
    PutText(out, d.pos.path.str());
    PutU64(out, static_cast<uint64_t>(d.pos.line));
    PutU64(out, static_cast<uint64_t>(d.pos.column));
    PutText(out, d.message);
  }
}

// Reads what the Put functions wrote; `ok` turns false at the first thing
// that is cut short or out of range, and stays false.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok() const { return ok_; }
  bool done() const { return rest_.empty(); }

  uint64_t U64() {
    if (rest_.size() < 8) return Fail();
    const uint64_t v = GetU64(rest_.data());
    rest_.remove_prefix(8);
    return v;
  }
  std::string Text() {
    const uint64_t size = U64();
    if (!ok_ || size > rest_.size()) return Fail(), std::string();
    std::string text(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return text;
  }
  // A count of things each at least `min_bytes` long: no more than are left.
  uint64_t Count(size_t min_bytes) {
    const uint64_t n = U64();
    return ok_ && n <= rest_.size() / min_bytes ? n : Fail();
  }
  int Number() {
    const uint64_t v = U64();
    return v <= 1u << 30 ? static_cast<int>(v) : static_cast<int>(Fail());
  }
  Diagnostics Findings() {
    Diagnostics diag;
    const uint64_t n = Count(40);
    for (uint64_t i = 0; ok_ && i < n; ++i) {
      const uint64_t severity = U64();
      std::string path = Text();
      const int line = Number(), column = Number();
      std::string message = Text();
      if (!ok_ || severity > 1) return Fail(), Diagnostics();
      const SourcePos pos{std::move(path), line, column};
      if (severity == 0)
        diag.Error(pos, std::move(message));
      else
        diag.Warning(pos, std::move(message));
    }
    return diag;
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    rest_ = {};
    return 0;
  }
  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace

std::optional<SavedChecks> LoadSavedChecks(const std::string& path) {
  std::string bytes;
  if (!ReadWholeFile(path, &bytes) ||
      std::string_view(bytes).substr(0, kHeader.size()) != kHeader)
    return std::nullopt;
  Reader r(std::string_view(bytes).substr(kHeader.size()));
  SavedChecks checks;
  checks.key.high = r.U64();
  checks.key.low = r.U64();
  const uint64_t stamps = r.Count(24);
  for (uint64_t i = 0; r.ok() && i < stamps; ++i) {
    std::string folder = r.Text();
    Fingerprint& stamp = checks.folder_stamps[std::move(folder)];
    stamp.high = r.U64();
    stamp.low = r.U64();
  }
  checks.records = r.Findings();
  checks.acronyms_site_wide = r.Findings();
  const uint64_t folders = r.Count(16);
  for (uint64_t i = 0; r.ok() && i < folders; ++i) {
    std::string folder = r.Text();
    checks.acronyms_by_folder[std::move(folder)] = r.Findings();
  }
  if (!r.ok() || !r.done()) return std::nullopt;
  return checks;
}

bool SaveSavedChecks(const SavedChecks& checks, const std::string& path) {
  std::string out(kHeader);
  PutU64(out, checks.key.high);
  PutU64(out, checks.key.low);
  PutU64(out, checks.folder_stamps.size());
  for (const auto& [folder, stamp] : checks.folder_stamps) {
    PutText(out, folder);
    PutU64(out, stamp.high);
    PutU64(out, stamp.low);
  }
  PutDiagnostics(out, checks.records);
  PutDiagnostics(out, checks.acronyms_site_wide);
  PutU64(out, checks.acronyms_by_folder.size());
  for (const auto& [folder, diag] : checks.acronyms_by_folder) {
    PutText(out, folder);
    PutDiagnostics(out, diag);
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return WriteFileAtomically(path, out);
}

}  // namespace clerk
