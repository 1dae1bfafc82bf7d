// The record cache: meeting folders read back exactly as they were loaded,
// and only while their files are unchanged.
#include "incremental/record_cache.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "content/loader.h"
#include "content/paper_body.h"
#include "incremental/records_fingerprint.h"
#include "test_support.h"

using namespace clerk;
namespace fs = std::filesystem;

TEST_CASE("every meeting record of the example site survives the cache", "[content]") {
  Diagnostics diag;
  Site site = LoadSite(testing::SourceDir().string(), diag);
  REQUIRE(diag.ErrorCount() == 0);
  REQUIRE(!site.meetings.empty());
  REQUIRE(!site.easy_read_versions.empty());
  Site back;
  REQUIRE(RecordCache::RoundTrip(site, back));
  // Field by field (the records compare every member), so a field the cache
  // forgets shows here.
  CHECK(back.meetings == site.meetings);
  CHECK(back.documents == site.documents);
  CHECK(back.minutes == site.minutes);
  CHECK(back.easy_read_versions == site.easy_read_versions);
  REQUIRE(!site.work_programmes.empty());
  CHECK(back.work_programmes == site.work_programmes);
}

TEST_CASE("positions read back from the cache share one copy of their file's path",
          "[content]") {
  Diagnostics diag;
  Site site = LoadSite(testing::SourceDir().string(), diag);
  REQUIRE(diag.ErrorCount() == 0);
  Site back;
  REQUIRE(RecordCache::RoundTrip(site, back));
  size_t checked = 0;
  for (const auto& [id, m] : back.meetings) {
    if (m.start_pos.path.empty()) continue;
    REQUIRE(m.start_pos.path == m.pos.path);
    // The same text, not an equal copy: a large site holds over a million
    // positions (model/source_path.h).
    CHECK(&m.start_pos.path.str() == &m.pos.path.str());
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("work programmes come from the cache while their folder is unchanged",
          "[content]") {
  testing::TempDir dir;
  fs::path source = dir.path() / "site";
  testing::CopyTree(testing::SourceDir() / "content", source / "content");
  fs::copy_file(testing::SourceDir() / "site.yaml", source / "site.yaml");
  const std::string cache_dir = (dir.path() / "cache").string();
  Diagnostics diag;
  RecordCache first(cache_dir);
  Site loaded = LoadSite(source.string(), diag, &first);
  REQUIRE(diag.ErrorCount() == 0);
  REQUIRE(!loaded.work_programmes.empty());
  REQUIRE(loaded.folder_records.count(kWorkProgrammesEntry));
  const Fingerprint records = RecordsFingerprint(loaded, 1);
  first.Save(loaded);
  REQUIRE(fs::exists(fs::path(cache_dir) / (std::string(kWorkProgrammesEntry) + ".rec")));

  // Read back: the same records, though one file now holds what would be
  // an error if it were parsed (same size and time, so the cache cannot tell).
  const std::string id = loaded.work_programmes.begin()->first;
  fs::path file = source / "content/work-programmes" / (id + ".yaml");
  const auto time = fs::last_write_time(file);
  std::string text = testing::ReadFile(file);
  testing::WriteFile(file, std::string(text.size(), ':'));
  fs::last_write_time(file, time);
  RecordCache again(cache_dir);
  Diagnostics again_diag;
  Site cached = LoadSite(source.string(), again_diag, &again);
  CHECK(again_diag.ErrorCount() == 0);
  CHECK(cached.work_programmes == loaded.work_programmes);
  // Their fingerprint comes back with them, so the records' fingerprint
  // does not read the programmes' files again (it would see the change).
  CHECK(cached.folder_records == loaded.folder_records);
  CHECK(RecordsFingerprint(cached, 1) == records);

  // One programme edited: parsed again, with the edit.
  size_t at = text.find("title: ");
  REQUIRE(at != std::string::npos);
  text.insert(at + 7, "Revised ");
  testing::WriteFile(file, text);
  RecordCache edited(cache_dir);
  Diagnostics edited_diag;
  Site after = LoadSite(source.string(), edited_diag, &edited);
  CHECK(after.work_programmes.at(id).title.rfind("Revised ", 0) == 0);
  CHECK(after.folder_records.at(kWorkProgrammesEntry) !=
        loaded.folder_records.at(kWorkProgrammesEntry));
  CHECK(RecordsFingerprint(after, 1) != records);
}

// `cached` is `loaded` with every body left in its file, and `read` gives
// each body back as it was loaded.
template <typename Record>
void CheckBodiesLeftInFiles(const std::map<std::string, Record>& loaded,
                            const std::map<std::string, Record>& cached,
                            std::optional<std::string> (*read)(const Record&,
                                                               Diagnostics&)) {
  REQUIRE(!loaded.empty());
  std::map<std::string, Record> without_bodies = loaded;
  for (auto& [key, record] : without_bodies) {
    CHECK(!record.body_in_file_only);
    CHECK(record.body_fingerprint == FingerprintOf(record.body));
    record.body.clear();
    record.body_in_file_only = true;
  }
  CHECK(cached == without_bodies);
  for (const auto& [key, record] : cached) {
    Diagnostics body_diag;
    std::optional<std::string> body = read(record, body_diag);
    REQUIRE(body);
    CHECK(*body == loaded.at(key).body);
  }
}

TEST_CASE("a cached folder is used only while its files are unchanged", "[content]") {
  testing::TempDir dir;
  fs::path source = dir.path() / "site";
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", source);
  const std::string cache_dir = (dir.path() / "cache").string();

  Diagnostics first_diag;
  RecordCache first(cache_dir);
  Site loaded = LoadSite(source.string(), first_diag, &first);
  REQUIRE(first_diag.ErrorCount() == 0);
  CHECK(first.hits() == 0);
  first.Save(loaded);

  Diagnostics again_diag;
  RecordCache again(cache_dir);
  Site cached = LoadSite(source.string(), again_diag, &again);
  CHECK(again.hits() == loaded.meetings.size());
  CHECK(cached.meetings == loaded.meetings);
  // Papers and minutes come back without their bodies, which are read from
  // their files when needed, and must be the text that was loaded.
  CheckBodiesLeftInFiles(loaded.documents, cached.documents, PaperBody);
  CheckBodiesLeftInFiles(loaded.minutes, cached.minutes, MinutesBody);
  CHECK(cached.folder_records == loaded.folder_records);
  CHECK(loaded.folder_records.size() ==
        loaded.meetings.size() + loaded.folder_records.count(kWorkProgrammesEntry));

  // One folder edited: that one is parsed, and shows the edit.
  const std::string id = loaded.meetings.begin()->first;
  fs::path yaml = source / "content/meetings" / id / "meeting.yaml";
  testing::WriteFile(yaml,
                     testing::ReadFile(yaml) + "webcast: https://example.org/live\n");
  Diagnostics edited_diag;
  RecordCache edited(cache_dir);
  Site after = LoadSite(source.string(), edited_diag, &edited);
  CHECK(edited.hits() == loaded.meetings.size() - 1);
  CHECK(after.meetings.at(id).webcast == "https://example.org/live");
  CHECK(after.folder_records.at(id) != loaded.folder_records.at(id));

  // A paper changed behind the cache's back (same size and time): its body
  // is not taken for the one that was loaded.
  {
    const Document& doc = cached.documents.begin()->second;
    std::string text = testing::ReadFile(doc.path);
    size_t at = text.find_last_of("abcdefghijklmnopqrstuvwxyz");
    REQUIRE(at != std::string::npos);
    text[at] = text[at] == 'a' ? 'b' : 'a';
    testing::WriteFile(doc.path, text);
    Diagnostics changed_diag;
    CHECK(!PaperBody(doc, changed_diag));
    CHECK(changed_diag.ErrorCount() == 1);
  }

  // A damaged entry is not used.
  for (const auto& e : fs::directory_iterator(cache_dir))
    testing::WriteFile(e.path(), "clerk records v3\ngarbage");
  Diagnostics damaged_diag;
  RecordCache damaged(cache_dir);
  Site reparsed = LoadSite(source.string(), damaged_diag, &damaged);
  CHECK(damaged.hits() == 0);
  CHECK(reparsed.meetings.size() == loaded.meetings.size());
}

TEST_CASE("the records' fingerprint reads papers only up to their front matter",
          "[content]") {
  // Loaded without a cache no folder is fingerprinted by the loader, so the
  // records' fingerprint reads every paper itself: a body edit leaves it,
  // a front-matter edit changes it.
  testing::TempDir dir;
  fs::path source = dir.path() / "site";
  testing::CopyTree(testing::SourceDir() / "content", source / "content");
  fs::copy_file(testing::SourceDir() / "site.yaml", source / "site.yaml");
  auto fingerprint = [&] {
    Diagnostics diag;
    Site site = LoadSite(source.string(), diag);
    REQUIRE(diag.ErrorCount() == 0);
    REQUIRE(site.folder_records.empty());
    return RecordsFingerprint(site, 2);
  };
  const Fingerprint before = fingerprint();
  const fs::path paper =
      source / "content/meetings/2019-09-16-cyp-scrutiny/youth-justice-plan-report.md";
  const std::string text = testing::ReadFile(paper);
  testing::WriteFile(paper, text + "\nA sentence added to the body.\n");
  CHECK(fingerprint() == before);
  std::string retitled = text;
  retitled.replace(retitled.find("\ntitle: "), 8, "\ntitle: Revised ");
  testing::WriteFile(paper, retitled);
  CHECK(fingerprint() != before);
}

namespace {

// A meeting folder's records in `site`: the meeting, two papers, minutes, an
// easy-read version and the records' fingerprint.
void AddFolder(Site& site, const std::string& folder) {
  site.meetings[folder].id = folder;
  for (const char* paper : {"report", "appendix"}) {
    Document& d = site.documents[folder + "/" + paper];
    d.meeting_id = folder;
    d.id = paper;
  }
  site.minutes[folder].meeting_id = folder;
  site.easy_read_versions[folder + "/report"].document_id = "report";
  site.folder_records[folder] = Hasher().Add(folder).Finish();
}

}  // namespace

TEST_CASE("a session takes its reusable meeting folders whole, and holds back the rest",
          "[content][session]") {
  LoadedBefore before;
  for (const char* folder :
       {"2020-01-01-a", "2020-02-01-b", "2020-03-01-c", "2020-04-01-d"})
    AddFolder(before.site, folder);
  before.site.folder_records[kWorkProgrammesEntry] = Hasher().Add("wp").Finish();
  // c warned last time; d has gone from the disk since.
  before.reusable = {"2020-01-01-a", "2020-02-01-b", "2020-04-01-d",
                     kWorkProgrammesEntry};
  const Meeting* a_before = &before.site.meetings.at("2020-01-01-a");
  const Document* b_paper = &before.site.documents.at("2020-02-01-b/report");

  RecordCache cache("");
  cache.ReuseFrom(&before);
  Site site;
  site.meetings["2020-09-09-refused"].incomplete = true;  // registered by the walk
  std::vector<std::string> folders = {"2020-05-01-e", "2020-03-01-c", "2020-02-01-b",
                                      "2020-01-01-a"};
  cache.ReuseMeetingFolders(folders, site);

  // Taken: a and b, the same objects; the rest is left to load.
  CHECK(folders == std::vector<std::string>{"2020-03-01-c", "2020-05-01-e"});
  CHECK(cache.hits() == 2);
  CHECK(&site.meetings.at("2020-01-01-a") == a_before);
  CHECK(&site.documents.at("2020-02-01-b/report") == b_paper);
  CHECK(site.meetings.size() == 3);  // a, b and the refused one
  CHECK(site.meetings.count("2020-09-09-refused"));
  CHECK(site.documents.size() == 4);
  CHECK(site.minutes.size() == 2);
  CHECK(site.easy_read_versions.size() == 2);
  CHECK(site.folder_records.size() == 2);
  CHECK(cache.clean() == std::set<std::string>{"2020-01-01-a", "2020-02-01-b"});

  // Held back where they were: c and d, every record, and the work
  // programmes' entry, which is no meeting's.
  CHECK(before.site.meetings.size() == 2);
  CHECK(before.site.documents.size() == 4);
  CHECK(before.site.minutes.size() == 2);
  CHECK(before.site.easy_read_versions.size() == 2);
  CHECK(before.site.folder_records.size() == 3);
  CHECK(before.site.folder_records.count(kWorkProgrammesEntry));
  CHECK(before.reusable == std::set<std::string>{"2020-04-01-d", kWorkProgrammesEntry});

  // Taken once: asked again, nothing comes.
  Site again;
  std::vector<std::string> same = {"2020-01-01-a"};
  cache.ReuseMeetingFolders(same, again);
  CHECK(same == std::vector<std::string>{"2020-01-01-a"});
  CHECK(again.meetings.empty());
}
