// Person-written easy-read versions: <document>.easy.md beside <document>.md.
// Front matter records the SHA-256 of the document the version was written
// from (`written_from`); when the document has changed since, the version is
// marked out of date, `clerk check` warns, and the page says so.
#include <openssl/evp.h>

#include <cstring>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include "content/pictogram_names.h"
#include "content/record_loaders.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "schema/tables.h"

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

bool Blank(char c) {
  return c == ' ' || c == '\t';
}

// "(picture: money)" at the start of a paragraph chooses its pictogram (the
// renderer reads paragraphs the same way: lines up to a blank line or a
// heading). A name with no pictogram is an error at the name, and the
// renderer never uses it.
void CheckPictureNames(const std::string& body, int body_line, const std::string& path,
                       Diagnostics& diag) {
  const std::string open = "(picture:";
  bool in_paragraph = false;
  std::string para;  // the paragraph's text so far, lines joined by spaces
  SourcePos name_at;
  auto flush = [&] {
    if (!para.empty()) {
      size_t close = para.find(')');
      if (close != std::string::npos) {
        std::string name = para.substr(open.size(), close - open.size());
        size_t b = name.find_first_not_of(" \t");
        size_t e = name.find_last_not_of(" \t");
        name = b == std::string::npos ? "" : name.substr(b, e - b + 1);
        if (!name.empty() && !IsPictogram(name))
          diag.Error(name_at, UnknownPictogramMessage(name));
      }
    }
    para.clear();
    in_paragraph = false;
  };
  int line_no = body_line;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    size_t first = 0;
    while (first < line.size() && Blank(line[first])) ++first;
    if (line.rfind("## ", 0) == 0 || line.rfind("# ", 0) == 0 || first == line.size()) {
      flush();
    } else if (!in_paragraph) {
      in_paragraph = true;
      if (line.compare(first, open.size(), open) == 0) {
        size_t name = first + open.size();
        while (name < line.size() && Blank(line[name])) ++name;
        name_at = {path, line_no, static_cast<int>(name) + 1};
        para = line.substr(first) + " ";
      }
    } else if (!para.empty()) {
      para += line + " ";
    }
    ++line_no;
    start = end + 1;
  }
  flush();
}

}  // namespace

void LoadEasyReadVersion(const std::string& meeting_id, const std::string& document_id,
                         const std::string& dir, const std::string& display_dir,
                         Site& site, Diagnostics& diag, Disk& disk) {
  namespace fs = std::filesystem;
  std::string name = document_id + ".easy.md";
  std::string path = (fs::path(dir) / name).string();
  std::string display = display_dir + "/" + name;
  std::string doc_path = (fs::path(dir) / (document_id + ".md")).string();
  // A file we may not look at is an error, never an exception out of the
  // loader (Stat never throws).
  const FileStat doc_stat = disk.Stat(doc_path);
  if (CannotLook(doc_stat)) {
    diag.Error({display, 1, 1},
               "cannot read " + document_id + ".md: " + std::strerror(doc_stat.error));
    return;
  }
  if (doc_stat.kind == FileKind::kMissing) {
    diag.Error({display, 1, 1}, "easy-read version of '" + document_id +
                                    "', but there is no " + document_id +
                                    ".md in this meeting folder");
    return;
  }
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return;
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
  const SourcePath at(display);  // one copy for all the version's positions
  YamlRecord r(*yaml, at, fm.yaml_line, schema::EasyReadTable(), diag);
  if (!r.ok()) return;
  EasyReadVersion v;
  v.meeting_id = meeting_id;
  v.document_id = document_id;
  v.pos = {at, 1, 1};
  v.path = display;
  v.written_from = r.String("written_from", true);
  v.written_from_pos = r.PosOfKey("written_from");
  r.Finish();
  std::string doc_text;
  ReadTextFile(disk, doc_path, display_dir + "/" + document_id + ".md", &doc_text, diag);
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
  CheckPictureNames(v.body, v.body_line, display, diag);
  site.easy_read_versions[meeting_id + "/" + document_id] = std::move(v);
}

}  // namespace clerk
