// Person-written easy-read versions: <document>.easy.md beside <document>.md.
// Front matter records the SHA-256 of the document the version was written
// from (`written_from`); when the document has changed since, the version is
// marked out of date, `clerk check` warns, and the page says so.
#include <openssl/evp.h>

#include <filesystem>
#include <iomanip>
#include <sstream>

#include "content/record_loaders.h"
#include "content/source_files.h"
#include "content/yaml_reader.h"

namespace clerk {
namespace {

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::ostringstream out;
  for (unsigned int i = 0; i < length; ++i) {
    out << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(digest[i]);
  }
  return out.str();
}

}  // namespace

void LoadEasyReadVersion(const std::string& meeting_id, const std::string& document_id,
                         const std::string& dir, const std::string& display_dir,
                         Site& site, Diagnostics& diag) {
  namespace fs = std::filesystem;
  std::string name = document_id + ".easy.md";
  std::string path = (fs::path(dir) / name).string();
  std::string display = display_dir + "/" + name;
  std::string doc_path = (fs::path(dir) / (document_id + ".md")).string();
  if (!fs::exists(doc_path)) {
    diag.Error({display, 1, 1}, "easy-read version of '" + document_id +
                                    "', but there is no " + document_id +
                                    ".md in this meeting folder");
    return;
  }
  std::string text;
  if (!ReadTextFile(path, display, &text, diag)) return;
  FrontMatter fm = SplitFrontMatter(text, display, diag);
  if (!fm.present) {
    if (text.rfind("---\n", 0) != 0)
      diag.Error({display, 1, 1},
                 "an easy-read version starts with front matter: '---', "
                 "'written_from: <sha256 of " +
                     document_id + ".md>', '---'");
    return;
  }
  std::optional<YAML::Node> yaml = ParseYaml(fm.yaml, display, fm.yaml_line, diag);
  if (!yaml) return;
  YamlRecord r(*yaml, display, fm.yaml_line, "easy-read front matter", diag);
  if (!r.ok()) return;
  EasyReadVersion v;
  v.meeting_id = meeting_id;
  v.document_id = document_id;
  v.pos = {display, 1, 1};
  v.path = display;
  v.written_from = r.String("written_from", true);
  v.written_from_pos = r.PosOfKey("written_from");
  r.Finish();
  std::string doc_text;
  ReadTextFile(doc_path, display_dir + "/" + document_id + ".md", &doc_text, diag);
  v.document_sha256 = Sha256Hex(doc_text);
  if (v.written_from.rfind("sha256:", 0) == 0) v.written_from = v.written_from.substr(7);
  if (!v.written_from.empty() && v.written_from != v.document_sha256) {
    v.out_of_date = true;
    diag.Warning(v.written_from_pos,
                 document_id +
                     ".md has changed since this easy-read version was written: "
                     "check it still says the same, then set 'written_from: " +
                     v.document_sha256 + "'");
  }
  v.body = fm.body;
  v.body_line = fm.body_line;
  site.easy_read_versions[meeting_id + "/" + document_id] = std::move(v);
}

}  // namespace clerk
