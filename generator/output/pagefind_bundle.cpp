#include "output/pagefind_bundle.h"

#include <zlib.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>

namespace clerk::output {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSignature = "pagefind_dcd";
constexpr std::string_view kExtension = ".pf_fragment";

// The gzip file's bytes, inflated; "" if it is not gzip or is damaged.
std::string Inflate(const std::string& compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return "";
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char buffer[16384];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  return status == Z_STREAM_END ? out : "";
}

// Whether `id` looks like Pagefind's ("en-gb_30ce1ff"): the search page's
// list of results to hide is JSON written from these, so nothing else
// gets in.
bool PlainId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
      return false;
  }
  return true;
}

// The pages of one fragment file into `pages`.
void ReadFragment(const fs::path& file, const std::string& id,
                  std::map<std::string, std::string>& pages) {
  std::ifstream in(file, std::ios::binary);
  const std::string text = Inflate(
      std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
  if (text.compare(0, kSignature.size(), kSignature) != 0) return;
  const nlohmann::json json =
      nlohmann::json::parse(text.begin() + kSignature.size(), text.end(), nullptr, false);
  if (!json.is_object()) return;
  auto url = json.find("url");
  if (url != json.end()) {
    if (url->is_string() && PlainId(id)) pages[url->get<std::string>()] = id;
    return;
  }
  for (const auto& [member, fragment] : json.items()) {  // a group: id -> fragment
    if (!fragment.is_object()) continue;
    auto inner = fragment.find("url");
    if (inner != fragment.end() && inner->is_string() && PlainId(member))
      pages[inner->get<std::string>()] = member;
  }
}

}  // namespace

std::map<std::string, std::string> BundlePages(const std::string& bundle_dir) {
  std::map<std::string, std::string> pages;
  std::error_code ec;
  for (const auto& entry :
       fs::directory_iterator(fs::path(bundle_dir) / "fragment", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= kExtension.size() ||
        name.compare(name.size() - kExtension.size(), kExtension.size(), kExtension) != 0)
      continue;
    ReadFragment(entry.path(), name.substr(0, name.size() - kExtension.size()), pages);
  }
  return pages;
}

}  // namespace clerk::output
