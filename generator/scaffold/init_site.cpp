#include "scaffold/init_site.h"

#include <algorithm>
#include <array>

#include "scaffold/new_file.h"
#include "schema/editor_support.h"
#include "scaffold/templates.h"

namespace clerk::scaffold {

namespace fs = std::filesystem;

namespace {

// Each template and where it goes in the new site.
struct SiteFile {
  const char* template_name;
  const char* path;  // @MEETING_DATE@ is replaced
};

constexpr std::array<SiteFile, 10> kSiteFiles = {{
    {"site.yaml", "site.yaml"},
    {"committee.yaml", "content/committees/overview-scrutiny.yaml"},
    {"person.yaml", "content/people/sam-taylor.yaml"},
    {"venues.yaml", "content/venues.yaml"},
    {"glossary.yaml", "content/glossary.yaml"},
    {"meeting.yaml", "content/meetings/@MEETING_DATE@-overview-scrutiny/meeting.yaml"},
    {"gitignore", ".gitignore"},
    {"editorconfig", ".editorconfig"},
    {"github-publish.yml", ".github/workflows/publish.yml"},
    {"gitlab-ci.yml", ".gitlab-ci.yml"},
}};

std::string Filled(std::string_view text, const Date& today) {
  std::string out(text);
  const std::array<std::pair<std::string, std::string>, 2> values = {{
      {"@TODAY@", IsoDate(today)},
      {"@MEETING_DATE@", IsoDate(FirstMeetingDate(today))},
  }};
  for (const auto& [key, value] : values) {
    for (size_t at = out.find(key); at != std::string::npos;
         at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  }
  return out;
}

Date NextDay(Date d) {
  if (++d.day > DaysInMonth(d.year, d.month)) {
    d.day = 1;
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return d;
}

// "" when clerk init may write into `dir`; else why not.
std::string WhyNotHere(const fs::path& dir) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return "";
  if (!fs::is_directory(status))
    return ShownPath(dir) + " is a file, not a folder: give the name of a new folder";
  std::vector<std::string> held;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name != ".git") held.push_back(name);
  }
  if (ec) return "cannot read the folder " + ShownPath(dir) + ": " + ec.message();
  if (held.empty()) return "";
  std::sort(held.begin(), held.end());
  std::string list = held.front();
  for (size_t i = 1; i < held.size() && i < 3; ++i) list += ", " + held[i];
  if (held.size() > 3) list += " and " + std::to_string(held.size() - 3) + " more";
  return ShownPath(dir) + " is not empty (it holds " + list +
         "): clerk init writes a new site only into a new or empty folder, so that "
         "nothing in it is overwritten. Give a new folder name";
}

// Leaves `dir` as it was found after a failure: removes the files this run
// wrote, then the folders left empty (the folder held nothing but .git, so
// an empty folder in it is this run's), and `dir` itself if this run made it.
void RemoveWhatWasMade(const fs::path& dir, bool existed,
                       std::vector<fs::path>* written) {
  std::error_code ec;
  for (const fs::path& made : *written) fs::remove(made, ec);
  written->clear();
  std::vector<fs::path> folders;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec) && !it->is_symlink(ec)) folders.push_back(it->path());
  }
  // Deepest first; remove() leaves a folder that is not empty.
  std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
    return a.native().size() > b.native().size();
  });
  for (const fs::path& folder : folders) fs::remove(folder, ec);
  if (!existed) fs::remove(dir, ec);
}

}  // namespace

Date FirstMeetingDate(const Date& today) {
  Date d = today;
  for (int i = 0; i < 28; ++i) d = NextDay(d);
  // A working day: not a weekend, nor a bank holiday that falls on a fixed date.
  auto holiday = [](const Date& x) {
    return (x.month == 1 && x.day == 1) || (x.month == 12 && x.day >= 25 && x.day <= 26);
  };
  while (DayOfWeek(d) >= 5 || holiday(d)) d = NextDay(d);
  return d;
}

bool InitSite(const fs::path& dir, const Date& today, std::vector<fs::path>* written,
              std::string* error) {
  *error = WhyNotHere(dir);
  if (!error->empty()) return false;
  std::error_code ec;
  const bool existed = fs::exists(fs::symlink_status(dir, ec));
  for (const SiteFile& file : kSiteFiles) {
    auto text = Templates().find(file.template_name);
    fs::path path = dir / Filled(file.path, today);
    bool ok = text != Templates().end() &&
              WriteNewFile(path, Filled(text->second, today), error);
    if (text == Templates().end())
      *error = std::string("internal error: no template ") + file.template_name;
    if (!ok) {
      RemoveWhatWasMade(dir, existed, written);
      return false;
    }
    written->push_back(path);
  }
  // Editor support: the schemas and the VS Code mapping (schema/editor_support.h).
  // The folder held nothing but .git, so whatever is in these two is this run's.
  if (!schema::WriteEditorSupport(dir, error)) {
    fs::remove_all(dir / ".clerk", ec);
    fs::remove_all(dir / ".vscode", ec);
    RemoveWhatWasMade(dir, existed, written);
    return false;
  }
  written->push_back(dir / schema::kSiteSchemaDir);
  written->push_back(dir / ".vscode/settings.json");
  return true;
}

int RunInit(const std::string& dir, const Date& today, std::ostream& out,
            std::ostream& err) {
  std::vector<fs::path> written;
  std::string error;
  if (!InitSite(dir, today, &written, &error)) {
    err << "clerk init: error: " << error << "\n";
    return 1;
  }
  out << "Created a new site in " << ShownPath(dir) << ":\n";
  std::error_code ec;
  for (const fs::path& path : written)
    out << "  " << path.lexically_relative(dir).string()
        << (fs::is_directory(path, ec) ? "/ (JSON Schemas, for editors)" : "") << "\n";
  out << "\nNext:\n"
      << "  cd " << ShownPath(dir) << "\n"
      << "  clerk check          # reads everything, writes nothing\n"
      << "  clerk serve          # preview at http://127.0.0.1:8000, rebuilt as you "
         "edit\n"
      << "  clerk build          # the site, into public/\n"
      << "Then put the folder in git and push it: .github/workflows/publish.yml "
         "(GitHub) or .gitlab-ci.yml (GitLab) checks, builds and deploys every push "
         "once you set CLERK_DEB_URL and CLERK_DEPLOY_TARGET (see the comments at "
         "their top).\n";
  return 0;
}

}  // namespace clerk::scaffold
