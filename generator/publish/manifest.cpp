#include "publish/manifest.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace clerk::publish {

namespace fs = std::filesystem;

std::string Sha256Hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

namespace {

bool ReadAll(const fs::path& path, std::string* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *data = s.str();
  return !in.bad();
}

}  // namespace

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty()) return false;
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string segment =
        path.substr(start, slash == std::string::npos ? slash : slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
}

std::string QuotePath(const std::string& path) {
  static const char* hex = "0123456789abcdef";
  std::string out = "'";
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "'";
}

std::optional<Manifest> ScanSite(const std::string& dir, int jobs, std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = dir + ": no such folder (run clerk build first, or give --out DIR)";
    return std::nullopt;
  }
  std::vector<std::string> paths;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    // Clerk's bookkeeping and markers are not part of the website.
    if (IsStateFile(rel)) continue;
    // The manifest written after the deploy must read back: a name it would
    // refuse (a line break, a backslash) is not deployed at all.
    if (!IsSafeRelativePath(rel)) {
      *error = QuotePath(dir + "/" + rel) +
               ": a file name with a control character or a backslash cannot be deployed";
      return std::nullopt;
    }
    paths.push_back(rel);
  }
  if (ec) {
    *error = dir + ": cannot list the folder: " + ec.message();
    return std::nullopt;
  }
  std::sort(paths.begin(), paths.end());

  std::vector<FileEntry> entries(paths.size());
  std::vector<std::string> failures(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    std::string data;
    for (size_t i; (i = next++) < paths.size();) {
      if (!ReadAll(fs::path(dir) / paths[i], &data)) {
        failures[i] = dir + "/" + paths[i] + ": cannot read the file";
        continue;
      }
      entries[i] = {static_cast<int64_t>(data.size()), Sha256Hex(data)};
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::max(1, jobs); ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();

  Manifest manifest;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!failures[i].empty()) {
      *error = failures[i];
      return std::nullopt;
    }
    manifest.emplace(paths[i], entries[i]);
  }
  return manifest;
}

std::string SerializeManifest(const Manifest& manifest) {
  std::string out = "clerk-manifest 1\n";
  for (const auto& [path, entry] : manifest) {
    if (entry.sha256.empty()) continue;  // unknown content is not recorded
    out += entry.sha256 + " " + std::to_string(entry.size) + " " + path + "\n";
  }
  size_t count = std::count(out.begin(), out.end(), '\n') - 1;
  out += "end " + std::to_string(count) + "\n";
  return out;
}

std::optional<Manifest> ParseManifest(const std::string& text, std::string* error) {
  std::istringstream in(text);
  std::string line;
  int number = 0;
  auto fail = [&](const std::string& why) {
    *error = "line " + std::to_string(number) + ": " + why;
    return std::nullopt;
  };
  ++number;
  if (!std::getline(in, line) || line != "clerk-manifest 1")
    return fail("not a clerk manifest (expected 'clerk-manifest 1')");
  Manifest manifest;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("end ", 0) == 0) {
      if (line != "end " + std::to_string(manifest.size()))
        return fail("the closing count does not match (" + line + ")");
      if (std::getline(in, line)) return fail("text after the closing line");
      return manifest;
    }
    size_t a = line.find(' ');
    size_t b = a == std::string::npos ? a : line.find(' ', a + 1);
    if (b == std::string::npos) return fail("expected '<sha256> <size> <path>'");
    std::string sha = line.substr(0, a);
    std::string size = line.substr(a + 1, b - a - 1);
    std::string path = line.substr(b + 1);
    bool hex = sha.size() == 64 && std::all_of(sha.begin(), sha.end(), [](char c) {
                 return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
               });
    bool digits = !size.empty() && size.size() < 19 &&
                  std::all_of(size.begin(), size.end(),
                              [](char c) { return c >= '0' && c <= '9'; });
    if (!hex || !digits) return fail("expected '<sha256> <size> <path>'");
    if (!IsSafeRelativePath(path))
      return fail("the path " + QuotePath(path) +
                  " is not a plain relative path inside the target (no '..', '.', empty "
                  "part, leading '/', backslash or control character)");
    if (!manifest.emplace(path, FileEntry{std::stoll(size), sha}).second)
      return fail("'" + path + "' is listed twice");
  }
  return fail("the manifest is cut short (no closing line)");
}

}  // namespace clerk::publish
